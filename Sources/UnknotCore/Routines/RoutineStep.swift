/// One step as written in a routine file, before sides and sets are expanded.
public struct RoutineStep: Sendable, Equatable {
  public var title: String?
  public var muscle: Muscle?
  public var tool: Tool
  public var side: SideChoice
  public var placement: String?
  public var cues: [String]
  public var sets: Int
  public var restBetweenSets: Int?
  public var action: StepAction

  public init(
    _ action: StepAction, title: String? = nil, muscle: Muscle? = nil, tool: Tool = .none,
    side: SideChoice = .middle, placement: String? = nil, cues: [String] = [], sets: Int = 1,
    restBetweenSets: Int? = nil
  ) {
    self.action = action
    self.title = title
    self.muscle = muscle
    self.tool = tool
    self.side = side
    self.placement = placement
    self.cues = cues
    self.sets = sets
    self.restBetweenSets = restBetweenSets
  }

  public var kind: StepKind { action.kind }
}

/// Which side of the body a step works on.
public enum SideChoice: String, Sendable, Equatable, CaseIterable {
  case left, right, both
  /// The middle of the body, or a step where side does not apply.
  case middle
}

/// What a step does, with the dosage its kind needs. Durations are whole seconds.
public enum StepAction: Sendable, Equatable {
  /// Get into position: a short get-ready countdown, or untimed until confirmed.
  case place(getReadySeconds: Int?)
  case hold(seconds: Int, pressure: PressureTarget)
  case strokes(count: Int, secondsPerStroke: Int)
  case roll(seconds: Int, span: String?)
  case stretch(secondsPerRep: Int, reps: Int)
  case exercise(reps: Int, secondsPerRep: Int)
  /// An exercise whose every repetition moves through named phases (tuck, hold, release).
  case phasedExercise(reps: Int, phases: [ExercisePhase])
  case breathe(phases: [BreathPhase], cycles: Int)
  case heat(seconds: Int)
  /// Timed only with settings the person enters from their clinician.
  case traction(clinicianSettings: [String])
  case rest(seconds: Int)
  case rate
  case block(steps: [RoutineStep])

  public var kind: StepKind {
    switch self {
    case .place: .place
    case .hold: .hold
    case .strokes: .strokes
    case .roll: .roll
    case .stretch: .stretch
    case .exercise, .phasedExercise: .exercise
    case .breathe: .breathe
    case .heat: .heat
    case .traction: .traction
    case .rest: .rest
    case .rate: .rate
    case .block: .block
    }
  }
}

/// The kinds of step a routine file can hold.
public enum StepKind: String, Sendable, CaseIterable, Codable {
  case place, hold, strokes, roll, stretch, exercise, breathe, heat, traction, rest, rate, block
}

/// How hard to press, on the 0–10 scale a person feels.
public struct PressureTarget: Sendable, Equatable {
  public var low: Int
  public var high: Int

  public init(low: Int, high: Int) {
    self.low = low
    self.high = high
  }

  /// clinical-reference.md: about 5–7 of 10, never above 7.
  public static let standard = PressureTarget(low: 5, high: 7)
  public static let maximum = 7

  public var text: String {
    let range = low == high ? "\(low)" : "\(low)–\(high)"
    return "about \(range) of 10: strong, but you can breathe through it"
  }
}

/// One phase of a breathing cycle.
public struct BreathPhase: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable, Codable {
    case inhale
    case topUp = "top-up"
    case hold
    case exhale
  }

  public var kind: Kind
  public var seconds: Int

  public init(_ kind: Kind, seconds: Int) {
    self.kind = kind
    self.seconds = seconds
  }
}
