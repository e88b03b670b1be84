import Foundation
import XCTest

@testable import UnknotCore

/// A session whose process died reads as interrupted at once, everywhere the journal
/// is read, not as "running" until some later session starts; and reading it so
/// writes nothing.
final class JournalInterruptionTests: JournalTestCase {
  /// The moment the abandoned session's person paused it, then nothing more came.
  private static let pausedAt = EngineTime.s(31)

  /// A journal with a finished session and, an hour later, one whose process is gone
  /// mid-hold with a pause still open. Returns the journal's path.
  private func journalWithAKilledSession() throws -> String {
    let path = journalPath()
    let journal = try open(path)
    let finished = try journal.beginSession(JournalFixtures.start())
    try journal.append(JournalFixtures.singleHoldSession(), to: finished)
    do {
      // Its own journal, gone without an end, a quit or a word: its live lock goes
      // with it, as the kernel drops a killed process's lock.
      let dying = try open(path)
      let id = try dying.beginSession(JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(3600)))
      try dying.append(
        JournalFixtures.abandonedSession(before: 7) + [.paused(reason: .person, at: Self.pausedAt)], to: id)
    }
    return path
  }

  func testAKilledSessionReadsAsInterruptedInHistoryStatsAndExportAtOnceWithoutWriting() throws {
    let path = try journalWithAKilledSession()
    // Read-only, as `unknot history`, `stats` and `export` open it.
    let untouched = try Data(contentsOf: URL(fileURLWithPath: path))
    XCTAssertEqual(try rows(path, "SELECT outcome FROM sessions WHERE id = 2"), [[nil]], "marked before reading")
    let reader = try open(path, readOnly: true)

    let history = try HistoryReport(journal: reader, filter: JournalFilter())
    XCTAssertEqual(history.rows.map(\.outcomeText), ["finished", "interrupted"])
    XCTAssertEqual(history.rows.last?.before, 7)
    let table = history.table(timeZone: TimeZone(identifier: "UTC")!)
    XCTAssertTrue(table.contains("interrupted"), table)
    XCTAssertFalse(table.contains("running"), table)
    XCTAssertTrue(history.json().contains(#""interrupted""#), history.json())
    XCTAssertTrue(history.csv().contains(",interrupted,"), history.csv())

    // The front end's history screen reads through JournalReading.
    let recent: any JournalReading = reader
    XCTAssertEqual(
      try recent.recentSessions(latest: 10, perRoutine: 10).map(\.outcome), [.finished, .interrupted])

    // Stats count the interrupted session, with no rating after it: not a rated session.
    let stats = try StatsReport(journal: reader, filter: JournalFilter())
    XCTAssertEqual(stats.routines.map(\.sessions), [2])
    XCTAssertEqual(stats.routines.map(\.ratedSessions), [1])
    // And say how each ended, the killed one as interrupted, not as still running.
    XCTAssertEqual(stats.outcomes, SessionOutcomeCounts([.finished: 1, .interrupted: 1]))
    let statsTable = stats.table()
    XCTAssertTrue(statsTable.contains("How sessions ended: 1 finished, 1 interrupted."), statsTable)
    XCTAssertFalse(statsTable.contains("running"), statsTable)
    let statsJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stats.json().utf8)) as? [String: Any])
    XCTAssertEqual(
      statsJSON["outcomes"] as? [String: Int],
      ["finished": 1, "quit": 0, "stoppedForSafety": 0, "interrupted": 1, "running": 0])

    let document = try reader.exportDocument()
    let killed = try XCTUnwrap(document.sessions.last)
    XCTAssertEqual(killed.outcome, "interrupted")
    let lastSign = JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(3600)).date(of: Self.pausedAt)
    XCTAssertEqual(killed.endedAt, JournalTime.iso8601(milliseconds: JournalTime.milliseconds(lastSign)))
    XCTAssertEqual(killed.steps.last?.ending, "interrupted")
    XCTAssertEqual(killed.pauses.last?.resumedAt, killed.endedAt, "the open pause ends with the session")
    XCTAssertNotNil(killed.events, "its event log stays, as evidence")
    let csv = try reader.exportCSV().split(separator: "\r\n")
    XCTAssertEqual(csv.last?.split(separator: ",")[3], "interrupted", "\(csv)")

    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), untouched, "reading changed the journal")

    // What reading showed is exactly what closing it for good writes.
    let writer = try open(path)
    XCTAssertEqual(try rows(path, "SELECT outcome FROM sessions WHERE id = 2"), [["interrupted"]])
    XCTAssertEqual(try writer.exportDocument(), document)
    XCTAssertEqual(try writer.exportCSV(), try reader.exportCSV())
    XCTAssertEqual(try writer.history(), try reader.history())
    XCTAssertEqual(try writer.sessionOutcomes(), stats.outcomes)
  }

  func testASessionStillRunningReadsAsRunningUntilItsProcessIsGone() throws {
    let path = journalPath()
    let running = try open(path)
    let id = try running.beginSession(JournalFixtures.start())
    try running.append(JournalFixtures.abandonedSession(), to: id)

    let reader = try open(path, readOnly: true)
    XCTAssertEqual(try HistoryReport(journal: reader, filter: JournalFilter()).rows.map(\.outcomeText), ["running"])
    XCTAssertNil(try reader.exportDocument().sessions.first?.outcome)
    let stats = try StatsReport(journal: reader, filter: JournalFilter())
    XCTAssertEqual(stats.outcomes, SessionOutcomeCounts(running: 1))
    XCTAssertTrue(stats.table().contains("How sessions ended: 1 still running."), stats.table())
    // Opening for writing in another terminal leaves a running session alone.
    _ = try open(path)
    XCTAssertEqual(try rows(path, "SELECT outcome FROM sessions"), [[nil]])

    // It ends on its own: then it is what it ended as, not interrupted.
    try running.append([.sessionEnded(outcome: .quit, at: EngineTime.s(40))], to: id)
    XCTAssertEqual(try HistoryReport(journal: reader, filter: JournalFilter()).rows.map(\.outcomeText), ["quit"])
    XCTAssertEqual(try reader.sessionOutcomes(), SessionOutcomeCounts([.quit: 1]))
  }

  func testOpeningForWritingClosesAKilledSessionOnceAndOnlyThere() throws {
    let path = try journalWithAKilledSession()
    // Reading never writes, however often.
    for _ in 0..<2 {
      _ = try open(path, readOnly: true).history()
    }
    XCTAssertEqual(try rows(path, "SELECT outcome FROM sessions ORDER BY id"), [["finished"], [nil]])
    // The journal a session command opens has closed it before anything is shown.
    let journal = try open(path)
    XCTAssertEqual(try rows(path, "SELECT outcome FROM sessions ORDER BY id"), [["finished"], ["interrupted"]])
    XCTAssertEqual(try journal.markInterruptedSessions(), 0, "closed twice")
    // Beginning a session marks nothing more: the opening was the one place.
    _ = try journal.beginSession(JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(7200)))
    XCTAssertEqual(
      try rows(path, "SELECT outcome FROM sessions ORDER BY id"), [["finished"], ["interrupted"], [nil]])
  }
}
