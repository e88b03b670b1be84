import ArgumentParser
import Foundation

/// What a running hold costs while the person lies still: CPU per minute, bytes
/// written to the terminal per second, peak memory. The program runs in a private
/// tmux server at 80×24; figures come from /proc, as a tmux-based terminal meter
/// takes them, so they compare with `termdown` measured the same way in the same run.
/// Targets (issue 4): at most 25 ms CPU per minute, 100 bytes per second, 20 MB.
struct IdleCost: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "idle",
    abstract: "Measure a running hold's idle cost at 80×24 under tmux, beside termdown when installed."
  )

  @Option(help: "Seconds to measure over.")
  var seconds = 30.0

  func run() throws {
    let (ours, termdown) = try Self.measure(seconds: seconds)
    var rows = [("unknot (running hold)", ours)]
    if let termdown { rows.append(("termdown 600", termdown)) }
    print(TerminalMeasurement.table(rows))
    if termdown == nil {
      print("(termdown is not installed: `pip install termdown` to compare in the same run)")
    }
  }

  /// unknot during a running hold, and termdown measured the same way when installed.
  static func measure(seconds: Double) throws -> (
    unknot: TerminalMeasurement.Figures, termdown: TerminalMeasurement.Figures?
  ) {
    let unknot = try ProcessTiming.unknotBinary()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-idle-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let routines = folder.appendingPathComponent("routines")
    try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
    try Data(Self.holdRoutine.utf8).write(to: routines.appendingPathComponent("idle-hold.yaml"))
    let journal = folder.appendingPathComponent("journal.sqlite").path
    try Self.recordSafetyCheck(unknot: unknot, journal: journal, home: folder.path)

    let command = [
      unknot.path, "start", "idle-hold", "--routines", routines.path, "--journal", journal,
    ]
    let ours = try TerminalMeasurement.measure(
      command: command, keys: ["Enter", "5", "Enter"], seconds: seconds, home: folder.path)
    guard let termdown = TerminalMeasurement.which("termdown") else { return (ours, nil) }
    let theirs = try TerminalMeasurement.measure(
      command: [termdown, "600"], keys: [], seconds: seconds, home: folder.path)
    return (ours, theirs)
  }

  static let holdRoutine = """
    format: 1
    id: idle-hold
    title: A long hold, for measuring
    summary: One pressure hold, long enough to measure what a countdown costs.
    targets: [rhomboids]
    tools: [massage-ball]
    sources: [unknot benchmark]
    steps:
      - kind: hold
        muscle: rhomboids
        tool: massage-ball
        duration: 90s

    """

  /// Answers the safety check once (no warning signs), so the session starts at once.
  static func recordSafetyCheck(unknot: URL, journal: String, home: String) throws {
    let process = try PipedProcess(
      [unknot.path, "safety", "--plain", "--journal", journal], environment: ["HOME": home, "PATH": "/usr/bin:/bin"])
    process.write(String(repeating: "n\n", count: 20))
    // Its questions are read to the end, so the pipe never fills while it waits.
    while process.readLine() != nil {}
    _ = process.wait()
  }
}
