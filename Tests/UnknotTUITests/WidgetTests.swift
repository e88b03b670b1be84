import UnknotCore
import XCTest

@testable import UnknotTUI

final class BigDigitsTests: XCTestCase {
  func testDigitsAreFiveRowsTallAndAsWideAsTheyClaim() {
    let canvas = MemoryCanvas(size: CanvasSize(rows: 10, columns: 60), capabilities: .full)
    BigDigits.draw("20:58", on: canvas, row: 2, column: 3)
    let inkRows = canvas.lines.indices.filter { canvas.lines[$0].contains("█") }
    XCTAssertEqual(inkRows, Array(2..<7), canvas.text)
    XCTAssertEqual(BigDigits.height, 5)
    let inkColumns = canvas.lines.flatMap { line in line.enumerated().filter { $0.element == "█" }.map(\.offset) }
    XCTAssertEqual(inkColumns.min(), 3)
    XCTAssertEqual(inkColumns.max(), 3 + BigDigits.width(of: "20:58") - 1, canvas.text)
  }

  func testEachDigitIsFiveOrSixColumnsWithItsGap() {
    for digit in 0...9 {
      let twice = BigDigits.width(of: "\(digit)\(digit)")
      let once = BigDigits.width(of: "\(digit)")
      XCTAssertTrue((5...6).contains(twice - once), "digit \(digit)")
    }
    XCTAssertEqual(BigDigits.width(of: "1:02:03"), 5 * 6 + 2 * 2 - 1)
    XCTAssertEqual(BigDigits.width(of: "x"), 0)
  }

  func testEveryDigitLooksDifferent() {
    var seen: [String: Int] = [:]
    for digit in 0...9 {
      let canvas = MemoryCanvas(size: CanvasSize(rows: 5, columns: 10), capabilities: .full)
      BigDigits.draw(String(digit), on: canvas, row: 0, column: 0)
      if let other = seen[canvas.text] { XCTFail("\(digit) looks like \(other):\n\(canvas.text)") }
      seen[canvas.text] = digit
    }
  }

  func testASecondLessShowsADifferentPicture() {
    let before = MemoryCanvas(size: CanvasSize(rows: 5, columns: 40), capabilities: .full)
    let after = MemoryCanvas(size: CanvasSize(rows: 5, columns: 40), capabilities: .full)
    BigDigits.draw("0:45", on: before, row: 0, column: 0)
    BigDigits.draw("0:44", on: after, row: 0, column: 0)
    XCTAssertNotEqual(before.text, after.text)
    // Only the last digit changed.
    let lastDigitStart = BigDigits.width(of: "0:4") + 1
    for (a, b) in zip(before.lines, after.lines) {
      XCTAssertEqual(a.prefix(lastDigitStart), b.prefix(lastDigitStart))
    }
  }

  func testASCIIModeUsesOnlyHashes() {
    let canvas = MemoryCanvas(size: CanvasSize(rows: 5, columns: 40), capabilities: .plain)
    BigDigits.draw("1:02:03", on: canvas, row: 0, column: 0)
    XCTAssertTrue(canvas.text.contains("#"))
    XCTAssertTrue(Set(canvas.text).isSubset(of: ["#", " ", "\n"]), canvas.text)
  }

  func testOtherCharactersAreSkipped() {
    let plain = MemoryCanvas(size: CanvasSize(rows: 5, columns: 40), capabilities: .full)
    let noisy = MemoryCanvas(size: CanvasSize(rows: 5, columns: 40), capabilities: .full)
    BigDigits.draw("12:05", on: plain, row: 0, column: 0)
    BigDigits.draw(" 12:0a5s", on: noisy, row: 0, column: 0)
    XCTAssertEqual(plain.text, noisy.text)
  }

  func testStyleIsAppliedToTheInk() {
    let canvas = MemoryCanvas(size: CanvasSize(rows: 5, columns: 10), capabilities: .full)
    BigDigits.draw("8", on: canvas, row: 0, column: 0, style: .bold)
    XCTAssertEqual(canvas.text(withStyle: .bold).joined().count, canvas.text.filter { $0 == "█" }.count)
  }
}

final class ProgressBarTests: XCTestCase {
  private func bar(_ fraction: Double, width: Int = 12, capabilities: CanvasCapabilities) -> String {
    let canvas = MemoryCanvas(size: CanvasSize(rows: 1, columns: 40), capabilities: capabilities)
    ProgressBar.draw(fraction: fraction, width: width, on: canvas, row: 0, column: 0)
    return canvas.lines[0]
  }

  func testUnicodeBarFillsNothingHalfAndAll() {
    XCTAssertEqual(bar(0, capabilities: .full), String(repeating: "░", count: 12))
    XCTAssertEqual(bar(0.5, capabilities: .full), String(repeating: "█", count: 6) + String(repeating: "░", count: 6))
    XCTAssertEqual(bar(1, capabilities: .full), String(repeating: "█", count: 12))
  }

  func testASCIIBarFillsItsInteriorBetweenBrackets() {
    XCTAssertEqual(bar(0, capabilities: .plain), "[----------]")
    XCTAssertEqual(bar(0.5, capabilities: .plain), "[#####-----]")
    XCTAssertEqual(bar(1, capabilities: .plain), "[##########]")
    XCTAssertTrue(bar(0.37, capabilities: .plain).allSatisfy(\.isASCII))
  }

  func testTheBoundaryCellShowsEighths() {
    // 12 cells × 8 = 96 eighths; 0.5 + 3/96 is three eighths into the seventh cell.
    let line = bar(0.5 + 3.0 / 96, capabilities: .full)
    XCTAssertEqual(line, String(repeating: "█", count: 6) + "▍" + String(repeating: "░", count: 5))
    XCTAssertEqual(line.count, 12)
  }

  func testTheBarGrowsAsTimePasses() {
    var filled = -1.0
    for step in 0...96 {
      let line = bar(Double(step) / 96, capabilities: .full)
      XCTAssertEqual(line.count, 12)
      let full = Double(line.filter { $0 == "█" }.count)
      let eighths = line.compactMap { ProgressBar.partials.firstIndex(of: $0) }.first.map { $0 + 1 } ?? 0
      let amount = full + Double(eighths) / 8
      XCTAssertGreaterThanOrEqual(amount, filled)
      filled = amount
    }
    XCTAssertEqual(filled, 12)
  }

  func testOutOfRangeFractionsAreClamped() {
    XCTAssertEqual(bar(-3, capabilities: .plain), "[----------]")
    XCTAssertEqual(bar(.nan, capabilities: .plain), "[----------]")
    XCTAssertEqual(bar(7, capabilities: .plain), "[##########]")
    XCTAssertEqual(bar(.infinity, capabilities: .full), String(repeating: "█", count: 12))
    XCTAssertEqual(bar(-.infinity, capabilities: .full), String(repeating: "░", count: 12))
  }

  func testTooNarrowDrawsNothing() {
    for width in [-5, 0, 1, 2] {
      XCTAssertEqual(bar(0.5, width: width, capabilities: .plain), "")
    }
    XCTAssertEqual(bar(1, width: 3, capabilities: .plain), "[#]")
  }
}

final class PainScaleBarTests: XCTestCase {
  private func draw(
    selected: Int?, width: Int = 44, capabilities: CanvasCapabilities = .full
  ) -> MemoryCanvas {
    let canvas = MemoryCanvas(size: CanvasSize(rows: PainScaleBar.height, columns: width), capabilities: capabilities)
    PainScaleBar.draw(selected: selected, width: width, on: canvas, row: 0, column: 0)
    return canvas
  }

  func testShowsEveryNumberInOrderAndEvenlySpaced() {
    let canvas = draw(selected: nil)
    let numbers = canvas.lines[0].split(separator: " ").map(String.init)
    XCTAssertEqual(numbers, (0...10).map(String.init), canvas.text)
    let starts = (0...9).compactMap { numberColumn($0, in: canvas.lines[0]) }
    let gaps = Set(zip(starts, starts.dropFirst()).map { $1 - $0 })
    XCTAssertEqual(gaps.count, 1, canvas.text)
  }

  func testShowsTheFourBandsUnderTheirRatings() {
    for width in [44, 60, 80] {
      let canvas = draw(selected: nil, width: width)
      let bands = canvas.lines[2]
      for band in PainBand.allCases {
        guard let range = bands.range(of: band.rawValue) else {
          XCTFail("\(band) missing:\n\(canvas.text)")
          continue
        }
        let center = bands.distance(from: bands.startIndex, to: range.lowerBound) + band.rawValue.count / 2
        let first = numberColumn(band.ratings.lowerBound, in: canvas.lines[0])!
        let last = numberColumn(band.ratings.upperBound, in: canvas.lines[0])!
        XCTAssertTrue((first - 2...last + 2).contains(center), "\(band) at \(width):\n\(canvas.text)")
      }
    }
  }

  func testMarksTheSelectedValue() {
    for value in 0...10 {
      let canvas = draw(selected: value)
      let reversed = canvas.text(withStyle: .reverse)[0].trimmingCharacters(in: .whitespaces)
      XCTAssertEqual(reversed, String(value), canvas.text)
      XCTAssertEqual(canvas.text(withStyle: .bold)[0].trimmingCharacters(in: .whitespaces), String(value))
      let arrow = canvas.lines[1].firstIndex(of: "▲").map {
        canvas.lines[1].distance(from: canvas.lines[1].startIndex, to: $0)
      }
      let number = numberColumn(value, in: canvas.lines[0])!
      XCTAssertNotNil(arrow, canvas.text)
      XCTAssertTrue((number...(number + String(value).count - 1)).contains(arrow ?? -1), canvas.text)
      XCTAssertEqual(canvas.lines[1].filter { !$0.isWhitespace }, "▲")
    }
  }

  func testNoSelectionMarksNothing() {
    for selected in [nil, -1, 11] {
      let canvas = draw(selected: selected)
      XCTAssertEqual(canvas.lines[1], "")
      XCTAssertEqual(canvas.text(withStyle: .reverse).joined(), "")
    }
  }

  func testASCIIUsesACaret() {
    let canvas = draw(selected: 7, capabilities: .plain)
    XCTAssertTrue(canvas.lines[1].contains("^"))
    XCTAssertTrue(canvas.text.allSatisfy(\.isASCII), canvas.text)
    XCTAssertFalse(canvas.text.contains("?"))
  }

  func testNeverDrawsOutsideItsWidth() {
    for width in [22, 30, 43, 44, 45, 80] {
      let canvas = MemoryCanvas(size: CanvasSize(rows: 3, columns: width + 10), capabilities: .full)
      PainScaleBar.draw(selected: 10, width: width, on: canvas, row: 0, column: 5)
      for line in canvas.lines {
        XCTAssertTrue(line.prefix(5).allSatisfy { $0 == " " }, "\(width):\n\(canvas.text)")
        XCTAssertLessThanOrEqual(line.count, width + 5, "\(width):\n\(canvas.text)")
      }
      XCTAssertNotNil(numberColumn(10, in: canvas.lines[0]), "\(width):\n\(canvas.text)")
      for band in PainBand.allCases where width >= 25 {
        XCTAssertTrue(canvas.lines[2].contains(band.rawValue), "\(band) at \(width):\n\(canvas.text)")
      }
    }
  }

  private func numberColumn(_ number: Int, in line: String) -> Int? {
    let characters = Array(line)
    let label = Array(String(number))
    for start in characters.indices where start + label.count <= characters.count {
      let before = start == 0 ? " " : characters[start - 1]
      let after = start + label.count == characters.count ? " " : characters[start + label.count]
      if Array(characters[start..<start + label.count]) == label && !before.isNumber && !after.isNumber {
        return start
      }
    }
    return nil
  }
}

final class WidgetClippingTests: XCTestCase {
  func testNothingCrashesOnATinyCanvasOrOffItsEdges() {
    let positions = [
      (-100, -100), (-3, -3), (-1, 0), (0, -1), (2, 7), (4, 9), (5, 10), (100, 100), (Int.min, Int.min),
      (Int.max, Int.max),
    ]
    for capabilities in [CanvasCapabilities.full, .plain, CanvasCapabilities(unicode: true, color: false)] {
      for size in [CanvasSize(rows: 5, columns: 10), CanvasSize(rows: 0, columns: 0), CanvasSize(rows: 1, columns: 1)] {
        let canvas = MemoryCanvas(size: size, capabilities: capabilities)
        for (row, column) in positions {
          BigDigits.draw("1:02:03", on: canvas, row: row, column: column)
          ProgressBar.draw(fraction: 0.4, width: 30, on: canvas, row: row, column: column)
          ProgressBar.draw(fraction: 0.4, width: Int.max, on: canvas, row: row, column: column)
          BodyMap.draw(highlighting: Set(Muscle.allCases), on: canvas, row: row, column: column)
          PainScaleBar.draw(selected: 5, width: 44, on: canvas, row: row, column: column)
          PainScaleBar.draw(selected: 5, width: Int.max, on: canvas, row: row, column: column)
        }
        XCTAssertEqual(canvas.lines.count, size.rows)
        XCTAssertTrue(canvas.lines.allSatisfy { $0.count <= size.columns })
      }
    }
  }

  func testPartlyVisibleWidgetsShowTheirVisiblePart() {
    let canvas = MemoryCanvas(size: CanvasSize(rows: 5, columns: 10), capabilities: .plain)
    BigDigits.draw("88", on: canvas, row: -2, column: -3)
    // Rows 2–4 of the glyphs land on rows 0–2; the first digit's right two columns show.
    XCTAssertEqual(canvas.lines[0], "## #####")
    XCTAssertEqual(canvas.lines[3], "")
  }
}
