import Foundation

/// A notice the person put away, so it stays quiet for a while.
public struct NoticeDismissal: Sendable, Equatable {
  /// The kinds of notice that can be put away, as the journal names them.
  public enum Kind: String, Sendable, CaseIterable {
    /// PainTrendWatch: pain before sessions has not eased over weeks.
    case painNotEasing = "pain-not-easing"
  }

  public var kind: Kind
  public var group: MuscleGroup
  public var dismissedAt: Date

  public init(kind: Kind, group: MuscleGroup, dismissedAt: Date) {
    self.kind = kind
    self.group = group
    self.dismissedAt = dismissedAt
  }
}
