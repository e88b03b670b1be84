import Foundation

/// Where a person stands in a programme today, worked out from the enrolment and the
/// journal's sessions alone: nothing is ticked off by hand. Pure: the same inputs
/// always give the same answer (docs/programme-format.md, "Progression").
public enum ProgrammeProgress {
  /// A rise of this many points in a session (any rating above its before rating)
  /// counts as pain rising: the change a person can feel (Farrar 2001).
  public static let painRise = 2
  /// Good sessions in a row at one level before the next (ACSM, Garber 2011).
  public static let goodSessionsToProgress = 2
  /// unknot's cautious choice, not the source's: this long without a session of a
  /// progressing entry (paused time not counted) steps it back a level.
  public static let longGapDays = 14

  static let dayMs: Int64 = 86_400_000
  static let weekMs: Int64 = 7 * dayMs

  public static func today(
    programme: Programme, enrolment: ProgrammeEnrolment, sessions: [ProgrammeSession], now: Date,
    zone: DisplayZone = .local
  ) -> ProgrammeToday {
    let clock = ActiveClock(enrolment: enrolment, now: now)
    let nowMs = JournalTime.milliseconds(now)
    let elapsed = clock.activeMs(at: nowMs)
    let week = Int(elapsed / weekMs) + 1
    let state: ProgrammeToday.State =
      week > programme.weeks ? .finished : enrolment.isPaused ? .paused : .active
    let shownWeek = min(week, programme.weeks)
    let endMs = Int64(programme.weeks) * weekMs
    // Sessions while enrolled and not paused, before the programme's end, in order.
    let counted = sessions.filter { session in
      let ms = JournalTime.milliseconds(session.startedAt)
      return programme.routineIDs.contains(session.routineID) && clock.counts(ms) && clock.activeMs(at: ms) < endMs
    }.sorted { $0.startedAt < $1.startedAt }
    let today = day(nowMs, zone)
    let weekday = Weekday.allCases[Int(((today + 3) % 7 + 7) % 7)]

    let entries = programme.schedule.map { entry -> ProgrammeToday.Entry in
      let own = counted.filter { entry.routineIDs.contains($0.routineID) }
      let runsThisWeek = entry.runs(inWeek: shownWeek)
      let finishedDays = own.filter { $0.outcome == .finished }
      let thisWeekDays = Set(
        finishedDays.filter { Int(clock.activeMs(at: JournalTime.milliseconds($0.startedAt)) / weekMs) + 1 == week }
          .map { day(JournalTime.milliseconds($0.startedAt), zone) })
      let doneToday = finishedDays.contains { day(JournalTime.milliseconds($0.startedAt), zone) == today }
      let planned = runsThisWeek ? entry.days.timesInAWeek : 0
      var due = false
      if state == .active, runsThisWeek {
        switch entry.days {
        case .daily: due = true
        case .weekdays(let days): due = days.contains(weekday)
        case .timesPerWeek(let times): due = doneToday || thisWeekDays.count < times
        }
      }
      var standing: LevelStanding?
      if entry.progresses, let ladder = programme.progression {
        standing = level(of: own, ladder: ladder, clock: clock, nowMs: nowMs, zone: zone)
      }
      return ProgrammeToday.Entry(
        label: entry.label, routineIDs: entry.routineIDs, dueToday: due, doneToday: doneToday,
        doneThisWeek: thisWeekDays.count, plannedThisWeek: planned, dose: standing?.dose,
        topLevel: programme.progression?.topLevel, levelChange: standing?.change,
        goodInARow: standing?.goodInARow ?? 0)
    }
    return ProgrammeToday(
      programmeID: programme.id, title: programme.title, state: state, week: shownWeek, weeks: programme.weeks,
      entries: entries)
  }

  /// When the programme's last week ends, or ended, on the wall clock: its weeks plus
  /// the time paused (an open pause counted to now), or when the person left it. Later
  /// sessions never count, so a journal read stops there.
  public static func end(of programme: Programme, enrolment: ProgrammeEnrolment, now: Date) -> Date {
    let clock = ActiveClock(enrolment: enrolment, now: now)
    let paused = clock.pauses.reduce(Int64(0)) { $0 + max(0, $1.to - $1.from) }
    let end = clock.startMs + Int64(programme.weeks) * weekMs + paused
    return JournalTime.date(milliseconds: clock.leftMs.map { min($0, end) } ?? end)
  }

  /// A progressing entry's level and what last moved it.
  struct LevelStanding {
    var dose: ProgrammeDose
    var change: ProgrammeToday.LevelChange?
    var goodInARow: Int
  }

  /// The rule, applied session by session: two good sessions in a row (on two days)
  /// move up one level; a session where pain rose by 2 or more, or a stop for safety,
  /// steps back one level and nothing more counts that day; a quit or interrupted
  /// session breaks the row; a long gap steps back one level.
  static func level(
    of sessions: [ProgrammeSession], ladder: ProgressionLadder, clock: ActiveClock, nowMs: Int64, zone: DisplayZone
  ) -> LevelStanding {
    var level = 1
    var streak = 0
    var change: ProgrammeToday.LevelChange?
    var lastActive: Int64?
    var lastGoodDay: Int64?
    var setbackDays: Set<Int64> = []
    let gapMs = Int64(longGapDays) * dayMs
    func stepBack(_ why: ProgrammeToday.LevelChange) {
      if level > 1 { level -= 1 }
      streak = 0
      change = why
    }
    for session in sessions {
      let ms = JournalTime.milliseconds(session.startedAt)
      let active = clock.activeMs(at: ms)
      if let lastActive, active - lastActive >= gapMs { stepBack(.steppedBackAfterGap) }
      lastActive = active
      let sessionDay = day(ms, zone)
      if session.outcome == .stoppedForSafety {
        stepBack(.steppedBackAfterSafetyStop(session.startedAt))
        setbackDays.insert(sessionDay)
      } else if session.painRose {
        stepBack(.steppedBackAfterPainRose(session.startedAt))
        setbackDays.insert(sessionDay)
      } else if session.outcome == .finished {
        guard !setbackDays.contains(sessionDay), lastGoodDay != sessionDay else { continue }
        lastGoodDay = sessionDay
        streak += 1
        if streak >= goodSessionsToProgress {
          streak = 0
          if level < ladder.topLevel {
            level += 1
            change = .movedUp
          }
        }
      } else {
        streak = 0
      }
    }
    if let lastActive, clock.activeMs(at: nowMs) - lastActive >= gapMs { stepBack(.steppedBackAfterGap) }
    return LevelStanding(dose: ladder.dose(atLevel: level), change: change, goodInARow: streak)
  }

  /// The day number of a moment in the person's zone, counted from 1 January 1970.
  static func day(_ ms: Int64, _ zone: DisplayZone) -> Int64 {
    let local = ms + zone.offsetMilliseconds(at: JournalTime.date(milliseconds: ms))
    return local >= 0 ? local / dayMs : (local - dayMs + 1) / dayMs
  }

  /// Programme time: what has passed since the start, less the pauses.
  struct ActiveClock {
    let startMs: Int64
    let leftMs: Int64?
    /// Each pause as milliseconds, an open one running to now.
    let pauses: [(from: Int64, to: Int64)]

    init(enrolment: ProgrammeEnrolment, now: Date) {
      startMs = JournalTime.milliseconds(enrolment.startedAt)
      leftMs = enrolment.leftAt.map(JournalTime.milliseconds)
      let nowMs = JournalTime.milliseconds(now)
      pauses = enrolment.pauses.map { pause in
        (JournalTime.milliseconds(pause.pausedAt), pause.resumedAt.map(JournalTime.milliseconds) ?? nowMs)
      }
    }

    func activeMs(at ms: Int64) -> Int64 {
      let end = leftMs.map { min($0, ms) } ?? ms
      guard end > startMs else { return 0 }
      let paused = pauses.reduce(Int64(0)) { total, pause in
        total + max(0, min(pause.to, end) - max(pause.from, startMs))
      }
      return max(0, end - startMs - paused)
    }

    /// A session at this moment belongs to the programme: after its start, before
    /// leaving, and not while it was paused.
    func counts(_ ms: Int64) -> Bool {
      guard ms >= startMs, leftMs.map({ ms < $0 }) ?? true else { return false }
      return !pauses.contains { ms >= $0.from && ms < $0.to }
    }
  }
}

/// Today in a programme: the week, each entry's plan and progress, and the levels.
public struct ProgrammeToday: Sendable, Equatable {
  public enum State: String, Sendable, Codable {
    case active, paused, finished
  }

  /// What last changed a progressing entry's level.
  public enum LevelChange: Sendable, Equatable {
    case movedUp
    case steppedBackAfterPainRose(Date)
    case steppedBackAfterSafetyStop(Date)
    case steppedBackAfterGap
  }

  public struct Entry: Sendable, Equatable {
    public var label: String
    public var routineIDs: [String]
    public var dueToday: Bool
    public var doneToday: Bool
    /// Days with a finished session in this programme week.
    public var doneThisWeek: Int
    /// How many times this week's plan asks for (0 in a week it does not run).
    public var plannedThisWeek: Int
    /// The level's dose, for a progressing entry.
    public var dose: ProgrammeDose?
    public var topLevel: Int?
    public var levelChange: LevelChange?
    /// Good sessions in a row at the current level so far.
    public var goodInARow: Int
  }

  public var programmeID: String
  public var title: String
  public var state: State
  /// The programme week (1-based), at most `weeks`.
  public var week: Int
  public var weeks: Int
  public var entries: [Entry]

  /// The dose a session of this routine takes today, when it is a progressing entry's.
  public func dose(forRoutine id: String) -> ProgrammeDose? {
    guard state == .active else { return nil }
    return entries.first { $0.routineIDs.contains(id) }?.dose
  }
}
