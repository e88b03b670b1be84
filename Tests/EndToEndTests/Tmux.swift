import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// One private tmux server (its own socket in the sandbox) with one pane, driven as
/// a person would: keys in, the screen read back by polling `capture-pane`.
final class Tmux {
  let socket: String
  private let executable: URL
  private let environment: [String: String]
  private let directory: URL

  /// How often the screen is read while waiting.
  static let pollInterval: useconds_t = 50_000

  init(sandbox: Sandbox, command: [String], width: Int, height: Int, environment: [String: String]) throws {
    guard let tmux = findProgram("tmux") else { throw EndToEndError("tmux is not installed") }
    executable = URL(fileURLWithPath: tmux)
    socket = sandbox.path("tmux.sock")
    directory = sandbox.root
    self.environment = environment
    // No status line (all rows are the pane's), the pane kept when its program ends,
    // and TERM pinned for programs the pane starts.
    let config = sandbox.path("tmux.conf")
    try """
    set -g status off
    set -g remain-on-exit on
    set -g default-terminal xterm-256color
    set -g history-limit 1000

    """.write(toFile: config, atomically: true, encoding: .utf8)
    var arguments = ["-f", config, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", sandbox.root.path]
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(name)=\(value)"]
    }
    // This command forks the server, which keeps every descriptor it inherits: see spawnAndWait.
    let result = try spawnAndWait(
      executable, ["-u", "-S", socket] + arguments + command, environment: environment, directory: directory)
    guard result.status == 0 else {
      throw EndToEndError("tmux new-session failed:\n\(result.transcript)")
    }
  }

  /// Runs one tmux command against this server.
  @discardableResult
  func run(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(executable, ["-u", "-S", socket] + arguments, environment: environment, directory: directory)
  }

  /// Stops the server and every program in it (they get SIGHUP).
  func kill() {
    _ = try? run(["kill-server"])
  }

  // MARK: Keys

  /// Key names as tmux knows them: "Enter", "Down", "Space", "C-c", "n".
  func send(_ keys: String...) throws {
    try run(["send-keys"] + keys)
  }

  /// Text typed literally, character by character.
  func type(_ text: String) throws {
    try run(["send-keys", "-l", text])
  }

  /// Text typed, then Enter.
  func typeLine(_ text: String) throws {
    try type(text)
    try send("Enter")
  }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  // MARK: The screen

  /// The visible screen, one line per row (trailing blanks trimmed by tmux).
  func screen() throws -> String {
    try run(["capture-pane", "-p"]).output
  }

  /// Waits until the screen satisfies `condition`; fails the test, showing the last
  /// screen, when `timeout` passes first.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
    until condition: (String) throws -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while true {
      last = try screen()
      if try condition(last) { return last }
      if Date() > deadline { break }
      usleep(Self.pollInterval)
    }
    XCTFail(
      "timed out after \(timeout) s waiting for \(what); the screen was:\n\(framed(last))", file: file, line: line)
    throw EndToEndError("timed out waiting for \(what)")
  }

  /// Waits until every one of `texts` is on the screen.
  @discardableResult
  func waitForText(
    _ texts: String..., timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    let names = texts.map { "\"\($0)\"" }.joined(separator: " and ")
    return try waitFor(names, timeout: timeout, file: file, line: line) { screen in
      texts.allSatisfy { screen.contains($0) }
    }
  }

  /// Waits until `text` has left the screen.
  @discardableResult
  func waitForAbsence(
    of text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    try waitFor("\"\(text)\" to go away", timeout: timeout, file: file, line: line) { !$0.contains(text) }
  }

  /// The screen with a ruler, for failure messages.
  func framed(_ screen: String) -> String {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    return rows.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
  }

  // MARK: Processes and raw output

  /// Reads a tmux format for the pane, such as "#{pane_pid}".
  func display(_ format: String) throws -> String {
    try run(["display-message", "-p", format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The process tmux started in the pane (the shell).
  func panePID() throws -> pid_t {
    guard let pid = pid_t(try display("#{pane_pid}")) else { throw EndToEndError("no pane pid") }
    return pid
  }

  /// The running unknot started from the pane's shell.
  func unknotPID(file: StaticString = #filePath, line: UInt = #line) throws -> pid_t {
    let shell = try panePID()
    let found = childProcesses(of: shell).filter { commandLine(of: $0).first?.hasSuffix("/unknot") == true }
    guard let pid = found.first else {
      XCTFail("no unknot process under the pane's shell (pid \(shell))", file: file, line: line)
      throw EndToEndError("unknot is not running")
    }
    return pid
  }

  /// Copies everything the pane's programs write, byte for byte, to `path`.
  func startCapturingOutput(to path: String) throws {
    try run(["pipe-pane", "-O", "cat >> " + shellQuoted(path)])
  }

  func stopCapturingOutput() throws {
    try run(["pipe-pane"])
  }
}

extension Tmux {
  /// Whether the shell has printed `EXIT=<status>` (the command lines end with
  /// `echo "EXIT=$?"`). A digit must follow: the typed command line itself shows
  /// "EXIT=$?" as soon as the program leaves the alternate screen, before it has exited.
  static func showsExitStatus(_ screen: String) -> Bool {
    screen.range(of: "EXIT=[0-9]", options: .regularExpression) != nil
  }

  /// From the rating after (3) through the summary to the shell, which must report
  /// `EXIT=0` (the command line ends with `echo "EXIT=$?"`).
  func finishSession(file: StaticString = #filePath, line: UInt = #line) throws {
    try waitForText("Now that you are done", file: file, line: line)
    try send("3", "Enter")
    try waitForText("Session complete", file: file, line: line)
    try send("q")
    let shell = try waitFor("the shell to come back", file: file, line: line) { Tmux.showsExitStatus($0) }
    XCTAssertTrue(shell.contains("EXIT=0"), framed(shell), file: file, line: line)
  }

  /// From "Before you start" to a counting hold, as the test routines run: Enter on the
  /// cautions, the rating (6 unless told), Enter in position.
  func runToTheHold(
    of title: String, rating: Int = 6, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    try waitForText("Before you start: \(title)", file: file, line: line)
    try send("Enter")
    try waitForText("How much pain do you have right now?", file: file, line: line)
    try send(String(rating), "Enter")
    try waitForText("GET INTO POSITION", file: file, line: line)
    try send("Enter")
    try waitForText("PRESSURE HOLD", "left", file: file, line: line)
  }

  /// Several keys in one send.
  func send(contentsOf keys: [String]) throws {
    try run(["send-keys"] + keys)
  }
}

/// Polls `condition` until it holds; fails the test when `timeout` passes first.
func eventually(
  _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
  _ condition: () throws -> Bool
) throws {
  let deadline = Date().addingTimeInterval(timeout)
  while try !condition() {
    guard Date() < deadline else {
      XCTFail("timed out after \(timeout) s waiting for \(what)", file: file, line: line)
      throw EndToEndError("timed out waiting for \(what)")
    }
    usleep(Tmux.pollInterval)
  }
}
