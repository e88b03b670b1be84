import ArgumentParser
import Foundation
import UnknotCore

/// `unknot import FILE`: adds the sessions of a JSON export to the journal, skipping
/// those already there, so importing the same file twice adds nothing.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add the sessions of a JSON export (from `unknot export --format json`) to your journal.",
    discussion: """
      Sessions and safety checks already in your journal are left as they are: a session
      is the same when it started at the same moment with the same routine file. So a
      file can be imported twice, or into the journal it came from, without duplicates.
      Either the whole file is imported or nothing is.

      A file from someone else cannot abuse your terminal or your journal: every text
      follows the rules of routine files (no control, escape or text-direction
      characters; ids are lower-case words joined by hyphens), ratings are whole numbers
      from 0 to 10, times fall between 2000 and 2100 and end after they start, and
      durations are never negative nor longer than a year. A file that breaks any rule,
      or is empty, cut short, not UTF-8 or not an export, is refused whole, with a
      message naming the session and the field. On a terminal, a long import shows its
      progress after a second.

      Examples:
        unknot import unknot-backup.json
        unknot import old-laptop.json --journal ~/journal-copy.sqlite
      """
  )

  @Argument(help: ArgumentHelp("The JSON export to import.", valueName: "file"))
  var file: String

  @OptionGroup var journalOptions: JournalOptions

  func run() throws {
    let path = try journalOptions.path(environment: ProcessInfo.processInfo.environment)
    let progress = ProgressLine(doing: "Importing", things: "sessions")
    defer { progress.finish() }
    do {
      let result = try JournalTransfer.importFile(file, intoJournalAt: path, progress: progress.update)
      progress.finish()
      TerminalOutput.show(
        "Imported \(UnsafeCharacters.visible(file)) into \(UnsafeCharacters.visible(path)): "
          + JournalTransfer.summary(result))
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
  }
}
