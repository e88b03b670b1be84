/// The session state machine: `(state, command, now) → (state, events)`, pure.
/// It never reads a clock, calls the front end or writes the journal: it returns
/// events, and the app loop hands them on.
public enum SessionEngine {
  /// A longer gap between two clock readings means the process was stopped or the
  /// machine slept: the countdown pauses at the last reading.
  public static let gapThreshold: Int64 = 2 * nanosecondsPerSecond
  /// What `extend` adds and `shorten` takes away.
  public static let adjustmentStep: Int64 = 15 * nanosecondsPerSecond
  /// `shorten` never leaves less than this on the countdown.
  public static let shortestRemaining: Int64 = 5 * nanosecondsPerSecond
  /// Steps of at least this length get a halfway cue.
  public static let halfwayCueMinimum: Int64 = 60 * nanosecondsPerSecond
  /// The longest traction time a person can enter (the hard limit of any step).
  public static let longestClinicianTime = DosageLimits.longestStep

  /// The pure form: a new state and what happened.
  public static func reduce(_ state: SessionState, _ command: SessionCommand, at now: Moment) -> (
    SessionState, [SessionEvent]
  ) {
    var next = state
    let events = apply(command, to: &next, at: now)
    return (next, events)
  }

  /// The same, updating the state in place (what the app loop and benchmarks use).
  public static func apply(_ command: SessionCommand, to state: inout SessionState, at reading: Moment)
    -> [SessionEvent]
  {
    // A clock that reads earlier than before is treated as not having moved, whatever
    // the session was doing when it was last read.
    let now = max(reading, state.latestReading ?? reading)
    state.latestReading = now
    var run = Run(state: state)
    run.advance(to: now)
    run.handle(command, at: now)
    state = run.state
    return run.events
  }

  /// Whether the command would do something now rather than be rejected: what the
  /// front end asks before it offers a key. Decided by applying it to a copy at the
  /// last clock reading, so the answer can never disagree with what the key would do.
  public static func accepts(_ command: SessionCommand, in state: SessionState) -> Bool {
    guard command != .observe else { return true }
    var copy = state
    let events = apply(command, to: &copy, at: state.latestReading ?? .zero)
    return !events.contains {
      if case .rejected(let rejected, _) = $0 { return rejected == command }
      return false
    }
  }

  /// When something visible changes next: the countdown's next whole second, the
  /// next cue, or the step's end. Nil while nothing counts down (paused, or a step
  /// that waits for the person), so the front end can sleep until a key arrives.
  public static func nextChange(_ state: SessionState, after now: Moment) -> Moment? {
    guard state.isRunning, let length = state.stepLength, let deadline = state.deadline else { return nil }
    let active = state.stepActive(at: now)
    let remaining = length - active
    guard remaining > 0 else { return now }
    let nextWholeSecond = (remaining - 1) / nanosecondsPerSecond * nanosecondsPerSecond
    var soonest = remaining - nextWholeSecond
    if let cue = Run.nextCueThreshold(state, after: max(active, state.cuedUpTo)) {
      soonest = min(soonest, max(0, cue - active))
    }
    return min(deadline, now + soonest)
  }

  /// One reduction's working copy and the events it produces.
  private struct Run {
    var state: SessionState
    var events: [SessionEvent] = []

    init(state: SessionState) {
      self.state = state
      events.reserveCapacity(4)
    }

    // MARK: Time

    mutating func advance(to now: Moment) {
      defer { if state.status == .running { state.lastObservation = now } }
      guard state.status == .running else { return }
      if let last = state.lastObservation, now.since(last) > SessionEngine.gapThreshold, state.stepLength != nil {
        pause(at: last, reason: .clockGap(nanoseconds: now.since(last)))
        return
      }
      while state.status == .running, let deadline = state.deadline, deadline <= now {
        fireCues(upTo: state.stepLength ?? 0)
        endStep(at: deadline, ending: .completed)
        startNextStepOrFinish(at: deadline)
      }
      if state.status == .running {
        fireCues(upTo: state.stepActive(at: now))
      }
    }

    /// Fires the current step's cues whose active-time thresholds lie in (cuedUpTo, upTo].
    mutating func fireCues(upTo active: Int64) {
      defer { state.cuedUpTo = max(state.cuedUpTo, active) }
      guard active > state.cuedUpTo, state.stepLength != nil else { return }
      var threshold = state.cuedUpTo
      while let next = Self.nextCueThreshold(state, after: threshold), next <= active {
        for cue in Self.cues(state, at: next) {
          if cue == .halfway { state.halfwayCued = true }
          events.append(.cue(cue, at: moment(ofActive: next)))
        }
        threshold = next
      }
    }

    /// The moment the current step reaches `active` time, in the current segment.
    func moment(ofActive active: Int64) -> Moment {
      state.segmentStart + (active - state.stepActiveBanked)
    }

    /// The first cue threshold strictly after `after`, before the step's end.
    static func nextCueThreshold(_ state: SessionState, after: Int64) -> Int64? {
      guard let length = state.stepLength else { return nil }
      var best: Int64?
      func consider(_ threshold: Int64) {
        guard threshold > after, threshold < length, threshold > 0 else { return }
        if best == nil || threshold < best! { best = threshold }
      }
      let offset = state.countdownOffset
      if length - offset >= SessionEngine.halfwayCueMinimum, !state.halfwayCued {
        consider(offset + (length - offset) / 2)
      }
      for secondsLeft: Int64 in [3, 2, 1] {
        consider(length - secondsLeft * nanosecondsPerSecond)
      }
      switch state.currentStep.plan {
      case .repetitions(let count, let each) where each > 0:
        let eachNs = Int64(each) * nanosecondsPerSecond
        let next = (after / eachNs + 1) * eachNs
        if next < Int64(count) * eachNs { consider(next) }
      case .breathing(let phases, _):
        let cycle = Int64(phases.reduce(0) { $0 + $1.seconds }) * nanosecondsPerSecond
        guard cycle > 0 else { break }
        let cycleStart = after / cycle * cycle
        var boundary = cycleStart
        for phase in phases {
          if boundary > after {
            consider(boundary)
            break
          }
          boundary += Int64(phase.seconds) * nanosecondsPerSecond
        }
        consider(cycleStart + cycle)
      case .phasedRepetitions(let phases, let count):
        if let next = ExerciseClock.nextPhaseStart(of: phases, count: count, after: after) { consider(next) }
      default:
        break
      }
      return best
    }

    /// The cues due exactly at `threshold` in the current step.
    static func cues(_ state: SessionState, at threshold: Int64) -> [Cue] {
      guard let length = state.stepLength else { return [] }
      var cues: [Cue] = []
      let offset = state.countdownOffset
      if !state.halfwayCued, length - offset >= SessionEngine.halfwayCueMinimum,
        threshold == offset + (length - offset) / 2
      {
        cues.append(.halfway)
      }
      switch state.currentStep.plan {
      case .repetitions(let count, let each) where each > 0:
        let eachNs = Int64(each) * nanosecondsPerSecond
        // An extended step runs past its count: no stroke beyond the last is cued.
        if threshold % eachNs == 0, threshold < Int64(count) * eachNs {
          cues.append(.repetition(Int(threshold / eachNs) + 1))
        }
      case .breathing(let phases, _):
        if let phase = BreathingClock.phase(of: phases, at: threshold), phase.elapsed == 0 {
          cues.append(.breathPhase(phase.kind))
        }
      case .phasedRepetitions(let phases, let count):
        if let phase = ExerciseClock.phase(of: phases, count: count, at: threshold), phase.elapsed == 0 {
          // A new rep is counted, then its first phase named: "rep 2", "tuck".
          if phase.index == 0, phase.repetition > 1 { cues.append(.repetition(phase.repetition)) }
          cues.append(.exercisePhase(phase.kind))
        }
      default:
        break
      }
      let left = length - threshold
      if left > 0, left % nanosecondsPerSecond == 0, left <= 3 * nanosecondsPerSecond {
        cues.append(.countdown(secondsLeft: Int(left / nanosecondsPerSecond)))
      }
      return cues
    }

    // MARK: Steps

    mutating func startStep(_ index: Int, at moment: Moment) {
      state.stepIndex = index
      state.stepStart = moment
      state.segmentStart = moment
      state.stepActiveBanked = 0
      state.stepAdjustment = 0
      state.countdownOffset = 0
      state.cuedUpTo = 0
      state.halfwayCued = false
      state.checklistItem = 0
      state.showingAdvice = false
      let step = state.steps[index]
      state.stepLength = step.plan.seconds.map { Int64($0) * nanosecondsPerSecond }
      events.append(
        .stepStarted(
          .init(
            index: index, kind: step.kind, muscle: step.muscle, side: step.side,
            plannedSeconds: step.plan.seconds, at: moment)))
      events.append(.cue(.stepStart(index: index), at: moment))
      if step.kind == .switchSides, let side = step.side {
        events.append(.cue(.switchSides(to: side), at: moment))
      }
      if case .breathing(let phases, _) = step.plan, let first = phases.first {
        events.append(.cue(.breathPhase(first.kind), at: moment))
      }
      if case .phasedRepetitions(let phases, let count) = step.plan, count > 0, let first = phases.first {
        events.append(.cue(.exercisePhase(first.kind), at: moment))
      }
    }

    mutating func endStep(at moment: Moment, ending: StepEnding) {
      let active = state.stepActive(at: moment)
      state.activeBanked += active
      state.stepActiveBanked = active
      state.segmentStart = moment
      events.append(
        .stepEnded(
          .init(
            index: state.stepIndex, ending: ending, activeNanoseconds: active,
            adjustedNanoseconds: state.stepAdjustment, at: moment)))
      events.append(.cue(.stepEnd(index: state.stepIndex), at: moment))
    }

    mutating func startNextStepOrFinish(at moment: Moment) {
      if state.stepIndex + 1 < state.steps.count {
        startStep(state.stepIndex + 1, at: moment)
      } else {
        finish(.finished, at: moment)
      }
    }

    mutating func finish(_ outcome: SessionOutcome, at moment: Moment) {
      if let pausedAt = state.pausedAt {
        state.pausedTotal += moment.since(pausedAt)
        state.pausedAt = nil
      }
      state.status = .ended(outcome)
      state.endedAt = moment
      state.stepLength = nil
      events.append(.sessionEnded(outcome: outcome, at: moment))
      events.append(.cue(.sessionEnd, at: moment))
    }

    mutating func pause(at moment: Moment, reason: PauseReason) {
      state.stepActiveBanked = state.stepActive(at: moment)
      state.segmentStart = moment
      state.status = .paused(reason)
      state.pausedAt = moment
      events.append(.paused(reason: reason, at: moment))
    }

    // MARK: Commands

    func rating(_ value: Int?, moment: SessionStep.RatingMoment, at now: Moment) -> SessionEvent.Rating {
      let step = state.currentStep
      return .init(
        value: value, stepIndex: state.stepIndex, moment: moment, muscle: step.muscle, side: step.side, at: now)
    }

    mutating func reject(_ command: SessionCommand, _ reason: String) {
      events.append(.rejected(command: command, reason: reason))
    }

    /// The reason a command cannot apply before or after the session, if so.
    func lifecycleProblem() -> String? {
      switch state.status {
      case .notStarted: "the session has not begun"
      case .ended: "the session has ended"
      case .running, .paused: nil
      }
    }

    mutating func handle(_ command: SessionCommand, at now: Moment) {
      if command == .observe { return }
      if command == .begin {
        guard state.status == .notStarted else { return reject(command, "the session has already begun") }
        state.status = .running
        state.startedAt = now
        state.lastObservation = now
        events.append(
          .sessionStarted(
            routineID: state.routineID, stepCount: state.steps.count,
            plannedSeconds: state.steps.reduce(0) { $0 + ($1.plan.seconds ?? 0) }, at: now))
        startStep(0, at: now)
        return
      }
      if command == .quit, state.status == .notStarted {
        finish(.quit, at: now)
        return
      }
      if let problem = lifecycleProblem() { return reject(command, problem) }
      if state.painCheck != nil {
        switch command {
        case .respondToPain, .quit, .stopSignal: break
        default: return reject(command, "choose how to go on first")
        }
      }
      let step = state.currentStep
      let isRating: Bool
      if case .rating = step.plan { isRating = true } else { isRating = false }

      switch command {
      case .observe, .begin:
        break
      case .pause, .pauseForOverlay:
        guard !state.isPaused else { return reject(command, "the session is already paused") }
        guard state.stepLength != nil else {
          return reject(command, "nothing is counting down: this step waits for you")
        }
        pause(at: now, reason: command == .pause ? .person : .overlay)
      case .resume:
        guard let pausedAt = state.pausedAt, state.isPaused else {
          return reject(command, "the session is not paused")
        }
        state.pausedTotal += now.since(pausedAt)
        state.pausedAt = nil
        state.segmentStart = now
        state.status = .running
        state.lastObservation = now
        events.append(.resumed(at: now))
      case .next:
        guard !isRating else {
          return reject(command, "a rating is skipped with its own key, never by accident")
        }
        endStep(at: now, ending: .skipped)
        startNextStepOrFinish(at: now)
      case .back:
        // In a checklist, back first steps through its own items: the advice shown goes
        // back to its question, an item to the one before.
        if case .checklist = step.plan, state.showingAdvice || state.checklistItem > 0 {
          if state.showingAdvice {
            state.showingAdvice = false
          } else {
            state.checklistItem -= 1
          }
          return
        }
        guard
          let previous = state.steps[..<state.stepIndex].lastIndex(where: {
            if case .rating = $0.plan { return false }
            return true
          })
        else { return reject(command, "there is no earlier step to go back to") }
        endStep(at: now, ending: .wentBack)
        startStep(previous, at: now)
      case .extend:
        guard let length = state.stepLength else { return reject(command, "this step has no countdown to extend") }
        guard step.kind != .traction else {
          return reject(command, "traction time comes from your clinician's settings")
        }
        state.stepLength = length + SessionEngine.adjustmentStep
        state.stepAdjustment += SessionEngine.adjustmentStep
        events.append(.adjusted(stepIndex: state.stepIndex, byNanoseconds: SessionEngine.adjustmentStep, at: now))
      case .shorten:
        guard let length = state.stepLength, let remaining = state.remaining(at: now) else {
          return reject(command, "this step has no countdown to shorten")
        }
        guard step.kind != .traction else {
          return reject(command, "traction time comes from your clinician's settings")
        }
        guard remaining > SessionEngine.shortestRemaining else {
          return reject(command, "there are 5 seconds or less left already")
        }
        let cut = min(SessionEngine.adjustmentStep, remaining - SessionEngine.shortestRemaining)
        state.stepLength = length - cut
        state.stepAdjustment -= cut
        events.append(.adjusted(stepIndex: state.stepIndex, byNanoseconds: -cut, at: now))
      case .released:
        guard step.kind == .hold else { return reject(command, "only a pressure hold can end with a release") }
        events.append(.cue(.knotReleased, at: now))
        endStep(at: now, ending: .releasedEarly)
        startNextStepOrFinish(at: now)
      case .confirm:
        if case .checklist = step.plan {
          guard state.showingAdvice else { return reject(command, "answer y for yes or n for no") }
          nextChecklistItem(at: now)
          return
        }
        guard step.kind == .place else { return reject(command, "there is nothing to confirm in this step") }
        endStep(at: now, ending: .completed)
        startNextStepOrFinish(at: now)
      case .answer(let answer):
        guard let item = state.currentChecklistItem else {
          return reject(command, "only a checklist step takes a yes or no")
        }
        guard !state.showingAdvice else { return reject(command, "read the advice, then press Enter to go on") }
        events.append(
          .checklistAnswered(.init(stepIndex: state.stepIndex, item: item, answer: answer, at: now)))
        if answer == .no {
          // The advice shows before the next question, until the person goes on.
          state.showingAdvice = true
        } else {
          nextChecklistItem(at: now)
        }
      case .rate(let value):
        guard case .rating(let moment) = step.plan else {
          return reject(command, "ratings are taken only in a rating step")
        }
        guard (0...10).contains(value) else { return reject(command, "a rating is a whole number from 0 to 10") }
        events.append(.ratingGiven(rating(value, moment: moment, at: now)))
        if moment == .before { state.beforeRating = value }
        if let check = painCheck(after: value, moment: moment) {
          // The rating step stays current, and nothing counts down, until the person chooses.
          state.painCheck = check
          return
        }
        endStep(at: now, ending: .completed)
        startNextStepOrFinish(at: now)
      case .respondToPain(let choice):
        respond(to: choice, at: now)
      case .skipRating:
        guard case .rating(let moment) = step.plan else { return reject(command, "this step is not a rating") }
        events.append(.ratingSkipped(rating(nil, moment: moment, at: now)))
        endStep(at: now, ending: .skipped)
        startNextStepOrFinish(at: now)
      case .setClinicianTime(let seconds):
        guard case .clinicianTimed = step.plan else {
          return reject(command, "only a traction step takes your clinician's time")
        }
        guard state.stepLength == nil else { return reject(command, "the traction time is already set") }
        guard (1...SessionEngine.longestClinicianTime).contains(seconds) else {
          return reject(command, "enter a time from 1 second to 60 minutes")
        }
        let waited = state.stepActive(at: now)
        state.countdownOffset = waited
        state.cuedUpTo = waited
        state.stepLength = waited + Int64(seconds) * nanosecondsPerSecond
        events.append(.clinicianTimeSet(stepIndex: state.stepIndex, seconds: seconds, at: now))
      case .stopSignal(let reason):
        state.painCheck = nil
        events.append(.stoppedForSafety(reason: reason, at: now))
        endStep(at: now, ending: .interrupted)
        finish(.stoppedForSafety, at: now)
      case .quit:
        state.painCheck = nil
        endStep(at: now, ending: .interrupted)
        finish(.quit, at: now)
      }
    }

    /// Past the item asked now: the next one, or the step's end after the last.
    mutating func nextChecklistItem(at now: Moment) {
      state.showingAdvice = false
      guard case .checklist(let items) = state.currentStep.plan, state.checklistItem + 1 < items.count else {
        endStep(at: now, ending: .completed)
        startNextStepOrFinish(at: now)
        return
      }
      state.checklistItem += 1
    }

    // MARK: Pain

    /// The question a rating raises, if any (PainRules): pain that rose between steps,
    /// or high pain before a routine that presses.
    func painCheck(after value: Int, moment: SessionStep.RatingMoment) -> PainCheck? {
      let index = state.stepIndex
      let rest = state.steps[(index + 1)...]
      switch moment {
      case .after:
        return nil
      case .before:
        switch PainRules.atStart(rating: value, routineHasPressure: RemainingSteps.anyPressure(rest)) {
        case .asWritten: return nil
        case .startLighter, .offerGentler:
          return PainCheck(kind: .highBefore, from: nil, to: value, stepIndex: index, choices: [.lighter, .asWritten])
        }
      case .between:
        guard PainRules.hasRisen(before: state.beforeRating, now: value) else { return nil }
        let step = state.currentStep
        // The muscle just worked: the rating's own, else the last one pressed on.
        let pressed = state.steps[..<index].last(where: RemainingSteps.presses)
        let muscle = step.muscle ?? pressed?.muscle
        let side = step.muscle != nil ? step.side : pressed?.side
        var choices: [PainChoice] = []
        if !state.lightened, RemainingSteps.lighterChanges(rest) { choices.append(.lighter) }
        if let muscle, RemainingSteps.pressureRemains(on: muscle, side: side, in: rest) {
          choices.append(.skipPressure)
        }
        if choices.isEmpty { choices.append(.asWritten) }
        choices.append(.stop)
        return PainCheck(
          kind: .rose, from: state.beforeRating, to: value, stepIndex: index, muscle: muscle, side: side,
          choices: choices)
      }
    }

    mutating func respond(to choice: PainChoice, at now: Moment) {
      guard let check = state.painCheck else {
        return reject(.respondToPain(choice), "nothing is waiting for that choice")
      }
      var offered = check.choices.contains(choice)
      if case .gentlerRoutine = choice {
        offered = check.kind == .highBefore && check.to >= PainRules.severe
      }
      guard offered else { return reject(.respondToPain(choice), "that is not one of the choices now") }
      state.painCheck = nil
      let next = state.stepIndex + 1
      let rest = state.steps[next...]
      switch choice {
      case .lighter:
        state.steps.replaceSubrange(next..., with: RemainingSteps.lighter(rest))
        state.lightened = true
      case .skipPressure:
        if let muscle = check.muscle {
          state.steps.replaceSubrange(
            next..., with: RemainingSteps.skippingPressure(on: muscle, side: check.side, in: rest))
        }
      case .stop, .asWritten, .gentlerRoutine:
        break
      }
      events.append(
        .painChoice(
          .init(
            check: check.kind, from: check.from, to: check.to, stepIndex: check.stepIndex, muscle: check.muscle,
            side: check.side, choice: choice, at: now)))
      switch choice {
      case .stop:
        events.append(.stoppedForSafety(reason: .sign(.risingPain), at: now))
        endStep(at: now, ending: .completed)
        finish(.stoppedForSafety, at: now)
      case .gentlerRoutine:
        endStep(at: now, ending: .completed)
        finish(.quit, at: now)
      case .lighter, .skipPressure, .asWritten:
        endStep(at: now, ending: .completed)
        startNextStepOrFinish(at: now)
      }
    }
  }
}
