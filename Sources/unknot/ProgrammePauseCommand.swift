import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme pause`: the programme stands still until resumed.
struct ProgrammePauseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pause", abstract: "Pause your programme: paused time does not count towards its weeks.")

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    let journal = try options.openJournal()
    let active: ProgrammeEnrolment?
    let paused: ProgrammeEnrolment?
    do {
      active = try journal.activeProgramme()
      paused = try journal.pauseProgramme(at: Date())
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    guard let active else { throw CommandLineError(notFollowing) }
    guard paused != nil else {
      throw CommandLineError(
        UnsafeCharacters.visible(
          "'\(active.programmeTitle)' is already paused. Carry on with: unknot programme resume"))
    }
    TerminalOutput.show(
      UnsafeCharacters.visible(
        "Paused '\(active.programmeTitle)'. Paused time does not count towards its weeks. "
          + "Carry on with: unknot programme resume"))
  }
}
