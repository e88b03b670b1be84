import UnknotCore
import XCTest

// Shared pieces for the session engine tests: routines built in code, exact moments,
// a driver that keeps every event, and a seeded random source.

/// Nanoseconds in one second, short enough for arithmetic in tests.
let engineSecond = nanosecondsPerSecond

/// Exact moments and durations, never through floating point.
enum EngineTime {
  /// A moment this many whole seconds after zero.
  static func s(_ seconds: Int64) -> Moment { Moment(nanoseconds: seconds * engineSecond) }

  /// A moment this many milliseconds after zero.
  static func ms(_ milliseconds: Int64) -> Moment { Moment(nanoseconds: milliseconds * 1_000_000) }
}

enum EngineFixtures {
  /// A routine around the given steps, with the metadata the engine ignores.
  static func routine(_ steps: [RoutineStep], id: String = "engine-test") -> Routine {
    Routine(
      id: id, title: "Engine test", summary: "A routine built in code for the engine tests.",
      groups: [.betweenBlades], targets: [.rhomboids], tools: [.massageBall], steps: steps)
  }

  static let threePhaseBreath = [
    BreathPhase(.inhale, seconds: 2), BreathPhase(.topUp, seconds: 1), BreathPhase(.exhale, seconds: 6),
  ]

  /// Every kind of step once, in this timeline:
  ///  0 rating before · 1 untimed placement · 2 get-ready placement (10 s) · 3 hold left (60 s)
  ///  4 switch to the right (10 s) · 5 hold right (60 s) · 6 traction · 7 strokes (8 × 3 s)
  ///  8 breathing (3 × 9 s) · 9 heat (30 s) · 10 rest (20 s) · 11 rating between (rhomboids, left)
  ///  12 roll (30 s) · 13 stretch (2 × 20 s) · 14 exercise (5 × 3 s) · 15 rating after
  static let everyKind = routine(
    [
      RoutineStep(.place(getReadySeconds: nil), muscle: .rhomboids, tool: .massageBall),
      RoutineStep(.place(getReadySeconds: 10), muscle: .rhomboids, tool: .massageBall),
      RoutineStep(.hold(seconds: 60, pressure: .standard), muscle: .rhomboids, tool: .massageBall, side: .both),
      RoutineStep(.traction(clinicianSettings: ["angle"]), muscle: .cervicalSpine, tool: .tractionDevice),
      RoutineStep(.strokes(count: 8, secondsPerStroke: 3), muscle: .upperTrapezius, tool: .caneMassager),
      RoutineStep(.breathe(phases: threePhaseBreath, cycles: 3)),
      RoutineStep(.heat(seconds: 30), muscle: .upperTrapezius, tool: .heatPack),
      RoutineStep(.rest(seconds: 20)),
      RoutineStep(.rate, muscle: .rhomboids, side: .left),
      RoutineStep(.roll(seconds: 30, span: nil), muscle: .erectorSpinae, tool: .foamRoller),
      RoutineStep(.stretch(secondsPerRep: 20, reps: 2), muscle: .pectoralisMajor),
      RoutineStep(.exercise(reps: 5, secondsPerRep: 3), muscle: .lowerTrapezius),
    ], id: "every-kind")

  static let deskItems = [
    ChecklistItem(
      id: "screen-height", question: "Is the top of your screen at eye level?", advice: "Raise the screen."),
    ChecklistItem(id: "feet-flat", question: "Are your feet flat on the floor?", advice: "Use a footrest."),
    ChecklistItem(id: "back-supported", question: "Is your back supported?", advice: "Add a cushion."),
  ]

  /// A checklist between two rests: 0 rating before · 1 rest (20 s) · 2 checklist of
  /// three items · 3 rest (20 s) · 4 rating after.
  static let restsAroundChecklist = routine(
    [RoutineStep(.rest(seconds: 20)), RoutineStep(.checklist(items: deskItems)), RoutineStep(.rest(seconds: 20))],
    id: "checklist-between-rests")

  /// Rating, one hold of `seconds`, rating.
  static func singleHold(seconds: Int = 60) -> Routine {
    routine([RoutineStep(.hold(seconds: seconds, pressure: .standard), muscle: .rhomboids, tool: .massageBall)])
  }

  /// A driver that has begun at `start` and rated the first rating, so step 1 runs from `start`.
  static func begun(_ routine: Routine, at start: Moment = .zero, rating: Int = 4) -> EngineDriver {
    var driver = EngineDriver(routine)
    driver.send(.begin, at: start)
    driver.send(.rate(rating), at: start)
    return driver
  }

  /// A driver whose session has begun at zero and walked (skipping ratings, skipping
  /// steps) to `index`, all at moment zero, so that step started at zero.
  static func driver(_ routine: Routine, atStep index: Int) -> EngineDriver {
    var driver = EngineDriver(routine)
    driver.send(.begin, at: .zero)
    while driver.state.stepIndex < index, !driver.state.hasEnded {
      if case .rating = driver.state.currentStep.plan {
        driver.send(.skipRating, at: .zero)
      } else {
        driver.send(.next, at: .zero)
      }
    }
    return driver
  }
}

/// Runs commands on one session, keeping every event in order.
struct EngineDriver {
  var state: SessionState
  var events: [SessionEvent] = []
  var now = Moment.zero

  init(_ routine: Routine) {
    state = SessionState(timeline: Timeline(routine: routine))
  }

  init(state: SessionState) {
    self.state = state
  }

  @discardableResult
  mutating func send(_ command: SessionCommand, at moment: Moment) -> [SessionEvent] {
    now = moment
    let new = SessionEngine.apply(command, to: &state, at: moment)
    events += new
    return new
  }

  /// Observes the clock every `step` nanoseconds from now until `end` (inclusive).
  @discardableResult
  mutating func observe(every step: Int64, until end: Moment) -> [SessionEvent] {
    var new: [SessionEvent] = []
    var moment = now
    while moment < end {
      moment = min(end, moment + step)
      new += send(.observe, at: moment)
    }
    return new
  }

  var record: SessionRecord { SessionRecord.rebuild(from: events) }

  /// Every cue so far with its moment.
  var cues: [EngineTimedCue] { events.engineCues }

  var stepEnds: [SessionEvent.StepEnd] { events.engineStepEnds }
}

struct EngineTimedCue: Equatable, CustomStringConvertible {
  var cue: Cue
  var at: Moment

  var description: String { "\(cue) at \(at)" }
}

extension [SessionEvent] {
  var engineCues: [EngineTimedCue] {
    compactMap {
      if case .cue(let cue, let at) = $0 { return EngineTimedCue(cue: cue, at: at) }
      return nil
    }
  }

  var engineStepEnds: [SessionEvent.StepEnd] {
    compactMap {
      if case .stepEnded(let end) = $0 { return end }
      return nil
    }
  }

  var engineStepStarts: [SessionEvent.StepStart] {
    compactMap {
      if case .stepStarted(let start) = $0 { return start }
      return nil
    }
  }

  var engineRejections: [String] {
    compactMap {
      if case .rejected(_, let reason) = $0 { return reason }
      return nil
    }
  }
}

extension SessionEvent {
  var engineIsRejection: Bool {
    if case .rejected = self { return true }
    return false
  }
}

extension SessionStep.Plan {
  var engineIsRating: Bool {
    if case .rating = self { return true }
    return false
  }
}
