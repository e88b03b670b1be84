import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the time of the person's last input comes from.
public protocol InputActivitySource: Sendable {
  /// The latest input, in seconds since 1970, or nil when none can be seen.
  func lastInput() -> Double?
  /// For a one-off reading with no earlier polls: when the terminals in use now (input
  /// in the last 5 minutes) were opened, the earliest; nil when unknown.
  func inUseSince(now: Double) -> Double?
}

/// The last input as `w` reports idle time: the latest access time of the terminals
/// the current user owns (`/dev/pts/*`, `/dev/tty*`). A terminal's access time moves
/// when it is read from, so typing moves it. Only `stat` is called: no key is ever
/// read, and no privilege is needed.
public struct TerminalActivity: InputActivitySource {
  public let folders: [(path: String, prefix: String)]
  public let owner: uid_t

  public init(
    folders: [(path: String, prefix: String)] = [("/dev/pts", ""), ("/dev", "tty")], owner: uid_t = getuid()
  ) {
    self.folders = folders
    self.owner = owner
  }

  public func lastInput() -> Double? {
    var latest: Double?
    each { atime, _ in latest = max(latest ?? atime, atime) }
    return latest
  }

  /// A pseudo-terminal's change time is set when it is opened (and when `mesg`
  /// changes its mode), so it stands for when that terminal's stretch began.
  public func inUseSince(now: Double) -> Double? {
    var earliest: Double?
    each { atime, ctime in
      if now - atime < BreakActivity.breakGap { earliest = min(earliest ?? ctime, ctime) }
    }
    return earliest
  }

  private func each(_ body: (_ atime: Double, _ ctime: Double) -> Void) {
    for folder in folders {
      guard let directory = opendir(folder.path) else { continue }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        // `/dev/tty` is every process's alias for its own terminal, and `ptmx` opens new
        // ones: neither is a terminal someone types at.
        guard !name.hasPrefix("."), name.hasPrefix(folder.prefix), name != "ptmx", name != "tty" else { continue }
        var info = stat()
        guard stat(folder.path + "/" + name, &info) == 0, info.st_uid == owner,
          (info.st_mode & S_IFMT) == S_IFCHR
        else { continue }
        body(
          Double(info.st_atim.tv_sec) + Double(info.st_atim.tv_nsec) / 1e9,
          Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
      }
    }
  }
}

/// A fixed answer, for tests.
public struct FixedInputActivity: InputActivitySource {
  public var time: Double?
  public var opened: Double?
  public init(_ time: Double?, opened: Double? = nil) {
    self.time = time
    self.opened = opened
  }
  public func lastInput() -> Double? { time }
  public func inUseSince(now: Double) -> Double? { opened }
}
