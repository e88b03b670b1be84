import ArgumentParser
import Foundation
import UnknotCore

/// `unknot list` with the bundled library plus many user routine files: the
/// start-up a person feels. Target (issue 2): under 150 ms with 1,000 files.
struct ListStartup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Time `unknot list` with the bundled routines plus N user routine files (median of R runs)."
  )

  @Option(help: "How many user routine files to generate.")
  var files = 1000

  @Option(help: "How many timed runs (after one warm-up run).")
  var runs = 10

  func run() throws {
    let times = try Self.measure(files: files, runs: runs)
    let median = ProcessTiming.median(times)
    print(
      "unknot list, bundled + \(files) user routine files: median \(String(format: "%.1f", median)) ms "
        + "over \(runs) runs (min \(String(format: "%.1f", times.min() ?? 0)), "
        + "max \(String(format: "%.1f", times.max() ?? 0))); target < 150 ms")
  }

  /// Milliseconds of each timed run.
  static func measure(files: Int, runs: Int) throws -> [Double] {
    let binary = try ProcessTiming.unknotBinary()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-bench-\(getpid())")
    let routines = folder.appendingPathComponent("config/unknot/routines")
    try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.writeUserRoutines(count: files, into: routines)

    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
    _ = try ProcessTiming.run(binary, ["list"], environment: environment)
    var times: [Double] = []
    for _ in 0..<runs {
      times.append(try ProcessTiming.run(binary, ["list"], environment: environment))
    }
    return times
  }

  /// Copies of the bundled routines under new ids, as a person's own library would be.
  static func writeUserRoutines(count: Int, into folder: URL) throws {
    let templates = BuiltInRoutineFiles.all().map { String(decoding: $0.bytes, as: UTF8.self) }
    for index in 0..<count {
      let template = templates[index % templates.count]
      let id = "user-routine-\(index)"
      let text = template.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("id:") ? "id: \(id)" : String(line)
      }.joined(separator: "\n")
      try Data(text.utf8).write(to: folder.appendingPathComponent("\(id).yaml"))
    }
  }
}
