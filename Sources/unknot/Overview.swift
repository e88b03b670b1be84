import UnknotCore

/// The plain-text overview `unknot` prints when it is not in a terminal.
enum Overview {
  /// `today` is the followed programme's line ("Today: strength, 2 of 3 this week"), if any.
  static func text(library: RoutineLibrary, today: String? = nil) -> String {
    let routines = library.routines.compactMap(\.routine)
    var out = "unknot — guided self-massage and stretching for the upper back and neck.\n"
    out += "Self-care guidance, not diagnosis or treatment.\n\n"
    if let today { out += today + "   (unknot programme shows the plan)\n\n" }
    for group in MuscleGroup.allCases {
      let count = routines.filter { $0.groups.contains(group) }.count
      let name = group.name + String(repeating: " ", count: max(0, 28 - group.name.count))
      out += "  \(name) \(count) routine\(count == 1 ? "" : "s")   unknot list --group \(group.rawValue)\n"
    }
    out += "\nSee a routine step by step: unknot show ID\n"
    out += "Start one with plain lines (no screen): unknot start ID --plain\n"
    out += "Check your desk setup, eight yes/no questions: unknot desk\n"
    return out
  }
}
