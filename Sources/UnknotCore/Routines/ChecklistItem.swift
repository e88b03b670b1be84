/// One yes/no question of a checklist step ("Is the top of your screen at or a little
/// below eye level?"), with what to change when the answer is no.
public struct ChecklistItem: Sendable, Equatable, Hashable, Codable {
  /// Stable across edits of the wording: the journal and `unknot stats` follow an item by it.
  public var id: String
  public var question: String
  /// Shown after a "no", and again in the summary's "what to change".
  public var advice: String
  /// Said by `unknot stats` when the answer turned from no to yes ("Your screen is now
  /// at eye level"); nil lets stats quote the question.
  public var fixed: String?

  public init(id: String, question: String, advice: String, fixed: String? = nil) {
    self.id = id
    self.question = question
    self.advice = advice
    self.fixed = fixed
  }

  /// At most this many items: a checklist is a short look at one thing, not a survey.
  public static let mostItems = 20
}

/// A person's answer to one checklist item.
public enum ChecklistAnswer: String, Sendable, Equatable, Codable, CaseIterable {
  case yes, no
}
