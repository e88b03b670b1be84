import Foundation
import GRDB
import XCTest

@testable import UnknotCore

/// Opening journals of every schema version: none, an empty file, each earlier version
/// with data in it, and a newer one.
final class JournalSchemaTests: JournalTestCase {
  func testANewJournalHasEveryMigrationAndItsTables() throws {
    let path = journalPath()
    _ = try open(path)
    XCTAssertEqual(
      try rows(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
      JournalSchema.versions.map { [$0] })
    let tables = try rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { $0[0] }
    for table in [
      "checklist_answers", "dismissed_notices", "events", "pain_choices", "pain_marks", "pauses",
      "programme_enrolments", "programme_pauses", "ratings", "safety_checks", "sessions", "steps",
    ] {
      XCTAssertTrue(tables.contains(table), "table \(table) in \(tables)")
    }
    let indexes = try rows(path, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").map { $0[0] }
    for index in [
      "programme_enrolments_key", "programme_enrolments_open", "sessions_by_start", "sessions_key", "sessions_unended",
    ] {
      XCTAssertTrue(indexes.contains(index), "index \(index) in \(indexes)")
    }
    XCTAssertEqual(try rows(path, "PRAGMA journal_mode"), [["wal"]])
    XCTAssertEqual(JournalSchema.versions, ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"])
    XCTAssertEqual(JournalSchema.currentVersion, "v8")
  }

  func testAnEmptyFileBecomesAJournal() throws {
    let path = journalPath()
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
    let journal = try open(path)
    let id = try journal.beginSession(JournalFixtures.start())
    try journal.append(JournalFixtures.singleHoldSession(), to: id)
    XCTAssertEqual(try journal.history().count, 1)
  }

  func testForeignKeysAreOn() throws {
    let path = journalPath()
    let journal = try open(path)
    let enforced = try journal.dbQueue.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
    XCTAssertEqual(enforced, 1)
    XCTAssertThrowsError(
      try journal.dbQueue.write { db in
        try db.execute(
          sql: "INSERT INTO ratings (session_id, ordinal, moment, value, skipped, step_index, rated_at) "
            + "VALUES (999, 0, (SELECT id FROM terms WHERE name = 'before'), 5, 0, 0, 0)")
      })
  }

  /// A journal written by the first schema, with a finished session, a skipped before
  /// rating, a safety check and a session whose process died: all of it survives the
  /// upgrade, and v2's summary columns are filled from the ratings.
  func testAVersion1JournalWithDataIsUpgradedIntact() throws {
    let path = try olderJournal(
      upTo: "v1",
      rows: """
        INSERT INTO sessions (id, routine_id, routine_title, content_hash, started_at, ended_at, outcome,
          planned_seconds, active_ms, paused_ms, muscles)
        VALUES (1, 'between-blades-ball', 'Between the blades', 'aaaaaaaaaaaaaaaa', 1740814200000,
          1740814500000, 'finished', 300, 280000, 5000, 'rhomboids,middle-trapezius');
        INSERT INTO sessions (id, routine_id, routine_title, content_hash, started_at, muscles)
        VALUES (2, 'chin-tucks', 'Chin tucks', 'bbbbbbbbbbbbbbbb', 1740900600000, 'suboccipitals');
        INSERT INTO terms (id, name)
        VALUES (1, 'rate'), (2, 'hold'), (3, 'exercise'), (4, 'rhomboids'), (5, 'suboccipitals'), (6, 'left'),
               (7, 'completed'), (8, 'before'), (9, 'between'), (10, 'after');
        INSERT INTO steps (session_id, ordinal, step_index, kind, muscle, side, planned_seconds, actual_ms,
          ending, started_at, ended_at)
        VALUES (1, 0, 0, 1, NULL, NULL, NULL, 4000, 7, 1740814200000, 1740814204000),
               (1, 1, 1, 2, 4, 6, 90, 90000, 7, 1740814204000, 1740814294000),
               (2, 0, 0, 1, NULL, NULL, NULL, 3000, 7, 1740900600000, 1740900603000),
               (2, 1, 1, 3, 5, NULL, 60, NULL, NULL, 1740900603000, NULL);
        INSERT INTO ratings (session_id, ordinal, moment, value, skipped, step_index, muscle, side, rated_at)
        VALUES (1, 0, 8, 7, 0, 0, NULL, NULL, 1740814203000),
               (1, 1, 9, 5, 0, 2, 4, 6, 1740814300000),
               (1, 2, 10, 3, 0, 5, NULL, NULL, 1740814499000),
               (2, 0, 8, NULL, 1, 0, NULL, NULL, 1740900602000);
        INSERT INTO pauses (session_id, ordinal, reason, at, resumed_at)
        VALUES (1, 0, 'person', 1740814250000, 1740814255000);
        INSERT INTO safety_checks (checked_at, outcome, answers)
        VALUES (1740814100000, 'clear', '{"a-chest-pain":false}');
        INSERT INTO events (session_id, seq, kind, at, payload)
        VALUES (2, 0, 'session-started', 1740900600000, '{"planned":60,"routine":"chin-tucks","steps":3}');
        """)

    let journal = try open(path)
    XCTAssertEqual(
      try rows(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
      JournalSchema.versions.map { [$0] })
    XCTAssertEqual(
      try rows(path, "SELECT id, before_rating, after_rating, outcome FROM sessions ORDER BY id"),
      [["1", "7", "3", "finished"], ["2", nil, nil, "interrupted"]])
    XCTAssertEqual(try number(path, "SELECT count(*) FROM steps"), 4)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM ratings"), 4)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM pauses"), 1)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM events"), 1)
    XCTAssertEqual(try journal.latestSafetyCheck()?.answers, ["a-chest-pain": false])

    let history = try journal.history()
    XCTAssertEqual(history.map(\.routineID), ["chin-tucks", "between-blades-ball"])
    XCTAssertEqual(history.last?.change, PainChange(before: 7, after: 3))
    XCTAssertEqual(history.last?.muscles, [.rhomboids, .middleTrapezius])

    // The session whose process died under v1 was closed as the journal opened, once.
    XCTAssertEqual(try journal.markInterruptedSessions(), 0)
    XCTAssertEqual(
      try rows(path, "SELECT outcome, ended_at FROM sessions WHERE id = 2"), [["interrupted", "1740900603000"]])
    XCTAssertEqual(
      try rows(path, "SELECT ending FROM steps_named WHERE session_id = 2 AND ordinal = 1"), [["interrupted"]])
  }

  func testAJournalOfTheCurrentVersionOpensAgainUnchanged() throws {
    let path = journalPath()
    do {
      let journal = try open(path)
      let id = try journal.beginSession(JournalFixtures.start())
      try journal.append(JournalFixtures.singleHoldSession(), to: id)
    }
    let before = try open(path).exportJSON()
    XCTAssertEqual(try open(path).exportJSON(), before)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM grdb_migrations"), Int64(JournalSchema.versions.count))
  }

  func testANewerSchemaIsRefusedAndLeftUntouched() throws {
    let path = journalPath()
    _ = try open(path)
    do {
      let queue = try DatabaseQueue(path: path)
      try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
    }
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

    let error = openingError(path)
    XCTAssertEqual(error?.kind, .newerSchema)
    XCTAssertEqual(error?.path, path)
    XCTAssertTrue(error?.message.contains("written by a newer unknot") ?? false, error?.message ?? "")
    XCTAssertTrue(error?.message.contains("update unknot") ?? false, error?.message ?? "")
    XCTAssertTrue(error?.message.contains("v9-from-the-future") ?? false, error?.message ?? "")
    // Only what this unknot does not know is named: its own newest version is not.
    XCTAssertFalse(error?.message.contains(JournalSchema.currentVersion) ?? true, error?.message ?? "")
    XCTAssertEqual(openingError(path, readOnly: true)?.kind, .newerSchema)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
  }

  func testAnOlderJournalCannotBeOpenedReadOnly() throws {
    let path = try olderJournal(upTo: "v1")
    let error = openingError(path, readOnly: true)
    XCTAssertEqual(error?.kind, .needsUpgrade)
    XCTAssertTrue(error?.message.contains("older unknot") ?? false, error?.message ?? "")
    XCTAssertEqual(try number(path, "SELECT count(*) FROM grdb_migrations"), 1)
  }
}
