import Foundation
import GRDB
import XCTest

@testable import UnknotCore

#if canImport(Glibc)
  import Glibc
#endif

/// Every way a journal can be unusable: each is a JournalError that names the path and
/// what to do, and the file is left exactly as it was. What to do is about the file:
/// flags such as --no-journal are the command line's to offer, from the kind.
final class JournalFailureTests: JournalTestCase {
  private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  private func assertMessage(
    _ error: JournalError?, _ kind: JournalError.Kind, path: String, contains phrases: [String],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    guard let error else { return XCTFail("no error", file: file, line: line) }
    XCTAssertEqual(error.kind, kind, error.description, file: file, line: line)
    XCTAssertEqual(error.path, path, file: file, line: line)
    XCTAssertTrue(error.description.hasPrefix(path + ": "), error.description, file: file, line: line)
    for phrase in phrases {
      XCTAssertTrue(error.message.contains(phrase), "'\(phrase)' in: \(error.message)", file: file, line: line)
    }
    XCTAssertFalse(error.message.contains("--"), "a flag in: \(error.message)", file: file, line: line)
  }

  func testAFileThatIsNotADatabaseIsReportedAndLeftAlone() throws {
    let path = folder + "/journal.sqlite"
    var generator = SplitMix64(seed: 7)
    let noise = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
    try noise.write(to: URL(fileURLWithPath: path))

    assertMessage(
      openingError(path), .notADatabase, path: path,
      contains: ["not an unknot journal", "left it untouched", "Move it aside"])
    assertMessage(openingError(path, readOnly: true), .notADatabase, path: path, contains: ["not an unknot journal"])
    XCTAssertEqual(try bytes(path), noise)
    XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
  }

  func testADamagedJournalIsReportedAsCorruptAndLeftAlone() throws {
    let path = journalPath("damaged.sqlite")
    written.removeAll()  // It is damaged on purpose.
    do {
      let journal = try open(path)
      _ = try JournalGenerator.generate(into: journal, days: 60, seed: 3)
    }
    // The journal closed, so everything is in the main file. Overwrite pages in the
    // middle (the header and first pages stay valid, so SQLite opens it).
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    let size = try handle.seekToEnd()
    XCTAssertGreaterThan(size, 16 * 4096)
    try handle.seek(toOffset: 4 * 4096)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 8 * 4096))
    try handle.close()
    let damaged = try bytes(path)

    assertMessage(
      openingError(path), .corrupt, path: path,
      contains: ["damaged", "left it untouched", ".recover"])
    XCTAssertEqual(try bytes(path), damaged)
  }

  func testAJournalTheUserMayNotWriteIsPermissionDenied() throws {
    let path = journalPath()
    _ = try open(path)
    // Owner read-only: denied for an ordinary user, and for root acting as nobody.
    XCTAssertEqual(chmod(path, 0o400), 0)
    let error = asUnprivilegedUser { () -> JournalError? in
      do throws(JournalError) {
        _ = try SQLiteJournal(path: path)
        return nil
      } catch {
        return error
      }
    }
    assertMessage(
      error, .permissionDenied, path: path,
      contains: ["permission denied", "may not write to the journal", "belong to you"])
    XCTAssertEqual(chmod(path, 0o600), 0)
  }

  func testAFolderTheUserMayNotCreateIsPermissionDenied() throws {
    let locked = folder + "/locked"
    XCTAssertEqual(mkdir(locked, 0o500), 0)
    let path = locked + "/unknot/journal.sqlite"
    let error = asUnprivilegedUser { () -> JournalError? in
      do throws(JournalError) {
        _ = try SQLiteJournal(path: path)
        return nil
      } catch {
        return error
      }
    }
    assertMessage(error, .permissionDenied, path: path, contains: ["permission denied"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: locked + "/unknot"))
  }

  func testAFileWhereTheFolderShouldBeCannotOpen() throws {
    let blocker = folder + "/unknot"
    XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: Data("notes".utf8)))
    let path = blocker + "/journal.sqlite"
    assertMessage(openingError(path), .cannotOpen, path: path, contains: ["a file where a folder should be"])
    let deeper = blocker + "/more/journal.sqlite"
    assertMessage(openingError(deeper), .cannotOpen, path: deeper, contains: ["a file where a folder should be"])
    XCTAssertEqual(try bytes(blocker), Data("notes".utf8))
  }

  func testAFolderAtTheJournalsPathCannotOpen() throws {
    let path = folder + "/journal.sqlite"
    XCTAssertEqual(mkdir(path, 0o700), 0)
    assertMessage(openingError(path), .cannotOpen, path: path, contains: ["not a file"])
  }

  func testAFullDiskIsReportedAndWhatWasSavedStays() throws {
    let path = journalPath()
    let journal = try open(path)
    let id = try journal.beginSession(JournalFixtures.start())
    try journal.append(
      [.ratingGiven(.init(value: 6, stepIndex: 0, moment: .before, muscle: nil, side: nil, at: .zero))], to: id)
    // SQLite's page limit for this connection stands in for the disk: nothing more fits.
    try journal.dbQueue.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
    }
    let long = String(repeating: "x", count: 4000)
    var failure: JournalError?
    for index in 0..<50 where failure == nil {
      do {
        try journal.append([.rejected(command: .next, reason: long + "\(index)")], to: id)
      } catch {
        failure = error
      }
    }
    assertMessage(
      failure, .diskFull, path: path,
      contains: ["disk is full", "last entry was not saved", "everything saved before it is intact", "Free some space"])
    XCTAssertEqual(try journal.history().first?.before, 6)
  }

  func testAReadOnlyJournalRefusesWritesClearly() throws {
    let path = journalPath()
    do {
      let journal = try open(path)
      try journal.record(SafetyCheck(date: JournalFixtures.morning, answers: [:], outcome: .clear))
    }
    let reader = try open(path, readOnly: true)
    XCTAssertFalse(reader.isLogging)
    XCTAssertEqual(try reader.latestSafetyCheck()?.outcome, .clear)
    XCTAssertThrowsError(try reader.beginSession(JournalFixtures.start())) { error in
      XCTAssertEqual((error as? JournalError)?.kind, .openedReadOnly)
      XCTAssertTrue("\(error)".contains("opened read-only"), "\(error)")
    }
    XCTAssertThrowsError(try reader.record(SafetyCheck(date: Date(), answers: [:], outcome: .clear)))
    // Underneath, SQLite refuses too: the connection itself is read-only.
    XCTAssertThrowsError(
      try reader.dbQueue.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM safety_checks") }
    ) { error in
      let mapped = JournalError(error, path: path, doing: "write")
      XCTAssertEqual(mapped.kind, .permissionDenied, mapped.description)
    }
  }

  func testAMissingJournalOpenedReadOnlyIsNotCreated() throws {
    let path = folder + "/nothing-yet/journal.sqlite"
    assertMessage(openingError(path, readOnly: true), .cannotOpen, path: path, contains: ["no journal here yet"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/nothing-yet"))
  }

  func testSQLiteFailuresMapToTheirKinds() {
    func kind(_ code: ResultCode) -> JournalError.Kind {
      JournalError(DatabaseError(resultCode: code), path: "/j", doing: "save").kind
    }
    XCTAssertEqual(kind(.SQLITE_NOTADB), .notADatabase)
    XCTAssertEqual(kind(.SQLITE_CORRUPT), .corrupt)
    XCTAssertEqual(kind(.SQLITE_FULL), .diskFull)
    XCTAssertEqual(kind(.SQLITE_READONLY), .permissionDenied)
    XCTAssertEqual(kind(.SQLITE_PERM), .permissionDenied)
    XCTAssertEqual(kind(.SQLITE_CANTOPEN), .cannotOpen)
    XCTAssertEqual(kind(.SQLITE_BUSY), .busy)
    XCTAssertEqual(kind(.SQLITE_LOCKED), .busy)
    XCTAssertEqual(JournalError(errno: ENOSPC, path: "/j", doing: "save").kind, .diskFull)
    XCTAssertEqual(JournalError(errno: EROFS, path: "/j", doing: "save").kind, .permissionDenied)
  }
}
