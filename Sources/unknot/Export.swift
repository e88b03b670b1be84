import ArgumentParser
import Foundation
import UnknotCore

/// `unknot export`: the whole journal as CSV (a row per session) or JSON (everything,
/// which `unknot import` reads back).
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export your whole journal as CSV (a row per session) or JSON (everything, for `unknot import`).",
    discussion: """
      Writes to standard output, or to --output FILE. The file is made readable only by
      you (mode 0600), since it holds health data, and an existing file is never
      overwritten unless you add --force. The journal itself is only read.

      In CSV, a text cell that starts with =, +, -, @, a tab or a carriage return gets a
      leading ' so that a spreadsheet shows it rather than running it as a formula;
      numbers (such as a change of -3) are left as they are. The JSON export keeps every
      text as it is. On a terminal, a long export shows its progress after a second.

      Examples:
        unknot export --format json --output unknot-backup.json
        unknot export --format csv > sessions.csv
      """
  )

  @Option(help: "csv (a row per session, for spreadsheets) or json (everything, for `unknot import`).")
  var format: ExportFormat

  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var force = false

  @OptionGroup var journalOptions: JournalOptions

  func run() throws {
    let path = try journalOptions.path(environment: ProcessInfo.processInfo.environment)
    if let output, Self.isSameFile(output, path) {
      throw CommandLineError(
        "\(UnsafeCharacters.visible(output)) is your journal itself: choose another file to export to.")
    }
    let exported: Data?
    let progress = ProgressLine(doing: "Exporting", things: "sessions")
    defer { progress.finish() }
    do {
      exported = try JournalTransfer.export(
        journalAt: path, format: format == .csv ? .csv : .json, progress: progress.update)
      progress.finish()
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    guard let data = exported else {
      // Nothing to copy, and no empty file left behind to be mistaken for a backup.
      printError(noJournalYet(path) + " Nothing was exported.")
      return
    }
    guard let output else {
      TerminalOutput.data(data)
      return
    }
    do {
      try PrivateFile.save(data, to: output, replacing: force)
    } catch {
      throw JournalFailureText.forExport(error)
    }
    printError("Exported your journal to \(UnsafeCharacters.visible(output)) (readable only by you).")
  }

  /// Whether two paths name one file, however they are written.
  static func isSameFile(_ one: String, _ other: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(one, &first) == 0, stat(other, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }
}
