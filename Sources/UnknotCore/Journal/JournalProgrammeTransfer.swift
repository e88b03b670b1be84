import Foundation
import GRDB

extension JournalExportDocument.ProgrammeEntry {
  init(_ enrolment: ProgrammeEnrolment) {
    func time(_ date: Date) -> String { JournalTime.iso8601(milliseconds: JournalTime.milliseconds(date)) }
    self.init(
      programme: enrolment.programmeID, title: enrolment.programmeTitle, contentHash: enrolment.contentHash,
      startedAt: time(enrolment.startedAt), leftAt: enrolment.leftAt.map(time),
      pauses: enrolment.pauses.map { pause in
        JournalExportDocument.ProgrammePauseEntry(pausedAt: time(pause.pausedAt), resumedAt: pause.resumedAt.map(time))
      })
  }
}

/// Importing programme enrolments: each checked, with its place in the file named, and
/// never a second active programme (a person follows one at a time).
extension SQLiteJournal {
  /// Adds the enrolments the journal does not have (same programme, same start);
  /// returns how many were added.
  static func insertProgrammes(_ entries: [JournalExportDocument.ProgrammeEntry], in db: Database) throws -> Int {
    var added = 0
    for (index, entry) in entries.enumerated() {
      let enrolment = try checked(entry, at: "programmes[\(index)]")
      let exists = try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM programme_enrolments WHERE programme_id = ? AND started_at = ?)",
        arguments: [enrolment.programmeID, JournalTime.milliseconds(enrolment.startedAt)])
      guard exists != true else { continue }
      if enrolment.leftAt == nil, let active = try activeEnrolment(in: db) {
        throw ImportProblem(
          message:
            "programmes[\(index)] is '\(ImportRules.shown(entry.title))', still being followed, and this journal already follows "
            + "'\(ImportRules.shown(active.programmeTitle))'; one programme is followed at a time. Leave it first "
            + "(unknot programme leave), then import again")
      }
      _ = try insert(enrolment, in: db)
      added += 1
    }
    return added
  }

  private static func checked(
    _ entry: JournalExportDocument.ProgrammeEntry, at place: String
  ) throws -> ProgrammeEnrolment {
    func time(_ text: String, _ field: String) throws -> Date {
      guard let value = JournalTime.milliseconds(iso8601: text), value >= 0 else {
        throw ImportProblem(
          message: "\(place).\(field) '\(ImportRules.shown(text))' is not a time like 2025-03-01T07:30:00.250Z")
      }
      return JournalTime.date(milliseconds: value)
    }
    guard !entry.programme.isEmpty else {
      throw ImportProblem(message: "\(place).programme is empty; it should be a programme's id")
    }
    let startedAt = try time(entry.startedAt, "startedAt")
    let leftAt = try entry.leftAt.map { try time($0, "leftAt") }
    if let leftAt, leftAt < startedAt {
      throw ImportProblem(message: "\(place).leftAt is before its startedAt; a programme is left after it starts")
    }
    var pauses: [ProgrammePause] = []
    for (number, pause) in entry.pauses.enumerated() {
      let pausePlace = "pauses[\(number)]"
      let pausedAt = try time(pause.pausedAt, pausePlace + ".pausedAt")
      let resumedAt = try pause.resumedAt.map { try time($0, pausePlace + ".resumedAt") }
      let previousEnd = pauses.last.map { $0.resumedAt ?? .distantFuture } ?? startedAt
      guard pausedAt >= previousEnd, resumedAt.map({ $0 >= pausedAt }) ?? true else {
        throw ImportProblem(
          message:
            "\(place).\(pausePlace) does not follow in time: each pause starts after the programme's start "
            + "and after the previous pause ends, and is resumed after it starts")
      }
      pauses.append(ProgrammePause(pausedAt: pausedAt, resumedAt: resumedAt))
    }
    return ProgrammeEnrolment(
      programmeID: entry.programme, programmeTitle: entry.title, contentHash: entry.contentHash,
      startedAt: startedAt, pauses: pauses, leftAt: leftAt)
  }
}
