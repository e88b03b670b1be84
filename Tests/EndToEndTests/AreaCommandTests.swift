import XCTest

/// `unknot hurts`, then `history --area` and `stats --area`: only the sessions of the
/// area's routines, with the ratings marked there.
final class AreaCommandTests: EndToEndTestCase {
  private func run(_ arguments: [String]) throws -> (output: String, transcript: String) {
    let result = try runProcess(sandbox.binary, arguments, environment: sandbox.environment, directory: sandbox.root)
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertEqual(result.errors, "", result.transcript)
    return (result.output, result.transcript)
  }

  func testHistoryAndStatsForAnAreaKeepToItsRoutinesAndShowItsMarks() throws {
    let journal = sandbox.root.appendingPathComponent("areas.sqlite").path
    _ = try run(["generate-journal", "--days", "20", "--seed", "1", "--journal", journal])
    _ = try run(["hurts", "neck=6", "--journal", journal])

    // The generated journal has sessions of a shoulder-blade routine, none of it for the neck.
    let all = try run(["history", "--journal", journal])
    let neck = try run(["history", "--area", "neck", "--journal", journal])
    XCTAssertTrue(all.output.localizedCaseInsensitiveContains("infraspinatus"), all.transcript)
    XCTAssertFalse(neck.output.localizedCaseInsensitiveContains("infraspinatus"), neck.transcript)
    XCTAssertLessThan(try sessions(neck.output), try sessions(all.output), neck.transcript)
    XCTAssertTrue(neck.output.contains("Where it hurt: neck and skull base"), neck.transcript)
    XCTAssertTrue(neck.output.contains("first 6/10"), neck.transcript)
    XCTAssertFalse(all.output.contains("Where it hurt"), all.transcript)

    let allStats = try run(["stats", "--journal", journal])
    let neckStats = try run(["stats", "--area", "neck", "--journal", journal])
    XCTAssertTrue(allStats.output.contains("infraspinatus-ball"), allStats.transcript)
    XCTAssertFalse(neckStats.output.contains("infraspinatus-ball"), neckStats.transcript)
    // Some routine for the neck is there, whichever the generator chose.
    let list = try run(["list", "--group", "neck", "--format", "json"])
    let neckRoutines = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]], list.transcript
    ).compactMap { $0["id"] as? String }
    XCTAssertTrue(neckRoutines.contains { neckStats.output.contains($0.prefix(20)) }, neckStats.transcript)
    XCTAssertTrue(neckStats.output.contains("Where it hurt: neck and skull base"), neckStats.transcript)
    XCTAssertTrue(neckStats.output.contains("first 6/10"), neckStats.transcript)

    // An area not marked says how to mark it.
    let shoulders = try run(["stats", "--area", "shoulders", "--journal", journal])
    XCTAssertTrue(shoulders.output.contains("Not marked yet: unknot hurts shoulders=RATING"), shoulders.transcript)
  }

  /// "11 sessions, 9 with a rating before and after." → 11.
  private func sessions(_ output: String) throws -> Int {
    let line = try XCTUnwrap(output.split(separator: "\n").first { $0.contains(" sessions, ") })
    return try XCTUnwrap(Int(line.prefix { $0.isNumber }))
  }
}
