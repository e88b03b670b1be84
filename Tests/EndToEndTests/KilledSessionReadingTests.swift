import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A session killed with `kill -9` reads as interrupted straight away, in history,
/// stats and export, before any other session starts; and reading writes nothing.
final class KilledSessionReadingTests: EndToEndTestCase {
  func testHistoryRightAfterAKillDashNineSaysInterrupted() throws {
    _ = try killTheLongSessionAtItsHold()

    let journal = ["--journal", sandbox.journal.path]
    let history = try sandbox.run(["history"] + journal)
    XCTAssertEqual(history.status, 0, history.transcript)
    let row = try XCTUnwrap(
      history.output.split(separator: "\n").first { $0.contains("e2e-long") }, history.transcript)
    XCTAssertTrue(row.contains("interrupted"), history.transcript)
    XCTAssertFalse(history.output.contains("running"), history.transcript)
    XCTAssertTrue(row.contains("6"), "the rating before, kept:\n\(history.transcript)")

    let export = try sandbox.run(["export", "--format", "csv"] + journal)
    XCTAssertEqual(export.status, 0, export.transcript)
    XCTAssertTrue(export.output.contains(",e2e-long,") && export.output.contains(",interrupted,"), export.transcript)
    let json = try sandbox.run(["history", "--format", "json"] + journal)
    XCTAssertTrue(json.output.contains("\"interrupted\""), json.transcript)

    let stats = try sandbox.run(["stats"] + journal)
    XCTAssertEqual(stats.status, 0, stats.transcript)
    let prose = stats.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(prose.contains("How sessions ended: 1 interrupted."), stats.transcript)
    XCTAssertFalse(stats.output.contains("running"), stats.transcript)
    let statsJSON = try sandbox.run(["stats", "--format", "json"] + journal)
    let object = try JSONSerialization.jsonObject(with: Data(statsJSON.output.utf8)) as? [String: Any]
    let outcomes = object?["outcomes"] as? [String: Int]
    XCTAssertEqual(outcomes?["interrupted"], 1, statsJSON.transcript)
    XCTAssertEqual(outcomes?["running"], 0, statsJSON.transcript)

    // Only read: the journal itself still has the session without an end, for the next
    // opening for writing to close.
    XCTAssertEqual(try sandbox.query("SELECT ended_at IS NULL FROM sessions WHERE id = 1;"), "1")
    XCTAssertEqual(try sandbox.query("PRAGMA integrity_check;"), "ok")
  }
}
