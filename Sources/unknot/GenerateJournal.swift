import ArgumentParser
import Foundation
import UnknotCore

/// `unknot generate-journal` (hidden): a synthetic journal of daily sessions, for the
/// benchmark and for trying history and stats on years of data. It only ever creates
/// a new file, so a real journal cannot be touched by it.
struct GenerateJournal: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate-journal",
    abstract: "Write a synthetic journal of daily sessions to a new file (for benchmarks).",
    shouldDisplay: false
  )

  @Option(help: "How many days, one session a day.")
  var days = JournalGenerator.defaultDays

  @Option(
    name: .customLong("journal"), help: ArgumentHelp("The new journal file; it must not exist.", valueName: "path"))
  var journalPath: String

  @Option(help: "The random seed: the same seed gives the same journal.")
  var seed: UInt64 = 1

  func validate() throws {
    guard days >= 1 else { throw ValidationError("--days must be 1 or more") }
  }

  func run() throws {
    for file in [journalPath, journalPath + "-wal", journalPath + "-shm"] {
      var info = stat()
      if lstat(file, &info) == 0 || errno != ENOENT {
        throw CommandLineError(
          "\(UnsafeCharacters.visible(file)) already exists: generate-journal only writes new files, so that no real journal is ever "
            + "changed. Choose a new path.")
      }
    }
    do {
      let journal = try SQLiteJournal(path: journalPath)
      let summary = try JournalGenerator.generate(into: journal, days: days, seed: seed)
      TerminalOutput.show(
        "Wrote \(summary.sessions) sessions, \(summary.ratings) ratings and \(summary.steps) steps to \(journalPath).")
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
  }
}
