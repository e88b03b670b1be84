import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme leave`: stop following it; its history stays.
struct ProgrammeLeaveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leave", abstract: "Leave your programme; its sessions stay in your journal.")

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    guard let journal = try options.existingJournal() else { throw CommandLineError(notFollowing) }
    let left: ProgrammeEnrolment?
    do {
      left = try journal.leaveProgramme(at: Date())
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    guard let left else { throw CommandLineError(notFollowing) }
    TerminalOutput.show(
      UnsafeCharacters.visible(
        "You have left '\(left.programmeTitle)'. Its sessions stay in your journal, and its routines are "
          + "still there whenever you want them."))
  }
}
