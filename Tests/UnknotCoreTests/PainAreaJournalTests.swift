import Foundation
import XCTest

@testable import UnknotCore

/// Where it hurts and the notices put away, in the journal: the v5 migration, writing
/// and reading them, and carrying them through export and import.
final class PainAreaJournalTests: JournalTestCase {
  static let morning = Date(timeIntervalSince1970: 1_740_814_200)

  func testAVersion4JournalGainsTheNewTablesAndKeepsItsRows() throws {
    let path = try olderJournal(
      upTo: "v4",
      rows: """
        INSERT INTO sessions (id, routine_id, routine_title, content_hash, started_at, ended_at, outcome,
          muscles, before_rating, after_rating)
        VALUES (1, 'chin-tucks', 'Chin tucks', 'h1', 1740814200000, 1740814500000, 'finished', 'suboccipitals', 6, 4);
        INSERT INTO safety_checks (checked_at, outcome, answers) VALUES (1740814100000, 'clear', '{}');
        """)
    let journal = try open(path)
    XCTAssertEqual(try rows(path, "SELECT max(identifier) FROM grdb_migrations"), [["v7"]])
    XCTAssertEqual(
      try rows(path, "SELECT routine_id, before_rating, after_rating FROM sessions"), [["chin-tucks", "6", "4"]])
    XCTAssertEqual(try number(path, "SELECT count(*) FROM safety_checks"), 1)
    XCTAssertEqual(try journal.painMarks(since: nil), [])
    XCTAssertEqual(
      try journal.trendSessions(since: Self.morning.addingTimeInterval(-60)),
      [PainTrendWatch.Session(startedAt: Self.morning, muscles: [.suboccipitals], before: 6)])
    try journal.record([PainMark(markedAt: Self.morning, group: .neck, rating: 6)])
    XCTAssertEqual(try rows(path, "SELECT muscle_group, rating FROM pain_marks"), [["neck", "6"]])
  }

  func testTheTablesRefuseRatingsOutsideTheScale() throws {
    let path = journalPath()
    let journal = try open(path)
    XCTAssertThrowsError(try journal.record([PainMark(markedAt: Self.morning, group: .neck, rating: 11)]))
    XCTAssertThrowsError(
      try journal.record([
        PainMark(markedAt: Self.morning, group: .neck, rating: 4),
        PainMark(markedAt: Self.morning, group: .chest, rating: -1),
      ]))
    // All or none: the good mark of the refused pair was not kept either.
    XCTAssertEqual(try journal.painMarks(since: nil), [])
  }

  func testMarksAndDismissalsReadBackInOrderAndFromADay() throws {
    let journal = try open(journalPath())
    let later = Self.morning.addingTimeInterval(3600)
    try journal.record([
      PainMark(markedAt: later, group: .shoulders, rating: 3),
      PainMark(markedAt: Self.morning, group: .neck, rating: 7),
    ])
    try journal.record(NoticeDismissal(kind: .painNotEasing, group: .neck, dismissedAt: later))
    XCTAssertEqual(try journal.painMarks(since: nil).map(\.group), [.neck, .shoulders])
    XCTAssertEqual(try journal.painMarks(since: later).map(\.rating), [3])
    XCTAssertEqual(
      try journal.noticeDismissals(), [NoticeDismissal(kind: .painNotEasing, group: .neck, dismissedAt: later)])
  }

  private func journalWithAreas() throws -> SQLiteJournal {
    let journal = try open(journalPath("source.sqlite"))
    try journal.record([
      PainMark(markedAt: Self.morning, group: .neck, rating: 6),
      PainMark(markedAt: Self.morning.addingTimeInterval(0.25), group: .betweenBlades, rating: 4),
    ])
    try journal.record(NoticeDismissal(kind: .painNotEasing, group: .neck, dismissedAt: Self.morning))
    return journal
  }

  func testExportAndImportCarryMarksAndDismissalsExactly() throws {
    let source = try journalWithAreas()
    let exported = try source.exportJSON()
    let text = String(decoding: exported, as: UTF8.self)
    XCTAssertTrue(text.contains("\"group\" : \"between-blades\""), text)
    let copy = try open(journalPath("copy.sqlite"))
    let result = try copy.importJSON(exported, source: "areas.json")
    XCTAssertEqual(result.painMarksAdded, 2)
    XCTAssertEqual(result.dismissalsAdded, 1)
    XCTAssertEqual(try copy.exportJSON(), exported)
    // Twice the same file adds nothing the second time.
    let again = try copy.importJSON(exported, source: "areas.json")
    XCTAssertEqual(again.painMarksAdded, 0)
    XCTAssertEqual(again.dismissalsAdded, 0)
    XCTAssertEqual(try copy.painMarks(since: nil).count, 2)
  }

  func testAVersion1ExportWithoutAreasStillImports() throws {
    let old = #"{"format":"unknot-journal","version":1,"safetyChecks":[],"sessions":[]}"#
    let journal = try open(journalPath())
    XCTAssertEqual(try journal.importJSON(Data(old.utf8), source: "old.json").painMarksAdded, 0)
  }

  func testImportRefusesBadAreasNamingTheFileAndTheFieldAndKeepsNothing() throws {
    let good = try journalWithAreas().exportDocument()
    func refused(_ change: (inout JournalExportDocument) -> Void, saying words: String) throws {
      var document = good
      change(&document)
      let journal = try open(journalPath("target-\(UUID().uuidString).sqlite"))
      XCTAssertThrowsError(try journal.importJSON(try JSONEncoder().encode(document), source: "/tmp/bad.json")) {
        error in
        let text = "\(error)"
        XCTAssertTrue(text.contains("/tmp/bad.json"), text)
        XCTAssertTrue(text.contains(words), text)
        XCTAssertTrue(text.contains("Nothing was imported"), text)
      }
      XCTAssertEqual(try journal.painMarks(since: nil), [])
      XCTAssertEqual(try journal.noticeDismissals(), [])
    }
    try refused({ $0.painMarks![1].group = "elbow" }, saying: "painMarks[1].group 'elbow' is not a muscle group")
    try refused({ $0.painMarks![0].rating = 12 }, saying: "painMarks[0].rating 12 is not a rating from 0 to 10")
    try refused({ $0.painMarks![1].markedAt = "2025-02-30T07:00:00.000Z" }, saying: "painMarks[1].markedAt")
    try refused({ $0.dismissedNotices![0].dismissedAt = "soon" }, saying: "dismissedNotices[0].dismissedAt 'soon'")
    try refused({ $0.dismissedNotices![0].kind = "shout" }, saying: "dismissedNotices[0].kind 'shout'")
  }
}
