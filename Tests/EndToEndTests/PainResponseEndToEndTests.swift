import XCTest

/// A session that answers rising pain, as a person meets it in a terminal: rated 3
/// before, 6 between the two holds, they choose lighter and the next hold asks for
/// less; the summary and the journal keep the choice. The same in plain mode.
final class PainResponseEndToEndTests: EndToEndTestCase {
  func testRisingPainOffersLighterAndTheNextHoldAsksForLess() throws {
    try sandbox.addRoutine("e2e-two-holds.yaml", TestRoutines.twoHolds)
    try sandbox.recordSafetyCheck()
    let tmux = try startTmux(["sh", "-c", sandbox.commandLine(["start", "e2e-two-holds"] + sandbox.sessionOptions)])
    try tmux.waitForText("Before you start: E2E two holds")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("3", "Enter")
    try tmux.waitForText("GET INTO POSITION")
    try tmux.send("Enter")
    try tmux.waitForText("PRESSURE HOLD", "about 5–7 of 10")
    try tmux.send("n")
    try tmux.waitForText("How do your rhomboids feel now?")
    try tmux.send("6", "Enter")
    let box = try tmux.waitForText("Your pain has gone up", "Your pain rose from 3 to 6.")
    for line in ["1  Lighter", "2  Skip the pressure on your rhomboids", "3  Stop the session"] {
      XCTAssertTrue(box.contains(line), "missing \"\(line)\":\n" + tmux.framed(box))
    }
    try tmux.send("1")
    let hold = try tmux.waitForText("PRESSURE HOLD", "about 3–5 of 10")
    XCTAssertTrue(hold.contains("Lighter from here"), tmux.framed(hold))
    XCTAssertTrue(
      hold.contains("0:30") || hold.contains("0:29"), "the hold is at the low end, 30 s:\n" + tmux.framed(hold))
    try tmux.send("n")
    try tmux.waitForText("REST")
    try tmux.send("n")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("2", "Enter")
    let summary = try tmux.waitForText("Session complete")
    XCTAssertTrue(summary.contains("Pain rose from 3 to 6 at step 4; you chose lighter."), tmux.framed(summary))
    XCTAssertEqual(
      try sandbox.query("SELECT pain_check, rating_from, rating_to, step_index, muscle, choice FROM pain_choices"),
      "rose|3|6|3|rhomboids|lighter")
    try tmux.send("q")
  }

  func testPlainModeOffersTheSameChoicesAndSkipsThePressureOnThatMuscle() throws {
    // Piped input is read only at prompts, never during a countdown: 3 s holds and rest.
    let short = TestRoutines.twoHolds.replacingOccurrences(of: "60s", with: "3s").replacingOccurrences(
      of: "20s", with: "3s")
    try sandbox.addRoutine("e2e-two-holds.yaml", short)
    // The answers, 3 before, in position, the hold, 5 between: the box. Then 2 (skip
    // the pressure), the rest, 3 after.
    let input = Sandbox.safetyAnswers + ["3", "", "5", "2", "3"]
    let result = try sandbox.run(
      ["start", "e2e-two-holds", "--plain"] + sandbox.sessionOptions, input: .lines(input), timeout: 20)
    XCTAssertEqual(result.status, 0, result.transcript)
    let output = result.output
    for line in [
      "Your pain rose from 3 to 5.", "  1  Lighter", "  2  Skip the pressure on your rhomboids",
      "  3  Stop the session", "Pain rose from 3 to 5 at step 4; you chose to skip the pressure on that muscle.",
    ] {
      XCTAssertTrue(output.contains(line), "missing \"\(line)\":\n\(output)")
    }
    XCTAssertEqual(
      try sandbox.query("SELECT count(*) FROM steps_named WHERE kind = 'hold'"), "1",
      "the second hold was left out:\n\(output)")
    XCTAssertEqual(try sandbox.query("SELECT choice FROM pain_choices"), "skip-pressure")
  }
}
