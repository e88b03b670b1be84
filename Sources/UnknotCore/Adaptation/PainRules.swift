/// When a pain rating changes what a session offers (docs/evidence.md, "When pain
/// rises"). The stop rule "pain that rises" made measurable with the usual important
/// change of 2 points on the 0–10 scale (Farrar 2001, Pain 94:149), and 8 or more as
/// severe pain whatever the start (the scale's bands: 7–10 severe).
public enum PainRules {
  /// A rise of this many points over the rating before the session asks what to do.
  public static let importantRise = 2
  /// A rating this high asks what to do, however it started.
  public static let severe = 8
  /// A fall of this many points gets one kind word.
  public static let importantFall = 2
  /// Pain this high before the start begins a routine with pressure lighter.
  public static let startLighterFrom = 7

  /// Whether a rating between steps asks the person to choose lighter, skip or stop.
  public static func hasRisen(before: Int?, now: Int) -> Bool {
    if now >= severe { return true }
    guard let before else { return false }
    return now - before >= importantRise
  }

  /// Whether a rating between steps has eased enough to say so.
  public static func hasEased(before: Int?, now: Int) -> Bool {
    guard let before else { return false }
    return before - now >= importantFall
  }

  /// What a rating before the start means for a routine with pressure steps.
  public static func atStart(rating: Int, routineHasPressure: Bool) -> StartAdvice {
    guard routineHasPressure, rating >= startLighterFrom else { return .asWritten }
    return rating >= severe ? .offerGentler : .startLighter
  }

  /// What a session begins as, by the rating before it.
  public enum StartAdvice: Sendable, Equatable {
    case asWritten
    /// 7: lighter unless the person chooses the full routine.
    case startLighter
    /// 8 or more: lighter, a gentler routine for the same group, or the full routine.
    case offerGentler
  }
}
