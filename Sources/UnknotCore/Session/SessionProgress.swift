/// What the screens show about a session at a moment: derived, never stored.
public struct SessionProgress: Sendable, Equatable {
  /// Time left on the step's countdown, or nil when the step waits for the person.
  public var stepRemaining: Int64?
  public var stepLength: Int64?
  /// 0…1 through the step's countdown.
  public var stepFraction: Double?
  /// Which repetition (stroke, rep) of how many, for counted steps.
  public var repetition: Int?
  public var repetitionCount: Int?
  public var breath: BreathingClock.Position?
  /// The phase of a phased exercise's rep; nil once the last rep is done.
  public var exercisePhase: ExerciseClock.Position?
  /// Planned time left in the session: this step's remaining plus the later steps' plans.
  public var sessionRemaining: Int64
  /// Planned length of the session as adjusted so far, for its progress bar.
  public var sessionLength: Int64

  public init(_ state: SessionState, at now: Moment) {
    let active = state.stepActive(at: now)
    stepLength = state.stepLength
    stepRemaining = state.remaining(at: now)
    if let length = state.stepLength, length > state.countdownOffset {
      stepFraction = min(1, max(0, Double(active - state.countdownOffset) / Double(length - state.countdownOffset)))
    }
    let step = state.currentStep
    switch step.plan {
    case .repetitions(let count, let each) where each > 0:
      repetitionCount = count
      repetition = min(count, Int(active / (Int64(each) * nanosecondsPerSecond)) + 1)
    case .breathing(let phases, _):
      breath = BreathingClock.phase(of: phases, at: active)
    case .phasedRepetitions(let phases, let count):
      exercisePhase = ExerciseClock.phase(of: phases, count: count, at: active)
      repetitionCount = count
      repetition = exercisePhase?.repetition ?? count
    default:
      break
    }
    let later =
      state.hasEnded
      ? 0 : state.steps[(state.stepIndex + 1)...].reduce(Int64(0)) { $0 + Int64($1.plan.seconds ?? 0) }
    let current = state.hasEnded ? 0 : (stepRemaining ?? 0)
    sessionRemaining = (current + later * nanosecondsPerSecond)
    sessionLength = state.sessionActive(at: now) + sessionRemaining
  }
}
