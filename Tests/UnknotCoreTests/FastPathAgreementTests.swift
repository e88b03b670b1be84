import XCTest

@testable import UnknotCore

/// The loader's quick answers must be the answers of the careful code they stand in
/// for: a caution rule found, a text's line count, a file refused as not UTF-8.
final class FastPathAgreementTests: XCTestCase {
  func testQuickWrappingMatchesWrappingCharacterByCharacter() {
    let words = [
      "hold", "–", "a", "knot", "→", "shoulder-blade", "中文", "é", "e\u{301}", "\u{301}", "🇳🇴", "\u{600}", "·",
      "\u{200D}", "", "x",
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
        let reference = TextWrap.characterLines(text, width: width)
        XCTAssertEqual(TextWrap.lines(text, width: width), reference, "\(text.debugDescription) at \(width) columns")
        XCTAssertEqual(
          TextWrap.lineCount(text, width: width), reference.count, "\(text.debugDescription) at \(width) columns")
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

/// Durations as people write them in routine files, read byte by byte.
final class DurationReadingTests: XCTestCase {
  func testDurationsReadAsWritten() {
    let cases: [(String, Int?)] = [
      ("60", 60), ("60s", 60), ("90 s", 90), ("1 min 30 s", 90), ("1m30s", 90), ("2 Minutes", 120), ("1h", 3600),
      ("1 hour", 3600), ("10 secs", 10), ("1 min 30", nil), ("min", nil), ("", nil), ("   ", nil), ("5 x", nil),
      ("60 с", nil), ("１0s", nil), ("999999999s", YAMLReader.longestDuration),
      (String(repeating: "1", count: 31), nil),
    ]
    for (typed, seconds) in cases {
      XCTAssertEqual(YAMLReader.parseDuration(typed), seconds, typed.debugDescription)
    }
  }
}
