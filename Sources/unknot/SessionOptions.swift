import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// Options for the commands that guide a session.
struct SessionOptions: ParsableArguments {
  @Flag(help: "No terminal bell.")
  var quiet = false

  @Flag(help: "Speak step titles, \"switch sides\" and \"release\" (needs espeak-ng or spd-say).")
  var speak = false

  @Flag(name: .customLong("no-journal"), help: "Do not write this session to your journal.")
  var noJournal = false

  @Option(
    name: .customLong("journal"),
    help: ArgumentHelp(
      "The journal file (default: $XDG_DATA_HOME/unknot/journal.sqlite, or ~/.local/share/unknot/journal.sqlite).",
      valueName: "path"))
  var journalPath: String?

  var appOptions: AppOptions {
    AppOptions(quiet: quiet, speak: speak, logging: !noJournal)
  }

  /// The journal to write to, opened and checked (opening it for writing closes the
  /// sessions a killed process left open). Fails with the path, what to do, and, when
  /// the file cannot be used, how to go on without it.
  func openJournal(environment: [String: String]) throws -> any SessionJournal {
    if noJournal { return UnloggedJournal() }
    let path = try JournalOptions.path(journalPath, environment: environment)
    do {
      return try SQLiteJournal(path: path)
    } catch {
      throw JournalFailureText.forSession(error)
    }
  }
}
