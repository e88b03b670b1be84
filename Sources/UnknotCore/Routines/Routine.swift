/// A validated routine: what a person can pick and the engine can run.
public struct Routine: Sendable, Equatable {
  public var id: String
  public var title: String
  public var summary: String
  public var groups: [MuscleGroup]
  public var targets: [Muscle]
  public var tools: [Tool]
  public var cautions: [String]
  /// Stop rules added to the danger signs (`StopChoices`), with their advice.
  public var extraStopRules: [RoutineStopRule]
  /// The person must confirm that a clinician agreed before it starts.
  public var requiresClinician: Bool
  public var sources: [String]
  public var steps: [RoutineStep]

  public init(
    id: String, title: String, summary: String, groups: [MuscleGroup], targets: [Muscle],
    tools: [Tool], cautions: [String] = [], extraStopRules: [RoutineStopRule] = [],
    requiresClinician: Bool = false, sources: [String] = [], steps: [RoutineStep]
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.groups = groups
    self.targets = targets
    self.tools = tools
    self.cautions = cautions
    self.extraStopRules = extraStopRules
    self.requiresClinician = requiresClinician
    self.sources = sources
    self.steps = steps
  }

  /// The tools a person must own to do this routine (`none` is always at hand).
  public var toolsNeeded: [Tool] { tools.filter { $0 != .none } }
}
