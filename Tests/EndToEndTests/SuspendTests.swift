import XCTest

/// Ctrl-Z during a hold: the shell gets a usable terminal, and `fg` comes back to the
/// hold, paused, because the time away must not count.
final class SuspendTests: EndToEndTestCase {
  func testControlZDuringAHoldSuspendsAndResumesPaused() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell(.dash)
    let saved = sandbox.path("stty-before.txt")
    let stopped = sandbox.path("stty-stopped.txt")
    try tmux.typeLine("stty -g > \(shellQuoted(saved))")
    try tmux.typeLine("clear; " + sandbox.commandLine(["start", "e2e-long"] + sandbox.sessionOptions))
    try tmux.runToTheHold(of: "E2E long hold")
    let pid = try tmux.unknotPID()

    try tmux.send("C-z")
    let suspendedAt = Date()
    // The job's command line wraps at 80 columns, where depends on the binary's path.
    try tmux.waitFor("the shell's job-stopped message") {
      $0.contains("Stopped") && $0.replacingOccurrences(of: "\n", with: "").contains("e2e-long")
    }
    XCTAssertTrue(isAlive(pid), "unknot ended instead of stopping")
    try tmux.typeLine("echo ALIVE-$((40 + 2)); stty -g > \(shellQuoted(stopped))")
    try tmux.waitForText("ALIVE-42")
    XCTAssertEqual(
      try String(contentsOfFile: stopped, encoding: .utf8), try String(contentsOfFile: saved, encoding: .utf8),
      "while unknot is stopped the terminal must be back in the settings it had before (dash restores nothing)")

    // The engine treats more than 2 s between two clock readings as time away. Stay
    // stopped past that: this wait is part of the behaviour under test, not a sync.
    let away = 2.5 - Date().timeIntervalSince(suspendedAt)
    if away > 0 { Thread.sleep(forTimeInterval: away) }
    try tmux.typeLine("fg")
    let paused = try tmux.waitForText("PRESSURE HOLD", "Paused", "The time away was not counted")
    let clockWhenPaused = stepClock(paused)
    XCTAssertNotNil(clockWhenPaused, "no step clock on the paused hold:\n\(tmux.framed(paused))")

    // Space continues, and the clock counts down again.
    try tmux.send("Space")
    try tmux.waitForAbsence(of: "Paused")
    try tmux.waitFor("the hold to count down after resuming", timeout: 5) { screen in
      guard let now = stepClock(screen), let then = clockWhenPaused else { return false }
      return now < then && screen.contains("PRESSURE HOLD")
    }

    try tmux.send("q")
    try tmux.waitForText("Quit this session?")
    try tmux.send("y")
    try tmux.waitForText("Session ended early — E2E long hold", "Kept in your journal as quit.")
    try tmux.send("q")
    try tmux.waitFor("the shell to come back") { screen in
      !screen.contains("Session ended early")
        && screen.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "e2e$"
    }
  }

  /// Seconds left on the hold, from the "step … 0:58 left" bar.
  private func stepClock(_ screen: String) -> Int? {
    guard let match = screen.firstMatch(of: #/step .* (\d+):(\d\d) left/#),
      let minutes = Int(match.1), let seconds = Int(match.2)
    else { return nil }
    return minutes * 60 + seconds
  }
}
