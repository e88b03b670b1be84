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
    // A routine of checklists alone works no muscle: there is no pain to compare.
    if routine.isChecklistOnly {
      steps = Self.expand(routine.steps, side: nil)
      return
    }
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
      case .untimed, .clinicianTimed, .checklist: true
      default: false
      }
    }
  }

  /// A routine may expand to at most this many steps. Nested blocks multiply their
  /// sets, so a few lines could otherwise ask for billions of steps.
  public static let maximumSteps = 10_000

  /// The planned seconds of one routine step with its sides and sets.
  public static func plannedSeconds(of step: RoutineStep) -> Int {
    plannedSize(of: [step]).seconds
  }

  /// How many steps and planned seconds `steps` expand to, counted without expanding
  /// them, so the cost follows the routine as written. Both saturate at `Int.max`.
  public static func plannedSize(of steps: [RoutineStep], side inherited: Side? = nil) -> (steps: Int, seconds: Int) {
    func plus(_ a: Int, _ b: Int) -> Int {
      let (sum, overflow) = a.addingReportingOverflow(b)
      return overflow ? .max : sum
    }
    func times(_ a: Int, _ b: Int) -> Int {
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? .max : product
    }
    var total = (steps: 0, seconds: 0)
    for step in steps {
      for (index, side) in sides(of: step, inherited: inherited).enumerated() {
        if index > 0, side != nil {
          total = (plus(total.steps, 1), plus(total.seconds, switchSidesSeconds))
        }
        let sets = max(1, step.sets)
        let one: (steps: Int, seconds: Int)
        if case .block(let inner) = step.action {
          one = plannedSize(of: inner, side: side)
        } else {
          one = (1, sessionStep(step, side: side).plan.seconds ?? 0)
        }
        total = (plus(total.steps, times(one.steps, sets)), plus(total.seconds, times(one.seconds, sets)))
        if sets > 1, let rest = step.restBetweenSets {
          total = (plus(total.steps, sets - 1), plus(total.seconds, times(rest, sets - 1)))
        }
      }
    }
    return total
  }

  /// The sides a step runs on: the block's side inside a sided block, else its own.
  private static func sides(of step: RoutineStep, inherited: Side?) -> [Side?] {
    switch (inherited, step.side) {
    case (.some(let side), _): [side]
    case (nil, .both): [.left, .right]
    case (nil, .left): [.left]
    case (nil, .right): [.right]
    case (nil, .middle): [nil]
    }
  }

  static func rating(_ moment: SessionStep.RatingMoment, muscle: Muscle? = nil, side: Side? = nil) -> SessionStep {
    SessionStep(kind: .rate, title: "Rate your pain", muscle: muscle, side: side, plan: .rating(moment))
  }

  static func expand(_ steps: [RoutineStep], side inherited: Side?) -> [SessionStep] {
    var result: [SessionStep] = []
    for step in steps {
      for (index, side) in sides(of: step, inherited: inherited).enumerated() {
        if index > 0, let side {
          result.append(
            SessionStep(
              kind: .switchSides, title: "Switch to the \(side.rawValue) side", muscle: step.muscle,
              tool: step.tool, side: side, plan: .timed(seconds: switchSidesSeconds), position: step.position))
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
    case .phasedExercise(let reps, let phases):
      kind = .exercise
      plan = .phasedRepetitions(phases: phases, count: reps)
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
    case .checklist(let items):
      kind = .checklist
      plan = .checklist(items: items)
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
      placement: placement, cues: step.cues, pressure: pressure, plan: plan, position: step.position)
  }

  static func defaultTitle(_ kind: SessionStep.Kind) -> String {
    switch kind {
    case .breathe: "Paced breathing"
    case .rate: "Rate your pain"
    default: kind.name
    }
  }

}
