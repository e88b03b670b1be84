import Foundation

// What the tests know of other processes, read from Linux's /proc. macOS has no
// /proc: a port answers these three from sysctl(KERN_PROC) or `ps` (docs/porting.md).
#if os(Linux)
  /// The children of a process, from /proc.
  func childProcesses(of parent: pid_t) -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { entry -> pid_t? in
      guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)
      else { return nil }
      // "pid (command) state ppid …": the command may hold spaces and parentheses.
      guard let close = stat.lastIndex(of: ")") else { return nil }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
      return pid
    }
  }

  /// A process's arguments, from /proc; empty once it is gone.
  func commandLine(of pid: pid_t) -> [String] {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether a process still exists (a zombie counts as gone).
  func isAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
  }
#else
  #error("the end-to-end tests read processes from /proc; see docs/porting.md")
#endif
