import GRDB

/// How often the person stopped for each danger sign or routine rule.
public struct SafetyStopCount: Sendable, Equatable {
  public var reason: StopReason
  public var sessions: Int

  public init(reason: StopReason, sessions: Int) {
    self.reason = reason
    self.sessions = sessions
  }
}

extension SQLiteJournal {
  /// The stops for safety among the sessions the filter chooses, most frequent first.
  /// A reason word this unknot does not know (a newer one wrote it) is left out.
  public func safetyStops(_ filter: JournalFilter = JournalFilter()) throws(JournalError) -> [SafetyStopCount] {
    let (conditions, arguments) = Self.whereClause(filter, table: "sessions")
    let outcome = "sessions.outcome = 'stopped-for-safety'"
    let sql = """
      SELECT stop_reason, stop_rule, count(*) AS n FROM sessions
      \(conditions.isEmpty ? "WHERE \(outcome)" : conditions + " AND \(outcome)")
      GROUP BY stop_reason, stop_rule ORDER BY n DESC, stop_reason, stop_rule
      """
    return try perform("count the stops for safety") {
      try dbQueue.read { db in
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> SafetyStopCount? in
          guard let code: String = row["stop_reason"], let reason = StopReason(code: code, rule: row["stop_rule"])
          else { return nil }
          return SafetyStopCount(reason: reason, sessions: row["n"])
        }
      }
    }
  }
}
