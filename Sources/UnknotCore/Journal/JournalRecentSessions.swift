import GRDB

/// What the front end loads at start: the latest sessions for its history screen, and
/// each routine's own last sessions for the summary's chart, in one read.
extension SQLiteJournal {
  /// The `latest` most recent sessions, and also the `perRoutine` most recent of each
  /// routine (however old), oldest first. A routine not done for a long time still
  /// has its own history to show beside a new session. A session whose process is gone
  /// reads as interrupted.
  public func recentSessions(latest: Int, perRoutine: Int) throws(JournalError) -> [JournalSessionSummary] {
    let sql = """
      WITH ranked AS (
        SELECT id,
          row_number() OVER (ORDER BY started_at DESC, id DESC) AS overall,
          row_number() OVER (PARTITION BY routine_id ORDER BY started_at DESC, id DESC) AS within
        FROM sessions)
      SELECT s.id, s.started_at, s.ended_at, s.routine_id, s.routine_title, s.outcome, s.stop_reason, s.muscles,
        s.before_rating, s.after_rating, s.active_ms, s.paused_ms, s.stop_rule
      FROM sessions s JOIN ranked ON ranked.id = s.id
      WHERE ranked.overall <= ? OR ranked.within <= ?
      ORDER BY s.started_at, s.id
      """
    return try perform("read the recent sessions") {
      try dbQueue.read { db in
        let sessions = try Row.fetchAll(db, sql: sql, arguments: [max(0, latest), max(0, perRoutine)]).map { row in
          JournalSessionSummary(
            id: JournalSessionID(row[0]), startedAt: JournalTime.date(milliseconds: row[1]),
            endedAt: (row[2] as Int64?).map(JournalTime.date(milliseconds:)), routineID: row[3],
            routineTitle: row[4], outcome: (row[5] as String?).flatMap(JournalOutcome.init(rawValue:)),
            stopReason: (row[6] as String?).flatMap { StopReason(code: $0, rule: row[12]) },
            muscles: Self.muscles(row[7]),
            before: row[8], after: row[9], activeMilliseconds: row[10], pausedMilliseconds: row[11])
        }
        return sessions.closing(try Self.interruptions(in: db, journal: path))
      }
    }
  }
}
