import XCTest

/// The terminal bell marks step starts and the last seconds of a hold, and --quiet
/// silences it. The pane's output is copied byte for byte to find BEL (0x07).
final class BellTests: EndToEndTestCase {
  private static let bell: UInt8 = 0x07

  func testQuietWritesNoBell() throws {
    let raw = try runHold(quiet: true)
    XCTAssertTrue(raw.contains(Data("PRESSURE HOLD".utf8)), "the copy missed the hold:\n\(raw.debugText)")
    XCTAssertEqual(raw.filter { $0 == Self.bell }.count, 0, "BEL written with --quiet")
  }

  func testWithoutQuietTheHoldRingsTheBell() throws {
    let raw = try runHold(quiet: false)
    guard let hold = raw.range(of: Data("PRESSURE HOLD".utf8)) else {
      return XCTFail("the copy missed the hold:\n\(raw.debugText)")
    }
    XCTAssertGreaterThanOrEqual(raw.filter { $0 == Self.bell }.count, 1, "no BEL at all")
    // The countdown cues in the hold's last seconds ring after its screen is drawn.
    XCTAssertGreaterThanOrEqual(
      raw[hold.upperBound...].filter { $0 == Self.bell }.count, 1, "no BEL during the hold")
  }

  /// Runs e2e-quick through its 3 s hold into the rest, with the pane's output copied,
  /// then quits; returns the copied bytes.
  private func runHold(quiet: Bool) throws -> Data {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell()
    let rawPath = sandbox.path("raw-output")
    try tmux.startCapturingOutput(to: rawPath)
    let options = ["start", "e2e-quick"] + (quiet ? ["--quiet"] : []) + sandbox.sessionOptions
    try tmux.typeLine(sandbox.commandLine(options) + #"; echo "EXIT=$?""#)
    try tmux.runToTheHold(of: "E2E quick check")
    try tmux.waitForText("step 4 of 5")
    try tmux.send("q")
    try tmux.waitForText("Quit this session?")
    try tmux.send("y")
    try tmux.waitForText("Session ended early")
    try tmux.send("q")
    try tmux.waitFor("the shell to come back") { $0.contains("EXIT=0") }
    try eventually("the raw copy to catch up") {
      FileManager.default.contents(atPath: rawPath)?.range(of: Data("EXIT=0".utf8)) != nil
    }
    try tmux.stopCapturingOutput()
    return FileManager.default.contents(atPath: rawPath) ?? Data()
  }
}
