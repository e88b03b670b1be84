import ArgumentParser
import Foundation

/// How exactly a session keeps time: a routine of short steps (7 s holds, 3 s rests)
/// runs for real in plain mode, and each step's first line is timestamped here, on
/// this side of a pipe, against when the plan says it should start. The end is the
/// moment the last timed step hands over to the rating after.
struct TimerAccuracy: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timer",
    abstract: "Run a routine of short steps for real and compare when it ends with its plan."
  )

  @Option(help: "Minutes of the routine (10 s per hold and rest pair).")
  var minutes = 10

  struct Figures {
    var plannedSeconds: Int
    var steps: Int
    /// Real end minus planned end, in ms (positive: late).
    var endErrorMilliseconds: Double
    /// The largest distance of any step's start from its plan, in ms.
    var worstStepMilliseconds: Double
  }

  func run() throws {
    let figures = try Self.measure(minutes: minutes)
    print(
      String(
        format: "timer: a %d-minute routine of %d short steps ended %+.1f ms from its plan "
          + "(worst step start %.1f ms)", figures.plannedSeconds / 60, figures.steps,
        figures.endErrorMilliseconds, figures.worstStepMilliseconds))
  }

  static let holdSeconds = 7
  static let restSeconds = 3

  static func routine(pairs: Int) -> String {
    var text = """
      format: 1
      id: timer-check
      title: Short steps, for timing
      summary: Holds and rests of a few seconds, back to back.
      targets: [rhomboids]
      tools: [massage-ball]
      sources: [unknot benchmark]
      steps:

      """
    for _ in 0..<pairs {
      text += """
          - kind: hold
            muscle: rhomboids
            tool: massage-ball
            duration: \(holdSeconds)s
          - kind: rest
            duration: \(restSeconds)s

        """
    }
    return text
  }

  static func measure(minutes: Int) throws -> Figures {
    let unknot = try ProcessTiming.unknotBinary()
    let pairs = max(1, minutes * 60 / (holdSeconds + restSeconds))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-timer-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let routines = folder.appendingPathComponent("routines")
    try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
    try Data(routine(pairs: pairs).utf8).write(to: routines.appendingPathComponent("timer-check.yaml"))
    let journal = folder.appendingPathComponent("journal.sqlite").path
    try IdleCost.recordSafetyCheck(unknot: unknot, journal: journal, home: folder.path)

    let session = try PipedProcess(
      [unknot.path, "start", "timer-check", "--plain", "--quiet", "--routines", routines.path, "--journal", journal],
      environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin"])
    let clock = ContinuousClock()
    var stepStarts: [ContinuousClock.Instant] = []
    var end: ContinuousClock.Instant?
    while let line = session.readLine() {
      let now = clock.now
      if line.hasPrefix("Before you start.") {
        session.write("5\n")
      } else if line.hasPrefix("[") && end == nil {
        stepStarts.append(now)
      } else if line.hasPrefix("Now that you are done.") {
        end = now
        session.write("3\n")
      }
    }
    let status = session.wait()
    guard status == 0, let end, let first = stepStarts.first, stepStarts.count == pairs * 2 else {
      throw ProcessTiming.Failure(
        description: "the timed session did not run through (status \(status), \(stepStarts.count) of "
          + "\(pairs * 2) steps seen)")
    }
    func milliseconds(_ duration: Duration) -> Double {
      Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    var worst = 0.0
    for (index, start) in stepStarts.enumerated() {
      let planned = (index / 2) * (holdSeconds + restSeconds) + (index % 2) * holdSeconds
      worst = max(worst, abs(milliseconds(first.duration(to: start)) - Double(planned) * 1000))
    }
    let plannedSeconds = pairs * (holdSeconds + restSeconds)
    return Figures(
      plannedSeconds: plannedSeconds, steps: pairs * 2,
      endErrorMilliseconds: milliseconds(first.duration(to: end)) - Double(plannedSeconds) * 1000,
      worstStepMilliseconds: worst)
  }
}
