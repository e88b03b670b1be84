/// Gives a routine's exercise steps the reps and sets of the person's programme level,
/// before the safety adaptations (which still apply after it). Pure.
public enum ProgrammeDosing {
  public static let ruleID = "programme-level"
  /// Rest between the sets a level adds, when the routine names none: the short end
  /// of the ACSM's rest between sets of light resistance work.
  public static let restBetweenSets = 60

  public static func apply(_ dose: ProgrammeDose, to steps: [RoutineStep]) -> [RoutineStep] {
    steps.map { apply(dose, to: $0) }
  }

  static func apply(_ dose: ProgrammeDose, to step: RoutineStep) -> RoutineStep {
    var step = step
    switch step.action {
    case .exercise(_, let secondsPerRep):
      step.action = .exercise(reps: dose.reps, secondsPerRep: secondsPerRep)
      setSets(dose, on: &step)
    case .phasedExercise(_, let phases):
      step.action = .phasedExercise(reps: dose.reps, phases: phases)
      setSets(dose, on: &step)
    case .block(let inner):
      step.action = .block(steps: apply(dose, to: inner))
    default:
      break
    }
    if let alternative = step.alternative {
      step.alternative = apply(dose, to: alternative)
    }
    return step
  }

  private static func setSets(_ dose: ProgrammeDose, on step: inout RoutineStep) {
    step.sets = dose.sets
    if dose.sets > 1, step.restBetweenSets == nil { step.restBetweenSets = restBetweenSets }
  }

  /// The change line shown before the session, or nil when the level changes nothing.
  public static func change(_ dose: ProgrammeDose, from before: [RoutineStep], to after: [RoutineStep])
    -> AdaptationChange?
  {
    guard before != after else { return nil }
    return AdaptationChange(
      ruleID: ruleID, what: ProgrammeTodayText.doseChange(dose),
      why:
        "Your programme's level sets the dose: it goes up after two good sessions in a row, and back "
        + "after a day your pain rose (ACSM position stand, Garber 2011).")
  }
}
