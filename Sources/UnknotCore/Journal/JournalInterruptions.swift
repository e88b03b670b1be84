import GRDB

/// Sessions whose process died before they ended.
extension SQLiteJournal {
  /// Closes the sessions whose process died before they ended: outcome "interrupted",
  /// ended at their last event, the open step ended as interrupted, an open pause
  /// closed. Every rating stays, and so do their events, as evidence. Sessions still
  /// running in this or another process are left alone. Returns how many were closed.
  @discardableResult
  public func markInterruptedSessions() throws(JournalError) -> Int {
    guard !isReadOnly else { throw .readOnly(path) }
    return try perform("close sessions that were interrupted") {
      try dbQueue.write { db in
        let unended = try Int64.fetchAll(db, sql: "SELECT id FROM sessions WHERE ended_at IS NULL")
        var closed = 0
        for sessionID in unended where !JournalLiveSessions.isRunning(sessionID, journal: path) {
          let lastTime =
            try Int64.fetchOne(
              db,
              sql: """
                SELECT max(t) FROM (
                  SELECT max(at) AS t FROM events WHERE session_id = ?1
                  UNION ALL SELECT max(coalesce(ended_at, started_at)) FROM steps WHERE session_id = ?1
                  UNION ALL SELECT max(rated_at) FROM ratings WHERE session_id = ?1
                  UNION ALL SELECT max(coalesce(resumed_at, at)) FROM pauses WHERE session_id = ?1
                  UNION ALL SELECT started_at FROM sessions WHERE id = ?1)
                """, arguments: [sessionID]) ?? 0
          try JournalRecorder.interrupt(sessionID, at: lastTime, in: db)
          closed += 1
        }
        return closed
      }
    }
  }
}
