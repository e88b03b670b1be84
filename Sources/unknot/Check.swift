import ArgumentParser
import UnknotCore

/// `unknot check`: compiler-style diagnostics for routine files.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check routine files and report every problem, compiler style.",
    discussion: """
      With no path, checks every routine on the search path (built-in, your routine
      folder, and each --routines folder). Exits 0 when clean and 1 on any error
      (with --strict, on any warning too).

      Examples:
        unknot check my-routine.yaml
        unknot check --strict ~/.config/unknot/routines
      """
  )

  @Flag(help: "Fail on warnings too.")
  var strict = false

  @Argument(help: ArgumentHelp("Routine files or folders to check.", valueName: "path"))
  var paths: [String] = []

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let report = paths.isEmpty ? CheckReport(library: routineOptions.library()) : CheckReport.paths(paths)
    for diagnostic in report.diagnostics {
      printError(diagnostic.description)
    }
    print(report.summary)
    let code = report.exitCode(strict: strict)
    if code != 0 {
      throw ExitCode(code)
    }
  }
}
