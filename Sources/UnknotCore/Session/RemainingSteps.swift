/// How a choice made when pain rose changes the steps still to come. Pure: the steps
/// already done are never touched, so the journal's step numbers stay true.
public enum RemainingSteps {
  /// Kinds that press on or move over the muscle: what "skip the pressure" leaves out.
  public static let pressureKinds: Set<SessionStep.Kind> = [.hold, .strokes, .roll]

  /// The muscles strength exercises work (Cools et al. 2007, Am J Sports Med 35:1744):
  /// an exercise for one of them is strength work, not a gentle movement.
  public static let strengthMuscles: Set<Muscle> = [.middleTrapezius, .lowerTrapezius, .infraspinatus]

  /// Whether a step is strength work: an exercise against a band, or for a muscle strength
  /// exercises work. Such a routine is never offered as gentler when pain is high.
  public static func strengthens(_ step: SessionStep) -> Bool {
    step.kind == .exercise
      && (step.tool == .resistanceBand || step.muscle.map { strengthMuscles.contains($0) } ?? false)
  }

  /// Whether a step presses with a tool: pressure kinds, and placing a tool for them.
  public static func presses(_ step: SessionStep) -> Bool {
    pressureKinds.contains(step.kind) || (step.kind == .place && step.tool != .none)
  }

  /// The steps with lighter pressure and shorter holds.
  public static func lighter(_ steps: ArraySlice<SessionStep>) -> [SessionStep] {
    steps.map(LighterDose.lighter)
  }

  /// Whether `lighter` would change anything.
  public static func lighterChanges(_ steps: ArraySlice<SessionStep>) -> Bool {
    lighter(steps) != Array(steps)
  }

  /// The steps without the pressure on `muscle` (on `side`, or on any side when nil).
  /// A switch to a side that has nothing left after it goes too.
  public static func skippingPressure(on muscle: Muscle, side: Side?, in steps: ArraySlice<SessionStep>)
    -> [SessionStep]
  {
    let kept = steps.filter { step in
      !(presses(step) && step.muscle == muscle && (side == nil || step.side == side))
    }
    return kept.enumerated().filter { offset, step in
      guard step.kind == .switchSides else { return true }
      let next = kept.dropFirst(offset + 1).first
      return next.map { $0.side == step.side } ?? false
    }.map(\.element)
  }

  /// Whether any remaining step presses on `muscle` (and `side`).
  public static func pressureRemains(on muscle: Muscle, side: Side?, in steps: ArraySlice<SessionStep>) -> Bool {
    steps.contains { presses($0) && $0.muscle == muscle && (side == nil || $0.side == side) }
  }

  /// Whether any step presses at all: a rating of 7 or more before it starts lighter.
  public static func anyPressure(_ steps: some Sequence<SessionStep>) -> Bool {
    steps.contains { pressureKinds.contains($0.kind) }
  }
}
