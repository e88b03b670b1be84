import XCTest

/// `--speak` with a stand-in speech program: what is said, and that routine text
/// never reaches a shell.
final class SpeechTests: EndToEndTestCase {
  private var speechLog: String { sandbox.path("speech.log") }

  /// An `espeak-ng` that writes each argument it gets on a line of the log.
  private func installFakeSpeech() throws -> [String: String] {
    try sandbox.writeScript(
      "espeak-ng",
      """
      #!/bin/sh
      printf '%s\\n' "$@" >> \(shellQuoted(speechLog))

      """)
    return ["PATH": sandbox.path("bin") + ":/usr/local/bin:/usr/bin:/bin"]
  }

  private func spoken() -> [String] {
    let text = (try? String(contentsOfFile: speechLog, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  func testSpeakSaysTheHoldAndReleaseWithoutAShell() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell(environment: try installFakeSpeech())
    try tmux.typeLine(
      sandbox.commandLine(["start", "e2e-speak", "--speak"] + sandbox.sessionOptions) + #"; echo "EXIT=$?""#)
    try tmux.waitForText("Before you start: Speech test $(touch pwned)")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("6", "Enter")
    try tmux.waitForText("GET INTO POSITION")
    try tmux.send("Enter")
    try tmux.waitForText("PRESSURE HOLD — Pressure hold $(touch pwned)")
    try tmux.waitForText("step 4 of 5")
    try tmux.finishSession()

    let phrases = spoken()
    // The hold's title, with the would-be command substitution passed on verbatim.
    XCTAssertTrue(
      phrases.contains("Pressure hold $(touch pwned). Rhomboids."), "the hold's title was not spoken: \(phrases)")
    // "Release." and the next step's title come in the same pass and may be spoken as
    // one phrase; a phrase started and at once stopped by the next would never be heard.
    XCTAssertTrue(
      phrases.contains { $0.hasPrefix("Release.") }, "\"Release.\" was never spoken at the end of the hold: \(phrases)")
    XCTAssertTrue(phrases.contains { $0.contains("Rest.") }, "the rest's title was not spoken: \(phrases)")
    XCTAssertEqual(findFiles(named: "pwned"), [], "a routine text was run as a shell command")
  }

  func testSpeakWithoutASpeechProgramSaysSpeechIsOff() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startTmux(
      [sandbox.binary.path, "start", "e2e-quick", "--speak"] + sandbox.sessionOptions,
      environment: ["PATH": sandbox.path("bin")])
    let screen = try tmux.waitForText("Before you start: E2E quick check", "Speech is off")
    XCTAssertTrue(screen.contains("espeak-ng"), tmux.framed(screen))
  }

  /// docs/routine-format.md: cues are "shown (and spoken with --speak) at the step
  /// start". Today only the step's title is spoken (CueSounds.effects, .stepStart).
  func testSpeakSaysTheStepCuesAsDocumented() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startTmux(
      [sandbox.binary.path, "start", "e2e-speak", "--speak"] + sandbox.sessionOptions,
      environment: try installFakeSpeech())
    try tmux.waitForText("Before you start: Speech test")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("6", "Enter")
    try tmux.waitForText("GET INTO POSITION")
    try eventually("the placement's title to be spoken", timeout: 5) {
      spoken().contains { $0.contains("Get into position. Rhomboids.") }
    }
    // The cue may come in the same phrase or right after: give it two seconds.
    let deadline = Date().addingTimeInterval(2)
    while !spoken().contains(where: { $0.contains("Let your shoulders drop.") }), Date() < deadline {
      usleep(Tmux.pollInterval)
    }
    XCTAssertTrue(
      spoken().contains { $0.contains("Let your shoulders drop.") },
      "the placement's cue \"Let your shoulders drop.\" was not spoken; the phrases were: \(spoken())")
  }

  /// Every file of that name anywhere in the sandbox.
  private func findFiles(named name: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: sandbox.root.path)
    var found: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if (path as NSString).lastPathComponent == name { found.append(path) }
    }
    return found
  }
}
