import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme resume`: carry on where it stood.
struct ProgrammeResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume", abstract: "Carry on with your paused programme where you left off.")

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    let journal = try options.openJournal()
    let active: ProgrammeEnrolment?
    let resumed: ProgrammeEnrolment?
    do {
      active = try journal.activeProgramme()
      resumed = try journal.resumeProgramme(at: Date())
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    guard let active else { throw CommandLineError(notFollowing) }
    guard resumed != nil else {
      throw CommandLineError(UnsafeCharacters.visible("'\(active.programmeTitle)' is not paused."))
    }
    TerminalOutput.show(UnsafeCharacters.visible("Welcome back to '\(active.programmeTitle)'."))
    if let current = try readActive(journal, options.programmes()), let today = current.today {
      for line in ProgrammeTodayText.lines(today, enrolment: current.enrolment, zone: .local) {
        TerminalOutput.show(line)
      }
    }
  }
}
