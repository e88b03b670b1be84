import GRDB

/// How a session whose process died is closed: what `JournalRecorder.interrupt` writes
/// into its `sessions` row, worked out without writing.
struct JournalInterruption: Sendable, Equatable {
  /// The time of the session's last event, step, rating or pause.
  var endedAt: Int64
  var activeMilliseconds: Int64
  /// With an open pause counted up to `endedAt`, as closing it does.
  var pausedMilliseconds: Int64
}

/// Sessions whose process died before they ended. The kernel drops a dead process's
/// lock (`JournalLiveSessions`), so such a session is known the moment it dies:
/// opening the journal for writing closes it for good, and reading shows it closed.
extension SQLiteJournal {
  /// Closes the sessions whose process died before they ended: outcome "interrupted",
  /// ended at their last event, the open step ended as interrupted, an open pause
  /// closed. Every rating stays, and so do their events, as evidence. Sessions still
  /// running in this or another process are left alone. Returns how many were closed.
  @discardableResult
  public func markInterruptedSessions() throws(JournalError) -> Int {
    guard !isReadOnly else { throw .readOnly(path) }
    // Asked first with a read, so that opening a journal with nothing to close (nearly
    // always) takes no write lock from a session running in another terminal.
    let anyToClose = try perform("look for sessions that were interrupted") {
      try dbQueue.read { db in !(try Self.interruptions(in: db, journal: path)).isEmpty }
    }
    guard anyToClose else { return 0 }
    return try perform("close sessions that were interrupted") {
      try dbQueue.write { db in
        // Found again inside the write: a session may have ended meanwhile.
        let interrupted = try Self.interruptions(in: db, journal: path)
        for (sessionID, interruption) in interrupted {
          try JournalRecorder.interrupt(sessionID, at: interruption.endedAt, in: db)
        }
        return interrupted.count
      }
    }
  }

  /// The sessions without an end that no process is running, by id, with what closing
  /// them writes. Readers use it to show such a session as interrupted straight away,
  /// without writing: history, stats and export stay truly read-only, and work on a
  /// journal in a folder the person may not write.
  static func interruptions(in db: Database, journal path: String) throws -> [Int64: JournalInterruption] {
    // The sessions_unended index makes this a look at a handful of rows.
    let unended = try Int64.fetchAll(db, sql: "SELECT id FROM sessions WHERE ended_at IS NULL")
    var interruptions: [Int64: JournalInterruption] = [:]
    for sessionID in unended where !JournalLiveSessions.isRunning(sessionID, journal: path) {
      let endedAt =
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
      // The totals JournalRecorder.close computes once the open pause ends at endedAt.
      let totals = try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT coalesce(sum(actual_ms), 0) FROM steps WHERE session_id = ?1),
            (SELECT coalesce(sum(coalesce(resumed_at, ?2) - at), 0) FROM pauses WHERE session_id = ?1)
          """, arguments: [sessionID, endedAt])
      interruptions[sessionID] = JournalInterruption(
        endedAt: endedAt, activeMilliseconds: totals?[0] ?? 0, pausedMilliseconds: totals?[1] ?? 0)
    }
    return interruptions
  }
}

extension JournalSessionSummary {
  /// The summary as it reads once the session is closed as interrupted.
  mutating func close(as interruption: JournalInterruption) {
    outcome = .interrupted
    endedAt = JournalTime.date(milliseconds: interruption.endedAt)
    activeMilliseconds = interruption.activeMilliseconds
    pausedMilliseconds = interruption.pausedMilliseconds
  }
}

extension [JournalSessionSummary] {
  /// Each session of the list that no process runs any more, closed as interrupted.
  func closing(_ interruptions: [Int64: JournalInterruption]) -> [JournalSessionSummary] {
    guard !interruptions.isEmpty else { return self }
    return map { summary in
      guard summary.endedAt == nil, let interruption = interruptions[summary.id.rawValue] else { return summary }
      var closed = summary
      closed.close(as: interruption)
      return closed
    }
  }
}
