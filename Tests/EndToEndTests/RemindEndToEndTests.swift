import Foundation
import XCTest

/// `unknot remind` and `unknot status` as a person at a tmux desk meets them: remind in
/// one pane, typing in another. Activity is read from the real terminals' access times,
/// so this test owns the keyboard while it runs: nothing else of this user may type.
final class RemindEndToEndTests: EndToEndTestCase {
  /// Takes about two and a half minutes: a minute of silence, then a minute of typing.
  func testRemindsAfterAMinuteOfTypingAndStaysSilentWhileNothingIsTyped() throws {
    let tmux = try startShell()
    // The second pane, where the person types; `-d` keeps the first pane current.
    try tmux.run(["split-window", "-d", "-v", "bash", "--norc", "--noprofile"])
    let typingPane = "%1"
    try eventually("the second pane's prompt") { try paneScreen(typingPane, in: tmux).contains("e2e$") }

    try tmux.typeLine(sandbox.commandLine(["remind", "--every", "1m"]))
    try tmux.waitForText("Break every 1 min at the keyboard")

    // A minute and a quarter with nothing typed: remind polls ten times and says nothing.
    Thread.sleep(forTimeInterval: 75)
    let quiet = try tmux.screen()
    XCTAssertFalse(quiet.contains("Time for a break"), "reminded with nothing typed:\n\(tmux.framed(quiet))")

    // Typing in the other pane, a key every 2 s, until the reminder shows.
    let typingStarted = Date()
    var reminded = false
    while Date().timeIntervalSince(typingStarted) < 100 {
      try tmux.run(["send-keys", "-t", typingPane, "-l", "x"])
      if try tmux.screen().contains("Time for a break") {
        reminded = true
        break
      }
      Thread.sleep(forTimeInterval: 2)
    }
    let typed = Date().timeIntervalSince(typingStarted)
    let screen = try tmux.screen()
    XCTAssertTrue(reminded, "no reminder after \(Int(typed)) s of typing:\n\(tmux.framed(screen))")
    XCTAssertTrue(screen.contains("unknot start desk-posture-break"), tmux.framed(screen))
    // At most 20 s of the silent minute could count (the Enter that started remind), so
    // the reminder needs at least 40 s of typing; and it must not wait much past a minute.
    XCTAssertGreaterThanOrEqual(typed, 38, "reminded too soon")
    XCTAssertLessThanOrEqual(typed, 85, "reminded too late")

    // `status` in the typing pane, as a status bar would run it.
    try tmux.run(["send-keys", "-t", typingPane, "C-u"])
    let status = sandbox.commandLine(["status", "--every", "1m"]) + "; " + sandbox.commandLine(["status"])
    try tmux.run(["send-keys", "-t", typingPane, "-l", status])
    try tmux.run(["send-keys", "-t", typingPane, "Enter"])
    try eventually("status to answer in the typing pane") {
      let lines = try paneScreen(typingPane, in: tmux).split(separator: "\n").map(String.init)
      return lines.contains("break due") && lines.contains { $0.hasPrefix("break in ") && $0.hasSuffix(" min") }
    }

    try tmux.send("C-c")
    try tmux.waitFor("remind to end") { $0.split(separator: "\n").last?.hasPrefix("e2e$") == true }
  }

  private func paneScreen(_ pane: String, in tmux: Tmux) throws -> String {
    try tmux.run(["capture-pane", "-p", "-t", pane]).output
  }
}
