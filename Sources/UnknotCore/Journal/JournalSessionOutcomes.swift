import GRDB

/// How the chosen sessions ended: how many finished, were quit, stopped for safety or
/// were interrupted, and how many are running now.
public struct SessionOutcomeCounts: Sendable, Equatable {
  public var sessions: [JournalOutcome: Int]
  /// Sessions running now, in this or another terminal: they have not ended yet.
  public var running: Int

  public init(_ sessions: [JournalOutcome: Int] = [:], running: Int = 0) {
    self.sessions = sessions
    self.running = running
  }

  /// How many sessions ended so; 0 when none did.
  public subscript(outcome: JournalOutcome) -> Int {
    sessions[outcome] ?? 0
  }
}

extension SQLiteJournal {
  /// How the sessions the filter chooses ended. A session whose process died counts as
  /// interrupted straight away, by the rule history uses (`interruptions(in:journal:)`),
  /// so `stats` and `history` never disagree and reading writes nothing. An outcome word
  /// this unknot does not know (a newer one wrote it) is left out.
  public func sessionOutcomes(_ filter: JournalFilter = JournalFilter()) throws(JournalError)
    -> SessionOutcomeCounts
  {
    let (conditions, arguments) = Self.whereClause(filter, table: "sessions")
    func chosen(_ condition: String) -> String {
      conditions.isEmpty ? "WHERE \(condition)" : conditions + " AND \(condition)"
    }
    let endedSQL = """
      SELECT outcome, count(*) AS n FROM sessions \(chosen("ended_at IS NOT NULL")) GROUP BY outcome
      """
    let unendedSQL = "SELECT id FROM sessions \(chosen("ended_at IS NULL"))"
    return try perform("count how sessions ended") {
      try dbQueue.read { db in
        var counts = SessionOutcomeCounts()
        for row in try Row.fetchAll(db, sql: endedSQL, arguments: arguments) {
          guard let word: String = row["outcome"], let outcome = JournalOutcome(rawValue: word) else { continue }
          counts.sessions[outcome, default: 0] += row["n"] as Int
        }
        let unended = try Int64.fetchAll(db, sql: unendedSQL, arguments: arguments)
        if !unended.isEmpty {
          let interruptions = try Self.interruptions(in: db, journal: path)
          let interrupted = unended.count(where: { interruptions[$0] != nil })
          if interrupted > 0 { counts.sessions[.interrupted, default: 0] += interrupted }
          counts.running = unended.count - interrupted
        }
        return counts
      }
    }
  }
}
