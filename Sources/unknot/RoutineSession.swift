import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// One routine's session, started from the command line (`start`, `desk`): the routine
/// found, the journal opened with the programme it follows, and the full screen or
/// plain lines.
enum RoutineSession {
  /// What to do without a terminal for the full screen.
  enum WithoutTerminal {
    /// Say why and stop: `start` was asked for a screen.
    case refuse
    /// Ask in plain lines instead: a checklist reads as well that way.
    case askInLines
  }

  static func run(
    routineID id: String, plain: Bool, withoutTerminal: WithoutTerminal, notLoaded: String,
    sessionOptions: SessionOptions, routineOptions: RoutineOptions
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    let library = routineOptions.library()
    guard case .success(let found) = library.routine(id: id), let routine = found.routine else {
      if case .failure(let failure) = library.routine(id: id) { throw CommandLineError(failure.message) }
      throw CommandLineError(notLoaded)
    }
    let journal = try sessionOptions.openJournal(environment: environment)
    let programme = try followedProgramme(journal: journal, routines: library, environment: environment)
    let setup = FrontEnd.Setup(
      library: library, journal: journal, options: sessionOptions.appOptions, environment: environment,
      programme: programme?.tracker)
    let unavailable = Interactive.unavailableReason(environment: environment)
    if plain || (unavailable != nil && withoutTerminal == .askInLines) {
      let status = try PlainFrontEnd.run(.routine(routine.id), setup: setup)
      if status != 0 { throw ExitCode(status) }
      return
    }
    if let unavailable { throw CommandLineError(unavailable.description) }
    let status = try Interactive.run(.routine(routine.id), setup: setup)
    if status != 0 { throw ExitCode(status) }
  }
}
