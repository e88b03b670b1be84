import XCTest

@testable import UnknotCore

/// The loader's quick answers must be the answers of the careful code they stand in
/// for: a caution rule found, a text's line count, a file refused as not UTF-8.
final class FastPathAgreementTests: XCTestCase {
  func testLineCountsMatchTheWrappedLinesForAnyMixOfWords() {
    let words = [
      "hold", "–", "a", "knot", "→", "shoulder-blade", "中文", "é", "e\u{301}", "\u{301}", "🇳🇴", "", "x",
      String(repeating: "long", count: 12),
    ]
    var random = SplitMix64(seed: 0x7E47)
    for _ in 0..<2_000 {
      let count = Int(random.next() % 24)
      var text = ""
      for index in 0..<count {
        if index > 0 { text += random.next() % 9 == 0 ? "\n" : " " }
        text += words[Int(random.next() % UInt64(words.count))]
      }
      for width in [8, 20, 76] {
        XCTAssertEqual(
          TextWrap.lineCount(text, width: width), TextWrap.lines(text, width: width).count,
          "\(text.debugDescription) at \(width) columns")
      }
    }
  }

  func testTheQuickUTF8CheckAgreesWithTheScanThatFindsThePosition() {
    var random = SplitMix64(seed: 0x0FF8)
    let pieces: [[UInt8]] = [
      Array("ok ".utf8), Array("–".utf8), [0xC3], [0xA9], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xC0, 0xAF], [0xFF], Array("\n".utf8), Array("😀".utf8),
    ]
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(random.next() % 6) {
        bytes += pieces[Int(random.next() % UInt64(pieces.count))]
      }
      XCTAssertEqual(
        String(validating: bytes, as: UTF8.self) == nil, RoutineFileScreen.firstInvalidUTF8(bytes) != nil,
        "\(bytes)")
    }
  }

  func testACautionAlreadyWrittenIsFoundWhateverItsCase() {
    let rules = CautionRules.all
    XCTAssertEqual(
      CautionRules.rule(repeatedBy: "If you take Blood Thinners, press gently.", among: rules)?.id, "blood-thinners")
    XCTAssertNil(CautionRules.rule(repeatedBy: "Keep your breath slow.", among: rules))
    XCTAssertTrue("a thin wall".containsBytes(of: "thin"))
    XCTAssertFalse("thi".containsBytes(of: "thin"))
    XCTAssertTrue("x".containsBytes(of: ""))
    XCTAssertTrue("a&b".containsByte(UInt8(ascii: "&")))
    XCTAssertFalse("".containsByte(UInt8(ascii: "&")))
  }
}
