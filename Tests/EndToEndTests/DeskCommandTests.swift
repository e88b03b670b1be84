import XCTest

/// `unknot desk`: the desk check straight away, with no safety check and no pain rating;
/// its answers kept in the journal, and `unknot stats` saying what changed since the check before.
final class DeskCommandTests: EndToEndTestCase {
  /// Through pipes (no terminal) it asks in plain lines, even without --plain.
  func testTheDeskCheckInPlainLinesThenStatsSaysWhatChanged() throws {
    let options = ["--journal", sandbox.journal.path]
    // First check: no to the screen's height (Enter after its advice), yes to the rest.
    let first = try sandbox.run(["desk"] + options, input: .lines(["n", ""] + Array(repeating: "y", count: 7)))
    XCTAssertEqual(first.status, 0, first.transcript)
    let lines = first.output.split(separator: "\n").map(String.init)
    XCTAssertTrue(
      lines.contains("1 of 8. Is the top of your screen at or a little below eye level? (y/n)"), first.transcript)
    XCTAssertTrue(lines.contains { $0.hasPrefix("  What to change: Raise or lower the screen") }, first.transcript)
    XCTAssertTrue(lines.contains("What to change (1 of 8):"), first.transcript)
    // The safety check is due in a new journal, but a checklist asks none, and no rating.
    XCTAssertFalse(first.output.contains("Safety check"), first.transcript)
    XCTAssertFalse(first.output.contains("0 = no pain"), first.transcript)
    XCTAssertEqual(
      try sandbox.query(
        "SELECT outcome FROM sessions; SELECT item_id, answer FROM checklist_answers ORDER BY ordinal LIMIT 2;"),
      "finished\nscreen-height|no\nscreen-distance|yes")

    // A month later the screen is fixed and the feet are not: dated back in the journal.
    try writeDate(daysAgo: 34)
    let second = try sandbox.run(
      ["desk", "--plain"] + options, input: .lines(Array(repeating: "y", count: 7) + ["n", ""]))
    XCTAssertEqual(second.status, 0, second.transcript)

    let stats = try sandbox.run(["stats"] + options)
    XCTAssertEqual(stats.status, 0, stats.transcript)
    XCTAssertTrue(stats.output.contains("Desk check\n  Last desk check today"), stats.transcript)
    XCTAssertTrue(stats.output.contains("Your screen is now at eye level — since "), stats.transcript)
    XCTAssertTrue(stats.output.contains("Still to change:\n    - Are your feet flat on the floor"), stats.transcript)
    XCTAssertTrue(stats.output.contains("Lower the chair until your feet rest flat"), stats.transcript)
    // No row of empty pain averages for the desk check.
    XCTAssertFalse(stats.output.contains("desk-setup-check "), stats.transcript)

    let json = try sandbox.run(["stats", "--format", "json"] + options)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], json.transcript)
    let desk = try XCTUnwrap(object["deskCheck"] as? [String: Any], json.transcript)
    XCTAssertEqual(desk["daysAgo"] as? Int, 0)
    XCTAssertEqual((desk["nowYes"] as? [[String: Any]])?.compactMap { $0["item"] as? String }, ["screen-height"])
    XCTAssertEqual((desk["toChange"] as? [[String: Any]])?.compactMap { $0["item"] as? String }, ["feet-flat"])
  }

  /// On a terminal: the question large with its count, n shows the advice, Enter goes on.
  func testTheDeskCheckOnTheFullScreen() throws {
    let tmux = try startTmux([sandbox.binary.path, "desk", "--journal", sandbox.journal.path])
    try tmux.waitForText("Before you start: Desk setup check", "8 questions")
    try tmux.send("Enter")
    try tmux.waitForText("1 of 8", "Is the top of your screen at or a little below eye level?", "y yes", "n no")
    try tmux.send("n")
    try tmux.waitForText("What to change:", "Raise or lower the screen", "Enter next question")
    try tmux.send("Enter")
    try tmux.waitForText("2 of 8")
    for _ in 2...8 { try tmux.send("y") }
    try tmux.waitForText("Session complete — Desk setup check", "What to change (1 of 8):")
    XCTAssertEqual(try sandbox.query("SELECT count(*), sum(answer = 'no') FROM checklist_answers"), "8|1")
    try tmux.send("q")
  }

  /// Moves every session's times back, as if it had been done that many days ago.
  private func writeDate(daysAgo days: Int) throws {
    let shift = Int64(days) * 86_400_000
    try JournalReader.execute(
      sandbox.journal.path,
      """
      UPDATE sessions SET started_at = started_at - \(shift), ended_at = ended_at - \(shift);
      UPDATE checklist_answers SET answered_at = answered_at - \(shift);
      """)
  }
}
