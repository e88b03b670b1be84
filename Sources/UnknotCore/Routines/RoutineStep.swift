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
  /// How the body is placed: the step's own, or its block's when it names none.
  public var position: BodyPosition?
  /// The step done instead when the person should not lie on their back (pregnancy),
  /// never itself lying on the back; nil when there is no sensible other way.
  public var alternative: RoutineStep? {
    get { alternativeStorage?.step }
    set { alternativeStorage = newValue.map(AlternativeStorage.step) }
  }
  // A struct cannot hold itself: the alternative lives behind an indirect enum.
  private var alternativeStorage: AlternativeStorage?

  private indirect enum AlternativeStorage: Sendable, Equatable {
    case step(RoutineStep)

    var step: RoutineStep {
      switch self {
      case .step(let step): step
      }
    }
  }

  public init(
    _ action: StepAction, title: String? = nil, muscle: Muscle? = nil, tool: Tool = .none,
    side: SideChoice = .middle, placement: String? = nil, cues: [String] = [], sets: Int = 1,
    restBetweenSets: Int? = nil, position: BodyPosition? = nil
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
    self.position = position
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
  /// Yes/no questions asked one at a time, with advice after each "no" (the desk check).
  case checklist(items: [ChecklistItem])
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
    case .checklist: .checklist
    case .block: .block
    }
  }
}

/// The kinds of step a routine file can hold.
public enum StepKind: String, Sendable, CaseIterable, Codable {
  case place, hold, strokes, roll, stretch, exercise, breathe, heat, traction, rest, rate, checklist, block

  /// Kinds that put weight, pressure or a stretch on the body, and so need a position:
  /// the screen says how to get there, and cautions depend on it. Breathing, rests and
  /// ratings are done however the person is comfortable.
  public static let loadingKinds: Set<StepKind> = [
    .place, .hold, .strokes, .roll, .stretch, .exercise, .heat, .traction,
  ]

  public var loadsTheBody: Bool { Self.loadingKinds.contains(self) }
}

extension RoutineStep {
  /// Whether steps, blocks opened, are all checklists: a routine like that (the desk
  /// check) works no muscle, so it asks no safety questions and no pain ratings.
  public static func onlyChecklists(_ steps: [RoutineStep]) -> Bool {
    !steps.isEmpty
      && steps.allSatisfy { step in
        if case .block(let inner) = step.action { return onlyChecklists(inner) }
        return step.kind == .checklist
      }
  }
}

extension Routine {
  /// Made of checklist steps alone: it loads no body part, so no safety screen, no
  /// pain rating before or after, and it is never offered as a gentler routine.
  public var isChecklistOnly: Bool { RoutineStep.onlyChecklists(steps) }

  /// How many checklist questions the routine asks, as its length is said when it has
  /// no time: "8 questions".
  public var questionCount: Int {
    func count(_ steps: [RoutineStep]) -> Int {
      steps.reduce(0) { total, step in
        switch step.action {
        case .checklist(let items): total + items.count * max(1, step.sets)
        case .block(let inner): total + count(inner) * max(1, step.sets)
        default: total
        }
      }
    }
    return count(steps)
  }

  /// "8 questions", for a routine of checklists alone.
  public var questionsText: String { questionCount == 1 ? "1 question" : "\(questionCount) questions" }
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
