import ArgumentParser
import UnknotCore

/// `unknot muscles`: the body map as text.
struct Muscles: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the muscle groups, their muscles, and the tools and routines for each."
  )

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let routines = routineOptions.library().routines.compactMap(\.routine)
    TerminalOutput.show(MuscleMapReport(routines: routines).text(), terminator: "")
  }
}
