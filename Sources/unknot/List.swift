import ArgumentParser
import UnknotCore

/// `unknot list`: the routines, filtered by group, muscle or tool.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List routines, optionally only those for a group, muscle or tool.",
    discussion: """
      Examples:
        unknot list --group between-blades
        unknot list --muscle traps --tool lacrosse-ball
        unknot list --format json
      """
  )

  @Option(help: ArgumentHelp("Only routines for this muscle group (see `unknot muscles`).", valueName: "group"))
  var group: String?

  @Option(help: ArgumentHelp("Only routines that work on this muscle.", valueName: "muscle"))
  var muscle: String?

  @Option(help: ArgumentHelp("Only routines that use this tool.", valueName: "tool"))
  var tool: String?

  @Option(help: "Output format: table or json.")
  var format: ListFormat = .table

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let filter = RoutineListReport.Filter(
      group: try resolve(group, as: MuscleGroup.self),
      muscle: try resolve(muscle, as: Muscle.self),
      tool: try resolve(tool, as: Tool.self))
    let report = RoutineListReport(library: routineOptions.library(), filter: filter)
    switch format {
    case .table: TerminalOutput.show(report.table(), terminator: "")
    case .json:
      TerminalOutput.json(report.json())
      for file in report.broken {
        printError("broken: \(file.firstError)")
      }
    }
  }
}
