import ChildProcesses
import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure an end-to-end test cannot go on from, with what it saw.
struct EndToEndError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// The `unknot` executable the tests drive: the release build CI ships when it is
/// up to date, else the debug build SwiftPM made for this test run (README, "Testing").
enum UnknotBinary {
  /// Where it was found, or every place that was tried.
  static let located: Result<URL, EndToEndError> = locate()

  static func require() throws -> URL {
    try located.get()
  }

  /// <package>/Tests/EndToEndTests/Sandbox.swift → <package>.
  static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  private static func locate() -> Result<URL, EndToEndError> {
    let release = package.appendingPathComponent(".build/release/unknot")
    if isExecutable(release), let built = modificationDate(release), let newest = newestSource(), built > newest {
      announce("the release build, \(release.path) (newer than every file under Sources/, Routines/ and Package.swift)")
      return .success(release)
    }
    var folders: [URL] = []
    // On Linux the test bundle is itself the executable: `.build/<triple>/debug/unknotPackageTests.xctest`,
    // beside `unknot`. On macOS arguments[0] is the xctest runner and the bundle is one of allBundles.
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    folders.append(Bundle.main.bundleURL)
    folders.append(package.appendingPathComponent(".build/debug"))
    for folder in folders {
      let candidate = folder.appendingPathComponent("unknot")
      if isExecutable(candidate) {
        let why = isExecutable(release) ? "the release build is older than the sources" : "there is no release build"
        announce("the debug build, \(candidate.path) (\(why))")
        return .success(candidate)
      }
    }
    let tried = ([release] + folders.map { $0.appendingPathComponent("unknot") }).map { "  " + $0.path }
    return .failure(
      EndToEndError(
        "the unknot executable was not found; build it first (swift build --build-tests). Looked at:\n"
          + tried.joined(separator: "\n")))
  }

  /// Said once, on standard error, so a test log shows which build was tested.
  private static func announce(_ which: String) {
    FileHandle.standardError.write(Data("EndToEndTests: testing \(which)\n".utf8))
  }

  private static func isExecutable(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
      && FileManager.default.isExecutableFile(atPath: url.path)
  }

  private static func modificationDate(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }

  /// The latest change to anything the binary is built from; nil when it cannot be read.
  private static func newestSource() -> Date? {
    var newest = modificationDate(package.appendingPathComponent("Package.swift"))
    for folder in ["Sources", "Routines"] {
      let root = package.appendingPathComponent(folder)
      // A folder's own date changes when a file in it is added, removed or renamed.
      var dates = [modificationDate(root)]
      guard
        let walker = FileManager.default.enumerator(
          at: root, includingPropertiesForKeys: [.contentModificationDateKey])
      else { return nil }
      for case let url as URL in walker {
        dates.append((try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate)
      }
      for date in dates {
        guard let date else { return nil }
        newest = max(newest ?? date, date)
      }
    }
    return newest
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

  init(_ descriptor: Int32?) {
    guard let descriptor else {
      done.signal()
      return
    }
    // The ChildProcess owns the descriptor and closes it; the caller keeps it alive
    // until `wait()` has returned.
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
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
  // A child that dies before reading its input must not end the test run with SIGPIPE.
  ignoreBrokenPipes()
  var stdin = ChildProcess.Input.nothing
  if case .bytes = input { stdin = .pipe }
  let child = try ChildProcess(
    [executable.path] + arguments, environment: environment, directory: directory.path, input: stdin,
    output: .pipe, errors: .pipe)
  let outputDrain = PipeDrain(child.output)
  let errorDrain = PipeDrain(child.errors)
  if case .bytes(let data) = input {
    // Small inputs fit the pipe's buffer, so this never waits on the child.
    child.write(Array(data))
    child.closeInput()
  }
  var timedOut = false
  var ending = child.wait(seconds: timeout)
  if ending == nil {
    timedOut = true
    child.send(SIGTERM)
    ending = child.wait(seconds: 2)
    if ending == nil { child.send(SIGKILL) }
  }
  let ended = ending ?? child.wait()
  // The child owns the pipes the drains read: it must outlive them.
  return withExtendedLifetime(child) {
    ProcessResult(
      status: ended.exitStatus ?? ended.signal ?? -1, stdout: outputDrain.wait(), stderr: errorDrain.wait(),
      timedOut: timedOut)
  }
}

/// Runs a program that leaves a daemon behind (tmux starting its server) and waits
/// for it. Output goes to files, not pipes: the daemon could keep a pipe open
/// forever. ChildProcess passes no other descriptor on.
func spawnAndWait(
  _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL,
  timeout: TimeInterval = 10
) throws -> ProcessResult {
  let stem = directory.appendingPathComponent("spawn-" + UUID().uuidString.prefix(8)).path
  let outputPath = stem + ".out"
  let errorPath = stem + ".err"
  defer {
    try? FileManager.default.removeItem(atPath: outputPath)
    try? FileManager.default.removeItem(atPath: errorPath)
  }
  let child = try ChildProcess(
    [executable.path] + arguments, environment: environment, directory: directory.path,
    output: .file(outputPath), errors: .file(errorPath))
  let (ending, timedOut) = child.waitOrKill(after: timeout)
  // Exited normally: the exit code; killed: 128 + the signal, as a shell reports it.
  return ProcessResult(
    status: ending.shellStatus, stdout: FileManager.default.contents(atPath: outputPath) ?? Data(),
    stderr: FileManager.default.contents(atPath: errorPath) ?? Data(), timedOut: timedOut)
}

/// SIGPIPE ignored in the test process, once: a line written to a child that has
/// died fails with EPIPE instead of ending the test run.
func ignoreBrokenPipes() {
  _ = brokenPipesIgnored
}

private let brokenPipesIgnored: Void = {
  signal(SIGPIPE, SIG_IGN)
}()

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

  /// Runs SQL against the journal, read-only, and gives the rows as the sqlite3
  /// program prints them: columns joined by "|", one row a line, NULL as nothing.
  func query(_ sql: String) throws -> String {
    try JournalReader.query(journal.path, sql)
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
