import Foundation
import XCTest

@testable import UnknotCore

#if canImport(Glibc)
  import Glibc
#endif

/// A stranger's export, tried as an attacker would: escape sequences and text-direction
/// controls in titles, ratings out of range, impossible times and numbers, wrong types,
/// files cut short, nested too deep, empty, enormous or not UTF-8. Each is refused whole,
/// in plain words naming the file, the session and the field, and the journal is left
/// exactly as it was.
final class HostileImportTests: JournalTestCase {
  /// Words that belong to a library, never to a message for a person.
  static let internals = [
    "DecodingError", "dataCorrupted", "typeMismatch", "keyNotFound", "valueNotFound", "codingPath", "CodingKeys",
    "CHECK constraint", "GRDB", "SQLite error", "NSNumber", "Foundation", "Swift.", "debugDescription",
  ]

  /// A journal with one session (engine-test, 2025-03-01, before 6 after 3) and a safety
  /// check, exported: the file every case edits.
  private func exported() throws -> Data {
    let source = try open(journalPath("source.sqlite"))
    let id = try source.beginSession(JournalFixtures.start())
    try source.append(JournalFixtures.singleHoldSession(), to: id)
    try source.record(SafetyCheck(date: JournalFixtures.morning, answers: ["a-chest-pain": false], outcome: .clear))
    return try source.exportJSON()
  }

  /// The export with the first session's fields changed through a JSON tree, so any
  /// type can be put anywhere.
  private func edited(_ change: (inout [String: Any]) -> Void) throws -> Data {
    var tree = try XCTUnwrap(JSONSerialization.jsonObject(with: try exported()) as? [String: Any])
    var sessions = try XCTUnwrap(tree["sessions"] as? [[String: Any]])
    change(&sessions[0])
    tree["sessions"] = sessions
    return try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
  }

  private func tree(_ change: (inout [String: Any]) -> Void) throws -> Data {
    var tree = try XCTUnwrap(JSONSerialization.jsonObject(with: try exported()) as? [String: Any])
    change(&tree)
    return try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
  }

  /// The rows of every table a journal keeps, to see that nothing was added.
  private func rowCounts(_ path: String) throws -> [Int64] {
    try [
      "sessions", "steps", "ratings", "pauses", "events", "safety_checks", "pain_marks", "programme_enrolments",
      "terms",
    ].map { try number(path, "SELECT count(*) FROM \($0)") }
  }

  /// Imports `data` into a journal that already holds a session of its own, and checks
  /// the refusal: kind, file, the expected words, no library words, no unsafe
  /// character, and not one row added.
  private func assertRefused(
    _ data: Data, saying words: [String], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let path = journalPath("target-\(UUID().uuidString).sqlite")
    let target = try open(path)
    let own = try target.beginSession(JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(-86_400)))
    try target.append(JournalFixtures.singleHoldSession(), to: own)
    let before = try rowCounts(path)
    XCTAssertThrowsError(try target.importJSON(data, source: "backup.json"), file: file, line: line) { error in
      guard let error = error as? JournalError else {
        return XCTFail("not a JournalError: \(error)", file: file, line: line)
      }
      XCTAssertEqual(error.path, "backup.json", file: file, line: line)
      let text = error.description
      for part in words + ["backup.json: ", "Nothing was imported."] {
        XCTAssertTrue(text.contains(part), "'\(part)' in: \(text)", file: file, line: line)
      }
      for word in Self.internals {
        XCTAssertFalse(text.contains(word), "'\(word)' in: \(text)", file: file, line: line)
      }
      XCTAssertFalse(
        text.unicodeScalars.contains { UnsafeCharacters.problem(with: $0) != nil || $0 == "\n" },
        "an unsafe character in the message: \(UnsafeCharacters.visible(text))", file: file, line: line)
      XCTAssertLessThan(text.count, 400, "a message, not the file: \(text)", file: file, line: line)
    }
    XCTAssertEqual(try rowCounts(path), before, "nothing imported", file: file, line: line)
  }

  private let session = "session 1 (engine-test, 2025-03-01)"

  func testTheExportItselfImports() throws {
    let target = try open(journalPath("target.sqlite"))
    XCTAssertEqual(try target.importJSON(try exported(), source: "backup.json").sessionsAdded, 1)
  }

  // MARK: Texts follow the routine files' rules

  func testEscapesAndTextDirectionControlsInTextsAreRefused() throws {
    let cases: [(String, Any, [String])] = [
      ("routineTitle", "Neck \u{1B}]0;pwned\u{07}", ["'routineTitle' holds an escape character"]),
      ("routineTitle", "Neck \u{202E}kcab", ["'routineTitle' holds the invisible text-direction control U+202E"]),
      ("routineTitle", "Neck\u{2066}", ["U+2066"]),
      ("routineTitle", "CSI \u{9B}31m", ["the C1 control character U+009B"]),
      ("routineTitle", "bell\u{07}", ["the control character U+0007"]),
      ("routineTitle", "two\nlines", ["'routineTitle' holds a tab or a line break"]),
      ("routineTitle", "   ", ["'routineTitle' is empty"]),
      ("routineTitle", String(repeating: "long ", count: 100_000), ["'routineTitle' is 500000 characters long"]),
      ("stopRule", "stop \u{1B}[2J", ["'stopRule' holds an escape character"]),
      ("contentHash", "\u{1B}[31m", ["'contentHash' holds an escape character"]),
    ]
    for (field, value, words) in cases {
      try assertRefused(try edited { $0[field] = value }, saying: [session + ": "] + words)
    }
  }

  func testIdsAreIds() throws {
    try assertRefused(
      try edited { $0["routineID"] = "../../etc/passwd" },
      saying: ["session 1 (../../etc/passwd, 2025-03-01): 'routineID' is '../../etc/passwd', which is not an id"])
    try assertRefused(
      try edited { $0["routineID"] = "Neck\u{1B}[2J" },
      saying: ["'routineID' is 'Neck\\u{1B}[2J', which is not an id"])
    try assertRefused(
      try edited { $0["muscles"] = ["rhomboids", "DROP TABLE"] }, saying: ["'muscles' is 'DROP TABLE'"])
    try assertRefused(
      try tree { tree in
        var checks = tree["safetyChecks"] as! [[String: Any]]
        checks[0]["answers"] = ["\u{1B}]8;;http://x\u{07}": true]
        tree["safetyChecks"] = checks
      }, saying: ["safety check 1: 'answers' is '\\u{1B}]8;;http://x\\u{7}', which is not an id"])
  }

  // MARK: Numbers a session can have

  func testRatingsOutsideZeroToTenAreRefused() throws {
    try assertRefused(
      try edited { $0["before"] = 14 },
      saying: ["backup.json: \(session): 'before' is 14; a rating is a whole number from 0 to 10"])
    try assertRefused(try edited { $0["after"] = -1 }, saying: ["'after' is -1"])
    try assertRefused(
      try edited { session in
        var ratings = session["ratings"] as! [[String: Any]]
        ratings[0]["value"] = 11
        session["ratings"] = ratings
      }, saying: [session + ": 'value' of rating 1 is 11; a rating is a whole number from 0 to 10"])
  }

  func testImpossibleDurationsAreRefused() throws {
    try assertRefused(try edited { $0["activeMs"] = -5 }, saying: ["'activeMs' is -5; a duration is never negative"])
    try assertRefused(
      try edited { $0["pausedMs"] = Int64.max },
      saying: ["'pausedMs' is \(Int64.max); that is more than a year in milliseconds"])
    try assertRefused(
      try edited { $0["plannedSeconds"] = 10_000_000 }, saying: ["'plannedSeconds' is 10000000; a planned time"])
    try assertRefused(
      try edited { session in
        var steps = session["steps"] as! [[String: Any]]
        steps[0]["stepIndex"] = -3
        session["steps"] = steps
      }, saying: ["'stepIndex' of step 1 is -3; steps are counted from 0"])
  }

  func testImpossibleTimesAreRefused() throws {
    try assertRefused(
      try edited { $0["startedAt"] = "1970-01-01T00:00:00.000Z" },
      saying: ["session 1 (engine-test, 1970-01-01): 'startedAt' is 1970-01-01T00:00:00.000Z", "from 2000 to 2100"])
    try assertRefused(
      try edited { $0["startedAt"] = "2999-01-01T00:00:00.000Z" }, saying: ["from 2000 to 2100"])
    try assertRefused(
      try edited { $0["endedAt"] = "2025-03-01T07:00:00.000Z" },
      saying: [session + ": 'endedAt' is before 'startedAt'; something ends after it starts"])
    try assertRefused(
      try edited { $0["startedAt"] = "next Tuesday" },
      saying: ["session 1 (engine-test, 'next Tuesday'): 'startedAt' is 'next Tuesday', which is not a time"])
  }

  func testAnUnknownOutcomeIsNamedNotLeftToTheDatabase() throws {
    try assertRefused(try edited { $0["outcome"] = "exploded" }, saying: [session + ": 'outcome' is 'exploded'"])
    try assertRefused(
      try tree { tree in
        var checks = tree["safetyChecks"] as! [[String: Any]]
        checks[0]["outcome"] = "fine"
        tree["safetyChecks"] = checks
      }, saying: ["safety check 1: 'outcome' is 'fine'; it is one of 'clear'"])
    try assertRefused(
      try edited { session in
        var ratings = session["ratings"] as! [[String: Any]]
        ratings[0]["skipped"] = true
        session["ratings"] = ratings
      }, saying: [session + ": rating 1 is marked skipped but has a 'value'"])
  }

  // MARK: Wrong types and numbers a reader cannot hold

  func testWrongTypesAreNamedInPlainWords() throws {
    try assertRefused(
      try edited { $0["plannedSeconds"] = "600" },
      saying: [session + ": 'plannedSeconds' is text ('600'); it should be a whole number"])
    try assertRefused(
      try edited { $0["before"] = "NaN" }, saying: [session + ": 'before' is text ('NaN'); it should be a whole number"]
    )
    try assertRefused(
      try edited { $0["routineTitle"] = 42 }, saying: [session + ": 'routineTitle' is the number 42; it should be text"]
    )
    try assertRefused(
      try edited { $0["steps"] = "none" }, saying: [session + ": 'steps' is text ('none'); it should be a list"])
    try assertRefused(
      try edited { $0["routineTitle"] = NSNull() }, saying: [session + ": 'routineTitle' is empty (null)"])
    try assertRefused(try edited { $0["routineTitle"] = nil }, saying: [session + ": 'routineTitle' is missing"])
    try assertRefused(
      try edited { session in
        var ratings = session["ratings"] as! [[String: Any]]
        ratings[0]["value"] = "7"
        session["ratings"] = ratings
      }, saying: [session + ": 'value' of rating 1 is text ('7')"])
  }

  func testNumbersTooLargeOrNotWholeAreNamed() throws {
    try assertRefused(
      try edited { $0["activeMs"] = 1e30 }, saying: [session + ": 'activeMs' is", "a number too large for unknot"])
    try assertRefused(
      try edited { $0["plannedSeconds"] = 3.5 }, saying: [session + ": 'plannedSeconds' is 3.5; it should be a whole"])
    let text = String(decoding: try edited { $0["plannedSeconds"] = 123_456_789 }, as: UTF8.self)
    try assertRefused(
      Data(text.replacingOccurrences(of: "123456789", with: "123456789123456789123456789").utf8),
      saying: [session + ": 'plannedSeconds' is", "a number too large"])
    try assertRefused(
      Data(text.replacingOccurrences(of: "123456789", with: "NaN").utf8), saying: ["this file is not JSON"])
  }

  // MARK: Files that are no export at all

  func testBrokenFilesAreAnsweredInASentence() throws {
    let whole = try exported()
    try assertRefused(whole.prefix(whole.count / 2), saying: ["cut short"])
    try assertRefused(Data(repeating: UInt8(ascii: "["), count: 100_000), saying: ["more than 32 deep"])
    try assertRefused(
      Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
      saying: ["more than 32 deep"])
    try assertRefused(Data(), saying: ["this file is empty"])
    try assertRefused(Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), saying: ["not UTF-8 text (byte 3 is not)"])
    try assertRefused(Data("[1, 2, 3]".utf8), saying: ["this is not an unknot journal export"])
    try assertRefused(Data(#"{"format": "unknot-journal"}"#.utf8), saying: ["this is not an unknot journal export"])
    try assertRefused(Data("{\"a\": ,}".utf8), saying: ["this file is not JSON that unknot can read"])
  }

  func testAnEnormousFileIsRefusedBeforeItIsRead() throws {
    // Sparse: a gigabyte on paper, nothing on the disk and nothing read into memory.
    let file = folder + "/huge.json"
    XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("{".utf8)))
    XCTAssertEqual(truncate(file, 1 << 30), 0)
    let path = journalPath()
    XCTAssertThrowsError(try JournalTransfer.importFile(file, intoJournalAt: path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(file): this file is 1024 MB, larger than any unknot export (at most 512 MB). "
          + "Nothing was imported.")
    }
  }

  func testImportReportsItsProgressSessionBySession() throws {
    let source = try open(journalPath("source.sqlite"))
    _ = try JournalGenerator.generate(into: source, days: 12, seed: 3)
    let target = try open(journalPath("target.sqlite"))
    nonisolated(unsafe) var heard: [[Int]] = []
    _ = try target.importJSON(try source.exportJSON(), source: "backup.json") { done, all in heard.append([done, all]) }
    XCTAssertEqual(heard, (1...12).map { [$0, 12] })
  }
}
