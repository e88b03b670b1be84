import Foundation
import GRDB

/// How a session in the journal ended. `interrupted`: its process died first.
public enum JournalOutcome: String, Sendable, Codable, CaseIterable {
  case finished
  case quit
  case stoppedForSafety = "stopped-for-safety"
  case interrupted
}

/// Which sessions a history or statistics query looks at.
public struct JournalFilter: Sendable, Equatable {
  /// Sessions that started at or after this date.
  public var since: Date?
  public var routineID: String?
  /// Sessions whose routine works this muscle.
  public var muscle: Muscle?
  /// Sessions whose routine works a muscle of this area (issue 12, `--area`).
  public var area: MuscleGroup?

  public init(since: Date? = nil, routineID: String? = nil, muscle: Muscle? = nil, area: MuscleGroup? = nil) {
    self.since = since
    self.routineID = routineID
    self.muscle = muscle
    self.area = area
  }
}

/// One session as history lists it.
public struct JournalSessionSummary: Sendable, Equatable {
  public var id: JournalSessionID
  public var startedAt: Date
  public var endedAt: Date?
  public var routineID: String
  public var routineTitle: String
  /// nil while the session runs; a session whose process is gone reads as interrupted.
  public var outcome: JournalOutcome?
  public var stopReason: StopReason?
  public var muscles: [Muscle]
  /// The first rating before and the last one after; nil when skipped or not reached.
  public var before: Int?
  public var after: Int?
  public var activeMilliseconds: Int64
  public var pausedMilliseconds: Int64

  /// "6 → 4, −2, −33%", when both ratings were given.
  public var change: PainChange? {
    guard let before, let after else { return nil }
    return PainChange(before: before, after: after)
  }
}

/// How sessions of one routine, or of routines working one muscle, went.
public struct JournalStatistics: Sendable, Equatable {
  public enum Subject: Sendable, Equatable, Hashable {
    /// The title is the one the routine had in its latest session.
    case routine(id: String, title: String)
    case muscle(Muscle)
  }

  /// Pain after the session, in the earlier and the later half of the rated sessions:
  /// whether sessions have been ending with less pain over time.
  public struct Trend: Sendable, Equatable {
    public var earlierMeanAfter: Double
    public var laterMeanAfter: Double
    public var earlierSessions: Int
    public var laterSessions: Int

    /// Later minus earlier: negative is less pain lately.
    public var change: Double { laterMeanAfter - earlierMeanAfter }
  }

  public var subject: Subject
  /// Every session, whatever its outcome or ratings.
  public var sessions: Int
  /// Sessions with both a rating before and after: the means below are over these. For
  /// a muscle, only sessions that did not rate it after its own work.
  public var ratedSessions: Int
  public var stoppedForSafety: Int
  public var meanBefore: Double?
  public var meanAfter: Double?
  /// Mean of after minus before: negative is less pain.
  public var meanChange: Double?
  /// Share (0…1) of rated sessions with an important reduction: at least 2 points and
  /// at least 30% less pain after (`PainChange.Band.isImportantReduction`).
  public var shareImportantReduction: Double?
  /// nil below `JournalStatistics.minimumForTrend` rated sessions.
  public var trend: Trend?

  /// Fewer rated sessions than this make no trend: two halves of one are noise.
  public static let minimumForTrend = 4
}

/// Totals of the whole journal.
public struct JournalCounts: Sendable, Equatable {
  public var sessions: Int
  public var ratings: Int
  public var steps: Int
  public var safetyChecks: Int
}

/// The read side: history and statistics, computed in SQL over the summary columns and
/// indexes of JournalSchema v2, so they stay fast on twenty years of daily sessions.
extension SQLiteJournal {
  /// Sessions matching the filter, newest first.
  public func history(_ filter: JournalFilter = JournalFilter(), limit: Int? = nil) throws(JournalError)
    -> [JournalSessionSummary]
  {
    let (conditions, arguments) = Self.whereClause(filter, table: "sessions")
    var sql = """
      SELECT id, started_at, ended_at, routine_id, routine_title, outcome, stop_reason, muscles,
        before_rating, after_rating, active_ms, paused_ms, stop_rule
      FROM sessions \(conditions) ORDER BY started_at DESC, id DESC
      """
    if let limit { sql += " LIMIT \(max(0, limit))" }
    return try perform("read the history") {
      try dbQueue.read { db in
        var summaries: [JournalSessionSummary] = []
        // Few distinct muscle lists (one per routine), parsed once each.
        var muscleLists: [String: [Muscle]] = [:]
        // Columns by position: a cursor over a reused row is several times faster than
        // copying each row, and history may list twenty years of sessions.
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
          let muscleText: String = row[7]
          let muscles = muscleLists[muscleText] ?? Self.muscles(muscleText)
          muscleLists[muscleText] = muscles
          summaries.append(
            JournalSessionSummary(
              id: JournalSessionID(row[0]), startedAt: JournalTime.date(milliseconds: row[1]),
              endedAt: (row[2] as Int64?).map(JournalTime.date(milliseconds:)), routineID: row[3],
              routineTitle: row[4], outcome: (row[5] as String?).flatMap(JournalOutcome.init(rawValue:)),
              stopReason: (row[6] as String?).flatMap { StopReason(code: $0, rule: row[12]) }, muscles: muscles,
              before: row[8], after: row[9], activeMilliseconds: row[10], pausedMilliseconds: row[11]))
        }
        return summaries.closing(try Self.interruptions(in: db, journal: path))
      }
    }
  }

  /// One entry per routine, most used first.
  public func routineStatistics(_ filter: JournalFilter = JournalFilter()) throws(JournalError)
    -> [JournalStatistics]
  {
    let (conditions, arguments) = Self.whereClause(filter, table: "s")
    let chosen = """
      SELECT s.routine_id AS grp, s.id, s.started_at, s.outcome, s.routine_title, s.before_rating, s.after_rating,
        0 AS own
      FROM sessions s \(conditions)
      """
    return try statistics(chosen: chosen, arguments: arguments) { group, title in
      .routine(id: group, title: title)
    }
  }

  /// One entry per muscle that sessions worked, most used first. A session counts for
  /// every muscle its routine targets. The means come from the session's ratings before
  /// and after, over the sessions that did not rate the muscle after its own work:
  /// those are in `muscleRatingStatistics`, closer to the muscle than the session.
  public func muscleStatistics(_ filter: JournalFilter = JournalFilter()) throws(JournalError)
    -> [JournalStatistics]
  {
    let (conditions, arguments) = Self.whereClause(filter, table: "s")
    let muscles = Muscle.allCases.map { "('\($0.rawValue)')" }.joined(separator: ", ")
    // Which muscles each distinct muscle list holds is worked out once per list (there
    // is about one per routine), then sessions join on their list: one pass over the
    // sessions instead of one per muscle. Whether a session rated the muscle itself is
    // a look-up by the ratings' key (session first), a few rows per session.
    let chosen = """
      WITH m(muscle) AS (VALUES \(muscles)),
      lists AS (SELECT DISTINCT muscles FROM sessions),
      pairs AS MATERIALIZED (
        SELECT m.muscle, lists.muscles FROM m JOIN lists
        ON instr(',' || lists.muscles || ',', ',' || m.muscle || ',') > 0),
      terms_of AS MATERIALIZED (SELECT m.muscle, terms.id AS term FROM m LEFT JOIN terms ON terms.name = m.muscle)
      SELECT pairs.muscle AS grp, s.id, s.started_at, s.outcome, s.routine_title, s.before_rating, s.after_rating,
        EXISTS (
          SELECT 1 FROM ratings r WHERE r.session_id = s.id AND r.muscle = terms_of.term AND r.value IS NOT NULL
        ) AS own
      FROM sessions s JOIN pairs ON pairs.muscles = s.muscles JOIN terms_of ON terms_of.muscle = pairs.muscle
      \(conditions)
      """
    return try statistics(chosen: chosen, arguments: arguments) { group, _ in
      Muscle(rawValue: group).map(JournalStatistics.Subject.muscle)
    }
  }

  /// "What has helped you most": routines with at least `minimumSessions` rated
  /// sessions, the largest mean reduction first (then the larger share of important
  /// reductions, then more sessions). Fewer sessions say too little to rank.
  public func helpedMost(
    _ filter: JournalFilter = JournalFilter(), minimumSessions: Int = 3, limit: Int = 5
  ) throws(JournalError) -> [JournalStatistics] {
    let ranked = try routineStatistics(filter)
      .filter { $0.ratedSessions >= max(1, minimumSessions) && $0.meanChange != nil }
      .sorted { left, right in
        if left.meanChange != right.meanChange { return left.meanChange! < right.meanChange! }
        let leftShare = left.shareImportantReduction ?? 0
        let rightShare = right.shareImportantReduction ?? 0
        if leftShare != rightShare { return leftShare > rightShare }
        if left.ratedSessions != right.ratedSessions { return left.ratedSessions > right.ratedSessions }
        return "\(left.subject)" < "\(right.subject)"
      }
    return Array(ranked.prefix(max(0, limit)))
  }

  public func counts() throws(JournalError) -> JournalCounts {
    try perform("count the journal's entries") {
      try dbQueue.read { db in
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM ratings),
              (SELECT count(*) FROM steps), (SELECT count(*) FROM safety_checks)
            """)
        return JournalCounts(
          sessions: row?[0] ?? 0, ratings: row?[1] ?? 0, steps: row?[2] ?? 0, safetyChecks: row?[3] ?? 0)
      }
    }
  }

  // MARK: - SQL

  /// Groups the chosen sessions (columns grp, id, started_at, outcome, routine_title,
  /// before_rating, after_rating, own: rated some other way) and aggregates each group in one statement. The
  /// chosen rows are worked out once (MATERIALIZED), though two parts read them.
  private func statistics(
    chosen: String, arguments: StatementArguments,
    subject: (String, String) -> JournalStatistics.Subject?
  ) throws(JournalError) -> [JournalStatistics] {
    // `stops` is coalesced: a group of sessions that have not ended (running, or killed
    // and not yet marked) has only NULL outcomes, and their sum is NULL, not 0.
    let sql = """
      WITH chosen AS MATERIALIZED (\(chosen)),
      totals AS (
        SELECT grp, count(*) AS n, coalesce(sum(outcome = 'stopped-for-safety'), 0) AS stops,
          max(started_at) AS latest, routine_title AS title
        FROM chosen GROUP BY grp),
      rated AS (
        SELECT grp, before_rating AS b, after_rating AS a,
          ntile(2) OVER (PARTITION BY grp ORDER BY started_at, id) AS half
        FROM chosen WHERE before_rating IS NOT NULL AND after_rating IS NOT NULL AND NOT own),
      stats AS (
        SELECT grp, count(*) AS rn, avg(b) AS mb, avg(a) AS ma, avg(a - b) AS mc,
          avg(\(Self.isImportantReduction(before: "b", after: "a"))) AS share,
          avg(CASE WHEN half = 1 THEN a END) AS early, avg(CASE WHEN half = 2 THEN a END) AS late,
          sum(half = 1) AS earlyN, sum(half = 2) AS lateN
        FROM rated GROUP BY grp)
      SELECT totals.grp, n, stops, title, coalesce(rn, 0) AS rn, mb, ma, mc, share, early, late, earlyN, lateN
      FROM totals LEFT JOIN stats ON stats.grp = totals.grp
      ORDER BY n DESC, totals.grp
      """
    return try perform("compute the statistics") {
      try dbQueue.read { db in
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> JournalStatistics? in
          guard let subject = subject(row["grp"], row["title"]) else { return nil }
          let rated: Int = row["rn"]
          var trend: JournalStatistics.Trend?
          if rated >= JournalStatistics.minimumForTrend, let early: Double = row["early"],
            let late: Double = row["late"]
          {
            trend = JournalStatistics.Trend(
              earlierMeanAfter: early, laterMeanAfter: late, earlierSessions: row["earlyN"],
              laterSessions: row["lateN"])
          }
          return JournalStatistics(
            subject: subject, sessions: row["n"], ratedSessions: rated, stoppedForSafety: row["stops"],
            meanBefore: row["mb"], meanAfter: row["ma"], meanChange: row["mc"],
            shareImportantReduction: row["share"], trend: trend)
        }
      }
    }
  }

  /// 1 when the ratings `before` → `after` (SQL expressions) are an important reduction,
  /// else 0. The pairs are listed from `PainChange.band` itself, so the statistics count
  /// exactly what the summary and history call important; ratings are whole numbers
  /// 0–10 (the schema checks it), so `before * 11 + after` names each pair once.
  static func isImportantReduction(before: String, after: String) -> String {
    let scale = PainScale.range
    let pairs = scale.flatMap { before in
      scale.filter { PainChange(before: before, after: $0).band.isImportantReduction }.map {
        before * scale.count + $0
      }
    }
    return "(\(before) * \(scale.count) + \(after)) IN (\(pairs.map(String.init).joined(separator: ", ")))"
  }

  /// The WHERE clause for a filter over a sessions table named `table`.
  static func whereClause(_ filter: JournalFilter, table: String) -> (String, StatementArguments) {
    var conditions: [String] = []
    var arguments = StatementArguments()
    if let since = filter.since {
      conditions.append("\(table).started_at >= ?")
      arguments += [JournalTime.milliseconds(since)]
    }
    if let routineID = filter.routineID {
      conditions.append("\(table).routine_id = ?")
      arguments += [routineID]
    }
    if let muscle = filter.muscle {
      conditions.append("instr(',' || \(table).muscles || ',', ?) > 0")
      arguments += [",\(muscle.rawValue),"]
    }
    if let area = filter.area {
      let any = area.muscles.map { _ in "instr(',' || \(table).muscles || ',', ?) > 0" }
      conditions.append("(" + (any.isEmpty ? "0" : any.joined(separator: " OR ")) + ")")
      for muscle in area.muscles { arguments += [",\(muscle.rawValue),"] }
    }
    return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
  }

  static func muscles(_ text: String) -> [Muscle] {
    text.split(separator: ",").compactMap { Muscle(rawValue: String($0)) }
  }
}
