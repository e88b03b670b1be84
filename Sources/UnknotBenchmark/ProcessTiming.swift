import ChildProcesses
import Foundation

/// Runs a program and times it from spawn to exit, as a person waiting would.
enum ProcessTiming {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// How long one run took.
  struct Times {
    /// From start to exit, as a person waiting would see it.
    var wallMilliseconds: Double
    /// User and system CPU time the child used.
    var cpuMilliseconds: Double
  }

  /// Wall-clock milliseconds for one run; output is discarded.
  static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Double {
    try times(executable, arguments, environment: environment).wallMilliseconds
  }

  /// Wall-clock and CPU time for one run; output is discarded. The child is waited for
  /// with wait4 as it ends: Foundation's Process polls for exit, which adds tens of ms.
  static func times(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Times {
    let clock = ContinuousClock()
    let start = clock.now
    let child: ChildProcess
    do {
      child = try ChildProcess([executable.path] + arguments, environment: environment)
    } catch {
      throw Failure(description: error.description)
    }
    let ending = child.wait()
    let elapsed = start.duration(to: clock.now)
    guard ending.exitStatus == 0 else {
      throw Failure(
        description: "\(executable.path) \(arguments.joined(separator: " ")) failed (status \(ending.shellStatus))")
    }
    return Times(
      wallMilliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
      cpuMilliseconds: ending.cpuSeconds * 1000)
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The first executable of this name on PATH, as a shell would find it.
  static func onPath(_ name: String, environment: [String: String]) -> URL? {
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    return folders.lazy.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// The release `unknot` built beside this benchmark.
  static func unknotBinary() throws -> URL {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let binary = here.deletingLastPathComponent().appendingPathComponent("unknot")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw Failure(description: "no unknot binary at \(binary.path); run `swift build -c release` first")
    }
    return binary
  }
}
