import Foundation
import GRDB

/// The journal as a spreadsheet, for `unknot export --format csv`: one row per session.
extension SQLiteJournal {
  /// One row per session, oldest first, as RFC 4180 CSV: CRLF line ends, a header row,
  /// fields quoted when they hold a comma, quote, CR or LF, quotes doubled. A session
  /// whose process is gone is written as interrupted, as closing it would write it.
  /// `muscle_ratings` lists the ratings after a muscle's own work, in the order given:
  /// "upper-trapezius left 3; rhomboids right skipped". `checklist_to_change` lists the
  /// checklist items whose last answer was no (the desk check): "screen-height; feet-flat".
  /// A text cell that a spreadsheet would run as a formula is neutralised (`formulaSafe`);
  /// numbers and dates are written by unknot itself and left as they are, so a change
  /// of -3 stays a number. `progress` hears (rows written, rows in all).
  public func exportCSV(progress: ((Int, Int) -> Void)? = nil) throws(JournalError) -> String {
    let (rows, interruptions): ([Row], [Int64: JournalInterruption]) = try perform("read the journal for export") {
      try dbQueue.read { db in
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT id, started_at, routine_id, routine_title, outcome, stop_reason, stop_rule, before_rating,
              after_rating, active_ms, paused_ms
            FROM sessions ORDER BY started_at, id
            """)
        return (rows, try Self.interruptions(in: db, journal: path))
      }
    }
    let muscleRatings = try muscleRatings()
    let toChange = try checklistItemsToChange()
    var lines = [
      [
        "date", "routine_id", "title", "outcome", "stop_reason", "stop_rule", "before", "after", "change", "percent",
        "active_seconds", "paused_seconds", "muscle_ratings", "checklist_to_change",
      ]
    ]
    for (number, row) in rows.enumerated() {
      progress?(number + 1, rows.count)
      let interruption = interruptions[row["id"]]
      let before: Int? = row["before_rating"]
      let after: Int? = row["after_rating"]
      let change = before.flatMap { before in after.map { PainChange(before: before, after: $0) } }
      let text = Self.formulaSafe
      lines.append([
        JournalTime.iso8601(milliseconds: row["started_at"]), text(row["routine_id"]), text(row["routine_title"]),
        text(interruption == nil ? row["outcome"] ?? "" : JournalOutcome.interrupted.rawValue),
        text(row["stop_reason"] ?? ""), text(row["stop_rule"] ?? ""), before.map(String.init) ?? "",
        after.map(String.init) ?? "",
        change.map { String($0.points) } ?? "", change?.percent.map(String.init) ?? "",
        Self.seconds(milliseconds: interruption?.activeMilliseconds ?? row["active_ms"]),
        Self.seconds(milliseconds: interruption?.pausedMilliseconds ?? row["paused_ms"]),
        text((muscleRatings[JournalSessionID(row["id"])] ?? []).map(Self.csvText).joined(separator: "; ")),
        text((toChange[row["id"]] ?? []).joined(separator: "; ")),
      ])
    }
    return lines.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  /// "upper-trapezius left 3", "rhomboids skipped".
  static func csvText(_ rating: JournalMuscleRating) -> String {
    [rating.muscle.rawValue, rating.side?.rawValue, rating.value.map(String.init) ?? "skipped"]
      .compactMap { $0 }.joined(separator: " ")
  }

  /// Per session, the checklist items whose last answer was no, in the order first asked.
  func checklistItemsToChange() throws(JournalError) -> [Int64: [String]] {
    try perform("read the checklist answers for export") {
      try dbQueue.read { db in
        var last: [Int64: [(item: String, answer: String)]] = [:]
        let rows = try Row.fetchCursor(
          db, sql: "SELECT session_id, step_index, item_id, answer FROM checklist_answers ORDER BY session_id, ordinal")
        while let row = try rows.next() {
          let session: Int64 = row["session_id"]
          let item = "\(row["step_index"] as Int) \(row["item_id"] as String)"
          let answer: String = row["answer"]
          if let index = last[session]?.firstIndex(where: { $0.item == item }) {
            last[session]?[index].answer = answer
          } else {
            last[session, default: []].append((item, answer))
          }
        }
        return last.mapValues { answers in
          answers.filter { $0.answer == ChecklistAnswer.no.rawValue }.map { String($0.item.split(separator: " ")[1]) }
        }
      }
    }
  }

  /// The characters that make a spreadsheet read a cell as a formula when they start it
  /// (OWASP's list for CSV injection): `=`, `+`, `-`, `@`, a tab and a carriage return.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// A text cell a spreadsheet will show as text: one that would start a formula gets a
  /// leading `'`, as OWASP advises, so `=HYPERLINK(...)` in a title is shown, never run.
  static func formulaSafe(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// A field as RFC 4180 wants it.
  static func csvField(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Milliseconds as exact decimal seconds: 61250 → "61.250".
  static func seconds(milliseconds: Int64) -> String {
    let sign = milliseconds < 0 ? "-" : ""
    let magnitude = milliseconds.magnitude
    let fraction = String(magnitude % 1000)
    return sign + String(magnitude / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
