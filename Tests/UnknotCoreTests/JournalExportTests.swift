import Foundation
import XCTest

@testable import UnknotCore

/// Export to JSON and CSV, and import of the JSON: exact round trips, no duplicates.
final class JournalExportTests: JournalTestCase {
  /// A journal with something of everything: generated days, a finished session, one
  /// whose process died (so it keeps its event log), safety checks, an awkward title
  /// (quotes, a comma, accents and CJK; a line break is not for import, see ImportRules).
  private func variedJournal() throws -> SQLiteJournal {
    let journal = try open(journalPath("source.sqlite"))
    _ = try JournalGenerator.generate(into: journal, days: 25, seed: 5)
    try journal.record(
      SafetyCheck(
        date: JournalFixtures.morning, answers: ["a-chest-pain": false, "b-pregnancy": true], outcome: .clinicianAgreed)
    )
    try journal.record(
      SafetyCheck(date: JournalFixtures.morning.addingTimeInterval(0.25), answers: [:], outcome: .clear))
    let awkward = JournalFixtures.start(title: "Neck, \"upper\" back and rhomboïds — 肩", at: JournalFixtures.morning)
    let finished = try journal.beginSession(awkward)
    try journal.append(JournalFixtures.singleHoldSession(), to: finished)
    do {
      let dying = try open(journal.path)
      let id = try dying.beginSession(JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(7200)))
      try dying.append(JournalFixtures.abandonedSession(), to: id)
    }
    XCTAssertEqual(try journal.markInterruptedSessions(), 1)
    return journal
  }

  func testExportImportExportIsExact() throws {
    let source = try variedJournal()
    let exported = try source.exportJSON()
    let document = try source.exportDocument()
    XCTAssertEqual(document.sessions.count, 27)
    XCTAssertEqual(document.safetyChecks.count, 2)
    // Generated sessions may die too, but write no event log: the hand-made one does.
    let dead = document.sessions.first { $0.outcome == "interrupted" && $0.routineID == EngineFixtures.singleHold().id }
    XCTAssertNotNil(dead?.events, "the dead session's log")

    let copy = try open(journalPath("copy.sqlite"))
    let result = try copy.importJSON(exported, source: "export.json")
    XCTAssertEqual(
      result,
      JournalImportResult(
        sessionsAdded: 27, sessionsAlreadyPresent: 0, safetyChecksAdded: 2, safetyChecksAlreadyPresent: 0))
    XCTAssertEqual(String(decoding: try copy.exportJSON(), as: UTF8.self), String(decoding: exported, as: UTF8.self))
    XCTAssertEqual(try copy.exportCSV(), try source.exportCSV())
    XCTAssertEqual(try copy.routineStatistics(), try source.routineStatistics())
  }

  /// A file says which unknot wrote it, and a file that does not say (any export
  /// written before it did) imports all the same.
  func testTheExportNamesTheUnknotThatWroteItAndImportDoesNotNeedIt() throws {
    let source = try variedJournal()
    let text = String(decoding: try source.exportJSON(), as: UTF8.self)
    XCTAssertTrue(text.contains("\"unknotVersion\" : \"\(UnknotVersion.current)\",\n  \"version\" : 3\n}"), text)

    var older = try source.exportDocument()
    older.unknotVersion = nil
    let file = try JSONEncoder().encode(older)
    XCTAssertFalse(String(decoding: file, as: UTF8.self).contains("unknotVersion"))
    let copy = try open(journalPath("copy.sqlite"))
    XCTAssertEqual(try copy.importJSON(file, source: "older.json").sessionsAdded, 27)
    XCTAssertEqual(try copy.exportJSON(), try source.exportJSON(), "exported again, it names this unknot")
  }

  func testImportingTheSameFileTwiceAddsNothing() throws {
    let source = try variedJournal()
    let exported = try source.exportJSON()
    let copy = try open(journalPath("copy.sqlite"))
    try copy.importJSON(exported, source: "export.json")
    let once = try copy.exportJSON()
    XCTAssertEqual(
      try copy.importJSON(exported, source: "export.json"),
      JournalImportResult(
        sessionsAdded: 0, sessionsAlreadyPresent: 27, safetyChecksAdded: 0, safetyChecksAlreadyPresent: 2))
    XCTAssertEqual(try copy.exportJSON(), once)
    // Into the journal it came from: everything is already there.
    XCTAssertEqual(try source.importJSON(exported, source: "export.json").sessionsAdded, 0)
    XCTAssertEqual(try source.exportJSON(), exported)
  }

  func testImportingIntoAJournalWithOtherSessionsMergesThem() throws {
    let source = try variedJournal()
    let target = try open(journalPath("target.sqlite"))
    _ = try JournalGenerator.generate(
      into: target, days: 10, seed: 99, firstDay: Date(timeIntervalSince1970: 1_600_000_000))
    let result = try target.importJSON(try source.exportJSON(), source: "export.json")
    XCTAssertEqual(result.sessionsAdded, 27)
    XCTAssertEqual(try target.counts().sessions, 37)
  }

  func testTheExportIsSortedAndDatedToTheMillisecond() throws {
    let journal = try open(journalPath())
    let start = JournalFixtures.start(at: Date(timeIntervalSince1970: 1_740_814_200.123_456))
    let id = try journal.beginSession(start)
    try journal.append(JournalFixtures.singleHoldSession(), to: id)
    let text = String(decoding: try journal.exportJSON(), as: UTF8.self)
    XCTAssertTrue(text.contains(#""startedAt" : "2025-03-01T07:30:00.123Z""#), text)
    XCTAssertTrue(
      text.hasPrefix(
        "{\n  \"dismissedNotices\" : [\n\n  ],\n  \"format\" : \"unknot-journal\",\n  \"painMarks\" : [\n\n  ],\n"
          + "  \"programmes\" : [\n\n  ],\n  \"safetyChecks\" : [\n\n  ],\n  \"sessions\""), text)
    XCTAssertTrue(text.contains(#""ratedAt" : "2025-03-01T07:30:01.623Z""#), text)
    XCTAssertTrue(text.hasSuffix("\"version\" : 3\n}\n"), text)
  }

  func testCSVFollowsRFC4180() throws {
    let journal = try open(journalPath())
    let awkward = JournalFixtures.start(title: "Neck, \"upper\" back\r\nand more", at: JournalFixtures.morning)
    let id = try journal.beginSession(awkward)
    try journal.append(JournalFixtures.singleHoldSession(before: 6, after: 4), to: id)
    let plain = try journal.beginSession(
      JournalFixtures.start(title: "Plain", at: JournalFixtures.morning.addingTimeInterval(60)))
    try journal.append([.sessionEnded(outcome: .quit, at: EngineTime.s(5))], to: plain)
    let active = try XCTUnwrap(journal.history().last?.activeMilliseconds)

    let csv = try journal.exportCSV()
    XCTAssertEqual(
      csv,
      "date,routine_id,title,outcome,stop_reason,stop_rule,before,after,change,percent,active_seconds,"
        + "paused_seconds,muscle_ratings,checklist_to_change\r\n"
        + "2025-03-01T07:30:00.000Z,engine-test,\"Neck, \"\"upper\"\" back\r\nand more\",finished,,,6,4,-2,-33,"
        + "\(JournalExportTests.seconds(active)),10.000,,\r\n"
        + "2025-03-01T07:31:00.000Z,engine-test,Plain,quit,,,,,,,0.000,0.000,,\r\n")
  }

  func testCSVTextThatWouldStartAFormulaIsNeutralisedButNumbersAreNot() throws {
    let cases: [(String, String)] = [
      ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
      ("@SUM(A1)", "'@SUM(A1)"), ("\tTab", "'\tTab"), ("\rCR", "'\rCR"), ("Neck = fine", "Neck = fine"),
      ("", ""), ("'quoted", "'quoted"),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(SQLiteJournal.formulaSafe(text), expected, text)
    }
    let journal = try open(journalPath())
    let id = try journal.beginSession(JournalFixtures.start(title: "=1+2", at: JournalFixtures.morning))
    try journal.append(JournalFixtures.singleHoldSession(before: 6, after: 4), to: id)
    let row = try journal.exportCSV().split(separator: "\r\n")[1]
    XCTAssertTrue(row.hasPrefix("2025-03-01T07:30:00.000Z,engine-test,'=1+2,finished,,,6,4,-2,-33,"), "\(row)")
    XCTAssertTrue(
      String(decoding: try journal.exportJSON(), as: UTF8.self).contains(#""routineTitle" : "=1+2""#),
      "the JSON export keeps the text as it is")
  }

  func testTheJSONExportWritesTerminalControlsAsEscapesWithTheSameValue() throws {
    let journal = try open(journalPath())
    let title = "older import \u{202E}kcab\u{9B}2J\u{1B}[31m"
    let id = try journal.beginSession(JournalFixtures.start(title: title, at: JournalFixtures.morning))
    try journal.append(JournalFixtures.singleHoldSession(), to: id)
    let exported = try journal.exportJSON()
    XCTAssertFalse(
      String(decoding: exported, as: UTF8.self).unicodeScalars.contains {
        $0 != "\n" && UnsafeCharacters.problem(with: $0) != nil
      })
    let text = String(decoding: exported, as: UTF8.self)
    XCTAssertTrue(text.contains(#"older import \u202Ekcab\u009B2J\u001b[31m"#), text)
    XCTAssertEqual(try JSONDecoder().decode(JournalExportDocument.self, from: exported).sessions[0].routineTitle, title)
  }

  func testCSVFieldsAreQuotedOnlyWhenTheyMustBe() {
    XCTAssertEqual(SQLiteJournal.csvField("plain text"), "plain text")
    XCTAssertEqual(SQLiteJournal.csvField("a,b"), "\"a,b\"")
    XCTAssertEqual(SQLiteJournal.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
    XCTAssertEqual(SQLiteJournal.csvField("line\nbreak"), "\"line\nbreak\"")
    XCTAssertEqual(SQLiteJournal.csvField("carriage\rreturn"), "\"carriage\rreturn\"")
    XCTAssertEqual(SQLiteJournal.csvField("crlf\r\nend"), "\"crlf\r\nend\"")
    XCTAssertEqual(SQLiteJournal.csvField(""), "")
    XCTAssertEqual(SQLiteJournal.seconds(milliseconds: 61_250), "61.250")
    XCTAssertEqual(SQLiteJournal.seconds(milliseconds: 5), "0.005")
  }

  func testAFileThatIsNotAnExportImportsNothing() throws {
    let journal = try open(journalPath())
    XCTAssertThrowsError(try journal.importJSON(Data("[1, 2, 3]".utf8), source: "/tmp/list.json")) { error in
      let error = error as? JournalError
      XCTAssertEqual(error?.kind, .notAnExport)
      XCTAssertEqual(error?.path, "/tmp/list.json")
      XCTAssertTrue(error?.message.contains("not an unknot journal export") ?? false)
    }
    let newer = #"{"format":"unknot-journal","version":4,"safetyChecks":[],"sessions":[]}"#
    XCTAssertThrowsError(try journal.importJSON(Data(newer.utf8), source: "new.json")) { error in
      XCTAssertEqual((error as? JournalError)?.kind, .newerSchema)
    }
    // One bad time anywhere, and none of the file is imported.
    var document = try variedJournal().exportDocument()
    document.sessions[3].ratings[0].ratedAt = "yesterday"
    let data = try JSONEncoder().encode(document)
    XCTAssertThrowsError(try journal.importJSON(data, source: "bad.json")) { error in
      XCTAssertTrue("\(error)".contains("'ratedAt' of rating 1 is 'yesterday', which is not a time"), "\(error)")
      XCTAssertEqual((error as? JournalError)?.kind, .notAnExport)
    }
    XCTAssertEqual(try journal.counts().sessions, 0)
  }

  func testTimesAreWrittenAndReadExactly() {
    XCTAssertEqual(JournalTime.iso8601(milliseconds: 0), "1970-01-01T00:00:00.000Z")
    XCTAssertEqual(JournalTime.iso8601(milliseconds: 1_740_814_200_123), "2025-03-01T07:30:00.123Z")
    XCTAssertEqual(JournalTime.iso8601(milliseconds: 951_782_400_000), "2000-02-29T00:00:00.000Z")
    XCTAssertEqual(JournalTime.iso8601(milliseconds: -1), "1969-12-31T23:59:59.999Z")
    var generator = SplitMix64(seed: 3)
    for _ in 0..<2000 {
      let milliseconds = Int64.random(in: 0...4_102_444_800_000, using: &generator)
      XCTAssertEqual(JournalTime.milliseconds(iso8601: JournalTime.iso8601(milliseconds: milliseconds)), milliseconds)
    }
    for bad in [
      "2025-02-29T00:00:00.000Z", "2025-03-01T24:00:00.000Z", "2025-03-01 07:30:00.000Z",
      "2025-03-01T07:30:00Z", "2025-13-01T07:30:00.000Z", "２025-03-01T07:30:00.000Z",
    ] {
      XCTAssertNil(JournalTime.milliseconds(iso8601: bad), bad)
    }
    XCTAssertEqual(JournalTime.milliseconds(nanoseconds: 1_499_999), 1)
    XCTAssertEqual(JournalTime.milliseconds(nanoseconds: 1_500_000), 2)
    XCTAssertEqual(JournalTime.milliseconds(nanoseconds: -1_500_000), -2)
  }

  private static func seconds(_ milliseconds: Int64) -> String {
    SQLiteJournal.seconds(milliseconds: milliseconds)
  }
}
