import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// SIGTERM, SIGHUP and SIGINT in the middle of a hold: the terminal comes back as it
/// was, and the session is kept in the journal as quit.
final class SignalTests: EndToEndTestCase {
  private enum Delivery {
    /// kill(2) from outside, as a session manager or a closed terminal would.
    case kill(Int32)
    /// Ctrl-C typed in the pane.
    case controlC
  }

  func testSignalsDuringAHoldRestoreTheTerminalAndKeepTheSession() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell(.dash)
    let cases: [(name: String, delivery: Delivery, status: Int)] = [
      ("TERM", .kill(SIGTERM), 128 + Int(SIGTERM)),
      ("HUP", .kill(SIGHUP), 128 + Int(SIGHUP)),
      ("INT", .controlC, 128 + Int(SIGINT)),
    ]
    for (name, delivery, expectedStatus) in cases {
      let before = sandbox.path("stty-before-\(name).txt")
      let after = sandbox.path("stty-after-\(name).txt")
      // The markers are computed by the shell, so the typed command line never matches them.
      let command = sandbox.commandLine(["start", "e2e-long"] + sandbox.sessionOptions)
      try tmux.typeLine(
        "clear; stty -g > \(shellQuoted(before)); \(command); echo \"EXIT-\(name)=$?\"; stty -g > \(shellQuoted(after)); "
          + "echo \"DONE-\(name)-$((6 * 7))\"")
      try tmux.runToTheHold(of: "E2E long hold")
      switch delivery {
      case .kill(let signal):
        let pid = try tmux.unknotPID()
        XCTAssertEqual(kill(pid, signal), 0, "kill -\(name) \(pid)")
      case .controlC:
        try tmux.send("C-c")
      }
      let screen = try tmux.waitForText("DONE-\(name)-42")
      let status = screen.firstMatch(of: try Regex("EXIT-\(name)=([0-9]+)"))?.output[1].substring
      XCTAssertEqual(status.flatMap { Int($0) }, expectedStatus, "SIG\(name) exit status:\n\(tmux.framed(screen))")
      XCTAssertFalse(screen.contains("PRESSURE HOLD"), "the hold is still on screen:\n\(tmux.framed(screen))")
      // The shell reports a job killed by its signal; unknot must end on its own instead.
      for word in ["Terminated", "Hangup", "Killed"] {
        XCTAssertFalse(screen.contains(word), "unknot died of a signal:\n\(tmux.framed(screen))")
      }
      let saved = try String(contentsOfFile: before, encoding: .utf8)
      let restored = try String(contentsOfFile: after, encoding: .utf8)
      XCTAssertFalse(saved.isEmpty)
      XCTAssertEqual(restored, saved, "stty settings after SIG\(name) differ from before")

      if name == "TERM" {
        try checkKeptAsQuit(after: "SIGTERM")
        // A new start finds nothing broken: no journal error, no safety check, the cautions.
        try tmux.typeLine("clear; \(command); echo \"EXIT-AGAIN=$?\"")
        let cautions = try tmux.waitForText("Before you start: E2E long hold", "Enter begin")
        XCTAssertFalse(cautions.contains("journal"), tmux.framed(cautions))
        try tmux.send("Escape")
        try tmux.waitForText("where does it feel tight?")
        try tmux.send("q")
        let again = try tmux.waitFor("the shell to come back") { $0.contains("EXIT-AGAIN=") }
        XCTAssertTrue(again.contains("EXIT-AGAIN=0"), tmux.framed(again))
        // Opening the journal again must not turn the quit session into an interrupted one.
        try checkKeptAsQuit(after: "a new start")
      }
    }
  }

  /// The first session is in the journal, ended, as quit, with its rating before.
  private func checkKeptAsQuit(after event: String, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: sandbox.journal.path), "no journal after \(event)", file: file,
      line: line)
    let sql = """
      SELECT routine_id, outcome, ended_at IS NOT NULL FROM sessions WHERE id = 1;
      SELECT moment, value FROM ratings_named WHERE session_id = 1;
      """
    XCTAssertEqual(
      try sandbox.query(sql), "e2e-long|quit|1\nbefore|6", "journal after \(event)", file: file, line: line)
  }
}
