import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme list`: every programme, bundled and the person's own.
struct ProgrammeListCommand: ParsableCommand {
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
    TerminalOutput.show("ID".padding(toLength: width, withPad: " ", startingAt: 0) + "  WEEKS  TITLE")
    for programme in programmes {
      let mark = programme.id == activeID ? "  (you follow it)" : ""
      TerminalOutput.show(
        UnsafeCharacters.visible(
          programme.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            + String(programme.weeks).padding(toLength: 5, withPad: " ", startingAt: 0) + "  " + programme.title
            + mark))
    }
  }
}
