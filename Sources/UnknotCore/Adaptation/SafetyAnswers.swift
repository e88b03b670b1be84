import Foundation

/// The "yes" answers that shape a session: those of a safety check that lets sessions
/// start, still within its 30 days, that some `AdaptationRules` rule follows.
public struct SafetyAnswers: Sendable, Equatable {
  /// Question ids answered "yes" that some rule follows.
  public private(set) var yes: Set<String>

  public init(_ answers: [String: Bool]) {
    yes = Set(answers.filter { $0.value && AdaptationRules.questionIDs.contains($0.key) }.keys)
  }

  /// Empty unless the check lets sessions start and is not yet due again: answers that
  /// stopped a session, or have gone stale, shape nothing.
  public init(check: SafetyCheck?, now: Date) {
    guard let check, !SafetyCheck.isDue(latest: check, now: now) else {
      self = .none
      return
    }
    self.init(check.answers)
  }

  public static let none = SafetyAnswers([:])

  public var isEmpty: Bool { yes.isEmpty }

  /// The rules these answers call for, in the table's order.
  public var rules: [AdaptationRule] {
    AdaptationRules.all.filter { rule in rule.questions.contains { yes.contains($0) } }
  }
}
