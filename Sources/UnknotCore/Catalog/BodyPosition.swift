/// How the body is placed for a step. The screen says it before the countdown, so a
/// person on the floor knows how to get there, and some cautions follow from it
/// (lying on the back in pregnancy; see CautionRules).
public enum BodyPosition: String, CaseIterable, Sendable, Codable {
  case lyingOnBack = "lying-on-back"
  case lyingOnFront = "lying-on-front"
  case lyingOnSide = "lying-on-side"
  case sitting
  case standing
  case atAWall = "at-a-wall"
  case handsAndKnees = "hands-and-knees"

  /// The id used in routine files.
  public var id: String { rawValue }

  /// A short phrase for lists: "lying on your back".
  public var name: String {
    switch self {
    case .lyingOnBack: "lying on your back"
    case .lyingOnFront: "lying on your front"
    case .lyingOnSide: "lying on your side"
    case .sitting: "sitting"
    case .standing: "standing"
    case .atAWall: "at a wall"
    case .handsAndKnees: "on hands and knees"
    }
  }

  /// How to get there, said before the countdown. Only what holds for every step in
  /// this position: the step's placement says the rest (which side, which way to face).
  public var instruction: String {
    switch self {
    case .lyingOnBack: "Lie on your back, knees bent."
    case .lyingOnFront: "Lie on your front, forehead resting on your hands."
    case .lyingOnSide: "Lie on your side, knees bent."
    case .sitting: "Sit tall, feet flat on the floor."
    case .standing: "Stand tall, feet hip-width apart."
    case .atAWall: "Stand at a wall, close enough to lean into it."
    case .handsAndKnees: "Kneel on your hands and knees, hands under your shoulders."
    }
  }
}
