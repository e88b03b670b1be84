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
      ProgrammeToday.self, ProgrammeList.self, ProgrammeShow.self, ProgrammeStart.self, ProgrammePause.self,
      ProgrammeResume.self, ProgrammeLeave.self,
    ],
    defaultSubcommand: ProgrammeToday.self
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

struct ProgrammeToday: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "today",
    abstract: "Today's plan: what is due and done, the week, progress and levels.")

  @Option(help: "Output format: text or json.")
  var format: ProgrammeFormat = .text

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    guard let journal = try options.existingJournal(),
      let active = try readActive(journal, options.programmes())
    else {
      print(format == .json ? "null" : notFollowing)
      return
    }
    guard let today = active.today else {
      throw CommandLineError(missingProgramme(active.enrolment))
    }
    if format == .json {
      print(ProgrammeTodayJSON(today, enrolment: active.enrolment).json())
      return
    }
    for line in ProgrammeTodayText.lines(today, enrolment: active.enrolment, zone: .local) {
      print(line)
    }
  }
}

/// The active programme, read through an open journal.
func readActive(_ journal: SQLiteJournal, _ programmes: ProgrammeLibrary) throws -> ActiveProgramme? {
  do {
    return try ActiveProgramme.read(journal: journal, programmes: programmes, now: Date())
  } catch {
    throw JournalFailureText.forJournalCommand(error)
  }
}

func missingProgramme(_ enrolment: ProgrammeEnrolment) -> String {
  UnsafeCharacters.visible(
    "You are following '\(enrolment.programmeTitle)' (\(enrolment.programmeID)), but no programme file has "
      + "that id any more. Put the file back, or leave it with: unknot programme leave")
}

struct ProgrammeList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the programmes: bundled, and yours in ~/.config/unknot/programmes.")

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    let library = options.programmes()
    for diagnostic in library.diagnostics where diagnostic.severity == .error {
      printError(diagnostic.description)
    }
    var activeID: String?
    if let journal = try options.existingJournal() {
      do {
        activeID = try journal.activeProgramme()?.programmeID
      } catch {
        throw JournalFailureText.forJournalCommand(error)
      }
    }
    let programmes = library.programmes.compactMap(\.programme)
    let width = max(2, programmes.map(\.id.count).max() ?? 0)
    print("ID".padding(toLength: width, withPad: " ", startingAt: 0) + "  WEEKS  TITLE")
    for programme in programmes {
      let mark = programme.id == activeID ? "  (you follow it)" : ""
      print(
        UnsafeCharacters.visible(
          programme.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            + String(programme.weeks).padding(toLength: 5, withPad: " ", startingAt: 0) + "  " + programme.title
            + mark))
    }
  }
}

struct ProgrammeShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a programme: its plan, weeks, levels and sources.")

  @Argument(help: "The programme's id (see `unknot programme list`).")
  var id: String

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    switch options.programmes().programme(id: id) {
    case .success(let entry):
      for line in ProgrammeDetailText.lines(entry.programme!) { print(line) }
    case .failure(let failure):
      throw CommandLineError(UnsafeCharacters.visible(failure.message))
    }
  }
}

struct ProgrammeStart: ParsableCommand {
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
      print(UnsafeCharacters.visible("Started '\(programme.title)': \(programme.weeks) weeks from today."))
      if let active = try readActive(journal, library), let today = active.today {
        for line in ProgrammeTodayText.lines(today, enrolment: active.enrolment, zone: .local) { print(line) }
      }
    }
  }
}

struct ProgrammePause: ParsableCommand {
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
    print(
      UnsafeCharacters.visible(
        "Paused '\(active.programmeTitle)'. Paused time does not count towards its weeks. "
          + "Carry on with: unknot programme resume"))
  }
}

struct ProgrammeResume: ParsableCommand {
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
    print(UnsafeCharacters.visible("Welcome back to '\(active.programmeTitle)'."))
    if let current = try readActive(journal, options.programmes()), let today = current.today {
      for line in ProgrammeTodayText.lines(today, enrolment: current.enrolment, zone: .local) { print(line) }
    }
  }
}

struct ProgrammeLeave: ParsableCommand {
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
    print(
      UnsafeCharacters.visible(
        "You have left '\(left.programmeTitle)'. Its sessions stay in your journal, and its routines are "
          + "still there whenever you want them."))
  }
}
