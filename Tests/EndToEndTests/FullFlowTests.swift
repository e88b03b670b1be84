import XCTest

/// A whole session from the home screen, with the keys a person would press.
final class FullFlowTests: EndToEndTestCase {
  func testFullSessionFromTheHomeScreen() throws {
    let tmux = try startShell()
    try tmux.typeLine(sandbox.commandLine(sandbox.sessionOptions) + #"; echo "EXIT=$?""#)
    try tmux.waitForText("where does it feel tight?", "Muscle groups")

    // Home: the third group is between the shoulder blades; Enter moves into its routines.
    try tmux.send("Down", "Down")
    try tmux.waitForText("▸ Between the shoulder blades")
    try tmux.send("Enter")
    var screen = try tmux.waitForText("Needs: ")
    var presses = 0
    while !screen.contains("▸ E2E quick check") {
      presses += 1
      guard presses <= 8 else { return XCTFail("E2E quick check is not in the list:\n\(tmux.framed(screen))") }
      let before = screen
      try tmux.send("Down")
      screen = try tmux.waitFor("the selection to move") { $0 != before }
    }

    // Detail, then start: the safety check is due on a new journal.
    try tmux.send("Enter")
    try tmux.waitForText("E2E quick check", "3. Pressure hold — Rhomboids · massage ball · 3 s", "Enter start")
    try tmux.send("Enter")
    try tmux.waitForText("Safety check", "\(Sandbox.safetyQuestionCount) questions")
    try tmux.send("Enter")
    try tmux.waitForText("question 1 of \(Sandbox.safetyQuestionCount)")
    try tmux.send(contentsOf: Sandbox.safetyAnswers)
    try tmux.waitForText("none of the warning signs", "Enter continue")
    try tmux.send("Enter")
    try tmux.waitForText("Before you start: E2E quick check", "Test caution, keep the ball off the spine.")
    try tmux.send("Enter")

    // The rating before.
    try tmux.waitForText("Before you start", "How much pain do you have right now?", "step 1 of 5")
    try tmux.send("6")
    try tmux.waitForText("Your rating: 6 — moderate")
    try tmux.send("Enter")

    // Placement waits for Enter.
    try tmux.waitForText("GET INTO POSITION", "Press Enter when you are in position.", "step 2 of 5")
    try tmux.send("Enter")

    // The hold: pause, resume, skip to the rest, back to the hold.
    try tmux.waitForText("PRESSURE HOLD", "step 3 of 5", "left")
    try tmux.send("Space")
    try tmux.waitForText("Paused", "Take your time.", "space to continue")
    try tmux.send("Space")
    try tmux.waitForAbsence(of: "Paused")
    try tmux.send("n")
    try tmux.waitForText("REST", "step 4 of 5")
    try tmux.send("b")
    try tmux.waitForText("PRESSURE HOLD", "step 3 of 5")

    // Let it run: the clock counts down through the hold and the rest.
    var holdClocks = Set<String>()
    try tmux.waitFor("the hold to count down to the rest") { screen in
      if screen.contains("PRESSURE HOLD"), let match = screen.firstMatch(of: #/step .*(0:0\d) left/#) {
        holdClocks.insert(String(match.1))
      }
      return screen.contains("step 4 of 5")
    }
    XCTAssertGreaterThanOrEqual(holdClocks.count, 2, "the hold's clock never changed: \(holdClocks.sorted())")
    try tmux.waitForText("REST")
    try tmux.waitForText("Now that you are done", "How much pain do you have right now?", "step 5 of 5")
    try tmux.send("3")
    try tmux.waitForText("Your rating: 3")
    try tmux.send("Enter")

    // The summary.
    try tmux.waitForText("Session complete — E2E quick check", "6 → 3, −3, −50%", "Saved in your journal")
    try tmux.send("q")
    // The exit status prints a moment before the prompt: wait for both, or a busy
    // machine catches the screen in between.
    let shell = try tmux.waitFor("the shell to come back") { screen in
      Tmux.showsExitStatus(screen)
        && screen.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } == "e2e$"
    }
    XCTAssertTrue(shell.contains("EXIT=0"), tmux.framed(shell))
    XCTAssertFalse(shell.contains("Session complete"), "the summary is still on screen:\n\(tmux.framed(shell))")
    let lastLine = shell.split(separator: "\n").last.map(String.init) ?? ""
    XCTAssertEqual(lastLine.trimmingCharacters(in: .whitespaces), "e2e$", tmux.framed(shell))

    XCTAssertEqual(
      try sandbox.query(
        "SELECT routine_id, outcome FROM sessions; SELECT moment, value FROM ratings_named ORDER BY ordinal;"),
      "e2e-quick|finished\nbefore|6\nafter|3")
  }
}
