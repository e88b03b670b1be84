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
    do {
      let result = try JournalTransfer.importFile(file, intoJournalAt: path)
      print(
        "Imported \(UnsafeCharacters.visible(file)) into \(UnsafeCharacters.visible(path)): "
          + JournalTransfer.summary(result))
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
  }
}
