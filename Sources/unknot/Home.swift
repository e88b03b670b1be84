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
      // Not a terminal (piped, or TERM=dumb): a plain overview instead of a screen,
      // with the followed programme's Today as the home screen has it. A journal that
      // cannot be read leaves it out: the overview is for finding your way, not errors.
      let today = (try? JournalOptions.path(sessionOptions.journalPath, environment: environment)).flatMap {
        try? ActiveProgramme.todayLine(journalPath: $0, environment: environment, now: Date())
      }
      TerminalOutput.show(Overview.text(library: library, today: today), terminator: "")
      return
    }
    let journal = try sessionOptions.openJournal(environment: environment)
    let programme = try followedProgramme(journal: journal, routines: library, environment: environment)
    let setup = FrontEnd.Setup(
      library: library, journal: journal, options: sessionOptions.appOptions, environment: environment,
      programme: programme?.tracker)
    let status = try Interactive.run(.home, setup: setup)
    if status != 0 { throw ExitCode(status) }
  }
}
