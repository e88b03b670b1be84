import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme`: plans over weeks, with progress and levels read from the journal.
struct ProgrammeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "programme",
    abstract: "Follow a programme: routines on set days over weeks, with doses that grow.",
    discussion: """
      A programme says which routines to do on which days for a number of weeks, and
      its strength work grows a level after two good sessions in a row. Progress and
      levels are read from your journal: there is nothing to tick off.

      Examples:
        unknot programme list
        unknot programme show desk-worker
        unknot programme start desk-worker
        unknot programme                     # today's plan
        unknot programme pause
        unknot programme leave
      """,
    subcommands: [
      ProgrammeTodayCommand.self, ProgrammeListCommand.self, ProgrammeShowCommand.self, ProgrammeStartCommand.self,
      ProgrammePauseCommand.self,
      ProgrammeResumeCommand.self, ProgrammeLeaveCommand.self,
    ],
    defaultSubcommand: ProgrammeTodayCommand.self
  )
}

/// The options every programme command shares: where the journal and routines are.
struct ProgrammeOptions: ParsableArguments {
  @OptionGroup var journalOptions: JournalOptions
  @OptionGroup var routineOptions: RoutineOptions

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  func programmes() -> ProgrammeLibrary {
    ProgrammeLibrary.load(
      userFolder: ProgrammeLibrary.userFolder(environment: environment), routines: routineOptions.library())
  }

  /// The journal, opened to write (and created when it does not exist yet).
  func openJournal() throws -> SQLiteJournal {
    do {
      return try SQLiteJournal(path: try journalOptions.path(environment: environment))
    } catch let error as JournalError {
      throw JournalFailureText.forJournalCommand(error)
    }
  }

  /// The journal when there is one, never created.
  func existingJournal() throws -> SQLiteJournal? {
    let path = try journalOptions.path(environment: environment)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try openJournal()
  }
}

/// How `programme today` prints: text for people or JSON for programs.
enum ProgrammeFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

let notFollowing = "You are not following a programme. See them with: unknot programme list"

/// The active programme, read through an open journal.
func readActive(_ journal: SQLiteJournal, _ programmes: ProgrammeLibrary) throws -> ActiveProgramme? {
  do {
    return try ActiveProgramme.read(journal: journal, programmes: programmes, now: Date())
  } catch {
    throw JournalFailureText.forJournalCommand(error)
  }
}

/// Why the followed programme cannot be shown: its file is gone, or no longer loads.
func missingProgramme(_ enrolment: ProgrammeEnrolment, in library: ProgrammeLibrary) -> String {
  let following = "You are following '\(enrolment.programmeTitle)' (\(enrolment.programmeID)), but "
  let leave = ", or leave it with: unknot programme leave"
  if case .failure(let failure) = library.programme(id: enrolment.programmeID),
    failure.message.contains("did not load")
  {
    // Each line is made safe on its own, so the line breaks between them stay.
    return [following + "its file does not load:", "  " + failure.message, "Fix the file" + leave]
      .map(UnsafeCharacters.visible).joined(separator: "\n")
  }
  return UnsafeCharacters.visible(following + "no programme file has that id any more. Put the file back" + leave)
}
