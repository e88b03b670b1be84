import ArgumentParser
import Foundation
import UnknotCore

/// Twenty years of daily sessions: how large the journal grows, and how long
/// `unknot history` and `unknot stats` take on it, output to /dev/null. Targets
/// (issue 6): the file under 10 MB, each command under 150 ms.
struct JournalCost: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract: "Generate a 20-year journal, report its size, and time `unknot history` and `unknot stats` on it."
  )

  @Option(help: "Days of the generated journal, one session a day.")
  var days = JournalGenerator.defaultDays

  @Option(help: "How many timed runs of each command (after one warm-up run).")
  var runs = 10

  static let targetMilliseconds = 150.0
  static let targetBytes = 10 * 1024 * 1024

  struct Figures {
    var sessions: Int
    var ratings: Int
    var bytes: Int
    var generatedMilliseconds: Double
    /// Milliseconds of each timed run of `history` and of `stats`.
    var history: [Double]
    var stats: [Double]
  }

  func run() throws {
    let figures = try Self.measure(days: days, runs: runs)
    print(
      "journal of \(days) days: \(figures.sessions) sessions, \(figures.ratings) ratings; "
        + "generated in \(Self.milliseconds(figures.generatedMilliseconds)) ms")
    let missedSize = figures.bytes < Self.targetBytes ? "" : "  (MISSED)"
    print("file size: \(Self.megabytes(figures.bytes)) MB; target < 10 MB\(missedSize)")
    for (command, times) in [("history", figures.history), ("stats", figures.stats)] {
      let median = ProcessTiming.median(times)
      let missed = median < Self.targetMilliseconds ? "" : "  (MISSED)"
      print(
        "unknot \(command): median \(Self.milliseconds(median)) ms over \(runs) runs "
          + "(min \(Self.milliseconds(times.min() ?? 0)), max \(Self.milliseconds(times.max() ?? 0))); "
          + "target < 150 ms\(missed)")
    }
  }

  static func measure(days: Int, runs: Int) throws -> Figures {
    let unknot = try ProcessTiming.unknotBinary()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-journal-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = folder.appendingPathComponent("journal.sqlite").path
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = folder.path
    environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
    environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path

    let generated = try ProcessTiming.run(
      unknot, ["generate-journal", "--days", String(days), "--journal", journal], environment: environment)
    let counts = try SQLiteJournal(path: journal, readOnly: true).counts()
    func time(_ command: String) throws -> [Double] {
      let arguments = [command, "--journal", journal]
      _ = try ProcessTiming.run(unknot, arguments, environment: environment)
      return try (0..<runs).map { _ in try ProcessTiming.run(unknot, arguments, environment: environment) }
    }
    return Figures(
      sessions: counts.sessions, ratings: counts.ratings, bytes: size(of: journal), generatedMilliseconds: generated,
      history: try time("history"), stats: try time("stats"))
  }

  static func size(of journal: String) -> Int {
    [journal, journal + "-wal", journal + "-shm"].reduce(0) { total, path in
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
    }
  }

  static func milliseconds(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.2f", Double(bytes) / 1_048_576)
  }
}
