import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A failure an end-to-end test cannot go on from, with what it saw.
struct EndToEndError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// The `unknot` executable SwiftPM built for this test run.
enum UnknotBinary {
  /// Where it was found, or every place that was tried.
  static let located: Result<URL, EndToEndError> = locate()

  static func require() throws -> URL {
    try located.get()
  }

  private static func locate() -> Result<URL, EndToEndError> {
    var folders: [URL] = []
    // On Linux the test bundle is itself the executable: `.build/<triple>/debug/unknotPackageTests.xctest`,
    // beside `unknot`. On macOS arguments[0] is the xctest runner and the bundle is one of allBundles.
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    folders.append(Bundle.main.bundleURL)
    // <package>/Tests/EndToEndTests/Sandbox.swift → <package>/.build/debug.
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    folders.append(package.appendingPathComponent(".build/debug"))
    for folder in folders {
      let candidate = folder.appendingPathComponent("unknot")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return .success(candidate)
      }
    }
    let tried = folders.map { "  " + $0.appendingPathComponent("unknot").path }.joined(separator: "\n")
    return .failure(
      EndToEndError(
        "the unknot executable was not found; build it first (swift build --build-tests). Looked at:\n" + tried))
  }
}

/// Finds a program on the test runner's PATH (and the usual folders).
func findProgram(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
  for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
    return folder + "/" + name
  }
  return nil
}

/// What a finished (or stopped) process left behind.
struct ProcessResult {
  var status: Int32
  var stdout: Data
  var stderr: Data
  /// The process had to be stopped because it ran past its time limit.
  var timedOut: Bool

  var output: String { String(decoding: stdout, as: UTF8.self) }
  var errors: String { String(decoding: stderr, as: UTF8.self) }
  /// Everything it wrote, for failure messages.
  var transcript: String { "status \(status)\n--- stdout\n\(output)\n--- stderr\n\(errors)" }
}

/// Collects a pipe's bytes on a background queue, so a chatty process never blocks.
private final class PipeDrain: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    DispatchQueue.global().async {
      let bytes = handle.readDataToEndOfFile()
      self.lock.lock()
      self.data = bytes
      self.lock.unlock()
      self.done.signal()
    }
  }

  func wait() -> Data {
    done.wait()
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}

/// Where standard input comes from.
enum ProcessInput {
  case devNull
  /// These bytes through a pipe, then end of input.
  case bytes(Data)

  static func lines(_ lines: [String]) -> ProcessInput {
    .bytes(Data(lines.map { $0 + "\n" }.joined().utf8))
  }
}

/// Runs a program with pipes; stops it (SIGTERM, then SIGKILL) when it outlives `timeout`.
func runProcess(
  _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL,
  input: ProcessInput = .devNull, timeout: TimeInterval = 10
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.environment = environment
  process.currentDirectoryURL = directory
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  var inputPipe: Pipe?
  switch input {
  case .devNull:
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
  case .bytes:
    let pipe = Pipe()
    process.standardInput = pipe
    inputPipe = pipe
  }
  try process.run()
  let outputDrain = PipeDrain(output.fileHandleForReading)
  let errorDrain = PipeDrain(errors.fileHandleForReading)
  if case .bytes(let data) = input, let inputPipe {
    // Small inputs fit the pipe's buffer, so this never waits on the child.
    inputPipe.fileHandleForWriting.write(data)
    try? inputPipe.fileHandleForWriting.close()
  }
  let timedOut = waitForExit(process, timeout: timeout)
  return ProcessResult(
    status: process.terminationStatus, stdout: outputDrain.wait(), stderr: errorDrain.wait(), timedOut: timedOut)
}

/// Runs a program that leaves a daemon behind (tmux starting its server) and waits
/// for it. Not Foundation's Process: on Linux it learns of the child's exit through a
/// socket the child inherits, and the daemon keeps that socket open forever. Output
/// goes to files for the same reason; no other descriptor is passed on.
func spawnAndWait(
  _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL,
  timeout: TimeInterval = 10
) throws -> ProcessResult {
  #if !os(Linux)
    // Elsewhere Process watches the child itself, and the daemon's descriptors do not matter.
    return try runProcess(executable, arguments, environment: environment, directory: directory, timeout: timeout)
  #else
    return try spawnOnLinux(executable, arguments, environment: environment, directory: directory, timeout: timeout)
  #endif
}

#if os(Linux)
  private func spawnOnLinux(
    _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL, timeout: TimeInterval
  ) throws -> ProcessResult {
    let stem = directory.appendingPathComponent("spawn-" + UUID().uuidString.prefix(8)).path
    let outputPath = stem + ".out"
    let errorPath = stem + ".err"
    defer {
      try? FileManager.default.removeItem(atPath: outputPath)
      try? FileManager.default.removeItem(atPath: errorPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Close everything else the test process has open (Foundation's own sockets included).
    let highest = Int32(min(sysconf(Int32(_SC_OPEN_MAX)), 4096))
    for descriptor in 3..<max(3, highest) where fcntl(descriptor, F_GETFD) != -1 {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
    guard spawned == 0 else { throw EndToEndError("cannot start \(executable.path): error \(spawned)") }
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var timedOut = false
    while waitpid(pid, &status, WNOHANG) == 0 {
      if Date() > deadline {
        timedOut = true
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        break
      }
      usleep(5_000)
    }
    // Exited normally: the exit code; killed: 128 + the signal, as a shell reports it.
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ProcessResult(
      status: exitCode, stdout: FileManager.default.contents(atPath: outputPath) ?? Data(),
      stderr: FileManager.default.contents(atPath: errorPath) ?? Data(), timedOut: timedOut)
  }
#endif

/// Waits for the process; past `timeout`, SIGTERM, then SIGKILL. Returns whether it timed out.
private func waitForExit(_ process: Process, timeout: TimeInterval) -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  var timedOut = false
  while process.isRunning {
    if Date() > deadline {
      timedOut = true
      process.terminate()
      let killDeadline = Date().addingTimeInterval(2)
      while process.isRunning && Date() < killDeadline { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      break
    }
    usleep(20_000)
  }
  process.waitUntilExit()
  return timedOut
}

/// Quotes one word for a POSIX shell.
func shellQuoted(_ word: String) -> String {
  if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:".contains($0)) }) {
    return word
  }
  return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// One test's private world: a temporary folder with the test routines, its own
/// config and data folders, a journal path, and the environment the binary runs in.
final class Sandbox {
  let root: URL
  let routines: URL
  let journal: URL
  let binary: URL
  /// The environment every process of this test starts with.
  var environment: [String: String]

  /// Answers for `unknot safety --plain`: no to every question.
  /// The safety check's questions (SafetyQuestions.all; this target sees only the binary).
  static let safetyQuestionCount = 18
  static let safetyAnswers = Array(repeating: "n", count: safetyQuestionCount)

  init() throws {
    binary = try UnknotBinary.require()
    // Short and under /tmp: a tmux socket path must stay under about 100 bytes.
    let name = "unknot-e2e-" + String(UUID().uuidString.prefix(8)).lowercased()
    root = URL(fileURLWithPath: "/tmp").appendingPathComponent(name)
    routines = root.appendingPathComponent("routines")
    journal = root.appendingPathComponent("journal.sqlite")
    let manager = FileManager.default
    for folder in ["routines", "home", "config", "data", "bin"] {
      try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for (file, text) in TestRoutines.files {
      try text.write(to: routines.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    environment = [
      "PATH": "/usr/local/bin:/usr/bin:/bin",
      "HOME": root.appendingPathComponent("home").path,
      "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "TMUX_TMPDIR": root.path,
      "TERM": "xterm-256color",
      "LANG": "C.UTF-8",
      "PS1": "e2e$ ",
    ]
  }

  func path(_ name: String) -> String {
    root.appendingPathComponent(name).path
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// `--journal J --routines D`, for every session command.
  var sessionOptions: [String] {
    ["--journal", journal.path, "--routines", routines.path]
  }

  /// A shell command line running unknot with these arguments.
  func commandLine(_ arguments: [String]) -> String {
    ([binary.path] + arguments).map(shellQuoted).joined(separator: " ")
  }

  /// Runs unknot to the end with pipes (never a terminal).
  func run(
    _ arguments: [String], input: ProcessInput = .devNull, environment overrides: [String: String] = [:],
    timeout: TimeInterval = 10
  ) throws -> ProcessResult {
    try runProcess(
      binary, arguments, environment: environment.merging(overrides) { $1 }, directory: root, input: input,
      timeout: timeout)
  }

  /// Answers the safety check ahead, so sessions go straight to the cautions.
  func recordSafetyCheck(file: StaticString = #filePath, line: UInt = #line) throws {
    let result = try run(["safety", "--plain", "--journal", journal.path], input: .lines(Self.safetyAnswers))
    guard result.status == 0 else {
      XCTFail("unknot safety --plain failed:\n\(result.transcript)", file: file, line: line)
      throw EndToEndError("the safety check could not be recorded")
    }
  }

  /// Adds a routine file to the sandbox's routines folder.
  func addRoutine(_ file: String, _ text: String) throws {
    try text.write(to: routines.appendingPathComponent(file), atomically: true, encoding: .utf8)
  }

  /// Writes an executable shell script into the sandbox's bin folder.
  @discardableResult
  func writeScript(_ name: String, _ text: String, folder: String = "bin") throws -> URL {
    let url = root.appendingPathComponent(folder).appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return url
  }

  /// Runs SQL against the journal with the sqlite3 program; nil when it is not installed.
  func query(_ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
    guard let sqlite = findProgram("sqlite3") else { return nil }
    let result = try runProcess(
      URL(fileURLWithPath: sqlite), ["-readonly", journal.path, sql], environment: environment, directory: root)
    XCTAssertEqual(result.status, 0, "sqlite3 failed:\n\(result.transcript)", file: file, line: line)
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// Base class: a fresh sandbox per test, and the tmux server it started killed afterwards.
class EndToEndTestCase: XCTestCase {
  var sandbox: Sandbox!
  /// Servers started by this test, killed in tearDown.
  private var servers: [Tmux] = []

  override func setUpWithError() throws {
    try super.setUpWithError()
    sandbox = try Sandbox()
  }

  override func tearDown() {
    for server in servers { server.kill() }
    servers = []
    sandbox?.remove()
    sandbox = nil
    super.tearDown()
  }

  /// A tmux server running `command` in an 80×24 pane, with the sandbox's environment.
  func startTmux(
    _ command: [String], width: Int = 80, height: Int = 24, environment overrides: [String: String] = [:]
  ) throws -> Tmux {
    let tmux = try Tmux(
      sandbox: sandbox, command: command, width: width, height: height,
      environment: sandbox.environment.merging(overrides) { $1 })
    servers.append(tmux)
    return tmux
  }

  /// The shell a test types its commands into.
  enum Shell {
    /// bash without startup files.
    case bash
    /// dash, interactive with job control. Unlike bash it never saves or restores the
    /// terminal's settings around a job (bash puts them back after a job killed by a
    /// signal or stopped), so what `stty` shows afterwards is what unknot left.
    case dash

    var command: [String] {
      switch self {
      case .bash: ["bash", "--norc", "--noprofile"]
      case .dash: [findProgram("dash") ?? "sh", "-i"]
      }
    }
  }

  /// A shell at its prompt ("e2e$ "), for commands typed as a person would.
  func startShell(
    _ shell: Shell = .bash, environment overrides: [String: String] = [:], file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Tmux {
    let tmux = try startTmux(shell.command, environment: overrides)
    try tmux.waitFor("the shell prompt", file: file, line: line) { $0.contains("e2e$") }
    return tmux
  }
}
