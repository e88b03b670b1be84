import Foundation

/// One session as history shows it: when, which routine, how it ended, and the pain
/// ratings that bracket it.
public struct HistoryRow: Sendable, Equatable {
  public var startedAt: Date
  public var routineID: String
  public var routineTitle: String
  /// nil while the session runs; one whose process is gone reads as interrupted.
  public var outcome: JournalOutcome?
  /// What the person stopped for, after a stop for safety.
  public var stopReason: StopReason?
  public var before: Int?
  public var after: Int?
  /// The ratings after a muscle's own work, in the order given (JSON shows them).
  public var muscleRatings: [JournalMuscleRating]

  public init(
    startedAt: Date, routineID: String, routineTitle: String, outcome: JournalOutcome?, stopReason: StopReason? = nil,
    before: Int?, after: Int?, muscleRatings: [JournalMuscleRating] = []
  ) {
    self.startedAt = startedAt
    self.routineID = routineID
    self.routineTitle = routineTitle
    self.outcome = outcome
    self.stopReason = stopReason
    self.before = before
    self.after = after
    self.muscleRatings = muscleRatings
  }

  public init(_ summary: JournalSessionSummary) {
    self.init(
      startedAt: summary.startedAt, routineID: summary.routineID, routineTitle: summary.routineTitle,
      outcome: summary.outcome, stopReason: summary.stopReason, before: summary.before, after: summary.after)
  }

  /// Both ratings, when the person gave them.
  public var change: PainChange? {
    guard let before, let after else { return nil }
    return PainChange(before: before, after: after)
  }

  /// How the session ended, in a word or two: "finished", "safety stop".
  public var outcomeText: String {
    switch outcome {
    case .finished: "finished"
    case .quit: "quit"
    case .stoppedForSafety: "safety stop"
    case .interrupted: "interrupted"
    case nil: "running"
    }
  }
}

/// What `unknot history` prints: one row per session, oldest first, as a table for
/// people, CSV (RFC 4180, like the journal export) or JSON for programs.
public struct HistoryReport: Sendable {
  public var rows: [HistoryRow]

  public init(rows: [HistoryRow]) {
    self.rows = rows
  }

  /// The sessions matching the filter, oldest first; with `muscleRatings`, each with
  /// its ratings after a muscle's own work (only JSON shows them, so only it reads them).
  public init(journal: SQLiteJournal, filter: JournalFilter, muscleRatings: Bool = false) throws(JournalError) {
    let perSession = muscleRatings ? try journal.muscleRatings(filter) : [:]
    rows = try journal.history(filter).reversed().map { summary in
      var row = HistoryRow(summary)
      row.muscleRatings = perSession[summary.id] ?? []
      return row
    }
  }

  // MARK: - Table

  /// Columns: date (local), routine id, outcome, before, after, change, percent. The
  /// routine column takes what `width` leaves, so the table fits the terminal. Below
  /// it, how many changes were important, so no percent is read alone.
  public func table(timeZone: TimeZone, width: Int = 80) -> String {
    let numbers = [("before", 6), ("after", 5), ("change", 6), ("percent", 7)]
    let dateWidth = 16
    let outcomeWidth = max(7, rows.map { $0.outcomeText.count }.max() ?? 0)
    let fixed = dateWidth + 2 + 2 + outcomeWidth + numbers.reduce(0) { $0 + 1 + $1.1 }
    let longestID = rows.map { DisplayWidth.of($0.routineID) }.max() ?? 0
    let routineWidth = max(7, min(longestID, width - fixed))

    func line(_ date: String, _ routine: String, _ outcome: String, _ values: [String]) -> String {
      var text = pad(date, dateWidth) + "  " + pad(routine, routineWidth) + "  " + pad(outcome, outcomeWidth)
      for (value, column) in zip(values, numbers) {
        text += " " + String(repeating: " ", count: max(0, column.1 - value.count)) + value
      }
      return trimmedEnd(text) + "\n"
    }

    var out = line("date", "routine", "outcome", numbers.map(\.0))
    for row in rows {
      let change = row.change
      out += line(
        DateText.minute(row.startedAt, in: timeZone), row.routineID, row.outcomeText,
        [
          row.before.map(String.init) ?? "", row.after.map(String.init) ?? "",
          change.map { Self.signed($0.points) } ?? "", change?.percent.map { Self.signed($0) + "%" } ?? "",
        ])
      // What the person stopped for, on its own line: it would crowd the columns.
      if let reason = row.stopReason {
        let indent = String(repeating: " ", count: dateWidth + 2)
        out += indent + trimmedEnd(pad("stopped for: " + reason.text, width - indent.count)) + "\n"
      }
    }
    let rated = rows.filter { $0.change != nil }.count
    out += "\(rows.count) session\(rows.count == 1 ? "" : "s"), \(rated) with a rating before and after.\n"
    if rated > 0 {
      out += TextWrap.lines(bandCounts(), width: width).map { $0 + "\n" }.joined()
    }
    return out
  }

  /// How many rated sessions had an important reduction or a rise, by `PainChange.band`,
  /// so that a percent from a low start (1 → 0 is −100%) is not read as one.
  func bandCounts() -> String {
    let bands = rows.compactMap { $0.change?.band }
    let important = bands.filter(\.isImportantReduction).count
    let rose = bands.filter { $0 == .rose }.count
    return "Of these, \(important) had an important reduction (at least 2 points and at least 30% less pain), and "
      + "\(rose) a rise of 2 points or more; a change under 2 points is within the usual day-to-day variation, "
      + "whatever its percent."
  }

  // MARK: - CSV

  /// RFC 4180: CRLF line ends, a header row, fields quoted as the journal export
  /// quotes them. Dates are UTC, as in the export, so a spreadsheet sorts them right.
  public func csv() -> String {
    var lines = [
      [
        "date", "routine", "title", "outcome", "stop_reason", "stop_rule", "before", "after", "change", "percent",
        "band",
      ]
    ]
    for row in rows {
      let change = row.change
      // Text cells that would start a formula are neutralised, as in `export --format csv`.
      let text = SQLiteJournal.formulaSafe
      lines.append([
        JournalTime.iso8601(milliseconds: JournalTime.milliseconds(row.startedAt)), text(row.routineID),
        text(row.routineTitle), text(row.outcome?.rawValue ?? ""), text(row.stopReason?.code ?? ""),
        text(row.stopReason?.ruleText ?? ""),
        row.before.map(String.init) ?? "", row.after.map(String.init) ?? "",
        change.map { String($0.points) } ?? "", change?.percent.map(String.init) ?? "",
        change?.band.rawValue ?? "",
      ])
    }
    return lines.map { $0.map(SQLiteJournal.csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  // MARK: - JSON

  /// One session in `history --format json`. Every key is always present: a missing
  /// rating is null, so scripts need not guess.
  struct JSONRow: Encodable {
    var date: String
    var routine: String
    var title: String
    var outcome: String?
    var stopReason: String?
    var stopRule: String?
    var before: Int?
    var after: Int?
    var change: Int?
    var percent: Int?
    var band: String?
    var muscleRatings: [JSONMuscleRating]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(date, forKey: .date)
      try container.encode(routine, forKey: .routine)
      try container.encode(title, forKey: .title)
      try container.encode(outcome, forKey: .outcome)
      try container.encode(stopReason, forKey: .stopReason)
      try container.encode(stopRule, forKey: .stopRule)
      try container.encode(before, forKey: .before)
      try container.encode(after, forKey: .after)
      try container.encode(change, forKey: .change)
      try container.encode(percent, forKey: .percent)
      try container.encode(band, forKey: .band)
      try container.encode(muscleRatings, forKey: .muscleRatings)
    }

    enum CodingKeys: String, CodingKey {
      case date, routine, title, outcome, stopReason, stopRule, before, after, change, percent, band, muscleRatings
    }
  }

  /// One rating after a muscle's own work: `side` and `value` null when there is none.
  struct JSONMuscleRating: Encodable {
    var muscle: String
    var side: String?
    var value: Int?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(muscle, forKey: .muscle)
      try container.encode(side, forKey: .side)
      try container.encode(value, forKey: .value)
    }

    enum CodingKeys: String, CodingKey {
      case muscle, side, value
    }
  }

  /// An array of objects with `date` (UTC, ISO 8601), `routine`, `title`, `outcome`,
  /// `stopReason` and `stopRule` (after a stop for safety), `before`, `after`, `change`,
  /// `percent` and `band` (what the change means, from `PainChange.Band`), and
  /// `muscleRatings`: the ratings after a muscle's own work (`muscle`, `side`, `value`,
  /// null when skipped), in the order given.
  public func json() -> String {
    // The encoder pretty-prints an empty array over three lines.
    guard !rows.isEmpty else { return "[]\n" }
    let objects = rows.map { row in
      JSONRow(
        date: JournalTime.iso8601(milliseconds: JournalTime.milliseconds(row.startedAt)), routine: row.routineID,
        title: row.routineTitle, outcome: row.outcome?.rawValue, stopReason: row.stopReason?.code,
        stopRule: row.stopReason?.ruleText, before: row.before, after: row.after,
        change: row.change?.points, percent: row.change?.percent, band: row.change?.band.rawValue,
        muscleRatings: row.muscleRatings.map {
          JSONMuscleRating(muscle: $0.muscle.rawValue, side: $0.side?.rawValue, value: $0.value)
        })
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(objects)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - Helpers

  /// "-3", "+2", "0": the sign always shown, in ASCII so a pipe reads it too.
  static func signed(_ value: Int) -> String {
    value > 0 ? "+\(value)" : "\(value)"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let shown = DisplayWidth.of(text) > width ? String(text.prefix(max(1, width - 1))) + "…" : text
    return shown + String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
  }

  /// Without trailing spaces. Over bytes: Character by Character, this was a fifth of
  /// `unknot history`'s time with twenty years of sessions. A space never joins the
  /// character before it, so cutting at the last non-space byte is always whole.
  private func trimmedEnd(_ text: String) -> String {
    guard let last = text.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
    return String(text[...last])
  }
}
