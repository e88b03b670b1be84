import ArgumentParser
import Foundation
import UnknotCore

/// `unknot show ID`: every step of a routine, expanded, with the total time.
struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show every step of a routine and its total time.",
    discussion: """
      Examples:
        unknot show between-blades-ball
        unknot show tension-headache --format json
        unknot show between-blades-point-tool --as-me

      With --as-me, the routine is shown as a session would run it for your programme's
      level (when it is one of its strength routines) and for the answers
      kept with your last safety check (read from the journal, never changed), then
      what changed and why. It fails when nothing of the routine is left to start.
      """
  )

  @Argument(help: "The routine's id (see `unknot list`).")
  var id: String

  @Option(help: "Output format: text or json.")
  var format: ShowFormat = .text

  @Flag(help: "Show the routine as your last safety check's answers shape it, and what changed.")
  var asMe = false

  @OptionGroup var routineOptions: RoutineOptions
  @OptionGroup var journalOptions: JournalOptions

  func run() throws {
    let library = routineOptions.library()
    switch library.routine(id: id) {
    case .failure(let failure):
      throw CommandLineError(failure.message)
    case .success(let entry):
      guard let routine = entry.routine else { throw CommandLineError("routine '\(id)' did not load") }
      if asMe {
        try showAsMe(routine, origin: entry.origin, library: library)
        return
      }
      let report = RoutineDetailReport(routine: routine, origin: entry.origin)
      if format == .json {
        TerminalOutput.json(report.json())
      } else {
        TerminalOutput.show(report.text(), terminator: "")
      }
    }
  }

  /// The routine for the person's own answers; the journal is only read.
  private func showAsMe(_ routine: Routine, origin: RoutineOrigin, library: RoutineLibrary) throws {
    let environment = ProcessInfo.processInfo.environment
    let (_, journal) = try journalOptions.openForReading(environment: environment)
    let check: SafetyCheck?
    var dose: ProgrammeDose?
    do {
      check = try journal?.latestSafetyCheck()
      if let journal {
        let programmes = ProgrammeLibrary.load(
          userFolder: ProgrammeLibrary.userFolder(environment: environment), routines: library)
        dose = try ActiveProgramme.read(journal: journal, programmes: programmes, now: Date())?.doses[routine.id]
      }
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    let report = AdaptationReport(routine: routine, origin: origin, check: check, now: Date(), dose: dose)
    if format == .json {
      TerminalOutput.json(report.json())
    } else {
      TerminalOutput.show(report.text(), terminator: "")
    }
    if report.nothingLeft { throw ExitCode(1) }
  }
}
