import UnknotCore

/// Marking where it hurts today: a muscle group highlighted, and the ratings given so
/// far (starting from today's saved ones), kept only when the person saves.
public struct HurtsScreen: Sendable, Equatable {
  public var group: MuscleGroup
  public var ratings: [MuscleGroup: Int]
  public var returnTo: HomeScreen
  /// The key just typed on this group was "1": a "0" now makes ten. A 1 saved earlier
  /// or reached with the arrows does not, so typing 0 to correct it gives 0.
  public var typedOne = false

  public init(group: MuscleGroup = .neck, ratings: [MuscleGroup: Int] = [:], returnTo: HomeScreen = HomeScreen()) {
    self.group = group
    self.ratings = ratings
    self.returnTo = returnTo
  }
}
