import XCTest

/// The hold screen follows the terminal's size: smaller layouts, a "too small" notice,
/// big digits again when there is room, and no crash under a storm of resizes.
final class ResizeTests: EndToEndTestCase {
  func testHoldScreenFollowsTheTerminalSize() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell()
    try tmux.typeLine(sandbox.commandLine(["start", "e2e-long"] + sandbox.sessionOptions) + #"; echo "EXIT=$?""#)
    try tmux.waitForText("Before you start: E2E long hold")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("6", "Enter")
    try tmux.waitForText("GET INTO POSITION")
    try tmux.send("Enter")
    try tmux.waitFor("the hold in big digits") { $0.contains("PRESSURE HOLD") && $0.contains("█████") }
    let pid = try tmux.unknotPID()

    // 60×18, the smallest full layout: the clock as text, and the key hints.
    try tmux.resize(width: 60, height: 18)
    try tmux.waitFor("the 60×18 layout") { screen in
      fits(screen, width: 60, height: 18) && screen.contains("PRESSURE HOLD") && !screen.contains("█████")
        && screen.contains(#/\d:\d\d left/#) && screen.contains("space pause") && screen.contains("q quit")
    }

    // 50×15 is too small: say so.
    try tmux.resize(width: 50, height: 15)
    try tmux.waitFor("the too-small notice") { screen in
      fits(screen, width: 50, height: 15) && screen.contains("make the") && screen.contains("terminal larger")
        && !screen.contains("PRESSURE HOLD")
    }

    // Back to 80×24: big digits again.
    try tmux.resize(width: 80, height: 24)
    try tmux.waitFor("the 80×24 layout with big digits") { screen in
      isFullLayout(screen) && screen.contains("█████")
    }

    // A storm: 50 sizes from 40×12 to 120×40 within about 2 s, then 80×24.
    var random = SplitMix64(seed: UInt64(Date().timeIntervalSince1970 * 1000))
    let seed = random.state
    var sizes: [(Int, Int)] = []
    for _ in 0..<50 {
      let size = (40 + Int(random.next() % 81), 12 + Int(random.next() % 29))
      sizes.append(size)
      try tmux.resize(width: size.0, height: size.1)
      // Paces the storm over about two seconds; nothing waits on the program here.
      Thread.sleep(forTimeInterval: 0.03)
    }
    try tmux.resize(width: 80, height: 24)
    let final = try tmux.waitFor("the 80×24 layout after 50 resizes (seed \(seed))") { screen in
      isFullLayout(screen)
    }
    XCTAssertTrue(isAlive(pid), "unknot died during the resizes (seed \(seed), sizes \(sizes))")
    XCTAssertFalse(final.contains("EXIT="), "unknot exited during the resizes:\n\(tmux.framed(final))")
    XCTAssertEqual(try tmux.display("#{pane_width}x#{pane_height}"), "80x24")

    // Still working: quit from the hold.
    try tmux.send("q")
    try tmux.waitForText("Quit this session?")
    try tmux.send("y")
    try tmux.waitForText("Session ended early — E2E long hold")
    try tmux.send("q")
    let shell = try tmux.waitFor("the shell to come back") { $0.contains("EXIT=") }
    XCTAssertTrue(shell.contains("EXIT=0"), tmux.framed(shell))
  }

  /// The hold's full 80×24 layout: the header with the step count at the right edge,
  /// the rule under it, big digits, and the key hints on the last two rows.
  private func isFullLayout(_ screen: String) -> Bool {
    guard fits(screen, width: 80, height: 24) else { return false }
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard rows.count >= 24 else { return false }
    let header = rows[0]
    return header.hasPrefix(" E2E long hold") && header.hasSuffix("step 3 of 5") && header.count == 79
      && rows[1] == " " + String(repeating: "─", count: 78) && rows[2] == " PRESSURE HOLD"
      && screen.contains("█████") && rows[22].hasPrefix(" space pause") && rows[23].contains("? help")
  }

  /// No row wider than the pane, and exactly its number of rows.
  private func fits(_ screen: String, width: Int, height: Int) -> Bool {
    var rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    if rows.last == "" { rows.removeLast() }
    return rows.count == height && rows.allSatisfy { $0.count <= width }
  }
}

/// A small seeded generator, so a failing storm can be replayed from its seed.
private struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
