import Foundation
import XCTest

@testable import UnknotCore

#if canImport(Glibc)
  import Glibc
#endif

/// `unknot export` and `unknot import` as the commands run them: the round trip is
/// exact, a second import adds nothing, and the files written are private and never
/// written over by surprise.
final class JournalTransferTests: JournalTestCase {
  private func mode(_ path: String) -> mode_t {
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0, path)
    return info.st_mode & 0o777
  }

  /// A journal with a session through the real engine, a safety check and forty days
  /// of generated sessions.
  private func filledJournal() throws -> String {
    let path = journalPath("source.sqlite")
    let journal = try open(path)
    let id = try journal.beginSession(JournalFixtures.start())
    try journal.append(JournalFixtures.singleHoldSession(before: 7, after: 4), to: id)
    try journal.record(
      SafetyCheck(date: JournalFixtures.morning, answers: ["a-chest-pain": false], outcome: .clear))
    try JournalGenerator.generate(into: journal, days: 40, seed: 5)
    return path
  }

  func testExportThenImportIntoAnEmptyJournalGivesTheSameExport() throws {
    let source = try filledJournal()
    let exported = try XCTUnwrap(JournalTransfer.export(journalAt: source, format: .json))
    let file = folder + "/export.json"
    try PrivateFile.save(exported, to: file, replacing: false)

    let copy = journalPath("copy.sqlite")
    let first = try JournalTransfer.importFile(file, intoJournalAt: copy)
    XCTAssertEqual(
      first,
      JournalImportResult(
        sessionsAdded: 41, sessionsAlreadyPresent: 0, safetyChecksAdded: 1, safetyChecksAlreadyPresent: 0))
    XCTAssertEqual(try JournalTransfer.export(journalAt: copy, format: .json), exported, "byte for byte")
    XCTAssertEqual(
      try JournalTransfer.export(journalAt: copy, format: .csv),
      try JournalTransfer.export(journalAt: source, format: .csv))
    XCTAssertEqual(mode(copy), 0o600, "a journal made by import is private too")

    let second = try JournalTransfer.importFile(file, intoJournalAt: copy)
    XCTAssertEqual(
      second,
      JournalImportResult(
        sessionsAdded: 0, sessionsAlreadyPresent: 41, safetyChecksAdded: 0, safetyChecksAlreadyPresent: 1))
    XCTAssertEqual(try JournalTransfer.export(journalAt: copy, format: .json), exported, "nothing added twice")
    XCTAssertEqual(
      JournalTransfer.summary(second),
      "0 sessions added, 41 already in your journal. 0 safety checks added, 1 already there.")
    XCTAssertEqual(JournalTransfer.summary(first).prefix(19), "41 sessions added, ")
  }

  func testImportingIntoTheJournalItCameFromAddsNothing() throws {
    let source = try filledJournal()
    let file = folder + "/export.json"
    try PrivateFile.save(
      try XCTUnwrap(JournalTransfer.export(journalAt: source, format: .json)), to: file, replacing: false)
    XCTAssertEqual(try JournalTransfer.importFile(file, intoJournalAt: source).sessionsAdded, 0)
  }

  func testExportingAMissingJournalGivesNothingAndCreatesNothing() throws {
    let path = folder + "/absent/journal.sqlite"
    XCTAssertNil(try JournalTransfer.export(journalAt: path, format: .json))
    XCTAssertNil(try SQLiteJournal.openIfPresent(path: path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/absent"))
  }

  func testAFileThatCannotBeReadImportsNothing() throws {
    let journal = journalPath()
    XCTAssertThrowsError(try JournalTransfer.importFile(folder + "/missing.json", intoJournalAt: journal)) { error in
      XCTAssertTrue("\(error)".contains("no such file"), "\(error)")
    }
    XCTAssertThrowsError(try JournalTransfer.importFile(folder, intoJournalAt: journal)) { error in
      XCTAssertTrue("\(error)".contains("it is a folder"), "\(error)")
    }
    try Data("{\"format\": \"something else\"}".utf8).write(to: URL(fileURLWithPath: folder + "/other.json"))
    XCTAssertThrowsError(try JournalTransfer.importFile(folder + "/other.json", intoJournalAt: journal))
    XCTAssertEqual(try open(journal).counts().sessions, 0)
  }

  // MARK: Private files

  func testAnExportFileIsReadableOnlyByItsOwnerWhateverTheUmask() throws {
    let previous = umask(0)
    defer { umask(previous) }
    let file = folder + "/export.csv"
    try PrivateFile.save(Data("a,b\r\n".utf8), to: file, replacing: false)
    XCTAssertEqual(mode(file), 0o600)
    XCTAssertEqual(FileManager.default.contents(atPath: file), Data("a,b\r\n".utf8))
  }

  func testAnExistingFileIsNeverOverwrittenWithoutForce() throws {
    let file = folder + "/export.json"
    try Data("precious".utf8).write(to: URL(fileURLWithPath: file))
    chmod(file, 0o644)
    XCTAssertThrowsError(try PrivateFile.save(Data("new".utf8), to: file, replacing: false)) { error in
      XCTAssertEqual((error as? PrivateFile.WriteError)?.kind, .alreadyExists, "\(error)")
      XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
    }
    XCTAssertEqual(FileManager.default.contents(atPath: file), Data("precious".utf8))

    try PrivateFile.save(Data("new".utf8), to: file, replacing: true)
    XCTAssertEqual(FileManager.default.contents(atPath: file), Data("new".utf8))
    XCTAssertEqual(mode(file), 0o600, "the replacement is private, whatever the old file's mode")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["export.json"], "no temporary file left")
  }

  func testAFolderOrAMissingFolderIsReportedAndNothingWritten() {
    XCTAssertThrowsError(try PrivateFile.save(Data("x".utf8), to: folder, replacing: true)) { error in
      XCTAssertTrue("\(error)".contains("folder"), "\(error)")
    }
    XCTAssertThrowsError(try PrivateFile.save(Data("x".utf8), to: folder + "/no/such/file", replacing: false)) {
      error in
      XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
    }
  }
}
