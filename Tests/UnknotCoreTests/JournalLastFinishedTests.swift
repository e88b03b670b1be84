import Foundation
import GRDB
import XCTest

@testable import UnknotCore

/// The last finished routine, which counts as a break, read both ways.
final class JournalLastFinishedTests: JournalTestCase {
  func testTheLatestFinishedSessionIsFoundAndAQuitOneIsNot() throws {
    let path = journalPath()
    _ = try open(path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO sessions (routine_id, routine_title, content_hash, started_at, ended_at, outcome)
          VALUES ('a', 'A', 'h', 1000, 2000, 'finished'), ('b', 'B', 'h', 3000, 5000, 'finished'),
                 ('c', 'C', 'h', 6000, 9000, 'quit')
          """)
    }
    try queue.close()
    let expected = Date(timeIntervalSince1970: 5)
    XCTAssertEqual(try SQLiteJournal.lastFinishedSession(path: path), expected)
    XCTAssertEqual(try open(path, readOnly: true).lastFinishedSession(), expected)
  }

  func testNoJournalMeansNoneAndCreatesNothing() throws {
    let path = folder + "/none.sqlite"
    XCTAssertNil(try SQLiteJournal.lastFinishedSession(path: path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: path))
  }
}
