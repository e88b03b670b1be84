import ArgumentParser
import Foundation
import UnknotCore

/// `unknot history`: every session in the journal, oldest first, with its ratings; in
/// a terminal, a chart of the ratings follows the table.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List your sessions: date, routine, outcome, pain before and after, and the change.",
    discussion: """
      Reads your journal without changing it. In a terminal, a chart of your ratings
      before and after each session follows the table (not when the output is piped).
      CSV and JSON give dates in UTC, as the export does.

      Examples:
        unknot history
        unknot history --since 2025-01-01 --routine between-blades-ball
        unknot history --muscle traps --format csv > neck.csv
      """
  )

  @OptionGroup var filterOptions: JournalFilterOptions

  @Option(help: ArgumentHelp("Only sessions of this routine (its id, as `unknot list` shows it).", valueName: "id"))
  var routine: String?

  @Option(help: "Output format: table, csv or json.")
  var format: HistoryFormat = .table

  @OptionGroup var journalOptions: JournalOptions
  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var filter = try filterOptions.filter(timeZone: .current)
    let (path, journal) = try journalOptions.openForReading(environment: environment)
    filter.routineID = try resolveRoutine(routine, journal: journal, routineOptions: routineOptions)
    let report: HistoryReport
    do {
      report =
        try journal.map { journal throws(JournalError) in
          try HistoryReport(journal: journal, filter: filter, muscleRatings: format == .json)
        }
        ?? HistoryReport(rows: [])
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    let empty = journal == nil ? noJournalYet(path) : "No sessions match these filters."
    switch format {
    case .csv:
      TerminalOutput.data(Data(report.csv().utf8))
      if report.rows.isEmpty { printError(empty) }
    case .json:
      TerminalOutput.json(report.json(), terminator: "")
      if report.rows.isEmpty { printError(empty) }
    case .table:
      guard !report.rows.isEmpty else {
        TerminalOutput.show(empty)
        return
      }
      write(report.table(timeZone: .current))
      if let area = filter.area, let journal {
        // The area's own ratings follow its sessions.
        do {
          write(
            "\n" + AreaReport(group: area, marks: try journal.painMarks(since: filter.since)).text(timeZone: .local))
        } catch {
          throw JournalFailureText.forJournalCommand(error)
        }
      }
      // A chart only for a person reading: a pipe or a file gets the table alone.
      if isatty(STDOUT_FILENO) == 1 {
        let style: HistoryChart.Style = LocaleEncoding.isUTF8(environment: environment) ? .unicode : .ascii
        let width = min(80, max(40, Self.terminalColumns() ?? 80))
        let chart = HistoryChart.lines(report.rows, style: style, width: width, timeZone: .current)
        write("\n" + chart.joined(separator: "\n") + "\n")
      }
    }
  }

  /// The columns of the terminal standard output is, if it is one; a narrow window
  /// gets a narrower chart.
  private static func terminalColumns() -> Int? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// One write for the whole text: quicker than a print per line for thousands of
  /// sessions.
  private func write(_ text: String) {
    TerminalOutput.show(text, terminator: "")
  }
}
