import ArgumentParser
import Foundation
import UnknotCore

/// `unknot report`: a one-page HTML report of the journal to bring to a clinician.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a one-page HTML report of your journal to bring to a clinician.",
    discussion: """
      One self-contained page, which any browser opens and prints on one or two A4
      pages: your pain before and after sessions over time, per area and per routine;
      the ratings per muscle and side; what has helped you most (your own record, not
      evidence); every stop for safety with its date and reason; and how you have kept
      to a programme you follow. Your safety check's answers are added only with
      --include-safety. The page fetches nothing and runs no script.

      Writes to standard output, or to --output FILE. The file is made readable only by
      you (mode 0600), since it holds health data, and an existing file is never
      overwritten unless you add --force. The journal itself is only read.

      Examples:
        unknot report --output pain-record.html
        unknot report --since 2025-01-01 --include-safety --output for-my-physio.html
      """
  )

  @Option(help: ArgumentHelp("Only sessions on or after this day, in your time zone.", valueName: "YYYY-MM-DD"))
  var since: String?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
  var output: String?

  @Flag(help: "Add the answers of your latest safety check.")
  var includeSafety = false

  @Flag(help: "Replace the --output file if it exists.")
  var force = false

  @OptionGroup var journalOptions: JournalOptions

  func run() throws {
    var sinceDay: Date?
    if let since {
      guard let day = DateText.startOfDay(since, in: .current) else {
        throw CommandLineError(
          "'\(UnsafeCharacters.visible(since))' is not a date: --since wants a day as YYYY-MM-DD, like 2025-03-01")
      }
      sinceDay = day
    }
    let environment = ProcessInfo.processInfo.environment
    let file = output == "-" ? nil : output
    let path = try journalOptions.path(environment: environment)
    if let file, Export.isSameFile(file, path) {
      throw CommandLineError(
        "\(UnsafeCharacters.visible(file)) is your journal itself: choose another file to write the report to.")
    }
    let (_, opened) = try journalOptions.openForReading(environment: environment)
    guard let journal = opened else {
      // No empty report left behind to be mistaken for a record.
      printError(noJournalYet(path) + " No report was written.")
      return
    }
    let report: ClinicianReport
    // On a large journal the reads take a while: a line on a terminal says how far.
    let progress = ProgressLine(doing: "Reading your journal", things: "parts")
    defer { progress.finish() }
    do {
      let programmes = ProgrammeLibrary.load(
        userFolder: ProgrammeLibrary.userFolder(environment: environment), routines: nil)
      report = try ClinicianReport(
        journal: journal, since: sinceDay, programmes: programmes, includeSafety: includeSafety, now: Date(),
        progress: progress.update)
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    let data = Data(report.html().utf8)
    progress.finish()
    guard let file else {
      TerminalOutput.data(data)
      return
    }
    do {
      try PrivateFile.save(data, to: file, replacing: force)
    } catch {
      throw JournalFailureText.forExport(error)
    }
    printError(
      "Wrote your report to \(UnsafeCharacters.visible(file)) (readable only by you). "
        + "Open it in a browser to read or print it.")
  }
}
