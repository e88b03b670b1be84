import Foundation
import GRDB

/// The safety checks the person completed, kept with their answers and date.
extension SQLiteJournal {
  public func latestSafetyCheck() throws(JournalError) -> SafetyCheck? {
    try perform("read the latest safety check") {
      try dbQueue.read { db in
        try Row.fetchOne(
          db, sql: "SELECT checked_at, outcome, answers FROM safety_checks ORDER BY checked_at DESC, id DESC LIMIT 1"
        ).map(Self.safetyCheck(from:))
      }
    }
  }

  public func record(_ check: SafetyCheck) throws(JournalError) {
    guard !isReadOnly else { throw .readOnly(path) }
    try perform("save the safety check") {
      try dbQueue.write { db in
        try Self.insert(check, in: db)
      }
    }
  }

  static func insert(_ check: SafetyCheck, in db: Database) throws {
    try db.execute(
      sql: "INSERT OR IGNORE INTO safety_checks (checked_at, outcome, answers) VALUES (?, ?, ?)",
      arguments: [JournalTime.milliseconds(check.date), check.outcome.rawValue, answersJSON(check.answers)])
  }

  /// Answers as JSON with sorted keys, so the same answers are always the same text.
  /// JSONSerialization rather than Codable: this runs as every session starts, and the
  /// generic coders cost over a megabyte of memory to a guided session.
  static func answersJSON(_ answers: [String: Bool]) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys, .withoutEscapingSlashes]))
      ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func safetyCheck(from row: Row) throws -> SafetyCheck {
    let answersText: String = row["answers"]
    let outcomeText: String = row["outcome"]
    guard let answers = try JSONSerialization.jsonObject(with: Data(answersText.utf8)) as? [String: Bool] else {
      throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "safety check answers are not a set of yes/no answers")
    }
    guard let outcome = SafetyCheck.Outcome(rawValue: outcomeText) else {
      throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown safety check outcome '\(outcomeText)'")
    }
    return SafetyCheck(date: JournalTime.date(milliseconds: row["checked_at"]), answers: answers, outcome: outcome)
  }
}
