/// How hard to press, on the 0–10 scale a person feels.
public struct PressureTarget: Sendable, Equatable {
  public var low: Int
  public var high: Int

  public init(low: Int, high: Int) {
    self.low = low
    self.high = high
  }

  /// About 5–7 of 10: the usual target on the back, shoulder blades, chest and sides
  /// (Ingraham, PainScience self-massage guide). The neck and skull base get less: see
  /// `PressureRegion`.
  public static let standard = PressureTarget(low: 5, high: 7)
  /// Never advised anywhere, whatever the region.
  public static let maximum = 7
  /// The levels a routine file may write; 0 would be no pressure at all.
  public static let levels = 1...10

  /// "5–7", or "5" for a single level.
  public var range: String {
    low == high ? "\(low)" : "\(low)–\(high)"
  }

  /// How this target feels where it is pressed: by its highest level, and never
  /// stronger than the muscle's region allows. Without a muscle, by the level alone.
  public func feel(on muscle: Muscle?) -> PressureFeel {
    let feel = PressureFeel(level: high)
    guard let muscle else { return feel }
    return min(feel, PressureRegion.of(muscle).feel)
  }

  /// The words for `feel(on:)`; at the region's strongest, the region's own words.
  public func words(on muscle: Muscle?) -> String {
    let feel = feel(on: muscle)
    guard let region = muscle.map(PressureRegion.of), feel == region.feel else { return feel.words }
    return region.words
  }

  /// "about 2–4 of 10: gentle, the weight of the head only".
  public func text(on muscle: Muscle?) -> String {
    "about \(range) of 10: \(words(on: muscle))"
  }
}

/// How a pressure level feels, in the words a person presses by. A low number never
/// reads "strong": the words follow the number, then the region caps them.
public enum PressureFeel: Int, Sendable, Comparable, CaseIterable {
  case gentle, firm, strong

  /// Levels 1–4 gentle, 5–6 firm, 7 and up strong.
  public init(level: Int) {
    self = Self.allCases.first { $0.levels.contains(level) } ?? (level < 1 ? .gentle : .strong)
  }

  public var levels: ClosedRange<Int> {
    switch self {
    case .gentle: 1...4
    case .firm: 5...6
    case .strong: 7...10
    }
  }

  /// One word, for a line that has room for no more.
  public var name: String {
    switch self {
    case .gentle: "gentle"
    case .firm: "firm"
    case .strong: "strong"
    }
  }

  public var words: String {
    switch self {
    case .gentle: "gentle"
    case .firm: "firm but comfortable"
    case .strong: "strong, but you can breathe through it"
    }
  }

  public static func < (lhs: PressureFeel, rhs: PressureFeel) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
