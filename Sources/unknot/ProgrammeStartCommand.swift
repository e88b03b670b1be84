import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme start ID`: week 1 starts now; refused kindly while another is followed.
struct ProgrammeStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start", abstract: "Start a programme; its week 1 is today.")

  @Argument(help: "The programme's id (see `unknot programme list`).")
  var id: String

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    let library = options.programmes()
    let entry: ProgrammeLibrary.Entry
    switch library.programme(id: id) {
    case .success(let found): entry = found
    case .failure(let failure): throw CommandLineError(UnsafeCharacters.visible(failure.message))
    }
    let programme = entry.programme!
    let journal = try options.openJournal()
    let outcome: ProgrammeStartOutcome
    do {
      outcome = try journal.startProgramme(
        ProgrammeEnrolment(
          programmeID: programme.id, programmeTitle: programme.title, contentHash: entry.loaded.contentHash,
          startedAt: Date()))
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    switch outcome {
    case .alreadyActive(let active):
      throw CommandLineError(
        UnsafeCharacters.visible(
          "You are already following '\(active.programmeTitle)', since "
            + "\(DateText.day(active.startedAt, in: .local)). One programme at a time: to start another, "
            + "leave it first with `unknot programme leave` (its sessions stay in your journal)."))
    case .started:
      TerminalOutput.show(
        UnsafeCharacters.visible("Started '\(programme.title)': \(programme.weeks) weeks from today."))
      if let active = try readActive(journal, library), let today = active.today {
        for line in ProgrammeTodayText.lines(today, enrolment: active.enrolment, zone: .local) {
          TerminalOutput.show(line)
        }
      }
    }
  }
}
