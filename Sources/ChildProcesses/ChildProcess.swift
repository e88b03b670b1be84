import CChildProcess

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program started as an argument vector (never through a shell), and what it
/// left behind when it ended. The one way unknot (speech, the editor of `new` and
/// `edit`), its benchmark and its tests start child processes.
///
/// Not swift-subprocess: its `run` is async and returns only once the child has
/// ended, with a monitor thread watching every child. Speech has to start a phrase
/// from the synchronous curses loop and never wait for it; the tests and the
/// benchmark drive children step by step (a line in, a signal at a chosen moment, a
/// wait with a time limit). All three are plain posix_spawn and wait4.
///
/// Every descriptor but the child's standard input, output and error is closed in the
/// child: a daemon it starts (tmux's server) then holds nothing of ours open, and a
/// speech program never holds the journal. Signals start at their default actions and
/// unblocked, whatever the parent ignores or blocks.
public final class ChildProcess {
  /// Where the child's standard input comes from.
  public enum Input: Sendable {
    /// /dev/null: the child reads end of input at once.
    case nothing
    /// A pipe the parent writes with `write(_:)` and closes with `closeInput()`.
    case pipe
    /// This process's own standard input: the terminal, for an editor.
    case inherited
  }

  /// Where the child's standard output or error goes.
  public enum Output: Sendable {
    /// /dev/null.
    case discard
    /// A pipe the parent reads from `output` or `errors`.
    case pipe
    /// A file, created or emptied, readable only by its owner.
    case file(String)
    /// This process's own: the terminal, for an editor.
    case inherited
  }

  /// How the child ended.
  public struct Ending: Sendable, Equatable {
    /// Its exit status, or nil when a signal ended it.
    public var exitStatus: Int32?
    /// The signal that ended it, if one did.
    public var signal: Int32?
    /// User and system CPU time it used, in seconds.
    public var cpuSeconds: Double

    /// As a shell reports it: the exit status, or 128 + the signal.
    public var shellStatus: Int32 {
      if let signal { return 128 + signal }
      return exitStatus ?? -1
    }
  }

  /// Why a child could not be started.
  public struct StartFailure: Error, CustomStringConvertible {
    public var description: String
  }

  public let pid: pid_t
  /// The read end of the child's standard output, with `.pipe`.
  public let output: Int32?
  /// The read end of the child's standard error, with `.pipe`.
  public let errors: Int32?
  /// The write end of the child's standard input, with `.pipe`, until `closeInput()`.
  public private(set) var input: Int32?
  /// Set once the child has been waited for.
  public private(set) var ending: Ending?

  /// Starts `arguments[0]` with the rest as its arguments. `environment` nil passes
  /// this process's own; `searchPath` looks a bare name up on PATH.
  public init(
    _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
    input: Input = .nothing, output: Output = .discard, errors: Output = .discard, searchPath: Bool = false
  ) throws(StartFailure) {
    guard let program = arguments.first else { throw StartFailure(description: "no program to start") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }

    // The parent's ends, closed in the parent once the child has its copies.
    var childEnds: [Int32] = []
    defer { for descriptor in childEnds { close(descriptor) } }
    var parentEnds: [Int32] = []
    func pipeEnds() throws(StartFailure) -> (read: Int32, write: Int32) {
      guard let ends = Platform.closeOnExecPipe() else {
        for descriptor in parentEnds { close(descriptor) }
        throw StartFailure(description: "cannot make a pipe: \(Platform.errorText(errno))")
      }
      return ends
    }

    switch input {
    case .nothing:
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      self.input = nil
    case .pipe:
      let ends = try pipeEnds()
      posix_spawn_file_actions_adddup2(&actions, ends.read, 0)
      childEnds.append(ends.read)
      parentEnds.append(ends.write)
      self.input = ends.write
    case .inherited:
      self.input = nil
    }
    func connect(_ destination: Output, to descriptor: Int32) throws(StartFailure) -> Int32? {
      switch destination {
      case .discard:
        posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
        return nil
      case .file(let path):
        posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        return nil
      case .pipe:
        let ends = try pipeEnds()
        posix_spawn_file_actions_adddup2(&actions, ends.write, descriptor)
        childEnds.append(ends.write)
        parentEnds.append(ends.read)
        return ends.read
      case .inherited:
        return nil
      }
    }
    self.output = try connect(output, to: 1)
    self.errors = try connect(errors, to: 2)
    child_process_add_close_from(&actions, 3)
    if let directory { child_process_add_chdir(&actions, directory) }

    var defaults = sigset_t()
    sigfillset(&defaults)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(&attributes, Platform.spawnFlags)

    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp ?? [] { free(pointer) }
    }
    var child: pid_t = 0
    let spawned = envp.withOptionalArray(or: environ) { environment in
      searchPath
        ? posix_spawnp(&child, program, &actions, &attributes, argv, environment)
        : posix_spawn(&child, program, &actions, &attributes, argv, environment)
    }
    guard spawned == 0 else {
      for descriptor in parentEnds { close(descriptor) }
      throw StartFailure(description: "cannot start \(program): \(Platform.errorText(spawned))")
    }
    pid = child
  }

  deinit {
    for descriptor in [input, output, errors].compactMap({ $0 }) { close(descriptor) }
  }

  /// Writes all of `bytes` to the child's standard input; false when it is closed or
  /// the child is gone (EPIPE, with SIGPIPE ignored).
  @discardableResult
  public func write(_ bytes: [UInt8]) -> Bool {
    guard let input else { return false }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Platform.write(input, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }

  /// Closes the child's standard input: it reads end of input next.
  public func closeInput() {
    if let input { close(input) }
    input = nil
  }

  /// Reads the child's standard output to its end (the child and anything it
  /// started have closed it).
  public func readOutputToEnd() -> [UInt8] {
    guard let output else { return [] }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = read(output, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return bytes }
      bytes += chunk[..<count]
    }
  }

  public func send(_ signal: Int32) {
    guard ending == nil else { return }
    kill(pid, signal)
  }

  /// The ending if the child has ended (and is now reaped), without waiting.
  @discardableResult
  public func poll() -> Ending? {
    reap(options: WNOHANG)
  }

  /// Waits for the child to end.
  @discardableResult
  public func wait() -> Ending {
    while true {
      if let ending = reap(options: 0) { return ending }
    }
  }

  /// Waits up to `seconds` for the child to end, then kills it with SIGKILL and waits
  /// for that; says whether it had to.
  public func waitOrKill(after seconds: Double) -> (ending: Ending, timedOut: Bool) {
    if let ending = wait(seconds: seconds) { return (ending, false) }
    send(SIGKILL)
    return (wait(), true)
  }

  /// Waits up to `seconds` for the child to end; nil when it is still running.
  public func wait(seconds: Double) -> Ending? {
    var clock = timespec()
    clock_gettime(CLOCK_MONOTONIC, &clock)
    let deadline = Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9 + seconds
    while true {
      if let ending = poll() { return ending }
      clock_gettime(CLOCK_MONOTONIC, &clock)
      if Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9 >= deadline { return nil }
      usleep(2_000)
    }
  }

  private func reap(options: Int32) -> Ending? {
    if let ending { return ending }
    var status: Int32 = 0
    var usage = rusage()
    let reaped = wait4(pid, &status, options, &usage)
    if reaped < 0 && errno == ECHILD {
      // Someone else reaped it: it has ended, and how is lost.
      ending = Ending(exitStatus: nil, signal: nil, cpuSeconds: 0)
      return ending
    }
    guard reaped == pid else { return nil }
    let cpu =
      Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
      + Double(usage.ru_stime.tv_usec) / 1e6
    // The wait status: the low 7 bits are the ending signal, 0 for a normal exit.
    let signalNumber = status & 0x7f
    let ended =
      signalNumber == 0
      ? Ending(exitStatus: (status >> 8) & 0xff, signal: nil, cpuSeconds: cpu)
      : Ending(exitStatus: nil, signal: signalNumber, cpuSeconds: cpu)
    ending = ended
    return ended
  }
}

extension Optional where Wrapped == [UnsafeMutablePointer<CChar>?] {
  /// The array's pointer, or `fallback` when there is no array.
  fileprivate func withOptionalArray<Result>(
    or fallback: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> Result
  ) -> Result {
    guard let array = self else { return body(fallback) }
    return array.withUnsafeBufferPointer { body($0.baseAddress) }
  }
}
