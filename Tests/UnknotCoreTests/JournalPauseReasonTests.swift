import Foundation
import GRDB
import XCTest

@testable import UnknotCore

/// Why each pause happened, as the journal keeps it: a pause while a box is open over
/// the session is the box's (`overlay`), not the person's, in the table, the export and
/// an import; journals from before schema v4 keep every pause they had.
final class JournalPauseReasonTests: JournalTestCase {
  /// A single-hold session held 5 s by the help box, then paused 5 s by the person.
  private static func sessionPausedByTheHelpBox() -> [SessionEvent] {
    var driver = EngineDriver(EngineFixtures.singleHold())
    driver.send(.begin, at: EngineTime.s(0))
    driver.send(.rate(6), at: EngineTime.ms(1_500))
    driver.observe(every: engineSecond, until: EngineTime.s(20))
    driver.send(.pauseForOverlay, at: EngineTime.s(20))
    driver.send(.resume, at: EngineTime.s(25))
    driver.observe(every: engineSecond, until: EngineTime.s(40))
    driver.send(.pause, at: EngineTime.s(40))
    driver.send(.resume, at: EngineTime.s(45))
    driver.observe(every: engineSecond, until: EngineTime.s(75))
    driver.send(.rate(3), at: EngineTime.s(78))
    return driver.events
  }

  func testAPauseWhileTheHelpBoxIsOpenIsJournaledAsTheBoxs() throws {
    let events = Self.sessionPausedByTheHelpBox()
    XCTAssertTrue(events.contains(.paused(reason: .overlay, at: EngineTime.s(20))), "the engine paused for the box")
    let path = journalPath()
    let journal = try open(path)
    let id = try journal.beginSession(JournalFixtures.start())
    for event in events {
      try journal.append([event], to: id)
    }
    XCTAssertEqual(
      try rows(path, "SELECT reason, gap_ms, resumed_at - at FROM pauses ORDER BY ordinal"),
      [["overlay", nil, "5000"], ["person", nil, "5000"]])
    // Time held by the box is still time not spent in a step, as the record counts it.
    XCTAssertEqual(try journal.history().first?.pausedMilliseconds, 10_000)
    XCTAssertEqual(try journal.exportDocument().sessions.first?.pauses.map(\.reason), ["overlay", "person"])
  }

  /// A session killed while the box held it keeps the box's pause, open, in its rows.
  func testAKilledSessionKeepsItsOpenOverlayPause() throws {
    let path = journalPath()
    let journal = try open(path)
    let id = try journal.beginSession(JournalFixtures.start())
    var driver = EngineDriver(EngineFixtures.singleHold())
    driver.send(.begin, at: EngineTime.s(0))
    driver.send(.rate(6), at: EngineTime.s(2))
    driver.observe(every: engineSecond, until: EngineTime.s(20))
    driver.send(.pauseForOverlay, at: EngineTime.s(20))
    try journal.append(driver.events, to: id)
    XCTAssertEqual(try rows(path, "SELECT reason, resumed_at FROM pauses"), [["overlay", nil]])
    XCTAssertEqual(
      try rows(path, "SELECT json_extract(payload, '$.reason') FROM events WHERE kind = 'paused'"), [["overlay"]])
  }

  /// A journal last written by schema v3, with pauses of both old reasons in a finished
  /// session and in one whose process died, opens in this version with every row, the
  /// pauses table as it was but for the new reason, and then takes an overlay pause.
  func testAVersion3JournalKeepsEveryPauseAndThenTakesAnOverlayPause() throws {
    let columns = "PRAGMA table_xinfo(pauses)"
    let foreignKeys = "PRAGMA foreign_key_list(pauses)"
    let allPauses = "SELECT session_id, ordinal, reason, gap_ms, at, resumed_at FROM pauses ORDER BY 1, 2"
    let path = try olderJournal(
      upTo: "v3",
      rows: """
        INSERT INTO sessions (id, routine_id, routine_title, content_hash, started_at, ended_at, outcome,
          planned_seconds, active_ms, paused_ms, muscles, before_rating, after_rating)
        VALUES (1, 'between-blades-ball', 'Between the blades', 'aaaa', 1740814200000, 1740814500000,
          'finished', 300, 280000, 65000, 'rhomboids', 7, 3);
        INSERT INTO sessions (id, routine_id, routine_title, content_hash, started_at, muscles)
        VALUES (2, 'chin-tucks', 'Chin tucks', 'bbbb', 1740900600000, 'suboccipitals');
        INSERT INTO terms (id, name) VALUES (1, 'hold'), (2, 'rhomboids'), (3, 'completed'), (4, 'exercise');
        INSERT INTO steps (session_id, ordinal, step_index, kind, muscle, planned_seconds, actual_ms, ending,
          started_at, ended_at)
        VALUES (1, 0, 0, 1, 2, 90, 90000, 3, 1740814204000, 1740814359000),
               (2, 0, 0, 4, NULL, 60, NULL, NULL, 1740900603000, NULL);
        INSERT INTO pauses (session_id, ordinal, reason, gap_ms, at, resumed_at)
        VALUES (1, 0, 'person', NULL, 1740814250000, 1740814255000),
               (1, 1, 'clock-gap', 60000, 1740814300000, 1740814360000),
               (2, 0, 'person', NULL, 1740900610000, 1740900620000);
        INSERT INTO events (session_id, seq, kind, at, payload)
        VALUES (2, 0, 'session-started', 1740900600000, '{"planned":60,"routine":"chin-tucks","steps":1}'),
               (2, 1, 'paused', 1740900610000, '{"reason":"person"}'),
               (2, 2, 'resumed', 1740900620000, '{}');
        """)
    let v3Columns = try rows(path, columns)
    let v3ForeignKeys = try rows(path, foreignKeys)
    let v3Pauses = try rows(path, allPauses)
    XCTAssertEqual(v3Pauses.count, 3)

    let journal = try open(path)
    XCTAssertEqual(
      try rows(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
      JournalSchema.versions.map { [$0] })
    XCTAssertEqual(try rows(path, allPauses), v3Pauses, "every pause, exactly as it was")
    XCTAssertEqual(try rows(path, columns), v3Columns)
    XCTAssertEqual(try rows(path, foreignKeys), v3ForeignKeys, "still deleted with its session")
    XCTAssertEqual(
      // A programme's pauses (v7) are another table, not a leftover.
      try rows(
        path,
        "SELECT type, name FROM sqlite_master WHERE sql LIKE '%pauses%' AND name NOT LIKE 'programme_%' ORDER BY name"),
      [["table", "pauses"]], "no table left over from the rebuild")
    let definition = try XCTUnwrap(try rows(path, "SELECT sql FROM sqlite_master WHERE name = 'pauses'").first?[0])
    XCTAssertTrue(definition.contains("WITHOUT ROWID"), definition)
    XCTAssertEqual(try rows(path, "PRAGMA foreign_key_check"), [])
    XCTAssertEqual(try number(path, "SELECT count(*) FROM steps"), 2)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM events"), 3)

    // The finished session reads as before; the one whose process died was closed at
    // its last event, its pause counted.
    let history = try journal.history()
    XCTAssertEqual(history.map(\.routineID), ["chin-tucks", "between-blades-ball"])
    XCTAssertEqual(history.map(\.pausedMilliseconds), [10_000, 65_000])
    XCTAssertEqual(history.first?.outcome, .interrupted)
    XCTAssertEqual(
      try journal.exportDocument().sessions.map { $0.pauses.map(\.reason) }, [["person", "clock-gap"], ["person"]])

    let id = try journal.beginSession(JournalFixtures.start())
    try journal.append(Self.sessionPausedByTheHelpBox(), to: id)
    XCTAssertEqual(
      try rows(path, "SELECT reason FROM pauses WHERE session_id = \(id.rawValue) ORDER BY ordinal"),
      [["overlay"], ["person"]])
    XCTAssertEqual(try rows(path, allPauses).prefix(3), v3Pauses[...])
  }

  func testExportAndImportCarryAnOverlayPause() throws {
    let source = try open(journalPath("source.sqlite"))
    let id = try source.beginSession(JournalFixtures.start())
    try source.append(Self.sessionPausedByTheHelpBox(), to: id)
    let exported = try source.exportJSON()

    let targetPath = journalPath("target.sqlite")
    let target = try open(targetPath)
    XCTAssertEqual(try target.importJSON(exported, source: "backup.json").sessionsAdded, 1)
    XCTAssertEqual(try rows(targetPath, "SELECT reason FROM pauses ORDER BY ordinal"), [["overlay"], ["person"]])
    XCTAssertEqual(try target.exportJSON(), exported)
  }

  func testImportRefusesAPauseReasonItDoesNotKnowNamingTheFileAndThePlace() throws {
    let source = try open(journalPath("source.sqlite"))
    let id = try source.beginSession(JournalFixtures.start())
    try source.append(Self.sessionPausedByTheHelpBox(), to: id)
    var document = try source.exportDocument()
    document.sessions[0].pauses[1].reason = "lunch"

    let targetPath = journalPath("target.sqlite")
    let target = try open(targetPath)
    XCTAssertThrowsError(try target.importJSON(try JSONEncoder().encode(document), source: "/tmp/edited.json")) {
      error in
      let error = error as? JournalError
      XCTAssertEqual(error?.kind, .notAnExport)
      XCTAssertEqual(error?.path, "/tmp/edited.json")
      let message = error?.message ?? ""
      for part in [
        "the pause reason 'lunch'", "sessions[0].pauses[1]", "session 1, engine-test started 2025-03-01T07:30:00.000Z",
        "pause 2", "'person', 'clock-gap', 'overlay'", "Nothing was imported",
      ] {
        XCTAssertTrue(message.contains(part), "'\(part)' in: \(message)")
      }
    }
    XCTAssertEqual(try target.history().count, 0)
    XCTAssertEqual(try number(targetPath, "SELECT count(*) FROM pauses"), 0)
  }
}
