import Foundation
import XCTest

@testable import UnknotCore

/// What `unknot history` prints, as table, CSV and JSON, and the filters it takes.
final class HistoryReportTests: ReportTestCase {
  /// Three sessions: finished 6→3, quit after rating 5, stopped for safety unrated.
  private func threeSessions() throws -> SQLiteJournal {
    let journal = try open(journalPath())
    try addSession(journal, routine: "between-blades-ball", day: 0, before: 6, after: 3)
    try addSession(
      journal, routine: "chin-tucks", muscles: [.suboccipitals], day: 1, before: 5, after: nil, outcome: .quit)
    try addSession(
      journal, routine: "a-routine-id-far-too-long-for-the-table", day: 2, before: nil, after: nil,
      outcome: .stoppedForSafety)
    return journal
  }

  // MARK: Table

  func testTheTableHasARowPerSessionOldestFirstWithItsChange() throws {
    let report = try HistoryReport(journal: threeSessions(), filter: JournalFilter())
    let lines = report.table(timeZone: Self.utc).components(separatedBy: "\n")
    XCTAssertEqual(
      lines[0].split(separator: " ").map(String.init),
      ["date", "routine", "outcome", "before", "after", "change", "percent"])
    XCTAssertTrue(lines[1].hasPrefix("2025-03-01 07:30  between-blades-ball"), lines[1])
    XCTAssertTrue(lines[1].hasSuffix("finished         6     3     -3    -50%"), lines[1])
    XCTAssertTrue(lines[2].hasPrefix("2025-03-02 07:30  chin-tucks"), lines[2])
    XCTAssertTrue(lines[2].hasSuffix("quit             5"), "no rating after, no change: \(lines[2])")
    XCTAssertTrue(lines[3].contains("safety stop"), lines[3])
    XCTAssertEqual(lines[4], "                  stopped for: Sharp, shooting or spreading pain")
    XCTAssertEqual(lines[5], "3 sessions, 1 with a rating before and after.")
    XCTAssertEqual(
      lines[6...].joined(separator: " ").trimmingCharacters(in: .whitespaces),
      "Of these, 1 had an important reduction (at least 2 points and at least 30% less pain), and 0 a rise of 2 "
        + "points or more; a change under 2 points is within the usual day-to-day variation, whatever its percent.")
  }

  /// 1 → 0 shows as −100%, as the ratings were; the line under the table says it is not
  /// an important reduction, and the CSV and JSON say what each change means.
  func testEachChangeIsCountedByTheTwoPointAndThirtyPercentRule() throws {
    let journal = try open(journalPath())
    let pairs = [(1, 0), (2, 0), (3, 1), (9, 7), (9, 6), (10, 5), (3, 4), (4, 6)]
    for (day, pair) in pairs.enumerated() {
      try addSession(journal, routine: "r", day: day, before: pair.0, after: pair.1)
    }
    let report = try HistoryReport(journal: journal, filter: JournalFilter())
    let table = report.table(timeZone: Self.utc)
    XCTAssertTrue(table.contains("finished      1     0     -1   -100%"), "the numbers as rated: \(table)")
    XCTAssertTrue(
      table.replacingOccurrences(of: "\n", with: " ").contains(
        "Of these, 4 had an important reduction (at least 2 points and at least 30% less pain), and 1 a rise of 2 "
          + "points or more"), table)
    let expected = [
      "within-variation", "substantial", "substantial", "small", "moderate", "substantial", "within-variation",
      "rose",
    ]
    XCTAssertEqual(parseCSV(report.csv()).dropFirst().map { $0[10] }, expected)
    let objects = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
    XCTAssertEqual(objects.map { $0["band"] as? String }, expected)
  }

  func testTheTableFitsEightyColumnsByClippingLongRoutineIDs() throws {
    let table = try HistoryReport(journal: threeSessions(), filter: JournalFilter()).table(timeZone: Self.utc)
    for line in table.split(separator: "\n") {
      XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, String(line))
    }
    XCTAssertTrue(table.contains("a-routine-id-far-too…"), table)
  }

  func testTheTableShowsLocalTime() throws {
    let report = try HistoryReport(journal: threeSessions(), filter: JournalFilter())
    let tokyo = report.table(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    XCTAssertTrue(tokyo.contains("2025-03-01 16:30  between-blades-ball"), tokyo)
  }

  // MARK: CSV

  func testCSVQuotesTitlesWithCommasQuotesAndNewlines() throws {
    let journal = try open(journalPath())
    let titles = ["Neck, then shoulders", "The \"gentle\" one", "Two\nlines", "Windows\r\nline", "Plain"]
    for (index, title) in titles.enumerated() {
      try addSession(journal, routine: "r\(index)", title: title, day: index, before: 4, after: 2)
    }
    let csv = try HistoryReport(journal: journal, filter: JournalFilter()).csv()
    XCTAssertTrue(
      csv.hasPrefix("date,routine,title,outcome,stop_reason,stop_rule,before,after,change,percent,band\r\n"), csv)
    XCTAssertTrue(csv.contains(",\"Neck, then shoulders\","), csv)
    XCTAssertTrue(csv.contains(",\"The \"\"gentle\"\" one\","), csv)
    XCTAssertTrue(csv.contains(",\"Two\nlines\","), csv)
    XCTAssertTrue(csv.contains(",Plain,"), "a plain field is not quoted: \(csv)")
    let records = parseCSV(csv)
    XCTAssertEqual(records.count, titles.count + 1)
    XCTAssertEqual(records.dropFirst().map { $0[2] }, titles, "the titles read back exactly")
    XCTAssertEqual(
      records[1],
      [
        "2025-03-01T07:30:00.000Z", "r0", "Neck, then shoulders", "finished", "", "", "4", "2", "-2", "-50",
        "substantial",
      ])
    XCTAssertTrue(records.allSatisfy { $0.count == 11 })
  }

  func testCSVLeavesMissingValuesEmpty() throws {
    let records = parseCSV(try HistoryReport(journal: threeSessions(), filter: JournalFilter()).csv())
    XCTAssertEqual(
      records[2],
      ["2025-03-02T07:30:00.000Z", "chin-tucks", "Routine chin-tucks", "quit", "", "", "5", "", "", "", ""])
    XCTAssertEqual(records[3][3...4], ["stopped-for-safety", "sharp-pain"])
  }

  func testAnEmptyHistoryIsJustTheHeader() {
    XCTAssertEqual(
      HistoryReport(rows: []).csv(),
      "date,routine,title,outcome,stop_reason,stop_rule,before,after,change,percent,band\r\n")
    XCTAssertEqual(HistoryReport(rows: []).json(), "[]\n")
  }

  // MARK: JSON

  func testJSONIsAnArrayOfObjectsWithEveryKey() throws {
    let json = try HistoryReport(journal: threeSessions(), filter: JournalFilter()).json()
    let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    XCTAssertEqual(objects.count, 3)
    for object in objects {
      XCTAssertEqual(
        Set(object.keys),
        [
          "date", "routine", "title", "outcome", "stopReason", "stopRule", "before", "after", "change", "percent",
          "band", "muscleRatings",
        ])
    }
    XCTAssertEqual(objects[0]["date"] as? String, "2025-03-01T07:30:00.000Z")
    XCTAssertEqual(objects[0]["routine"] as? String, "between-blades-ball")
    XCTAssertEqual(objects[0]["change"] as? Int, -3)
    XCTAssertEqual(objects[0]["percent"] as? Int, -50)
    XCTAssertEqual(objects[0]["band"] as? String, "substantial")
    XCTAssertTrue(objects[1]["band"] is NSNull, "no change without both ratings")
    XCTAssertTrue(objects[1]["after"] is NSNull, "a missing rating is null")
    XCTAssertEqual(objects[2]["outcome"] as? String, "stopped-for-safety")
    XCTAssertEqual(objects[2]["stopReason"] as? String, "sharp-pain")
    XCTAssertTrue(objects[0]["stopReason"] is NSNull, "every key, null when it does not apply")
  }

  // MARK: Filters

  func testFiltersBySinceRoutineAndMuscle() throws {
    let journal = try threeSessions()
    func routines(_ filter: JournalFilter) throws -> [String] {
      try HistoryReport(journal: journal, filter: filter).rows.map(\.routineID)
    }
    let secondDay = try XCTUnwrap(DateText.startOfDay("2025-03-02", in: Self.utc))
    XCTAssertEqual(try routines(JournalFilter(since: secondDay)).count, 2)
    XCTAssertEqual(try routines(JournalFilter(routineID: "chin-tucks")), ["chin-tucks"])
    XCTAssertEqual(try routines(JournalFilter(muscle: .suboccipitals)), ["chin-tucks"])
    XCTAssertEqual(try routines(JournalFilter(muscle: .rhomboids)).count, 2)
    XCTAssertEqual(try routines(JournalFilter(since: secondDay, muscle: .rhomboids)).count, 1)
    // In Tokyo, March 2nd begins at 15:00 UTC on March 1st: after the first session.
    let tokyoSecondDay = try XCTUnwrap(DateText.startOfDay("2025-03-02", in: TimeZone(identifier: "Asia/Tokyo")!))
    XCTAssertEqual(try routines(JournalFilter(since: tokyoSecondDay)).count, 2)
    let tokyoFirstDay = try XCTUnwrap(DateText.startOfDay("2025-03-01", in: TimeZone(identifier: "Asia/Tokyo")!))
    XCTAssertEqual(try routines(JournalFilter(since: tokyoFirstDay)).count, 3)
  }

  func testTheRoutineIDsOfTheJournalAreKnownWithTheirLatestTitle() throws {
    let journal = try open(journalPath())
    try addSession(journal, routine: "a", title: "Old title", day: 0, before: 5, after: 4)
    try addSession(journal, routine: "a", title: "New title", day: 3, before: 5, after: 4)
    try addSession(journal, routine: "b", day: 1, before: 5, after: 4)
    XCTAssertEqual(try journal.routineTitles(), ["a": "New title", "b": "Routine b"])
  }

  // MARK: Dates and locale

  func testDaysAreReadOnlyAsYearMonthDay() {
    let paris = TimeZone(identifier: "Europe/Paris")!
    XCTAssertEqual(
      DateText.startOfDay("2025-03-01", in: Self.utc), Date(timeIntervalSince1970: 1_740_787_200))
    XCTAssertEqual(
      DateText.startOfDay("2025-07-01", in: paris), Date(timeIntervalSince1970: 1_751_320_800), "summer time, +2")
    XCTAssertEqual(
      DateText.startOfDay("2025-03-30", in: paris), Date(timeIntervalSince1970: 1_743_289_200),
      "the day summer time starts begins at +1")
    for typed in ["2025-02-30", "2025-13-01", "25-03-01", "2025/03/01", "1/3/2025", "2025-3-1", "", "2025-03-01x"] {
      XCTAssertNil(DateText.startOfDay(typed, in: Self.utc), typed)
    }
  }

  func testDatesAreShownInTheGivenTimeZone() {
    let date = Date(timeIntervalSince1970: 1_740_814_200)  // 2025-03-01 07:30 UTC
    XCTAssertEqual(DateText.minute(date, in: Self.utc), "2025-03-01 07:30")
    XCTAssertEqual(DateText.minute(date, in: TimeZone(identifier: "America/New_York")!), "2025-03-01 02:30")
    XCTAssertEqual(DateText.day(date, in: TimeZone(identifier: "Pacific/Honolulu")!), "2025-02-28")
  }

  func testTheFrontEndsDisplayZonesGiveTheSameText() {
    let date = Date(timeIntervalSince1970: 1_740_814_200)
    let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    XCTAssertEqual(DateText.minute(date, in: DisplayZone.utc), "2025-03-01 07:30")
    XCTAssertEqual(DateText.minute(date, in: DisplayZone.zone(tokyo)), DateText.minute(date, in: tokyo))
    XCTAssertEqual(DateText.day(date, in: DisplayZone.local), DateText.day(date, in: TimeZone.current))
  }

  func testTheLocaleIsUTF8WhenTheFirstSetVariableSaysSo() {
    XCTAssertTrue(LocaleEncoding.isUTF8(environment: ["LANG": "en_GB.UTF-8"]))
    XCTAssertTrue(LocaleEncoding.isUTF8(environment: ["LC_CTYPE": "C.utf8", "LANG": "C"]))
    XCTAssertFalse(LocaleEncoding.isUTF8(environment: ["LC_ALL": "C", "LANG": "en_GB.UTF-8"]), "LC_ALL wins")
    XCTAssertTrue(LocaleEncoding.isUTF8(environment: ["LC_ALL": "", "LANG": "de_DE.utf8"]), "empty is unset")
    XCTAssertFalse(LocaleEncoding.isUTF8(environment: ["LANG": "en_US.ISO-8859-1"]))
    XCTAssertFalse(LocaleEncoding.isUTF8(environment: [:]))
  }
}
