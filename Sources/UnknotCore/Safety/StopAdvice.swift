/// What unknot tells a person who stopped, by the kind of sign (docs/evidence.md,
/// "Stop rules"). Self-care guidance, never a diagnosis: the words say what to do and
/// who can tell what it is.
public enum StopAdvice: Sendable, Equatable {
  /// Signs that can mean an artery problem after neck or skull-base work.
  case urgent
  /// Nerve or joint irritation is not muscle tension.
  case stopAndRest
  /// Pain rose during the session.
  case painRose
  /// A routine's own stop rule, with its own advice or the default.
  case routine(String)

  /// The heading of the screen that gives the advice.
  public var heading: String {
    switch self {
    case .urgent: "Get urgent medical help now"
    case .stopAndRest, .painRose, .routine: "Stop and rest"
    }
  }

  /// What to do, one paragraph each.
  public var paragraphs: [String] {
    switch self {
    case .urgent:
      Self.urgentSteps
    case .stopAndRest:
      [Self.restAndWait]
    case .painRose:
      ["Stop this step and rest. " + Self.restAndWait, "If the pain keeps rising, see a clinician."]
    case .routine(let advice):
      [advice]
    }
  }

  public var isUrgent: Bool { self == .urgent }

  static let restAndWait =
    "Do not repeat this routine until it has settled. "
    + "See a clinician if it lasts more than a day or comes back."

  static let urgentSteps = [
    "Call your local emergency number, or go to urgent care, now.",
    "Do not drive yourself. Ask someone to take you, or wait for help.",
  ]

  /// Why the urgent signs are urgent, in plain words.
  public static let urgentReason =
    "After neck or skull-base work these signs can mean a problem with an artery, which a clinician needs to "
    + "check now."

  /// What to tell the people who help, filled in by whoever knows the session.
  public static func tellThem(doing: String, since: String) -> String {
    "Tell them what you were doing and when it started: \(doing); \(since)."
  }

  /// A routine's stop rule that names no advice of its own gets this.
  public static let routineDefault =
    "Stop here and rest, and do not go on with this routine today. "
    + "See a clinician if something does not feel right or it lasts."
}
