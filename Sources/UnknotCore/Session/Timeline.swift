/// A routine expanded into the flat list of steps a session walks through:
/// `both` sides become left, a switch-sides cue, then right; sets become repeated
/// steps with their rests; and a pain rating brackets the whole session.
public struct Timeline: Sendable, Equatable {
  public let routineID: String
  public let steps: [SessionStep]

  /// Time given to move the tool to the other side; the person can skip ahead.
  public static let switchSidesSeconds = 10

  public init(routine: Routine) {
    routineID = routine.id
    var steps = [Self.rating(.before)]
    steps += Self.expand(routine.steps, side: nil)
    steps.append(Self.rating(.after))
    self.steps = steps
  }

  /// The planned length of all steps whose length the routine knows.
  public var plannedSeconds: Int {
    steps.reduce(0) { $0 + ($1.plan.seconds ?? 0) }
  }

  /// Whether some steps (traction, untimed placement) add time the plan cannot know.
  public var hasOpenEndedSteps: Bool {
    steps.contains {
      switch $0.plan {
      case .untimed, .clinicianTimed: true
      default: false
      }
    }
  }

  /// The planned seconds of one routine step with its sides and sets.
  public static func plannedSeconds(of step: RoutineStep) -> Int {
    expand([step], side: nil).reduce(0) { $0 + ($1.plan.seconds ?? 0) }
  }

  static func rating(_ moment: SessionStep.RatingMoment, muscle: Muscle? = nil, side: Side? = nil) -> SessionStep {
    SessionStep(kind: .rate, title: "Rate your pain", muscle: muscle, side: side, plan: .rating(moment))
  }

  static func expand(_ steps: [RoutineStep], side inherited: Side?) -> [SessionStep] {
    var result: [SessionStep] = []
    for step in steps {
      let sides: [Side?]
      switch (inherited, step.side) {
      case (.some(let side), _): sides = [side]
      case (nil, .both): sides = [.left, .right]
      case (nil, .left): sides = [.left]
      case (nil, .right): sides = [.right]
      case (nil, .middle): sides = [nil]
      }
      for (index, side) in sides.enumerated() {
        if index > 0, let side {
          result.append(
            SessionStep(
              kind: .switchSides, title: "Switch to the \(side.rawValue) side", muscle: step.muscle,
              tool: step.tool, side: side, plan: .timed(seconds: switchSidesSeconds)))
        }
        for set in 1...max(1, step.sets) {
          if set > 1, let rest = step.restBetweenSets {
            result.append(SessionStep(kind: .rest, title: "Rest between sets", side: side, plan: .timed(seconds: rest)))
          }
          if case .block(let inner) = step.action {
            result += expand(inner, side: side)
          } else {
            var expanded = sessionStep(step, side: side)
            expanded.set = set
            expanded.setCount = max(1, step.sets)
            result.append(expanded)
          }
        }
      }
    }
    return result
  }

  static func sessionStep(_ step: RoutineStep, side: Side?) -> SessionStep {
    let kind: SessionStep.Kind
    let plan: SessionStep.Plan
    var pressure: PressureTarget?
    switch step.action {
    case .place(let seconds):
      kind = .place
      plan = seconds.map { .timed(seconds: $0) } ?? .untimed
    case .hold(let seconds, let target):
      kind = .hold
      plan = .timed(seconds: seconds)
      pressure = target
    case .strokes(let count, let pace):
      kind = .strokes
      plan = .repetitions(count: count, secondsEach: pace)
    case .roll(let seconds, _):
      kind = .roll
      plan = .timed(seconds: seconds)
    case .stretch(let seconds, let reps):
      kind = .stretch
      plan = .repetitions(count: reps, secondsEach: seconds)
    case .exercise(let reps, let tempo):
      kind = .exercise
      plan = .repetitions(count: reps, secondsEach: tempo)
    case .breathe(let phases, let cycles):
      kind = .breathe
      plan = .breathing(phases: phases, cycles: cycles)
    case .heat(let seconds):
      kind = .heat
      plan = .timed(seconds: seconds)
    case .traction(let settings):
      kind = .traction
      plan = .clinicianTimed(settings: settings)
    case .rest(let seconds):
      kind = .rest
      plan = .timed(seconds: seconds)
    case .rate:
      kind = .rate
      plan = .rating(.between)
    case .block:
      preconditionFailure("blocks are expanded by Timeline.expand")
    }
    var placement = step.placement
    if case .roll(_, let span?) = step.action {
      // Authors write the span as a phrase: "from below the armpit to mid ribs".
      let sentence = "Roll " + span + (span.hasSuffix(".") ? "" : ".")
      placement = placement.map { "\($0) \(sentence)" } ?? sentence
    }
    return SessionStep(
      kind: kind, title: step.title ?? defaultTitle(kind), muscle: step.muscle, tool: step.tool, side: side,
      placement: placement, cues: step.cues, pressure: pressure, plan: plan)
  }

  static func defaultTitle(_ kind: SessionStep.Kind) -> String {
    switch kind {
    case .breathe: "Paced breathing"
    case .rate: "Rate your pain"
    default: kind.name
    }
  }

}
