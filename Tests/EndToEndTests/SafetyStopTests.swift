import XCTest

/// Stopping for a danger sign, as a person would: the urgent advice after dizziness at
/// the skull base, the stop-and-rest advice in plain mode, each kept with its reason.
final class SafetyStopTests: EndToEndTestCase {
  func testDizzinessDuringTheSkullBaseHoldShowsTheUrgentScreen() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startTmux(["sh", "-c", sandbox.commandLine(["start", "tension-headache"] + sandbox.sessionOptions)])
    try tmux.waitForText("Before you start: Tension headache")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("4", "Enter")
    try tmux.waitForText("GET INTO POSITION", "Suboccipitals")
    try tmux.send("Enter")
    try tmux.waitForText("PRESSURE HOLD", "Suboccipitals", "gentle", "vision")

    try tmux.send("x")
    try tmux.waitForText("Stop: what happened?", "Get urgent help now if you have:", "a  Sudden dizziness")
    try tmux.send("a")
    let screen = try tmux.waitForText("GET URGENT MEDICAL HELP NOW", "Do not drive yourself")
    XCTAssertTrue(screen.contains("You stopped for: sudden dizziness."), tmux.framed(screen))
    XCTAssertTrue(screen.contains("emergency number"), tmux.framed(screen))
    XCTAssertTrue(screen.contains("(Suboccipitals · skull-base cradle)"), tmux.framed(screen))

    XCTAssertEqual(
      try sandbox.query("SELECT outcome, stop_reason FROM sessions"), "stopped-for-safety|sudden-dizziness")
    try tmux.send("Enter")
    try tmux.waitForText("Session stopped for safety")
    try tmux.send("q")
  }

  func testPlainModeListsEverySignAndGivesTheAdviceForTheOneChosen() throws {
    // Answers, the rating before, then at the placement: x, and h for sharp pain.
    let input = Sandbox.safetyAnswers + ["6", "x", "h"]
    let result = try sandbox.run(["start", "e2e-quick", "--plain"] + sandbox.sessionOptions, input: .lines(input))
    XCTAssertEqual(result.status, 1, "a stop for safety ends with status 1:\n\(result.transcript)")
    let output = result.output
    for line in [
      "Get urgent help now if you have:", "  a  Sudden dizziness", "  g  A sudden, severe headache unlike any before",
      "Stop and rest:", "  h  Sharp, shooting or spreading pain", "  k  Pain that rises",
    ] {
      XCTAssertTrue(output.contains(line + "\n"), "missing \"\(line)\":\n\(output)")
    }
    XCTAssertTrue(output.contains("You stopped for: sharp, shooting or spreading pain."), output)
    XCTAssertTrue(output.contains("Do not repeat this routine until it has settled."), output)
    XCTAssertFalse(output.contains("URGENT"), output)
    XCTAssertEqual(try sandbox.query("SELECT outcome, stop_reason FROM sessions"), "stopped-for-safety|sharp-pain")
    let history = try sandbox.run(["history"] + sandbox.sessionOptions.prefix(2))
    XCTAssertTrue(history.output.contains("stopped for: Sharp, shooting or spreading pain"), history.transcript)
  }

  func testPlainModeNamesTheSignsAtEveryActiveStep() throws {
    let input = Sandbox.safetyAnswers + ["6", "", "3"]
    let result = try sandbox.run(
      ["start", "e2e-quick", "--plain"] + sandbox.sessionOptions, input: .lines(input), timeout: 12)
    XCTAssertEqual(result.status, 0, result.transcript)
    let lines = result.output.split(separator: "\n").map(String.init)
    guard let hold = lines.firstIndex(where: { $0.hasPrefix("[3/5] Pressure hold") }) else {
      return XCTFail("no hold line:\n\(result.output)")
    }
    XCTAssertTrue(
      lines[hold...].prefix(6).contains { $0.contains("Type x to stop for: dizziness, vision or speech change") },
      result.output)
    let rest = lines.firstIndex { $0.hasPrefix("[4/5] Rest") } ?? lines.endIndex
    XCTAssertFalse(lines[rest...].contains { $0.contains("Type x to stop for") }, "no reminder during a rest")
  }
}
