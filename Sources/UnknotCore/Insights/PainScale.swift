/// The 0–10 pain scale, worded as docs/evidence.md ("Pain rating and change") says, the same every time
/// (Canadian Physiotherapy Association, Pain Science Division).
public enum PainScale {
  public static let question = "How much pain do you have right now?"
  public static let anchors = "0 = no pain, 10 = worst pain imaginable."
  public static let range = 0...10

  /// The question for a rating after a muscle's work, else the general one; the anchors
  /// stay the same either way, so the numbers mean the same thing.
  public static func question(muscle: Muscle?, side: Side?) -> String {
    guard let muscle else { return question }
    return "How \(muscle.isPlural ? "do" : "does") \(muscle.phrase(side: side)) feel now?"
  }
}

/// The band a rating falls in: 0 none; 1–3 mild; 4–6 moderate; 7–10 severe.
public enum PainBand: String, Sendable, CaseIterable, Codable {
  case none, mild, moderate, severe

  public init(_ rating: Int) {
    switch rating {
    case ...0: self = .none
    case 1...3: self = .mild
    case 4...6: self = .moderate
    default: self = .severe
    }
  }

  /// The ratings in this band.
  public var ratings: ClosedRange<Int> {
    switch self {
    case .none: 0...0
    case .mild: 1...3
    case .moderate: 4...6
    case .severe: 7...10
    }
  }
}
