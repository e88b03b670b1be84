import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// `unknot start ID`: straight into a routine (after the safety check when it is due).
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start a routine straight away (after the safety check when it is due).",
    discussion: """
      Examples:
        unknot start between-blades-ball
        unknot start cyclic-sighing --speak
        unknot start desk-posture-break --plain      # plain lines, for screen readers or a pipe
      """
  )

  @Argument(help: "The routine's id (see `unknot list`).")
  var id: String

  @Flag(help: "Guide with plain lines instead of the full screen; ratings are read as lines from standard input.")
  var plain = false

  @OptionGroup var sessionOptions: SessionOptions
  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let library = routineOptions.library()
    guard case .success(let found) = library.routine(id: id), let routine = found.routine else {
      if case .failure(let failure) = library.routine(id: id) { throw CommandLineError(failure.message) }
      throw CommandLineError("routine '\(id)' did not load")
    }
    let journal = try sessionOptions.openJournal(environment: environment)
    let programme = try followedProgramme(journal: journal, routines: library, environment: environment)
    let setup = FrontEnd.Setup(
      library: library, journal: journal, options: sessionOptions.appOptions, environment: environment,
      programmeDoses: programme?.doses ?? [:], programme: programme?.tracker)
    if plain {
      let status = try PlainFrontEnd.run(.routine(routine.id), setup: setup)
      if status != 0 { throw ExitCode(status) }
      return
    }
    if let reason = Interactive.unavailableReason(environment: environment) {
      throw CommandLineError(reason.description)
    }
    let status = try Interactive.run(.routine(routine.id), setup: setup)
    if status != 0 { throw ExitCode(status) }
  }
}
