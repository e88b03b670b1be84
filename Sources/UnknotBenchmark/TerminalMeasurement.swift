import ChildProcesses
import Foundation

/// Runs a terminal program in a private tmux server and measures it from /proc:
/// CPU time of it and its children, bytes it wrote to the terminal, peak RSS.
enum TerminalMeasurement {
  struct Figures {
    var cpuMillisecondsPerMinute: Double
    var bytesPerSecond: Double
    var peakKilobytes: Int
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func measure(command: [String], keys: [String], seconds: Double, home: String) throws -> Figures {
    let socket = "\(home)/tmux-\(UUID().uuidString.prefix(8))"
    let bytesFile = "\(home)/bytes-\(UUID().uuidString.prefix(8))"
    let shellCommand =
      "exec env TERM=xterm-256color LANG=C.UTF-8 HOME=\(quote(home)) XDG_CONFIG_HOME=\(quote(home + "/config")) "
      + command.map(quote).joined(separator: " ")
    try tmux(socket, ["-u", "new-session", "-d", "-x", "80", "-y", "24", shellCommand])
    defer { _ = try? tmux(socket, ["kill-server"]) }
    Thread.sleep(forTimeInterval: 1.5)
    for key in keys {
      try tmux(socket, ["send-keys", key])
      Thread.sleep(forTimeInterval: 0.3)
    }
    Thread.sleep(forTimeInterval: 2)
    let panePID = try tmux(socket, ["list-panes", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let root = Int32(panePID) else { throw Failure(description: "no pane for \(command[0])") }
    try tmux(socket, ["pipe-pane", "-o", "cat > \(quote(bytesFile))"])
    let start = sample(descendants(of: root))
    let clock = ContinuousClock()
    let began = clock.now
    Thread.sleep(forTimeInterval: seconds)
    let end = sample(descendants(of: root))
    let elapsed = began.duration(to: clock.now)
    try tmux(socket, ["pipe-pane"])
    let bytes = (try? FileManager.default.attributesOfItem(atPath: bytesFile)[.size] as? Int) ?? 0
    try? FileManager.default.removeItem(atPath: bytesFile)
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Figures(
      cpuMillisecondsPerMinute: Double(end.cpuNanoseconds - start.cpuNanoseconds) / 1e6 / wall * 60,
      bytesPerSecond: Double(bytes) / wall, peakKilobytes: end.peakKilobytes)
  }

  static func table(_ rows: [(String, Figures)]) -> String {
    func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }
    var out = pad("program", 24) + pad("CPU ms/min", 12) + pad("bytes/s", 10) + "peak RSS\n"
    for (name, figures) in rows {
      out +=
        pad(name, 24) + pad(String(format: "%.1f", figures.cpuMillisecondsPerMinute), 12)
        + pad(String(format: "%.1f", figures.bytesPerSecond), 10)
        + String(format: "%.1f MB", Double(figures.peakKilobytes) / 1024) + "\n"
    }
    if rows.count == 2 {
      let (ours, theirs) = (rows[0].1, rows[1].1)
      out +=
        pad("ratio (unknot/termdown)", 24)
        + pad(String(format: "%.3f", ours.cpuMillisecondsPerMinute / max(0.001, theirs.cpuMillisecondsPerMinute)), 12)
        + pad(String(format: "%.3f", ours.bytesPerSecond / max(0.001, theirs.bytesPerSecond)), 10)
        + String(format: "%.3f", Double(ours.peakKilobytes) / Double(max(1, theirs.peakKilobytes))) + "\n"
    }
    out += "targets for unknot: ≤ 25 ms/min, ≤ 100 bytes/s, ≤ 20 MB"
    return out
  }

  struct Sample {
    var cpuNanoseconds: Int64
    var peakKilobytes: Int
  }

  /// CPU nanoseconds over every thread (schedstat) and the largest VmHWM.
  static func sample(_ pids: [Int32]) -> Sample {
    var cpu: Int64 = 0
    var peak = 0
    for pid in pids {
      let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
      for task in tasks {
        if let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/schedstat", encoding: .utf8),
          let first = text.split(separator: " ").first, let value = Int64(first)
        {
          cpu += value
        }
      }
      if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
          let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
          peak = max(peak, digits)
        }
      }
    }
    return Sample(cpuNanoseconds: cpu, peakKilobytes: peak)
  }

  /// The process and all its descendants, from /proc's parent links.
  static func descendants(of root: Int32) -> [Int32] {
    var children: [Int32: [Int32]] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let pid = Int32(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { continue }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      if fields.count > 1, let parent = Int32(fields[1]) {
        children[parent, default: []].append(pid)
      }
    }
    var result: [Int32] = []
    var pending = [root]
    while let pid = pending.popLast() {
      result.append(pid)
      pending += children[pid] ?? []
    }
    return result
  }

  @discardableResult
  static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
    // `new-session` starts tmux's server, which keeps what it inherits: ChildProcess
    // passes it only /dev/null and, for `list-panes`, the pipe read here.
    let reads = arguments.first == "list-panes"
    let child: ChildProcess
    do {
      child = try ChildProcess(["tmux", "-S", socket] + arguments, output: reads ? .pipe : .discard, searchPath: true)
    } catch {
      throw Failure(description: "\(error.description); is tmux installed?")
    }
    let output = child.readOutputToEnd()
    guard child.wait().exitStatus == 0 else {
      throw Failure(description: "tmux \(arguments.first ?? "") failed; is tmux installed?")
    }
    return String(decoding: output, as: UTF8.self)
  }

  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where access("\(folder)/\(name)", X_OK) == 0 {
      return "\(folder)/\(name)"
    }
    return nil
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
