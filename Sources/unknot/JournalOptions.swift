import ArgumentParser
import Foundation
import UnknotCore

/// `--journal PATH` for the commands that read or fill the journal without guiding a
/// session: history, stats, export and import.
struct JournalOptions: ParsableArguments {
  @Option(
    name: .customLong("journal"),
    help: ArgumentHelp(
      "The journal file (default: $XDG_DATA_HOME/unknot/journal.sqlite, or ~/.local/share/unknot/journal.sqlite).",
      valueName: "path"))
  var journalPath: String?

  func path(environment: [String: String]) throws -> String {
    try Self.path(journalPath, environment: environment)
  }

  /// The typed path, or the default one; fails when neither can be known.
  static func path(_ typed: String?, environment: [String: String]) throws -> String {
    guard let path = typed ?? JournalLocation.defaultPath(environment: environment) else {
      throw CommandLineError("cannot tell where your journal lives: set HOME or XDG_DATA_HOME, or pass --journal PATH")
    }
    return path
  }

  /// The journal opened read-only, or nil when there is none yet (it is never created
  /// here). Fails with the path and what to do when the file cannot be read.
  func openForReading(environment: [String: String]) throws -> (path: String, journal: SQLiteJournal?) {
    let path = try path(environment: environment)
    do {
      return (path, try SQLiteJournal.openIfPresent(path: path))
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
  }
}

/// The message for a journal that does not exist yet: nothing is wrong.
func noJournalYet(_ path: String) -> String {
  "No sessions yet: your journal starts with your first session, and will be kept at "
    + UnsafeCharacters.visible(path) + "."
}
