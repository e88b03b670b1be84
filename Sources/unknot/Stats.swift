import ArgumentParser
import Foundation
import UnknotCore

/// `unknot stats`: per routine and per muscle, how the person's own ratings changed,
/// and what has helped them most.
struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Summarize your sessions per routine and per muscle, and what has helped you most.",
    discussion: """
      For each routine and muscle: sessions, average pain before and after, the average
      change, the share of sessions with an important reduction (at least 2 points and
      at least 30% less pain), and the trend. Where a routine rated a muscle after its
      own work, that muscle also gets a row per side from those ratings, each compared
      with the last rating before its work. Then how the sessions ended: finished,
      quit, stopped for safety or interrupted (closed or killed before the end).
      Routines are ranked by what has helped you most only from \(HelpedMost.minimumRatedSessions) sessions
      with a rating before and after, and only with at least one important reduction.
      After a desk check (`unknot desk`): when the last one was, the items that
      went from no to yes since the check before, and those still to change with
      their advice.
      This is your own record, not medical evidence.

      Examples:
        unknot stats
        unknot stats --muscle rhomboids --since 2025-01-01
        unknot stats --format json
      """
  )

  @OptionGroup var filterOptions: JournalFilterOptions

  @Option(help: "Output format: table or json.")
  var format: StatsFormat = .table

  @OptionGroup var journalOptions: JournalOptions
  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let filter = try filterOptions.filter(timeZone: .current)
    let (path, journal) = try journalOptions.openForReading(environment: ProcessInfo.processInfo.environment)
    let report: StatsReport
    let watch: AreaWatchSection
    let desk: DeskCheckSection
    do {
      report =
        try journal.map { journal throws(JournalError) in try StatsReport(journal: journal, filter: filter) }
        ?? StatsReport(routines: [], muscles: [])
      watch = try AreaWatchSection(journal: journal, area: filter.area, now: Date())
      desk = try DeskCheckSection(journal: journal, library: { routineOptions.library() }, now: Date())
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    switch format {
    case .json:
      TerminalOutput.json(desk.json(adding: watch.json(adding: report.json())), terminator: "")
      if journal == nil { printError(noJournalYet(path)) }
    case .table:
      TerminalOutput.show(
        journal == nil ? noJournalYet(path) + "\n" : report.table() + watch.table() + desk.table(), terminator: "")
    }
  }
}
