/// What `unknot muscles` prints: groups → muscles → the tools and routines for each.
public struct MuscleMapReport: Sendable {
  public let routines: [Routine]

  public init(routines: [Routine]) {
    self.routines = routines
  }

  public func text() -> String {
    var out = ""
    for group in MuscleGroup.allCases {
      out += "\(group.name) (\(group.rawValue))\n"
      for muscle in group.muscles {
        out += "  \(muscle.rawValue) — \(muscle.name): \(muscle.location)\n"
        let tools = Tool.allCases.filter { $0.suitedMuscles?.contains(muscle) ?? false }
        out += wrap("tools: " + (tools.isEmpty ? "none" : tools.map(\.rawValue).joined(separator: ", ")))
        let reaching = routines.filter { $0.targets.contains(muscle) }.map(\.id)
        out += wrap("routines: " + (reaching.isEmpty ? "none yet" : reaching.joined(separator: ", ")))
      }
      out += "\n"
    }
    out += "Heat packs and no-tool steps (stretches, breathing) suit every muscle.\n"
    return out
  }

  private func wrap(_ text: String) -> String {
    TextWrap.lines(text, width: 72).map { "      " + $0 + "\n" }.joined()
  }
}
