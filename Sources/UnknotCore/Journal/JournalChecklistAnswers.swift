import Foundation
import GRDB

/// One session's checklist answers as the journal keeps them, for comparing desk checks.
public struct JournalChecklist: Sendable, Equatable {
  public var startedAt: Date
  /// Each item's last answer in the session (an item answered again after going back
  /// counts as the later answer), in the order the items were first asked.
  public var answers: [Answer]

  public struct Answer: Sendable, Equatable {
    public var item: String
    public var question: String
    public var answer: ChecklistAnswer

    public init(item: String, question: String, answer: ChecklistAnswer) {
      self.item = item
      self.question = question
      self.answer = answer
    }
  }

  public init(startedAt: Date, answers: [Answer]) {
    self.startedAt = startedAt
    self.answers = answers
  }
}

extension SQLiteJournal {
  /// The sessions of a routine that answered at least one checklist item, oldest first.
  public func checklists(routineID: String) throws(JournalError) -> [JournalChecklist] {
    try perform("read the checklist answers") {
      try dbQueue.read { db in
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT s.id, s.started_at, a.item_id, a.question, a.answer
            FROM checklist_answers a JOIN sessions s ON s.id = a.session_id
            WHERE s.routine_id = ?
            ORDER BY s.started_at, s.id, a.ordinal
            """, arguments: [routineID])
        var checklists: [JournalChecklist] = []
        var lastSession: Int64?
        for row in rows {
          let session: Int64 = row["id"]
          guard let answer = ChecklistAnswer(rawValue: row["answer"]) else { continue }
          if session != lastSession {
            checklists.append(
              JournalChecklist(startedAt: JournalTime.date(milliseconds: row["started_at"]), answers: []))
            lastSession = session
          }
          let entry = JournalChecklist.Answer(item: row["item_id"], question: row["question"], answer: answer)
          if let index = checklists[checklists.count - 1].answers.firstIndex(where: { $0.item == entry.item }) {
            checklists[checklists.count - 1].answers[index] = entry
          } else {
            checklists[checklists.count - 1].answers.append(entry)
          }
        }
        return checklists
      }
    }
  }
}
