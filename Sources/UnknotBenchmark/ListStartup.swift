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
    let figures = try Self.measure(files: files, runs: runs)
    let median = ProcessTiming.median(figures.unknot)
    print(
      "unknot list, bundled + \(files) user routine files: median \(String(format: "%.1f", median)) ms "
        + "over \(runs) runs (min \(String(format: "%.1f", figures.unknot.min() ?? 0)), "
        + "max \(String(format: "%.1f", figures.unknot.max() ?? 0))); target < 150 ms")
    if let ratio = figures.ratio, let python = figures.pyyaml {
      print(
        "PyYAML's C loader alone on the same \(files) files: median "
          + "\(String(format: "%.1f", ProcessTiming.median(python))) ms; unknot/PyYAML "
          + "\(String(format: "%.2f", ratio)) (target ≤ \(String(format: "%.2f", Self.targetRatio)))")
    } else {
      print("PyYAML's C loader was not found (python3 -c 'import yaml; yaml.CSafeLoader'); no ratio.")
    }
  }

  /// `unknot list` may take at most this share of the time PyYAML's C loader takes
  /// only to parse the same files. A ratio, because absolute times here move by half
  /// from one day to the next while both sides move together.
  static let targetRatio = 0.25

  struct Figures {
    /// Milliseconds of each timed `unknot list`.
    var unknot: [Double]
    /// Milliseconds of each timed PyYAML run, nil without python3 and libyaml.
    var pyyaml: [Double]?

    /// unknot's median over PyYAML's.
    var ratio: Double? {
      guard let pyyaml else { return nil }
      return ProcessTiming.median(unknot) / ProcessTiming.median(pyyaml)
    }
  }

  /// Parses every file with `yaml.load(f, Loader=yaml.CSafeLoader)`, one process.
  static let pyyamlScript = """
    import glob, sys, yaml
    for name in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
        with open(name, "rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
    """

  /// Times `unknot list` and PyYAML on the same files, alternately, so both see the
  /// same machine: the ratio holds even when the machine is busy.
  static func measure(files: Int, runs: Int) throws -> Figures {
    let binary = try ProcessTiming.unknotBinary()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-bench-\(getpid())")
    let routines = folder.appendingPathComponent("config/unknot/routines")
    try FileManager.default.createDirectory(at: routines, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.writeUserRoutines(count: files, into: routines)

    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
    let python = ProcessTiming.onPath("python3", environment: environment)
    let pythonArguments = ["-c", pyyamlScript, routines.path]
    // One warm-up each; without PyYAML's C loader the first run fails and there is no ratio.
    _ = try ProcessTiming.run(binary, ["list"], environment: environment)
    let hasPyYAML =
      python.map { (try? ProcessTiming.run($0, pythonArguments, environment: environment)) != nil } ?? false
    var figures = Figures(unknot: [], pyyaml: hasPyYAML ? [] : nil)
    for _ in 0..<runs {
      figures.unknot.append(try ProcessTiming.run(binary, ["list"], environment: environment))
      if hasPyYAML, let python {
        figures.pyyaml?.append(try ProcessTiming.run(python, pythonArguments, environment: environment))
      }
    }
    return figures
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
