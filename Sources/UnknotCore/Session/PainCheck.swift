/// A rating that asks the person what to do next: pain rose between steps, or was high
/// before a routine with pressure. The engine waits on the rating step until they choose.
public struct PainCheck: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable {
    /// Between steps: 2 or more above the rating before the session, or 8 or more.
    case rose
    /// Before the start: 7 or more, and the routine presses.
    case highBefore = "high-before"
  }

  public var kind: Kind
  /// The rating before the session (nil when skipped, or for `highBefore`).
  public var from: Int?
  public var to: Int
  /// The rating step's index.
  public var stepIndex: Int
  /// The muscle and side a skip would spare: the rating's, else the last pressed one's.
  public var muscle: Muscle?
  public var side: Side?
  /// What the person can choose, in the order offered; the first is the default.
  public var choices: [PainChoice]

  public init(
    kind: Kind, from: Int?, to: Int, stepIndex: Int, muscle: Muscle? = nil, side: Side? = nil,
    choices: [PainChoice]
  ) {
    self.kind = kind
    self.from = from
    self.to = to
    self.stepIndex = stepIndex
    self.muscle = muscle
    self.side = side
    self.choices = choices
  }
}

/// What a person chose when pain rose or was high before the start.
public enum PainChoice: Sendable, Equatable, Hashable {
  /// The rest of the session with lighter pressure and shorter holds (LighterDose).
  case lighter
  /// Every remaining hold, strokes and roll on the muscle and side is left out.
  case skipPressure
  /// End the session for safety: the advice for pain that rises.
  case stop
  /// The routine as written (offered before the start, or when nothing pressing is left).
  case asWritten
  /// Before the start at 8 or more: leave this routine for a gentler one.
  case gentlerRoutine(String)

  /// The word the journal keeps.
  public var word: String {
    switch self {
    case .lighter: "lighter"
    case .skipPressure: "skip-pressure"
    case .stop: "stop"
    case .asWritten: "as-written"
    case .gentlerRoutine: "gentler-routine"
    }
  }

  /// How the summary says it: "you chose lighter".
  public var phrase: String {
    switch self {
    case .lighter: "lighter"
    case .skipPressure: "to skip the pressure on that muscle"
    case .stop: "to stop"
    case .asWritten: "to carry on as written"
    case .gentlerRoutine(let id): "a gentler routine (\(id))"
    }
  }

  /// The choice a journal word and routine id stand for; nil for an unknown word.
  public init?(word: String, routine: String?) {
    switch word {
    case "lighter": self = .lighter
    case "skip-pressure": self = .skipPressure
    case "stop": self = .stop
    case "as-written": self = .asWritten
    case "gentler-routine": self = .gentlerRoutine(routine ?? "")
    default: return nil
    }
  }
}
