import ArgumentParser
import Foundation
import UnknotCore

/// `unknot check`: compiler-style diagnostics for routine and programme files.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check routine and programme files and report every problem, compiler style.",
    discussion: """
      With no path, checks every routine on the search path (built-in, your routine
      folder, and each --routines folder) and every programme (built-in, and your
      programme folder). A file with a top-level 'schedule:' is checked as a programme.
      Exits 0 when clean and 1 on any error (with --strict, on any warning too).

      Examples:
        unknot check my-routine.yaml
        unknot check --strict ~/.config/unknot/routines
      """
  )

  @Flag(help: "Fail on warnings too.")
  var strict = false

  @Argument(help: ArgumentHelp("Routine or programme files, or folders, to check.", valueName: "path"))
  var paths: [String] = []

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let library = routineOptions.library()
    let report: CheckReport
    if paths.isEmpty {
      let programmes = ProgrammeLibrary.load(
        userFolder: ProgrammeLibrary.userFolder(environment: ProcessInfo.processInfo.environment), routines: library)
      report = CheckReport(library: library, programmes: programmes)
    } else {
      report = CheckReport.paths(paths, searchPath: library)
    }
    for diagnostic in report.diagnostics {
      printError(diagnostic.description)
    }
    TerminalOutput.show(report.summary)
    let code = report.exitCode(strict: strict)
    if code != 0 {
      throw ExitCode(code)
    }
  }
}
