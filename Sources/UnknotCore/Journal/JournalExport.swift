import Foundation
import GRDB

/// The whole journal as a JSON document: what `export` writes and `import` reads.
/// Keys are sorted and times are ISO 8601 with milliseconds in UTC, so exporting the
/// same journal twice gives the same bytes, and export → import into an empty journal
/// → export gives them again.
public struct JournalExportDocument: Codable, Sendable, Equatable {
  public static let formatName = "unknot-journal"
  public static let formatVersion = 1

  public var format: String
  public var version: Int
  public var safetyChecks: [SafetyCheckEntry]
  public var sessions: [SessionEntry]

  public struct SafetyCheckEntry: Codable, Sendable, Equatable {
    public var checkedAt: String
    public var outcome: String
    public var answers: [String: Bool]
  }

  public struct SessionEntry: Codable, Sendable, Equatable {
    public var routineID: String
    public var routineTitle: String
    public var contentHash: String
    public var startedAt: String
    public var endedAt: String?
    public var outcome: String?
    public var stopReason: String?
    /// The routine's own stop rule, when `stopReason` is `routine-rule`.
    public var stopRule: String?
    public var plannedSeconds: Int
    public var activeMs: Int64
    public var pausedMs: Int64
    public var muscles: [String]
    /// Derived from the ratings, for readers; import recomputes them.
    public var before: Int?
    public var after: Int?
    public var steps: [StepEntry]
    public var ratings: [RatingEntry]
    public var pauses: [PauseEntry]
    /// The raw event log, present only for sessions that never ended normally.
    public var events: [EventEntry]?
  }

  public struct StepEntry: Codable, Sendable, Equatable {
    public var stepIndex: Int
    public var kind: String
    public var muscle: String?
    public var side: String?
    public var plannedSeconds: Int?
    public var actualMs: Int64?
    public var ending: String?
    public var adjustedMs: Int64
    public var clinicianSeconds: Int?
    public var startedAt: String
    public var endedAt: String?
  }

  public struct RatingEntry: Codable, Sendable, Equatable {
    public var moment: String
    public var value: Int?
    public var skipped: Bool
    public var stepIndex: Int
    public var muscle: String?
    public var side: String?
    public var ratedAt: String
  }

  public struct PauseEntry: Codable, Sendable, Equatable {
    public var reason: String
    public var gapMs: Int64?
    public var at: String
    public var resumedAt: String?
  }

  public struct EventEntry: Codable, Sendable, Equatable {
    public var kind: String
    public var at: String?
    /// The event's JSON payload, as stored.
    public var payload: String
  }
}

/// What an import added, and what it found already there.
public struct JournalImportResult: Sendable, Equatable {
  public var sessionsAdded: Int
  public var sessionsAlreadyPresent: Int
  public var safetyChecksAdded: Int
  public var safetyChecksAlreadyPresent: Int
}

extension SQLiteJournal {
  // MARK: - JSON

  /// Everything in the journal, oldest first.
  public func exportDocument() throws(JournalError) -> JournalExportDocument {
    try perform("read the journal for export") {
      try dbQueue.read { db in try Self.document(in: db) }
    }
  }

  /// `exportDocument()` as pretty-printed JSON with sorted keys.
  public func exportJSON() throws(JournalError) -> Data {
    let document = try exportDocument()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(document)
      data.append(UInt8(ascii: "\n"))
      return data
    } catch {
      throw JournalError(.writeFailed, path: path, message: "could not write the export: \(error)")
    }
  }

  /// Adds the sessions and safety checks of an export that the journal does not have
  /// yet, all or nothing. A session is the same when it started at the same
  /// millisecond with the same routine file; existing entries are never changed, so
  /// importing a file twice adds nothing the second time. `source` names the file in
  /// messages.
  @discardableResult
  public func importJSON(_ data: Data, source: String) throws(JournalError) -> JournalImportResult {
    guard !isReadOnly else { throw .readOnly(path) }
    let document: JournalExportDocument
    do {
      document = try JSONDecoder().decode(JournalExportDocument.self, from: data)
    } catch {
      throw JournalError(
        .cannotOpen, path: source, message: "this is not an unknot journal export (\(error)). Nothing was imported.")
    }
    guard document.format == JournalExportDocument.formatName,
      document.version <= JournalExportDocument.formatVersion
    else {
      throw JournalError(
        .newerSchema, path: source,
        message:
          "this export is '\(document.format)' version \(document.version), which this unknot cannot read; "
          + "update unknot. Nothing was imported.")
    }
    do {
      return try dbQueue.write { db in try Self.insert(document, in: db) }
    } catch let error as ImportProblem {
      throw JournalError(.writeFailed, path: source, message: "\(error.message). Nothing was imported.")
    } catch {
      throw JournalError(error, path: path, doing: "import \(source)")
    }
  }

  // MARK: - CSV

  /// One row per session, oldest first, as RFC 4180 CSV: CRLF line ends, a header row,
  /// fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
  public func exportCSV() throws(JournalError) -> String {
    let rows: [Row] = try perform("read the journal for export") {
      try dbQueue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT started_at, routine_id, routine_title, outcome, stop_reason, stop_rule, before_rating,
              after_rating, active_ms, paused_ms
            FROM sessions ORDER BY started_at, id
            """)
      }
    }
    var lines = [
      [
        "date", "routine_id", "title", "outcome", "stop_reason", "stop_rule", "before", "after", "change", "percent",
        "active_seconds", "paused_seconds",
      ]
    ]
    for row in rows {
      let before: Int? = row["before_rating"]
      let after: Int? = row["after_rating"]
      let change = before.flatMap { before in after.map { PainChange(before: before, after: $0) } }
      lines.append([
        JournalTime.iso8601(milliseconds: row["started_at"]), row["routine_id"], row["routine_title"],
        row["outcome"] ?? "", row["stop_reason"] ?? "", row["stop_rule"] ?? "", before.map(String.init) ?? "",
        after.map(String.init) ?? "",
        change.map { String($0.points) } ?? "", change?.percent.map(String.init) ?? "",
        Self.seconds(milliseconds: row["active_ms"]), Self.seconds(milliseconds: row["paused_ms"]),
      ])
    }
    return lines.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
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

  // MARK: - Reading

  private static func time(_ row: Row, _ column: String) -> String? {
    (row[column] as Int64?).map(JournalTime.iso8601(milliseconds:))
  }

  private static func document(in db: Database) throws -> JournalExportDocument {
    let checks = try Row.fetchAll(
      db, sql: "SELECT checked_at, outcome, answers FROM safety_checks ORDER BY checked_at, id"
    ).map { row in
      let check = try safetyCheck(from: row)
      return JournalExportDocument.SafetyCheckEntry(
        checkedAt: JournalTime.iso8601(milliseconds: row["checked_at"]), outcome: check.outcome.rawValue,
        answers: check.answers)
    }

    var steps: [Int64: [JournalExportDocument.StepEntry]] = [:]
    let stepsRows = try Row.fetchCursor(db, sql: "SELECT * FROM steps_named ORDER BY session_id, ordinal")
    while let row = try stepsRows.next() {
      steps[row["session_id"], default: []].append(
        JournalExportDocument.StepEntry(
          stepIndex: row["step_index"], kind: row["kind"], muscle: row["muscle"], side: row["side"],
          plannedSeconds: row["planned_seconds"], actualMs: row["actual_ms"], ending: row["ending"],
          adjustedMs: row["adjusted_ms"], clinicianSeconds: row["clinician_seconds"],
          startedAt: JournalTime.iso8601(milliseconds: row["started_at"]), endedAt: time(row, "ended_at")))
    }
    var ratings: [Int64: [JournalExportDocument.RatingEntry]] = [:]
    let ratingsRows = try Row.fetchCursor(db, sql: "SELECT * FROM ratings_named ORDER BY session_id, ordinal")
    while let row = try ratingsRows.next() {
      ratings[row["session_id"], default: []].append(
        JournalExportDocument.RatingEntry(
          moment: row["moment"], value: row["value"], skipped: row["skipped"], stepIndex: row["step_index"],
          muscle: row["muscle"], side: row["side"], ratedAt: JournalTime.iso8601(milliseconds: row["rated_at"])))
    }
    var pauses: [Int64: [JournalExportDocument.PauseEntry]] = [:]
    let pausesRows = try Row.fetchCursor(db, sql: "SELECT * FROM pauses ORDER BY session_id, ordinal")
    while let row = try pausesRows.next() {
      pauses[row["session_id"], default: []].append(
        JournalExportDocument.PauseEntry(
          reason: row["reason"], gapMs: row["gap_ms"], at: JournalTime.iso8601(milliseconds: row["at"]),
          resumedAt: time(row, "resumed_at")))
    }
    var events: [Int64: [JournalExportDocument.EventEntry]] = [:]
    let eventsRows = try Row.fetchCursor(db, sql: "SELECT * FROM events ORDER BY session_id, seq")
    while let row = try eventsRows.next() {
      events[row["session_id"], default: []].append(
        JournalExportDocument.EventEntry(kind: row["kind"], at: time(row, "at"), payload: row["payload"]))
    }

    let sessions = try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY started_at, id").map { row in
      let id: Int64 = row["id"]
      let muscles: String = row["muscles"]
      return JournalExportDocument.SessionEntry(
        routineID: row["routine_id"], routineTitle: row["routine_title"], contentHash: row["content_hash"],
        startedAt: JournalTime.iso8601(milliseconds: row["started_at"]), endedAt: time(row, "ended_at"),
        outcome: row["outcome"], stopReason: row["stop_reason"], stopRule: row["stop_rule"],
        plannedSeconds: row["planned_seconds"],
        activeMs: row["active_ms"], pausedMs: row["paused_ms"],
        muscles: muscles.split(separator: ",").map(String.init), before: row["before_rating"],
        after: row["after_rating"], steps: steps[id] ?? [], ratings: ratings[id] ?? [], pauses: pauses[id] ?? [],
        events: events[id])
    }
    return JournalExportDocument(
      format: JournalExportDocument.formatName, version: JournalExportDocument.formatVersion, safetyChecks: checks,
      sessions: sessions)
  }

  // MARK: - Writing

  /// A value in the export that the journal cannot hold.
  private struct ImportProblem: Error {
    var message: String
  }

  private static func milliseconds(_ text: String, _ what: String) throws -> Int64 {
    guard let value = JournalTime.milliseconds(iso8601: text) else {
      throw ImportProblem(message: "\(what) '\(text)' is not a time like 2025-03-01T07:30:00.250Z")
    }
    return value
  }

  private static func optionalMilliseconds(_ text: String?, _ what: String) throws -> Int64? {
    try text.map { try milliseconds($0, what) }
  }

  /// A stop reason unknot knows, and a rule's text only beside `routine-rule`.
  private static func stopRule(of session: JournalExportDocument.SessionEntry) throws -> String? {
    guard let code = session.stopReason else {
      guard session.stopRule == nil else {
        throw ImportProblem(message: "a session has a 'stopRule' but no 'stopReason'")
      }
      return nil
    }
    guard StopReason(code: code, rule: session.stopRule) != nil else {
      throw ImportProblem(message: "the stop reason '\(code)' is not one unknot knows")
    }
    if code == StopReason.routineRuleCode, (session.stopRule ?? "").isEmpty {
      throw ImportProblem(message: "a stop for a routine's own rule needs the rule's text in 'stopRule'")
    }
    return code == StopReason.routineRuleCode ? session.stopRule : nil
  }

  private static func insert(_ document: JournalExportDocument, in db: Database) throws -> JournalImportResult {
    var result = JournalImportResult(
      sessionsAdded: 0, sessionsAlreadyPresent: 0, safetyChecksAdded: 0, safetyChecksAlreadyPresent: 0)
    for entry in document.safetyChecks {
      try db.execute(
        sql: "INSERT OR IGNORE INTO safety_checks (checked_at, outcome, answers) VALUES (?, ?, ?)",
        arguments: [
          try milliseconds(entry.checkedAt, "a safety check's time"), entry.outcome, answersJSON(entry.answers),
        ])
      if db.changesCount > 0 {
        result.safetyChecksAdded += 1
      } else {
        result.safetyChecksAlreadyPresent += 1
      }
    }
    for session in document.sessions {
      let startedAt = try milliseconds(session.startedAt, "a session's start")
      let existing = try Int64.fetchOne(
        db, sql: "SELECT id FROM sessions WHERE started_at = ? AND routine_id = ? AND content_hash = ?",
        arguments: [startedAt, session.routineID, session.contentHash])
      guard existing == nil else {
        result.sessionsAlreadyPresent += 1
        continue
      }
      try insert(session, startedAt: startedAt, in: db)
      result.sessionsAdded += 1
    }
    return result
  }

  private static func insert(
    _ session: JournalExportDocument.SessionEntry, startedAt: Int64, in db: Database
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO sessions (routine_id, routine_title, content_hash, started_at, ended_at, outcome, stop_reason,
          stop_rule, planned_seconds, active_ms, paused_ms, muscles)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        session.routineID, session.routineTitle, session.contentHash, startedAt,
        try optionalMilliseconds(session.endedAt, "a session's end"), session.outcome, session.stopReason,
        try stopRule(of: session), session.plannedSeconds, session.activeMs, session.pausedMs,
        session.muscles.joined(separator: ","),
      ])
    let id = db.lastInsertedRowID
    var terms = JournalTerms()
    for (ordinal, step) in session.steps.enumerated() {
      try db.cachedStatement(
        sql: """
          INSERT INTO steps (session_id, ordinal, step_index, kind, muscle, side, planned_seconds, actual_ms, ending,
            adjusted_ms, clinician_seconds, started_at, ended_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, ordinal, step.stepIndex, try terms.id(step.kind, in: db), try terms.optionalID(step.muscle, in: db),
        try terms.optionalID(step.side, in: db), step.plannedSeconds, step.actualMs,
        try terms.optionalID(step.ending, in: db),
        step.adjustedMs, step.clinicianSeconds, try milliseconds(step.startedAt, "a step's start"),
        try optionalMilliseconds(step.endedAt, "a step's end"),
      ])
    }
    for (ordinal, rating) in session.ratings.enumerated() {
      try db.cachedStatement(
        sql: """
          INSERT INTO ratings (session_id, ordinal, moment, value, skipped, step_index, muscle, side, rated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, ordinal, try terms.id(rating.moment, in: db), rating.value, rating.skipped, rating.stepIndex,
        try terms.optionalID(rating.muscle, in: db), try terms.optionalID(rating.side, in: db),
        try milliseconds(rating.ratedAt, "a rating's time"),
      ])
    }
    for (ordinal, pause) in session.pauses.enumerated() {
      try db.cachedStatement(
        sql: "INSERT INTO pauses (session_id, ordinal, reason, gap_ms, at, resumed_at) VALUES (?, ?, ?, ?, ?, ?)"
      ).execute(arguments: [
        id, ordinal, pause.reason, pause.gapMs, try milliseconds(pause.at, "a pause's start"),
        try optionalMilliseconds(pause.resumedAt, "a pause's end"),
      ])
    }
    for (seq, event) in (session.events ?? []).enumerated() {
      try db.cachedStatement(
        sql: "INSERT INTO events (session_id, seq, kind, at, payload) VALUES (?, ?, ?, ?, ?)"
      ).execute(arguments: [id, seq, event.kind, try optionalMilliseconds(event.at, "an event's time"), event.payload])
    }
    try db.execute(
      sql: """
        UPDATE sessions SET before_rating = (\(JournalSchema.summarySQL(moment: "before", sessionID: "?1"))),
          after_rating = (\(JournalSchema.summarySQL(moment: "after", sessionID: "?1")))
        WHERE id = ?1
        """, arguments: [id])
  }
}
