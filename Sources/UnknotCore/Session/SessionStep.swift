/// One step of a session as the person goes through it: sides, sets and repeats
/// already expanded, so the engine only ever walks a flat list.
public struct SessionStep: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable, Codable {
    case place, hold, strokes, roll, stretch, exercise, breathe, heat, traction, rest, rate, checklist
    case switchSides = "switch-sides"

    /// What the screens call this kind of step.
    public var name: String {
      switch self {
      case .place: "Get into position"
      case .hold: "Pressure hold"
      case .strokes: "Slow strokes"
      case .roll: "Rolling"
      case .stretch: "Stretch"
      case .exercise: "Exercise"
      case .breathe: "Breathing"
      case .heat: "Heat"
      case .traction: "Traction"
      case .rest: "Rest"
      case .rate: "Pain rating"
      case .checklist: "Checklist"
      case .switchSides: "Switch sides"
      }
    }
  }

  /// When a rating is asked: the session's brackets, or between steps.
  public enum RatingMoment: String, Sendable, Codable {
    case before, between, after
  }

  /// How long the step runs, or what ends it.
  public enum Plan: Sendable, Equatable {
    /// Ends when the person confirms ("I'm in position").
    case untimed
    case timed(seconds: Int)
    /// Counted repetitions at a pace: strokes, exercise reps, stretch reps.
    case repetitions(count: Int, secondsEach: Int)
    case breathing(phases: [BreathPhase], cycles: Int)
    /// Counted exercise reps, each moving through its phases (tuck, hold, release).
    case phasedRepetitions(phases: [ExercisePhase], count: Int)
    /// Traction: the person enters the time (and other settings) their clinician gave.
    case clinicianTimed(settings: [String])
    case rating(RatingMoment)
    /// Yes/no questions, one at a time; ends after the last is answered.
    case checklist(items: [ChecklistItem])

    /// The planned length, when the routine knows it.
    public var seconds: Int? {
      switch self {
      case .untimed, .clinicianTimed, .rating, .checklist: nil
      case .timed(let seconds): seconds
      case .repetitions(let count, let each): count * each
      case .breathing(let phases, let cycles): phases.reduce(0) { $0 + $1.seconds } * cycles
      case .phasedRepetitions(let phases, let count): ExercisePhase.repetitionSeconds(phases) * count
      }
    }
  }

  public var kind: Kind
  public var title: String
  public var muscle: Muscle?
  public var tool: Tool
  public var side: Side?
  public var placement: String?
  public var cues: [String]
  public var pressure: PressureTarget?
  public var plan: Plan
  /// Which set of how many, for steps repeated in sets.
  public var set: Int
  public var setCount: Int
  /// How the body is placed, said before the countdown; nil when the routine leaves it open.
  public var position: BodyPosition?

  public init(
    kind: Kind, title: String, muscle: Muscle? = nil, tool: Tool = .none, side: Side? = nil,
    placement: String? = nil, cues: [String] = [], pressure: PressureTarget? = nil, plan: Plan,
    set: Int = 1, setCount: Int = 1, position: BodyPosition? = nil
  ) {
    self.kind = kind
    self.title = title
    self.muscle = muscle
    self.tool = tool
    self.side = side
    self.placement = placement
    self.cues = cues
    self.pressure = pressure
    self.plan = plan
    self.set = set
    self.setCount = setCount
    self.position = position
  }
}

/// The side of the body a session step works on.
public enum Side: String, Sendable, Codable, CaseIterable {
  case left, right

  public var other: Side { self == .left ? .right : .left }
}
