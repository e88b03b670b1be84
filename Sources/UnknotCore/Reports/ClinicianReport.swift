import Foundation

/// `unknot report`: one self-contained HTML page a person can bring to a clinician.
/// Their own pain ratings before and after sessions over time, per area and per
/// routine; the ratings per muscle and side; what has helped them most, with what that
/// ranking is not; every stop for safety with its date and reason; how a programme has
/// been kept to; and, only when asked, the latest safety check's answers. Pure: the
/// figures in, the page out (`html()`); `ClinicianReport(journal:…)` reads them.
public struct ClinicianReport: Sendable {
  /// One session as the report draws it.
  public struct Session: Sendable, Equatable {
    public var startedAt: Date
    public var routineID: String
    public var routineTitle: String
    public var muscles: [Muscle]
    public var outcome: JournalOutcome?
    public var stopReason: StopReason?
    public var before: Int?
    public var after: Int?

    public init(
      startedAt: Date, routineID: String, routineTitle: String, muscles: [Muscle], outcome: JournalOutcome?,
      stopReason: StopReason? = nil, before: Int?, after: Int?
    ) {
      self.startedAt = startedAt
      self.routineID = routineID
      self.routineTitle = routineTitle
      self.muscles = muscles
      self.outcome = outcome
      self.stopReason = stopReason
      self.before = before
      self.after = after
    }

    /// The areas the session's routine works.
    public var groups: Set<MuscleGroup> { Set(muscles.flatMap(\.groups)) }
  }

  /// When the report was written: the end of the period and the date in its header.
  public var writtenAt: Date
  /// `--since`: the first day of the period; nil for the whole journal.
  public var since: Date?
  /// Dates are shown in this zone.
  public var timeZone: TimeZone
  /// The sessions of the period, oldest first.
  public var sessions: [Session]
  /// The figures `unknot stats` shows, over the same sessions.
  public var statistics: StatsReport
  /// Sessions done against planned, week by week; nil when no programme is followed.
  public var adherence: ProgrammeAdherence?
  /// The latest safety check, only with `--include-safety`: its answers are the most
  /// private part of the journal, and are shared only when the person chooses to.
  public var safetyCheck: SafetyCheck?
  /// Whether the safety answers were asked for (the page says how to add them if not).
  public var includesSafety: Bool
  public var version: String

  public init(
    writtenAt: Date, since: Date? = nil, timeZone: TimeZone, sessions: [Session], statistics: StatsReport,
    adherence: ProgrammeAdherence? = nil, safetyCheck: SafetyCheck? = nil, includesSafety: Bool = false,
    version: String = UnknotVersion.current
  ) {
    self.writtenAt = writtenAt
    self.since = since
    self.timeZone = timeZone
    self.sessions = sessions.sorted { $0.startedAt < $1.startedAt }
    self.statistics = statistics
    self.adherence = adherence
    self.safetyCheck = includesSafety ? safetyCheck : nil
    self.includesSafety = includesSafety
    self.version = version
  }

  /// The first moment the charts show: `--since`, else the first session, else now.
  public var periodStart: Date {
    since ?? sessions.first?.startedAt ?? writtenAt
  }

  /// The last moment the charts show: the latest session, so a journal not written to
  /// for a while is not drawn squeezed into one corner. With none, when it was written.
  public var periodEnd: Date {
    max(sessions.last?.startedAt ?? writtenAt, periodStart)
  }

  /// Sessions with a rating before and after: the ones a chart can draw.
  var ratedSessions: [Session] {
    sessions.filter { $0.before != nil && $0.after != nil }
  }

  /// Sessions stopped for safety, oldest first.
  var safetyStops: [Session] {
    sessions.filter { $0.outcome == .stoppedForSafety }
  }
}

extension ClinicianReport {
  /// Reads the report's figures from the journal: the sessions since `since` (all
  /// when nil), their statistics, the programme followed (looked up in `programmes`),
  /// and the latest safety check when `includeSafety`. `progress` hears `(done, total)`
  /// after each of the reads (`readSteps` in all), for a progress line.
  public init(
    journal: SQLiteJournal, since: Date?, programmes: ProgrammeLibrary, includeSafety: Bool, now: Date,
    timeZone: TimeZone = .current, progress: ((Int, Int) -> Void)? = nil
  ) throws(JournalError) {
    let total = Self.readSteps
    let filter = JournalFilter(since: since)
    let sessions = try journal.history(filter).map { summary in
      Session(
        startedAt: summary.startedAt, routineID: summary.routineID, routineTitle: summary.routineTitle,
        muscles: summary.muscles, outcome: summary.outcome, stopReason: summary.stopReason, before: summary.before,
        after: summary.after)
    }
    progress?(1, total)
    let statistics = try StatsReport(journal: journal, filter: filter)
    progress?(2, total)
    let active = try ActiveProgramme.read(journal: journal, programmes: programmes, now: now, zone: .zone(timeZone))
    progress?(3, total)
    let safetyCheck = includeSafety ? try journal.latestSafetyCheck() : nil
    progress?(4, total)
    self.init(
      writtenAt: now, since: since, timeZone: timeZone, sessions: sessions, statistics: statistics,
      adherence: active.flatMap { ProgrammeAdherence($0, now: now, zone: .zone(timeZone)) },
      safetyCheck: safetyCheck, includesSafety: includeSafety)
  }

  /// The journal reads a report makes: its sessions, their statistics, the programme
  /// and the safety check.
  public static let readSteps = 4
}
