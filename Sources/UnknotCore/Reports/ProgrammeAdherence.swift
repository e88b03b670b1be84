import Foundation

/// How a followed programme has been kept to, week by week: the days with a finished
/// session of each entry against the times the plan asks for, counted the way
/// `ProgrammeProgress` counts "2 of 3 this week" (paused time is not programme time,
/// and a second session of an entry on one day is one day). An entry's extra days do
/// not make up for another entry's missed ones: each counts at most what it plans.
public struct ProgrammeAdherence: Sendable, Equatable {
  public struct Week: Sendable, Equatable {
    /// 1-based programme week.
    public var number: Int
    public var done: Int
    public var planned: Int

    public init(number: Int, done: Int, planned: Int) {
      self.number = number
      self.done = done
      self.planned = planned
    }
  }

  public var title: String
  public var startedAt: Date
  public var state: ProgrammeToday.State
  /// The programme week today falls in, at most `weeks`.
  public var week: Int
  public var weeks: Int
  /// Weeks 1 to `week`; the current one so far.
  public var perWeek: [Week]

  public init(
    title: String, startedAt: Date, state: ProgrammeToday.State, week: Int, weeks: Int, perWeek: [Week]
  ) {
    self.title = title
    self.startedAt = startedAt
    self.state = state
    self.week = week
    self.weeks = weeks
    self.perWeek = perWeek
  }

  /// The adherence of the programme followed; nil when its file is no longer found.
  public init?(_ active: ActiveProgramme, now: Date, zone: DisplayZone) {
    guard let programme = active.programme, let today = active.today else { return nil }
    let clock = ProgrammeProgress.ActiveClock(enrolment: active.enrolment, now: now)
    let weekMs = ProgrammeProgress.weekMs
    // Finished sessions that count, by entry: the programme week and day of each.
    var perWeek: [Week] = (1...max(1, today.week)).map { Week(number: $0, done: 0, planned: 0) }
    for entry in programme.schedule {
      var days: [Int: Set<Int64>] = [:]
      for session in active.sessions
      where session.outcome == .finished && entry.routineIDs.contains(session.routineID) {
        let ms = JournalTime.milliseconds(session.startedAt)
        guard clock.counts(ms) else { continue }
        let week = Int(clock.activeMs(at: ms) / weekMs) + 1
        days[week, default: []].insert(ProgrammeProgress.day(ms, zone))
      }
      for index in perWeek.indices {
        let number = perWeek[index].number
        let planned = entry.runs(inWeek: number) ? entry.days.timesInAWeek : 0
        perWeek[index].planned += planned
        perWeek[index].done += min(planned, days[number]?.count ?? 0)
      }
    }
    self.init(
      title: active.enrolment.programmeTitle, startedAt: active.enrolment.startedAt, state: today.state,
      week: today.week, weeks: today.weeks, perWeek: perWeek)
  }

  /// Done over planned in all the weeks so far, 0…1; nil when nothing was planned.
  public var share: Double? {
    let planned = perWeek.reduce(0) { $0 + $1.planned }
    guard planned > 0 else { return nil }
    return Double(perWeek.reduce(0) { $0 + $1.done }) / Double(planned)
  }
}
