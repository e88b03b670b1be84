/// A change from one rating to another: "6 → 4, −2, −33%", with its band
/// (IMMPACT, Dworkin 2008: 10–20% minimal, ≥30% moderate, ≥50% substantial).
public struct PainChange: Sendable, Equatable {
  public enum Band: String, Sendable, Codable {
    /// Less than 10% either way.
    case noChange = "no-change"
    /// A reduction of 10% up to 30%.
    case minimal
    /// A reduction of 30% up to 50%: about the usual clinically important change.
    case moderate
    /// A reduction of 50% or more.
    case substantial
    /// Pain went up by 10% or more.
    case worse

    public var phrase: String {
      switch self {
      case .noChange: "little or no change"
      case .minimal: "a minimal reduction"
      case .moderate: "a moderate reduction"
      case .substantial: "a substantial reduction"
      case .worse: "pain went up"
      }
    }
  }

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

  public var band: Band {
    guard before > 0 else { return after > 0 ? .worse : .noChange }
    let fraction = Double(points) / Double(before)
    switch fraction {
    case ...(-0.5): return .substantial
    case ...(-0.3): return .moderate
    case ...(-0.1): return .minimal
    case ..<0.1: return .noChange
    default: return .worse
    }
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

  /// clinical-reference.md: one session's change is not a validated outcome.
  public static let caveat =
    "One session's change is not a validated outcome: a single rating of neck pain varies a lot. "
    + "Trends over many sessions mean more."
}
