import XCTest

/// Without a usable terminal the guided screen refuses to start, points to --plain,
/// and writes no escape sequence.
final class NoTerminalTests: EndToEndTestCase {
  private static let escape: UInt8 = 0x1B

  func testRedirectedInputExitsWithAPointerToPlain() throws {
    let result = try sandbox.run(["start", "e2e-quick"] + sandbox.sessionOptions, input: .devNull)
    XCTAssertFalse(result.timedOut, result.transcript)
    XCTAssertNotEqual(result.status, 0, result.transcript)
    XCTAssertTrue(result.errors.contains("--plain"), result.transcript)
    XCTAssertFalse(result.stdout.contains(Self.escape), "escape sequences on stdout:\n\(result.transcript)")
    XCTAssertFalse(result.stderr.contains(Self.escape), "escape sequences on stderr:\n\(result.transcript)")
  }

  func testDumbTerminalThroughPipesExitsWithoutEscapes() throws {
    let result = try sandbox.run(
      ["start", "e2e-quick"] + sandbox.sessionOptions, input: .devNull, environment: ["TERM": "dumb"])
    XCTAssertNotEqual(result.status, 0, result.transcript)
    XCTAssertTrue(result.errors.contains("--plain"), result.transcript)
    XCTAssertFalse((result.stdout + result.stderr).contains(Self.escape), result.transcript)
  }

  /// TERM=dumb in a real terminal: input and output are a terminal, only TERM is wrong.
  func testDumbTerminalInATerminalExitsWithoutEscapes() throws {
    let run = try runWithDumbTerminal()
    XCTAssertNotEqual(run.status, 0, run.screen)
    XCTAssertTrue(run.screen.contains("--plain"), run.screen)
    XCTAssertFalse(run.raw.contains(Self.escape), "escape sequences written with TERM=dumb:\n\(run.raw.debugText)")
  }

  /// The message names the actual problem. Today `start` always says input or output
  /// is redirected (Start.swift throws Terminal.OpenError.notATerminal whenever
  /// Interactive.isAvailable is false), although here both are a terminal and the
  /// dumbTerminal message ("TERM is unset or 'dumb' …") exists for exactly this case.
  func testDumbTerminalMessageNamesTERM() throws {
    let run = try runWithDumbTerminal()
    // Joined without separators: the pane wraps the message at 80 columns.
    let message = run.screen.split(separator: "\n").filter { !$0.hasPrefix("EXIT=") }.joined()
    XCTAssertTrue(message.contains("TERM"), "the message does not mention TERM:\n\(run.screen)")
    XCTAssertFalse(
      message.contains("redirected"), "the message blames redirection, but nothing is redirected:\n\(run.screen)")
  }

  /// Runs `unknot start` with TERM=dumb in a tmux pane, the pane's bytes copied raw.
  /// `sh` waits for a line first, so the copy starts before unknot writes anything,
  /// and writes no escape sequence of its own (unlike bash's line editor).
  private func runWithDumbTerminal() throws -> (status: Int?, screen: String, raw: Data) {
    let raw = sandbox.path("raw-output")
    let script = #"read go; TERM=dumb "$0" "$@"; echo "EXIT=$?"; read done"#
    let tmux = try startTmux(["sh", "-c", script, sandbox.binary.path, "start", "e2e-quick"] + sandbox.sessionOptions)
    try tmux.startCapturingOutput(to: raw)
    try tmux.send("Enter")
    let screen = try tmux.waitFor("unknot to exit") { Tmux.showsExitStatus($0) }
    try tmux.waitFor("the raw copy to catch up") { _ in
      FileManager.default.contents(atPath: raw).map { String(decoding: $0, as: UTF8.self).contains("EXIT=") } ?? false
    }
    try tmux.stopCapturingOutput()
    let status = screen.firstMatch(of: #/EXIT=(\d+)/#).flatMap { Int($0.1) }
    return (status, screen, FileManager.default.contents(atPath: raw) ?? Data())
  }
}

extension Data {
  /// Bytes shown with escapes visible, for failure messages.
  var debugText: String {
    String(decoding: self, as: UTF8.self).unicodeScalars.map { scalar in
      scalar.value < 0x20 && scalar != "\n" ? String(format: "\\x%02X", scalar.value) : String(scalar)
    }.joined()
  }
}
