import ArgumentParser
import Foundation

/// `unknot-benchmark` with no subcommand: every figure, measured in one run, printed
/// as one table. Progress goes to standard error, so standard output is the table.
struct AllFigures: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "all",
    abstract: "Measure every figure (idle cost beside termdown, timer accuracy, start-up, journal, engine); one table."
  )

  @Option(help: "Seconds to measure the running hold over.")
  var idleSeconds = 30.0

  @Option(help: "Minutes of the timed routine of short steps.")
  var timerMinutes = 10

  @Option(help: "User routine files for the start-up figure.")
  var files = 1000

  @Option(help: "Timed runs of each command (median reported).")
  var runs = 10

  @Option(help: "Days of the generated journal, one session a day.")
  var days = 7300

  struct Row {
    var figure: String
    var measured: String
    var target: String
    var met: Bool?
    var beside: String
  }

  func run() throws {
    var rows: [Row] = []
    progress("running hold at 80×24 under tmux, \(Int(idleSeconds)) s each for unknot and termdown")
    rows += try idleRows()
    progress("a \(timerMinutes)-minute routine of short steps, in real time")
    rows.append(try timerRow())
    progress("`unknot list` with \(files) user routine files, \(runs) runs")
    rows += try startupRows()
    progress("a \(days)-day journal: `unknot history` and `unknot stats`, \(runs) runs each")
    rows += try journalRows()
    progress("the session engine")
    rows.append(engineRow())
    print(Self.table(rows))
  }

  private func progress(_ text: String) {
    FileHandle.standardError.write(Data("… \(text)\n".utf8))
  }

  private func idleRows() throws -> [Row] {
    let (ours, theirs) = try IdleCost.measure(seconds: idleSeconds)
    func beside(_ value: Double?, _ ours: Double, unit: String) -> String {
      guard let value else { return "termdown not installed (pip install termdown)" }
      return String(format: "termdown %.1f %@, unknot/termdown %.3f", value, unit, ours / max(0.001, value))
    }
    let megabytes = Double(ours.peakKilobytes) / 1024
    return [
      Row(
        figure: "running hold 80×24: CPU", measured: String(format: "%.1f ms/min", ours.cpuMillisecondsPerMinute),
        target: "≤ 25 ms/min", met: ours.cpuMillisecondsPerMinute <= 25,
        beside: beside(theirs?.cpuMillisecondsPerMinute, ours.cpuMillisecondsPerMinute, unit: "ms/min")),
      Row(
        figure: "running hold 80×24: bytes written", measured: String(format: "%.1f bytes/s", ours.bytesPerSecond),
        target: "≤ 100 bytes/s", met: ours.bytesPerSecond <= 100,
        beside: beside(theirs?.bytesPerSecond, ours.bytesPerSecond, unit: "bytes/s")),
      Row(
        figure: "running hold 80×24: peak RSS", measured: String(format: "%.1f MB", megabytes),
        target: "≤ 20 MB", met: megabytes <= 20,
        beside: beside(theirs.map { Double($0.peakKilobytes) / 1024 }, megabytes, unit: "MB")),
    ]
  }

  private func timerRow() throws -> Row {
    let figures = try TimerAccuracy.measure(minutes: timerMinutes)
    return Row(
      figure: "timer: end of a \(figures.plannedSeconds / 60)-min routine of \(figures.steps) steps",
      measured: String(format: "%+.1f ms", figures.endErrorMilliseconds), target: "within 10 ms",
      met: abs(figures.endErrorMilliseconds) <= 10,
      beside: String(format: "worst step start %.1f ms from its plan", figures.worstStepMilliseconds))
  }

  private func startupRows() throws -> [Row] {
    let figures = try ListStartup.measure(files: files, runs: runs)
    let median = ProcessTiming.median(figures.unknot)
    var rows = [
      Row(
        figure: "start-up: `unknot list`, \(files) user files", measured: String(format: "%.1f ms", median),
        target: "< 150 ms", met: median < 150,
        beside: String(
          format: "median of %d, min %.1f, max %.1f", runs, figures.unknot.min() ?? 0, figures.unknot.max() ?? 0))
    ]
    if let ratio = figures.ratio, let python = figures.pyyaml {
      rows.append(
        Row(
          figure: "start-up: `unknot list` / PyYAML C loader", measured: String(format: "%.2f×", ratio),
          target: String(format: "≤ %.2f×", ListStartup.targetRatio), met: ratio <= ListStartup.targetRatio,
          beside: String(format: "PyYAML alone %.1f ms, runs alternated", ProcessTiming.median(python))))
    }
    return rows
  }

  private func journalRows() throws -> [Row] {
    let figures = try JournalCost.measure(days: days, runs: runs)
    let years = days / 365
    func row(_ command: String, _ times: [Double]) -> Row {
      let median = ProcessTiming.median(times)
      return Row(
        figure: "`unknot \(command)`, \(years)-year journal", measured: String(format: "%.1f ms", median),
        target: "< 150 ms", met: median < JournalCost.targetMilliseconds,
        beside: String(format: "median of %d, max %.1f", runs, times.max() ?? 0))
    }
    return [
      row("history", figures.history), row("stats", figures.stats),
      Row(
        figure: "journal file, \(years)-year journal", measured: "\(JournalCost.megabytes(figures.bytes)) MB",
        target: "< 10 MB", met: figures.bytes < JournalCost.targetBytes,
        beside: "\(figures.sessions) sessions, \(figures.ratings) ratings"),
    ]
  }

  private func engineRow() -> Row {
    let (observe, command) = EngineCost.measure(iterations: 200_000)
    return Row(
      figure: "engine: one command", measured: String(format: "%.3f µs", command), target: "< 10 µs",
      met: command < 10, beside: String(format: "%.3f µs per clock reading", observe))
  }

  static func table(_ rows: [Row]) -> String {
    let header = Row(figure: "figure", measured: "unknot", target: "target", met: nil, beside: "beside it")
    let all = [header] + rows
    func width(_ column: (Row) -> String) -> Int { all.map { column($0).count }.max() ?? 0 }
    let widths = [width(\.figure), width(\.measured), width(\.target)]
    func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }
    return all.map { row in
      let verdict = row.met.map { $0 ? "ok    " : "MISSED" } ?? "      "
      return [
        pad(row.figure, widths[0]), pad(row.measured, widths[1]), pad(row.target, widths[2]), verdict, row.beside,
      ]
      .joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
