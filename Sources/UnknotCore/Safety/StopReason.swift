/// Why a person stopped a session for safety: a danger sign, or one of the routine's
/// own stop rules. The journal keeps it exactly as chosen.
public enum StopReason: Sendable, Equatable, Hashable {
  case sign(DangerSign)
  /// A rule from the routine file's `stop-rules`, by its text.
  case routineRule(RoutineStopRule)

  /// The word the journal stores in `stop_reason`: the sign's id, or `routine-rule`
  /// with the rule's text beside it.
  public var code: String {
    switch self {
    case .sign(let sign): sign.rawValue
    case .routineRule: Self.routineRuleCode
    }
  }

  public static let routineRuleCode = "routine-rule"

  /// The reason a stored code and rule text stand for; nil for a word unknot does not know.
  public init?(code: String, rule: String?, advice: String? = nil) {
    if code == Self.routineRuleCode {
      self = .routineRule(RoutineStopRule(text: rule ?? "", advice: advice))
    } else if let sign = DangerSign(rawValue: code) {
      self = .sign(sign)
    } else {
      return nil
    }
  }

  /// How the person recognises it.
  public var text: String {
    switch self {
    case .sign(let sign): sign.text
    case .routineRule(let rule): rule.text
    }
  }

  /// The rule's text for the journal's `stop_rule` column; nil for a danger sign.
  public var ruleText: String? {
    if case .routineRule(let rule) = self { return rule.text }
    return nil
  }

  public var advice: StopAdvice {
    switch self {
    case .sign(let sign): sign.advice
    case .routineRule(let rule): .routine(rule.advice ?? StopAdvice.routineDefault)
    }
  }
}

/// A stop rule a routine adds to the danger signs, with what to do when it happens.
public struct RoutineStopRule: Sendable, Equatable, Hashable {
  public var text: String
  /// Nil: the default advice (`StopAdvice.routineDefault`).
  public var advice: String?

  public init(text: String, advice: String? = nil) {
    self.text = text
    self.advice = advice
  }
}
