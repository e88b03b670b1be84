import ArgumentParser
import UnknotCore

/// `unknot` with no arguments: an overview of where to start.
struct Home: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "home",
    abstract: "Show where to start: the muscle groups and their routines.",
    shouldDisplay: false
  )

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let library = routineOptions.library()
    let routines = library.routines.compactMap(\.routine)
    print("unknot — guided self-massage and stretching for the upper back and neck.")
    print("Self-care guidance, not diagnosis or treatment.\n")
    for group in MuscleGroup.allCases {
      let count = routines.filter { $0.groups.contains(group) }.count
      print(
        "  \(group.name.padding(27)) \(count) routine\(count == 1 ? "" : "s")   unknot list --group \(group.rawValue)")
    }
    print("\nSee a routine step by step: unknot show ID")
    print("Which tools suit which muscles: unknot muscles")
  }
}

extension String {
  func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - DisplayWidth.of(self)))
  }
}
