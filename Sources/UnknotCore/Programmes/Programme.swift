/// A plan over weeks: which routines on which days, and how the dose of its strength
/// work grows (docs/programme-format.md). Validated: every routine it names exists.
public struct Programme: Sendable, Equatable {
  public var id: String
  public var title: String
  public var summary: String
  /// How long it runs, in weeks of active (not paused) time.
  public var weeks: Int
  public var sources: [String]
  public var schedule: [ProgrammeEntry]
  /// The ladder of doses the progressing entries climb; nil when none progresses.
  public var progression: ProgressionLadder?

  public init(
    id: String, title: String, summary: String, weeks: Int, sources: [String] = [], schedule: [ProgrammeEntry],
    progression: ProgressionLadder? = nil
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.weeks = weeks
    self.sources = sources
    self.schedule = schedule
    self.progression = progression
  }

  /// Every routine id the programme names, in schedule order.
  public var routineIDs: [String] { schedule.flatMap(\.routineIDs) }

  /// The entry a routine belongs to (a routine appears in one entry at most).
  public func entry(forRoutine id: String) -> ProgrammeEntry? {
    schedule.first { $0.routineIDs.contains(id) }
  }
}

/// One line of a programme's schedule: a routine (or one of several, by the tools the
/// person owns), when it is due, and whether its dose follows the programme's level.
public struct ProgrammeEntry: Sendable, Equatable {
  /// Any one of these counts as the entry done.
  public var routineIDs: [String]
  /// A short name for the entry in today's plan: "strength".
  public var label: String
  public var days: ProgrammeDays
  /// The programme weeks it runs in; nil for every week.
  public var inWeeks: Set<Int>?
  /// Its exercise steps take the level's reps and sets.
  public var progresses: Bool

  public init(
    routineIDs: [String], label: String, days: ProgrammeDays, inWeeks: Set<Int>? = nil, progresses: Bool = false
  ) {
    self.routineIDs = routineIDs
    self.label = label
    self.days = days
    self.inWeeks = inWeeks
    self.progresses = progresses
  }

  /// Whether it runs in this programme week at all.
  public func runs(inWeek week: Int) -> Bool {
    inWeeks?.contains(week) ?? true
  }
}

/// When an entry is due.
public enum ProgrammeDays: Sendable, Equatable {
  case daily
  /// On these days of the week.
  case weekdays(Set<Weekday>)
  /// Any days, this many times in each programme week.
  case timesPerWeek(Int)

  /// How many times in a full week it is meant to be done.
  public var timesInAWeek: Int {
    switch self {
    case .daily: 7
    case .weekdays(let days): days.count
    case .timesPerWeek(let count): count
    }
  }
}

/// A day of the week, as programme files write it.
public enum Weekday: String, Sendable, CaseIterable, Comparable {
  case mon, tue, wed, thu, fri, sat, sun

  /// Calendar's weekday number: 1 is Sunday.
  public init(calendarWeekday: Int) {
    self = [.sun, .mon, .tue, .wed, .thu, .fri, .sat][(calendarWeekday - 1 + 7) % 7]
  }

  public var name: String {
    switch self {
    case .mon: "Monday"
    case .tue: "Tuesday"
    case .wed: "Wednesday"
    case .thu: "Thursday"
    case .fri: "Friday"
    case .sat: "Saturday"
    case .sun: "Sunday"
    }
  }

  public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The doses a progressing entry climbs through, level by level: `step` more reps
/// each level up to the top of the range, then one more set with the reps back at
/// the bottom (ACSM position stand, Garber 2011).
public struct ProgressionLadder: Sendable, Equatable {
  public var reps: ClosedRange<Int>
  public var repsStep: Int
  public var sets: ClosedRange<Int>

  public init(reps: ClosedRange<Int>, repsStep: Int = 1, sets: ClosedRange<Int>) {
    self.reps = reps
    self.repsStep = max(1, repsStep)
    self.sets = sets
  }

  /// Every dose, level 1 first.
  public var levels: [ProgrammeDose] {
    var doses: [ProgrammeDose] = []
    var repCounts = Array(stride(from: reps.lowerBound, through: reps.upperBound, by: repsStep))
    if repCounts.last != reps.upperBound { repCounts.append(reps.upperBound) }
    for setCount in sets {
      for repCount in repCounts {
        doses.append(ProgrammeDose(level: doses.count + 1, reps: repCount, sets: setCount))
      }
    }
    return doses
  }

  public var topLevel: Int { levels.count }

  /// The dose at a level, clamped to the ladder.
  public func dose(atLevel level: Int) -> ProgrammeDose {
    let all = levels
    return all[min(max(level, 1), all.count) - 1]
  }
}

/// What a level asks of each exercise step.
public struct ProgrammeDose: Sendable, Equatable, Codable {
  public var level: Int
  public var reps: Int
  public var sets: Int

  public init(level: Int, reps: Int, sets: Int) {
    self.level = level
    self.reps = reps
    self.sets = sets
  }

  /// "12 reps, 1 set".
  public var text: String {
    "\(reps) rep\(reps == 1 ? "" : "s"), \(sets) set\(sets == 1 ? "" : "s")"
  }
}
