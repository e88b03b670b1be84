import UnknotCore
import XCTest

/// The hold screen follows the terminal's size: smaller layouts, a "too small" notice,
/// big digits again when there is room, and no crash under a storm of resizes.
final class ResizeTests: EndToEndTestCase {
  func testHoldScreenFollowsTheTerminalSize() throws {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell()
    try tmux.typeLine(sandbox.commandLine(["start", "e2e-long"] + sandbox.sessionOptions) + #"; echo "EXIT=$?""#)
    try tmux.runToTheHold(of: "E2E long hold")
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

    // Storms of 50 sizes from 40×12 to 120×40 within 2 s each. Each ends on a size of
    // its own kind (too small, no room for big digits, room for them), and the screen
    // must settle in the layout for that last size.
    let seed = TestSeed.value(default: UInt64(Date().timeIntervalSince1970 * 1000))
    var random = SplitMix64(seed: seed)
    let replay = TestSeed.replay(seed)
    let finals = [
      (Int.random(in: 40..<60, using: &random), Int.random(in: 12...40, using: &random)),
      (Int.random(in: 60..<80, using: &random), Int.random(in: 18...40, using: &random)),
      (Int.random(in: 80...120, using: &random), Int.random(in: 24...40, using: &random)),
    ]
    for final in finals {
      var sizes = (0..<49).map { _ in
        (Int.random(in: 40...120, using: &random), Int.random(in: 12...40, using: &random))
      }
      sizes.append(final)
      let started = Date()
      for (index, size) in sizes.enumerated() {
        try tmux.resize(width: size.0, height: size.1)
        // Paces the storm to one resize every 40 ms; nothing waits on the program here.
        let next = started.addingTimeInterval(Double(index + 1) * 0.04)
        if next > Date() { Thread.sleep(until: next) }
      }
      let storm =
        "a storm of 50 resizes in \(String(format: "%.1f", Date().timeIntervalSince(started))) s ending at "
        + "\(final.0)×\(final.1) (\(replay), sizes \(sizes))"
      var problem: String?
      let settled: String
      do {
        settled = try tmux.waitFor("the layout for \(final.0)×\(final.1) after \(storm)") { screen in
          problem = layoutProblem(screen, width: final.0, height: final.1)
          return problem == nil
        }
      } catch {
        XCTFail("the last screen's layout was wrong in: \(problem ?? "?")")
        throw error
      }
      XCTAssertTrue(isAlive(pid), "unknot died during \(storm)")
      XCTAssertFalse(Tmux.showsExitStatus(settled), "unknot exited during \(storm):\n\(tmux.framed(settled))")
    }

    try tmux.resize(width: 80, height: 24)
    let final = try tmux.waitFor("the 80×24 layout after the storms (\(replay))") { screen in
      isFullLayout(screen)
    }
    XCTAssertTrue(isAlive(pid), "unknot died during the resizes (\(replay))")
    XCTAssertFalse(Tmux.showsExitStatus(final), "unknot exited during the resizes:\n\(tmux.framed(final))")
    XCTAssertEqual(try tmux.display("#{pane_width}x#{pane_height}"), "80x24")

    // Still working: quit from the hold.
    try tmux.send("q")
    try tmux.waitForText("Quit this session?")
    try tmux.send("y")
    try tmux.waitForText("Session ended early — E2E long hold")
    try tmux.send("q")
    let shell = try tmux.waitFor("the shell to come back") { Tmux.showsExitStatus($0) }
    XCTAssertTrue(shell.contains("EXIT=0"), tmux.framed(shell))
  }

  /// What is wrong with the hold screen for a terminal of this size, or nil: below
  /// 60×18 only the request to enlarge it; otherwise the header with the step count at
  /// the right edge, the rule under it spanning the width, the step, the clock in big
  /// digits exactly when there is room for them (80×24 and up) and as text otherwise,
  /// and the key hints on the last row.
  private func layoutProblem(_ screen: String, width: Int, height: Int) -> String? {
    guard fits(screen, width: width, height: height) else { return "not \(width)×\(height)" }
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if width < 60 || height < 18 {
      let asks = ["Please make the", "terminal larger:", "at least 60×18."].allSatisfy { screen.contains($0) }
      return asks && !screen.contains("PRESSURE HOLD") ? nil : "no request to enlarge the terminal"
    }
    let header = rows[0]
    guard header.hasPrefix(" E2E long hold"), header.hasSuffix("step 3 of 5"), header.count == width - 1 else {
      return "header"
    }
    guard rows[1] == " " + String(repeating: "─", count: width - 2) else { return "rule" }
    guard rows[2] == " PRESSURE HOLD" else { return "step title" }
    // Big digits are the only "█" outside the two progress bars.
    let bigDigits = rows.contains { $0.contains("█") && !$0.hasPrefix(" step ") && !$0.hasPrefix(" session ") }
    guard bigDigits == (width >= 80 && height >= 24) else { return "big digits" }
    guard bigDigits || screen.contains(#/\d:\d\d left/#) else { return "clock as text" }
    guard rows[height - 1].hasSuffix("? help") else { return "key hints" }
    return nil
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
