import UnknotCore
import XCTest

/// Durations and text as the screens and reports show them.
final class TextLayoutTests: XCTestCase {
  func testDurationsReadAsPeopleSayThem() {
    XCTAssertEqual(DurationText.of(seconds: 45), "45 s")
    XCTAssertEqual(DurationText.of(seconds: 60), "1 min")
    XCTAssertEqual(DurationText.of(seconds: 750), "12 min 30 s")
    XCTAssertEqual(DurationText.of(seconds: 3_600), "1 h")
    XCTAssertEqual(DurationText.of(seconds: 3_900), "1 h 5 min")
  }

  func testCountdownClocks() {
    XCTAssertEqual(DurationText.clock(seconds: 65), "1:05")
    XCTAssertEqual(DurationText.clock(seconds: 720), "12:00")
    XCTAssertEqual(DurationText.clock(seconds: 3_723), "1:02:03")
    XCTAssertEqual(DurationText.clock(seconds: -5), "0:00")
  }

  func testWideCharactersTakeTwoColumnsAndMarksNone() {
    XCTAssertEqual(DisplayWidth.of("abc"), 3)
    XCTAssertEqual(DisplayWidth.of("日本"), 4)
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
  }

  func testWrappingBreaksAtSpacesWithinTheWidth() {
    XCTAssertEqual(TextWrap.lines("one two three four", width: 9), ["one two", "three", "four"])
    XCTAssertEqual(TextWrap.lines("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    XCTAssertEqual(TextWrap.lines("a\nb", width: 10), ["a", "b"])
    for line in TextWrap.lines(String(repeating: "word ", count: 40), width: 76) {
      XCTAssertLessThanOrEqual(DisplayWidth.of(line), 76)
    }
  }
}
