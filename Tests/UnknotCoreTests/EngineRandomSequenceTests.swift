import UnknotCore
import XCTest

/// Random command sequences against the invariants a journal relies on: time is
/// accounted for exactly once, ratings are valid, and a session ends exactly once.
final class EngineRandomSequenceTests: XCTestCase {
  static let routines: [Routine] = [
    EngineFixtures.everyKind,
    EngineFixtures.routine(
      [
        RoutineStep(.place(getReadySeconds: nil), muscle: .rhomboids, tool: .massageBall),
        RoutineStep(.hold(seconds: 20, pressure: .standard), muscle: .rhomboids, tool: .massageBall, side: .both),
        RoutineStep(.strokes(count: 4, secondsPerStroke: 2), muscle: .upperTrapezius, tool: .caneMassager),
        RoutineStep(.breathe(phases: EngineFixtures.threePhaseBreath, cycles: 1)),
        RoutineStep(.traction(clinicianSettings: []), muscle: .cervicalSpine, tool: .tractionDevice),
      ], id: "short"),
    EngineFixtures.routine(
      [
        RoutineStep(
          .block(steps: [
            RoutineStep(.place(getReadySeconds: 5), muscle: .infraspinatus, tool: .massageBall),
            RoutineStep(.hold(seconds: 15, pressure: .standard), muscle: .infraspinatus, tool: .massageBall),
            RoutineStep(.rate, muscle: .infraspinatus),
          ]), side: .both, sets: 2, restBetweenSets: 5),
        RoutineStep(.exercise(reps: 3, secondsPerRep: 2), muscle: .lowerTrapezius),
      ], id: "block"),
    EngineFixtures.routine(
      [
        RoutineStep(.phasedExercise(reps: 3, phases: tuckHoldRelease), muscle: .suboccipitals),
        RoutineStep(.rate),
        RoutineStep(.phasedExercise(reps: 2, phases: liftHoldLower), muscle: .lowerTrapezius, side: .both),
        // One short rep: an extension soon outlasts it, and must cue nothing more.
        RoutineStep(.phasedExercise(reps: 1, phases: squeezeRelease), muscle: .rhomboids),
      ], id: "phases"),
    EngineFixtures.restsAroundChecklist,
    // Checklists alone, as the desk check: no ratings around them.
    EngineFixtures.routine(
      [
        RoutineStep(.checklist(items: EngineFixtures.deskItems)),
        RoutineStep(.checklist(items: Array(EngineFixtures.deskItems.prefix(1)))),
      ], id: "checklists"),
  ]

  static let tuckHoldRelease = [
    ExercisePhase(.tuck, seconds: 1), ExercisePhase(.hold, seconds: 3), ExercisePhase(.release, seconds: 1),
  ]
  static let liftHoldLower = [
    ExercisePhase(.lift, seconds: 2), ExercisePhase(.hold, seconds: 1), ExercisePhase(.lower, seconds: 2),
  ]
  static let squeezeRelease = [ExercisePhase(.squeeze, seconds: 1), ExercisePhase(.release, seconds: 1)]

  static func randomCommand(using random: inout SplitMix64) -> SessionCommand {
    let roll = Int.random(in: 0..<1000, using: &random)
    switch roll {
    case 0..<260: return .observe
    case 260..<330: return .answer(Bool.random(using: &random) ? .yes : .no)
    case 330..<420: return .next
    case 420..<450: return .back
    case 450..<500: return .pause
    case 500..<570: return .resume
    case 570..<610: return .extend
    case 610..<650: return .shorten
    case 650..<690: return .released
    case 690..<750: return .confirm
    case 750..<850: return .rate(Int.random(in: -2...12, using: &random))
    case 850..<880: return .skipRating
    case 880..<930: return .setClinicianTime(seconds: [0, 1, 5, 30, 3600, 3601].randomElement(using: &random)!)
    case 930..<990: return .begin
    case 990..<995: return .stopSignal(StopReason.everyKind.randomElement(using: &random)!)
    default: return .quit
    }
  }

  /// A clock advance: usually 0–3 s, now and then a gap of up to a minute.
  static func randomAdvance(using random: inout SplitMix64) -> Int64 {
    if Int.random(in: 0..<20, using: &random) == 0 {
      return Int64.random(in: 2 * engineSecond + 1...60 * engineSecond, using: &random)
    }
    return Int64.random(in: 0...3 * engineSecond, using: &random)
  }

  func testFiveHundredRandomSessionsKeepEveryInvariantAfterEveryCommand() {
    var outcomes: [SessionOutcome: Int] = [:]
    var rejections = 0
    var clockGaps = 0
    var phaseCues = 0
    var answers = 0
    for seed in UInt64(1)...500 {
      var random = SplitMix64(seed: seed)
      let routine = Self.routines[Int(seed) % Self.routines.count]
      var checker = EngineInvariantChecker(routine: routine, start: Moment(nanoseconds: 1_000 * engineSecond))
      for number in 1...200 {
        let command = Self.randomCommand(using: &random)
        let reading = checker.now + Self.randomAdvance(using: &random)
        if let problem = checker.apply(command, at: reading) {
          XCTFail("seed \(seed), command \(number) (\(command.name) at \(reading)): \(problem)")
          break
        }
      }
      if let problem = checker.finish() {
        XCTFail("seed \(seed), at the end: \(problem)")
      }
      if case .ended(let outcome) = checker.state.status { outcomes[outcome, default: 0] += 1 }
      rejections += checker.events.filter(\.engineIsRejection).count
      phaseCues +=
        checker.events.filter {
          if case .cue(.exercisePhase, _) = $0 { return true }
          return false
        }.count
      answers += checker.events.count {
        if case .checklistAnswered = $0 { return true }
        return false
      }
      clockGaps +=
        checker.events.filter {
          if case .paused(.clockGap, _) = $0 { return true }
          return false
        }.count
    }
    // The sequences reach every ending and exercise rejections, clock gaps and phased reps.
    XCTAssertGreaterThan(outcomes[.finished] ?? 0, 10, "\(outcomes)")
    XCTAssertGreaterThan(outcomes[.quit] ?? 0, 10, "\(outcomes)")
    XCTAssertGreaterThan(outcomes[.stoppedForSafety] ?? 0, 10, "\(outcomes)")
    XCTAssertGreaterThan(rejections, 1000)
    XCTAssertGreaterThan(clockGaps, 100)
    XCTAssertGreaterThan(phaseCues, 300)
    XCTAssertGreaterThan(answers, 100)
  }
}

/// Applies commands and checks the invariants after each one; a problem comes back as text.
struct EngineInvariantChecker {
  var state: SessionState
  var events: [SessionEvent] = []
  var record = SessionRecord()
  var now: Moment
  /// Sum of every `stepEnded` active time seen.
  var endedStepsActive: Int64 = 0
  /// The step the latest cues belong to, and how many exercise phases it has cued.
  var cuedStep = 0
  var phasesCued = 0

  init(routine: Routine, start: Moment) {
    state = SessionState(timeline: Timeline(routine: routine))
    now = start
  }

  mutating func apply(_ command: SessionCommand, at reading: Moment) -> String? {
    let before = state
    var observed = state
    let observeEvents = SessionEngine.apply(.observe, to: &observed, at: reading)
    let new = SessionEngine.apply(command, to: &state, at: reading)
    now = reading
    for event in new {
      record.apply(event)
      if case .stepEnded(let end) = event { endedStepsActive += end.activeNanoseconds }
    }
    let lastMoment = events.last { $0.moment != nil }?.moment
    events += new
    return check(command, before: before, observed: observed, observeEvents: observeEvents, new: new)
      ?? checkMoments(new, after: lastMoment) ?? checkPhaseOrder(new)
  }

  /// Quits a session still going, then checks how it ended and its rebuilt record.
  mutating func finish() -> String? {
    if !state.hasEnded, let problem = apply(.quit, at: now + engineSecond) { return problem }
    let endings = events.filter {
      if case .sessionEnded = $0 { return true }
      return false
    }
    guard endings.count == 1, case .sessionEnded(let outcome, _) = endings[0] else {
      return "expected exactly one session end, got \(endings)"
    }
    guard state.status == .ended(outcome) else { return "state \(state.status) but the events say \(outcome)" }
    // The session-end cue goes with the end; after that, only rejections.
    let firstEnd = events.firstIndex(of: endings[0])!
    guard events.indices.contains(firstEnd + 1), case .cue(.sessionEnd, _) = events[firstEnd + 1] else {
      return "no session-end cue right after the session ended"
    }
    if let late = events[(firstEnd + 2)...].first(where: { !$0.engineIsRejection }) {
      return "an event after the session ended: \(late)"
    }
    let rebuilt = SessionRecord.rebuild(from: events)
    guard rebuilt == record else { return "the rebuilt record differs from the incremental one" }
    guard rebuilt.outcome == outcome else { return "record outcome \(String(describing: rebuilt.outcome))" }
    let safetyEvents = events.compactMap {
      if case .stoppedForSafety(let reason, _) = $0 { return reason }
      return nil
    }
    guard rebuilt.stopReason == safetyEvents.last, safetyEvents.count == (outcome == .stoppedForSafety ? 1 : 0) else {
      return "stop reason \(String(describing: rebuilt.stopReason)) with outcome \(outcome), events \(safetyEvents)"
    }
    guard rebuilt.endedAt == state.endedAt, rebuilt.startedAt == state.startedAt else {
      return "record runs \(String(describing: rebuilt.startedAt))–\(String(describing: rebuilt.endedAt))"
    }
    return nil
  }

  private func check(
    _ command: SessionCommand, before: SessionState, observed: SessionState, observeEvents: [SessionEvent],
    new: [SessionEvent]
  ) -> String? {
    guard state.steps.indices.contains(state.stepIndex) else { return "step index \(state.stepIndex) out of range" }
    if new.contains(where: \.engineIsRejection) {
      guard new.last?.engineIsRejection == true, new.filter(\.engineIsRejection).count == 1 else {
        return "a rejection among other events: \(new)"
      }
      guard state == observed, Array(new.dropLast()) == observeEvents else {
        return "a rejected \(command.name) changed more than the passing of time"
      }
    }
    if before.hasEnded, !new.allSatisfy(\.engineIsRejection) {
      return "events after the end: \(new)"
    }
    if let problem = checkTime() { return problem }
    for event in new {
      switch event {
      case .ratingGiven(let rating), .ratingSkipped(let rating):
        if let value = rating.value, !(0...10).contains(value) { return "rating \(value) out of range" }
        guard case .rating(let moment) = state.steps[rating.stepIndex].plan, moment == rating.moment else {
          return "a rating from step \(rating.stepIndex), which is \(state.steps[rating.stepIndex].kind)"
        }
        guard rating.stepIndex == before.stepIndex || rating.stepIndex == observed.stepIndex else {
          return "a rating for step \(rating.stepIndex) while in step \(observed.stepIndex)"
        }
        let step = state.steps[rating.stepIndex]
        guard rating.muscle == step.muscle, rating.side == step.side else { return "rating without its step's muscle" }
      case .checklistAnswered(let response):
        // An answer belongs to the item asked when the command came, never to another step.
        guard response.stepIndex == observed.stepIndex, response.item == observed.currentChecklistItem,
          !observed.showingAdvice
        else { return "an answer to \(response.item.id) in step \(response.stepIndex) was not the item asked" }
      default:
        break
      }
    }
    if let item = state.currentChecklistItem, !state.hasEnded,
      case .checklist(let items) = state.currentStep.plan, !items.contains(item)
    {
      return "the checklist asks an item it does not have"
    }
    guard
      record.checklistAnswers.count == events.count(where: { if case .checklistAnswered = $0 { true } else { false } })
    else { return "the record lost a checklist answer" }
    guard record.ratings.count == events.count(where: isRating) else { return "the record lost a rating" }
    return nil
  }

  private func isRating(_ event: SessionEvent) -> Bool {
    switch event {
    case .ratingGiven, .ratingSkipped: true
    default: false
    }
  }

  /// Active time, paused time and the record agree exactly.
  private func checkTime() -> String? {
    guard record.activeNanoseconds == endedStepsActive, endedStepsActive == state.activeBanked else {
      return
        "active time: record \(record.activeNanoseconds), step ends \(endedStepsActive), state \(state.activeBanked)"
    }
    guard record.pausedNanoseconds == state.pausedTotal else {
      return "paused time: record \(record.pausedNanoseconds), state \(state.pausedTotal)"
    }
    guard let startedAt = state.startedAt else { return nil }
    if state.hasEnded {
      guard let endedAt = state.endedAt, state.sessionActive(at: now) == state.activeBanked,
        state.activeBanked + state.pausedTotal == endedAt.since(startedAt)
      else {
        return "ended: active \(state.activeBanked) + paused \(state.pausedTotal) ≠ session length"
      }
      return nil
    }
    let active = state.sessionActive(at: now)
    guard active == state.activeBanked + state.stepActive(at: now) else { return "session active ≠ banked + step" }
    let openPause = state.pausedAt.map { now.since($0) } ?? 0
    guard state.isPaused == (state.pausedAt != nil) else { return "paused status without a pause moment" }
    guard active + state.pausedTotal + openPause == now.since(startedAt) else {
      return "active \(active) + paused \(state.pausedTotal + openPause) ≠ elapsed \(now.since(startedAt))"
    }
    if state.isRunning, let deadline = state.deadline, deadline <= now {
      return "a step still runs past its deadline \(deadline)"
    }
    if let remaining = state.remaining(at: now), remaining < 0 { return "negative remaining time" }
    return nil
  }

  /// However the clock jumps and whatever is pressed, a phased exercise cues its phases
  /// in the written order, counts each new rep just before its first phase, and stops
  /// at the last rep.
  private mutating func checkPhaseOrder(_ new: [SessionEvent]) -> String? {
    for event in new {
      switch event {
      case .stepStarted(let start):
        cuedStep = start.index
        phasesCued = 0
      case .cue(.exercisePhase(let kind), _):
        guard case .phasedRepetitions(let phases, let count) = state.steps[cuedStep].plan else {
          return "a \(kind) cue in step \(cuedStep), a \(state.steps[cuedStep].kind) step"
        }
        guard phasesCued < phases.count * count else { return "a \(kind) cue after the last rep" }
        let due = phases[phasesCued % phases.count].kind
        guard kind == due else { return "\(kind) cued where \(due) was due (phase \(phasesCued + 1))" }
        phasesCued += 1
      case .cue(.repetition(let number), _):
        guard case .phasedRepetitions(let phases, _) = state.steps[cuedStep].plan else { continue }
        guard phasesCued % phases.count == 0, number == phasesCued / phases.count + 1 else {
          return "rep \(number) counted after \(phasesCued) phases"
        }
      default:
        continue
      }
    }
    return nil
  }

  /// Event moments never go backwards and never lie in the future.
  private func checkMoments(_ new: [SessionEvent], after last: Moment?) -> String? {
    var previous = last ?? .zero
    for event in new {
      guard let moment = event.moment else { continue }
      if moment < previous { return "event \(event) at \(moment), before \(previous)" }
      if moment > now { return "event \(event) in the future" }
      previous = moment
    }
    return nil
  }
}
