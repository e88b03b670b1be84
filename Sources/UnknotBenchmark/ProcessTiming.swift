import Foundation

/// Runs a program and times it from spawn to exit, as a person waiting would.
enum ProcessTiming {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Wall-clock milliseconds for one run; output is discarded. Uses posix_spawn and
  /// waitpid directly: Foundation's Process polls for exit, which adds tens of ms.
  static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Double {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    let clock = ContinuousClock()
    let start = clock.now
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw Failure(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let elapsed = start.duration(to: clock.now)
    guard status == 0 else {
      throw Failure(description: "\(executable.path) \(arguments.joined(separator: " ")) failed (status \(status))")
    }
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
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
