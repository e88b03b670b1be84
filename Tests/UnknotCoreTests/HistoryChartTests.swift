import Foundation
import XCTest

@testable import UnknotCore

/// The chart under `unknot history`: it fits 80 columns at any number of sessions, is
/// plain ASCII when asked, and its bars say what the ratings were.
final class HistoryChartTests: ReportTestCase {
  private static let start = Date(timeIntervalSince1970: 1_740_814_200)

  /// Sessions a day apart with the given ratings.
  private func rows(_ ratings: [(Int?, Int?)]) -> [HistoryRow] {
    ratings.enumerated().map { index, pair in
      HistoryRow(
        startedAt: Self.start.addingTimeInterval(Double(index) * Self.day), routineID: "r", routineTitle: "R",
        outcome: .finished, before: pair.0, after: pair.1)
    }
  }

  /// The plot's rows, top (10) first, without the axis and labels.
  private func plot(_ lines: [String], columns: Int) -> [String] {
    let top = lines.firstIndex { $0.hasPrefix("10 ") }!
    return lines[top..<top + 10].map { line in
      let cells = Array(line.dropFirst(HistoryChart.margin))
      return String(cells + Array(repeating: " ", count: max(0, columns - cells.count))).prefix(columns).description
    }
  }

  func testTheChartFitsEightyColumnsWhateverTheNumberOfSessions() {
    for count in [1, 2, 5, 25, 26, 75, 76, 77, 500, 7300] {
      let ratings = (0..<count).map { index in (Optional(3 + index % 8), Optional(1 + index % 5)) }
      for style in [HistoryChart.Style.unicode, .ascii] {
        let lines = HistoryChart.lines(rows(ratings), style: style, timeZone: Self.utc)
        XCTAssertGreaterThanOrEqual(lines.count, 13, "\(count)")
        for line in lines {
          XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, "\(count) sessions, \(style): \(line)")
        }
      }
    }
  }

  func testANarrowerWidthIsKept() {
    let ratings = (0..<300).map { index in (Optional(6), Optional(index % 7)) }
    for line in HistoryChart.lines(rows(ratings), style: .unicode, width: 50, timeZone: Self.utc) {
      XCTAssertLessThanOrEqual(DisplayWidth.of(line), 50, line)
    }
  }

  func testASCIIChartsAreOnlyASCII() {
    let ratings = [(6, 3), (4, 7), (5, 5), (8, 2)].map { (Optional($0.0), Optional($0.1)) }
    let text = HistoryChart.lines(rows(ratings), style: .ascii, timeZone: Self.utc).joined(separator: "\n")
    XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), text)
    let unicode = HistoryChart.lines(rows(ratings), style: .unicode, timeZone: Self.utc).joined(separator: "\n")
    XCTAssertTrue(unicode.contains("█") && unicode.contains("░") && unicode.contains("▒"), unicode)
  }

  /// 6 → 3: solid to 3, light from 4 to 6. 4 → 7: solid to 4, darker from 5 to 7.
  func testEachBarShowsPainAfterAndWhatEasedOrRose() {
    // Few sessions: two cells a bar and a gap.
    let lines = HistoryChart.lines(rows([(6, 3), (4, 7)]), style: .ascii, timeZone: Self.utc)
    let cells = plot(lines, columns: 5)
    XCTAssertEqual(
      cells, ["     ", "     ", "     ", "   ++", ":: ++", ":: ++", ":: ##", "## ##", "## ##", "## ##"])
  }

  func testManySessionsAreAveragedIntoColumns() {
    // 152 sessions in 76 columns: two a column, 8 → 2 then 4 → 2: a mean of 6 → 2.
    let ratings = (0..<152).map { index in (Optional(index % 2 == 0 ? 8 : 4), Optional(2)) }
    let lines = HistoryChart.lines(rows(ratings), style: .ascii, timeZone: Self.utc)
    XCTAssertTrue(lines[0].contains("each bar about 2 sessions:"), lines[0])
    let cells = plot(lines, columns: 76)
    for (index, row) in cells.enumerated() {
      let level = 10 - index
      let expected: Character = level <= 2 ? "#" : level <= 6 ? ":" : " "
      XCTAssertEqual(Set(row), [expected], "level \(level): \(row)")
    }
  }

  func testOnlySessionsWithBothRatingsAreDrawnAndTheDatesSpanThem() {
    let lines = HistoryChart.lines(
      rows([(nil, nil), (5, 2), (6, nil), (7, 3), (nil, 4)]), style: .unicode, timeZone: Self.utc)
    XCTAssertTrue(lines[0].contains("one bar per session"), lines[0])
    let dates = lines[lines.count - 2]
    XCTAssertTrue(dates.hasPrefix("    2025-03-02"), dates)
    XCTAssertTrue(dates.hasSuffix("2025-03-04"), dates)
  }

  func testWithoutARatedSessionThereIsNoChart() {
    XCTAssertEqual(
      HistoryChart.lines(rows([(5, nil), (nil, nil)]), style: .unicode, timeZone: Self.utc),
      ["No session has both a rating before and after yet, so there is no chart to draw."])
  }

  /// The chart of the benchmark's journal, twenty years of daily sessions.
  func testTwentyYearsOfSessionsFit() throws {
    let journal = try open(journalPath())
    try JournalGenerator.generate(into: journal, days: 7300, seed: 3)
    let report = try HistoryReport(journal: journal, filter: JournalFilter())
    let lines = HistoryChart.lines(report.rows, style: .unicode, timeZone: Self.utc)
    XCTAssertTrue(lines[0].contains("each bar about"), lines[0])
    XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    XCTAssertEqual(lines[lines.count - 2].count, 80, "the dates span the whole plot")
  }
}
