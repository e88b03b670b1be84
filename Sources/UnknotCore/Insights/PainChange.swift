/// A change from one rating to another: "6 → 4, −2, −33%", with its band.
public struct PainChange: Sendable, Equatable {
  /// What a change means, by both its points and its percent, so that neither
  /// overstates it: percent alone makes 1 → 0 look like −100%, though one rating
  /// varies that much from day to day; points alone understate 10 → 8. A change counts
  /// as important only with at least 2 points and at least 30% (Farrar 2001, Pain
  /// 94:149; IMMPACT, Dworkin 2008, doi:10.1016/j.jpain.2007.09.005).
  public enum Band: String, Sendable, Codable, CaseIterable {
    /// Less than 2 points either way, whatever the percent.
    case withinVariation = "within-variation"
    /// Down by 2 points or more, but by less than 30%.
    case small
    /// Down by 2 points or more and by 30% up to 50%: the usual important change.
    case moderate
    /// Down by 2 points or more and by 50% or more.
    case substantial
    /// Up by 2 points or more.
    case rose

    public var phrase: String {
      switch self {
      case .withinVariation: "within the usual day-to-day variation"
      case .small: "a small reduction"
      case .moderate: "a moderate reduction"
      case .substantial: "a substantial reduction"
      case .rose: "pain went up"
      }
    }

    /// A reduction that counts: what "sessions with an important reduction" count.
    public var isImportantReduction: Bool { self == .moderate || self == .substantial }
  }

  /// A change of fewer points is within the day-to-day variation of one rating.
  public static let importantPoints = 2

  public var before: Int
  public var after: Int

  public init(before: Int, after: Int) {
    self.before = before
    self.after = after
  }

  /// After minus before: negative is less pain.
  public var points: Int { after - before }

  /// The change as a percentage of the rating before; nil when it started at 0.
  public var percent: Int? {
    guard before > 0 else { return nil }
    let exact = Double(points) * 100 / Double(before)
    return Int(exact.rounded())
  }

  /// The one place the rule is applied: the summary, plain mode, history and the
  /// statistics all ask here. Whole numbers only, so 30% and 50% are exact edges.
  public var band: Band {
    if points >= Self.importantPoints { return .rose }
    let reduction = -points
    guard reduction >= Self.importantPoints else { return .withinVariation }
    if reduction * 2 >= before { return .substantial }
    if reduction * 10 >= before * 3 { return .moderate }
    return .small
  }

  /// "6 → 4, −2, −33%", with ASCII fallbacks when `unicode` is false.
  public func text(unicode: Bool = true) -> String {
    let arrow = unicode ? "→" : "->"
    let minus = unicode ? "−" : "-"
    func signed(_ value: Int) -> String {
      value < 0 ? "\(minus)\(-value)" : value > 0 ? "+\(value)" : "0"
    }
    var text = "\(before) \(arrow) \(after), \(signed(points))"
    if let percent { text += ", \(signed(percent))%" }
    return text
  }

  /// A single rating of neck pain varies a lot (Kovacs 2008, BMC Musculoskelet Disord 9:43).
  public static let caveat =
    "One session's change is not a validated outcome: a single rating of neck pain varies a lot. "
    + "Trends over many sessions mean more."
}
