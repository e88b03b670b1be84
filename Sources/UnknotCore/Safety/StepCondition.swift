/// Which steps a rule is about, as data: each field left nil matches anything, and a
/// step matches when every field that is set contains the step's value.
public struct StepCondition: Sendable, Equatable {
  public var kinds: Set<StepKind>?
  public var tools: Set<Tool>?
  public var muscles: Set<Muscle>?
  public var positions: Set<BodyPosition>?

  public init(
    kinds: Set<StepKind>? = nil, tools: Set<Tool>? = nil, muscles: Set<Muscle>? = nil,
    positions: Set<BodyPosition>? = nil
  ) {
    self.kinds = kinds
    self.tools = tools
    self.muscles = muscles
    self.positions = positions
  }

  /// A step with no muscle or no position matches only a condition that leaves it open.
  public func matches(_ step: RoutineStep) -> Bool {
    if let kinds, !kinds.contains(step.kind) { return false }
    if let tools, !tools.contains(step.tool) { return false }
    if let muscles {
      guard let muscle = step.muscle, muscles.contains(muscle) else { return false }
    }
    if let positions {
      guard let position = step.position, positions.contains(position) else { return false }
    }
    return true
  }
}
