import ArgumentParser
import UnknotCore

/// `unknot show ID`: every step of a routine, expanded, with the total time.
struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show every step of a routine and its total time.",
    discussion: """
      Examples:
        unknot show between-blades-ball
        unknot show tension-headache --format json
      """
  )

  @Argument(help: "The routine's id (see `unknot list`).")
  var id: String

  @Option(help: "Output format: text or json.")
  var format: ShowFormat = .text

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let library = routineOptions.library()
    switch library.routine(id: id) {
    case .failure(let failure):
      throw CommandLineError(failure.message)
    case .success(let entry):
      guard let routine = entry.routine else { throw CommandLineError("routine '\(id)' did not load") }
      let report = RoutineDetailReport(routine: routine, origin: entry.origin)
      print(format == .json ? report.json() : report.text(), terminator: format == .json ? "\n" : "")
    }
  }
}
