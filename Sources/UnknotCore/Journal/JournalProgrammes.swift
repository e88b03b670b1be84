import Foundation
import GRDB

/// What `startProgramme` did: started it, or found another one still active.
public enum ProgrammeStartOutcome: Sendable, Equatable {
  case started(ProgrammeEnrolment)
  case alreadyActive(ProgrammeEnrolment)
}

/// Starting, pausing, resuming and leaving a programme (schema v7), and reading the
/// sessions its progress comes from. Nothing about progress is written: it is read.
extension SQLiteJournal {
  /// Starts a programme, unless one is active: a person follows one at a time.
  public func startProgramme(_ enrolment: ProgrammeEnrolment) throws(JournalError) -> ProgrammeStartOutcome {
    guard !isReadOnly else { throw .readOnly(path) }
    return try perform("start the programme") {
      try dbQueue.write { db in
        if let active = try Self.activeEnrolment(in: db) { return .alreadyActive(active) }
        var started = enrolment
        started.pauses = []
        started.leftAt = nil
        started.id = try Self.insert(started, in: db)
        return .started(started)
      }
    }
  }

  /// Pauses the active programme; nil when none is active or it is already paused.
  public func pauseProgramme(at time: Date) throws(JournalError) -> ProgrammeEnrolment? {
    try changeActive("pause the programme") { db, active in
      guard !active.isPaused, let id = active.id else { return nil }
      let at = max(JournalTime.milliseconds(time), JournalTime.milliseconds(active.startedAt))
      try db.execute(
        sql: "INSERT OR IGNORE INTO programme_pauses (enrolment_id, paused_at) VALUES (?, ?)", arguments: [id, at])
      return try Self.activeEnrolment(in: db)
    }
  }

  /// Resumes the active programme; nil when none is active or it is not paused.
  public func resumeProgramme(at time: Date) throws(JournalError) -> ProgrammeEnrolment? {
    try changeActive("resume the programme") { db, active in
      guard let pause = active.pauses.last, pause.resumedAt == nil, let id = active.id else { return nil }
      let pausedAt = JournalTime.milliseconds(pause.pausedAt)
      try db.execute(
        sql: "UPDATE programme_pauses SET resumed_at = ? WHERE enrolment_id = ? AND paused_at = ?",
        arguments: [max(JournalTime.milliseconds(time), pausedAt), id, pausedAt])
      return try Self.activeEnrolment(in: db)
    }
  }

  /// Leaves the active programme, keeping its history; an open pause ends with it.
  /// Returns what was left, or nil when none was active.
  public func leaveProgramme(at time: Date) throws(JournalError) -> ProgrammeEnrolment? {
    try changeActive("leave the programme") { db, active in
      guard let id = active.id else { return nil }
      let at = max(JournalTime.milliseconds(time), JournalTime.milliseconds(active.startedAt))
      try db.execute(
        sql: "UPDATE programme_pauses SET resumed_at = max(paused_at, ?) WHERE enrolment_id = ? AND resumed_at IS NULL",
        arguments: [at, id])
      try db.execute(sql: "UPDATE programme_enrolments SET left_at = ? WHERE id = ?", arguments: [at, id])
      return try Self.enrolment(id: id, in: db)
    }
  }

  /// The programme being followed (active or paused), or nil.
  public func activeProgramme() throws(JournalError) -> ProgrammeEnrolment? {
    try perform("read the active programme") {
      try dbQueue.read { db in try Self.activeEnrolment(in: db) }
    }
  }

  /// Every enrolment, oldest first, for export.
  public func programmeEnrolments() throws(JournalError) -> [ProgrammeEnrolment] {
    try perform("read the programmes") {
      try dbQueue.read { db in try Self.allEnrolments(in: db) }
    }
  }

  /// The sessions of these routines from `since` to before `until`, oldest first, as
  /// progression reads them.
  public func programmeSessions(
    routineIDs: [String], since: Date, until: Date = .distantFuture
  ) throws(JournalError) -> [ProgrammeSession] {
    guard !routineIDs.isEmpty else { return [] }
    var arguments: [any DatabaseValueConvertible] = [
      JournalTime.milliseconds(since), JournalTime.milliseconds(until),
    ]
    arguments += routineIDs as [any DatabaseValueConvertible]
    return try perform("read the programme's sessions") {
      try dbQueue.read { db in
        try Row.fetchAll(
          db, sql: Self.programmeSessionsSQL(count: routineIDs.count),
          arguments: StatementArguments(arguments)
        ).map { row in
          ProgrammeSession(
            routineID: row["routine_id"], startedAt: JournalTime.date(milliseconds: row["started_at"]),
            outcome: (row["outcome"] as String?).flatMap(JournalOutcome.init(rawValue:)), before: row["before_rating"],
            highest: row["highest"], painRoseChoice: row["rose"])
        }
      }
    }
  }

  /// Sessions between two times, of some routines: the start is indexed (`sessions_by_start`).
  static func programmeSessionsSQL(count: Int) -> String {
    let places = Array(repeating: "?", count: count).joined(separator: ", ")
    return """
      SELECT s.routine_id, s.started_at, s.outcome, s.before_rating,
        (SELECT max(r.value) FROM ratings r WHERE r.session_id = s.id
          AND r.moment NOT IN (SELECT id FROM terms WHERE name = 'before')) AS highest,
        EXISTS (SELECT 1 FROM pain_choices p WHERE p.session_id = s.id AND p.pain_check = 'rose') AS rose
      FROM sessions s WHERE s.started_at >= ? AND s.started_at < ? AND s.routine_id IN (\(places))
      ORDER BY s.started_at, s.id
      """
  }

  private func changeActive(
    _ action: String, _ change: @escaping (Database, ProgrammeEnrolment) throws -> ProgrammeEnrolment?
  ) throws(JournalError) -> ProgrammeEnrolment? {
    guard !isReadOnly else { throw .readOnly(path) }
    return try perform(action) {
      try dbQueue.write { db in
        guard let active = try Self.activeEnrolment(in: db) else { return nil }
        return try change(db, active)
      }
    }
  }

  static let activeEnrolmentSQL = """
    SELECT id, programme_id, programme_title, content_hash, started_at, left_at FROM programme_enrolments
    WHERE left_at IS NULL ORDER BY started_at DESC LIMIT 1
    """
  static let pausesSQL =
    "SELECT paused_at, resumed_at FROM programme_pauses WHERE enrolment_id = ? ORDER BY paused_at"

  static func activeEnrolment(in db: Database) throws -> ProgrammeEnrolment? {
    guard let row = try Row.fetchOne(db, sql: activeEnrolmentSQL) else { return nil }
    return try enrolment(from: row, in: db)
  }

  static func enrolment(id: Int64, in db: Database) throws -> ProgrammeEnrolment? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: "SELECT id, programme_id, programme_title, content_hash, started_at, left_at "
          + "FROM programme_enrolments WHERE id = ?", arguments: [id])
    else { return nil }
    return try enrolment(from: row, in: db)
  }

  static func allEnrolments(in db: Database) throws -> [ProgrammeEnrolment] {
    try Row.fetchAll(
      db,
      sql: "SELECT id, programme_id, programme_title, content_hash, started_at, left_at "
        + "FROM programme_enrolments ORDER BY started_at, id"
    ).map { try enrolment(from: $0, in: db) }
  }

  private static func enrolment(from row: Row, in db: Database) throws -> ProgrammeEnrolment {
    let id: Int64 = row["id"]
    let pauses = try Row.fetchAll(db, sql: pausesSQL, arguments: [id]).map { pause in
      ProgrammePause(
        pausedAt: JournalTime.date(milliseconds: pause["paused_at"]),
        resumedAt: (pause["resumed_at"] as Int64?).map(JournalTime.date(milliseconds:)))
    }
    return ProgrammeEnrolment(
      id: id, programmeID: row["programme_id"], programmeTitle: row["programme_title"],
      contentHash: row["content_hash"], startedAt: JournalTime.date(milliseconds: row["started_at"]), pauses: pauses,
      leftAt: (row["left_at"] as Int64?).map(JournalTime.date(milliseconds:)))
  }

  /// Writes an enrolment with its pauses; returns its row id.
  static func insert(_ enrolment: ProgrammeEnrolment, in db: Database) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO programme_enrolments (programme_id, programme_title, content_hash, started_at, left_at)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [
        enrolment.programmeID, enrolment.programmeTitle, enrolment.contentHash,
        JournalTime.milliseconds(enrolment.startedAt), enrolment.leftAt.map(JournalTime.milliseconds),
      ])
    let id = db.lastInsertedRowID
    for pause in enrolment.pauses {
      try db.execute(
        sql: "INSERT INTO programme_pauses (enrolment_id, paused_at, resumed_at) VALUES (?, ?, ?)",
        arguments: [id, JournalTime.milliseconds(pause.pausedAt), pause.resumedAt.map(JournalTime.milliseconds)])
    }
    return id
  }
}
