import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// `unknot` with no arguments: the home screen, where a person picks a muscle group
/// on the body map, then a routine.
struct Home: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "home",
    abstract: "Open the home screen: pick a muscle group, then a routine.",
    shouldDisplay: false
  )

  @OptionGroup var sessionOptions: SessionOptions
  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let library = routineOptions.library()
    guard Interactive.isAvailable(environment: environment) else {
      // Not a terminal (piped, or TERM=dumb): a plain overview instead of a screen.
      TerminalOutput.show(Overview.text(library: library), terminator: "")
      return
    }
    let journal = try sessionOptions.openJournal(environment: environment)
    let programme = try followedProgramme(journal: journal, routines: library, environment: environment)
    let setup = FrontEnd.Setup(
      library: library, journal: journal, options: sessionOptions.appOptions, environment: environment,
      programmeDoses: programme?.doses ?? [:], programme: programme?.tracker)
    let status = try Interactive.run(.home, setup: setup)
    if status != 0 { throw ExitCode(status) }
  }
}
