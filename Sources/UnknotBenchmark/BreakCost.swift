import ArgumentParser
import ChildProcesses
import Foundation

/// What `unknot remind` costs while it waits: CPU per minute from /proc, after its
/// start. Target (issue 13): at most 5 ms per minute.
struct RemindCost: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind", abstract: "Measure `unknot remind`'s CPU per minute while it watches.")

  @Option(help: "Seconds to measure over, after a 2 s start.")
  var seconds = 45.0

  func run() throws {
    let unknot = try ProcessTiming.unknotBinary()
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-remind-\(getpid())")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let child = try ChildProcess(
      [unknot.path, "remind"], environment: ["HOME": home.path, "PATH": "/usr/bin:/bin"])
    Thread.sleep(forTimeInterval: 2)
    let start = TerminalMeasurement.sample([child.pid])
    Thread.sleep(forTimeInterval: seconds)
    let end = TerminalMeasurement.sample([child.pid])
    child.send(SIGINT)
    let ending = child.wait()
    let perMinute = Double(end.cpuNanoseconds - start.cpuNanoseconds) / 1e6 / seconds * 60
    print(String(format: "unknot remind: %.2f ms CPU per minute over %.0f s (target ≤ 5)", perMinute, seconds))
    print(
      String(
        format: "  whole run with start-up: %.1f ms CPU; exit after Ctrl-C: %d", ending.cpuSeconds * 1000,
        ending.shellStatus))
    print(String(format: "  peak memory: %.1f MB", Double(end.peakKilobytes) / 1024))
  }
}

/// How long `unknot status` takes, as a status bar waits for it: the median of `runs`,
/// with no journal, and with journals of one and twenty years of daily sessions that
/// follow the desk-worker programme (so the programme's files and sessions are read
/// too). Target (issue 13): under 10 ms.
struct StatusCost: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Measure `unknot status`'s wall time, median of 20 runs per journal.")

  @Option(help: "How many runs per journal.")
  var runs = 20

  func run() throws {
    let unknot = try ProcessTiming.unknotBinary()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-status-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var environment = ProcessInfo.processInfo.environment.filter { ["HOME", "PATH", "TZ"].contains($0.key) }
    // No user routines or programmes: the bundled ones, as on a new machine.
    environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path

    print("unknot status (target < 10 ms), median of \(runs) runs:")
    try measure("no journal", unknot, ["--journal", folder.appendingPathComponent("none.sqlite").path], environment)
    for (label, days) in [("1 year", 365), ("20 years", 7300)] {
      let journal = folder.appendingPathComponent("\(days).sqlite").path
      for arguments in [
        ["generate-journal", "--days", "\(days)", "--journal", journal],
        ["programme", "start", "desk-worker", "--journal", journal],
      ] {
        _ = try ProcessTiming.run(unknot, arguments, environment: environment)
      }
      try measure("\(label), desk-worker programme", unknot, ["--journal", journal], environment)
    }
  }

  private func measure(_ label: String, _ unknot: URL, _ options: [String], _ environment: [String: String]) throws {
    let arguments = ["status"] + options
    _ = try ProcessTiming.times(unknot, arguments, environment: environment)
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<runs {
      let times = try ProcessTiming.times(unknot, arguments, environment: environment)
      wall.append(times.wallMilliseconds)
      cpu.append(times.cpuMilliseconds)
    }
    print(
      String(
        format: "  %@: median %.2f ms wall, %.2f ms CPU; slowest %.2f ms", label, ProcessTiming.median(wall),
        ProcessTiming.median(cpu), wall.max() ?? 0))
  }
}
