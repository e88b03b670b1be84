import Foundation
import UnknotCore
import XCTest

/// What is refused before YAML parsing: control characters and escapes that could drive
/// the terminal, invalid UTF-8, oversized files and hostile YAML aliases.
final class RawFileScreenTests: XCTestCase {
  private let hold = ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"]

  /// The routine with line 3 holding `title` (so the title's text starts at column 8).
  private func withTitle(_ title: String) -> String {
    var lines = header() + hold
    lines[2] = "title: \(title)"
    return yaml(lines)
  }

  // MARK: - Raw control characters

  func testARawEscapeByteIsAnErrorWhereItStands() {
    let loaded = load(withTitle("Te\u{1B}[31mst"))
    assertDiagnostic(
      loaded, .error, at: (3, 10),
      "an escape character (a terminal escape sequence could start here); routine files may not contain control "
        + "characters. Delete it.")
    XCTAssertEqual(loaded.diagnostics.count, 1, loaded.listing)
  }

  func testANulByteIsAnErrorWhereItStands() {
    assertDiagnostic(load(withTitle("Te\u{0}st")), .error, at: (3, 10), "a NUL byte")
  }

  func testOtherC0ControlsAndDeleteAreErrors() {
    assertDiagnostic(load(withTitle("Te\u{7}st")), .error, at: (3, 10), "the control character U+0007")
    assertDiagnostic(load(withTitle("Te\u{7F}st")), .error, at: (3, 10), "the control character U+007F")
  }

  func testAC1ControlIsAnErrorWhereItStands() {
    assertDiagnostic(
      load(withTitle("Te\u{9B}31mst")), .error, at: (3, 10),
      "the C1 control character U+009B (terminals may read it as an escape)")
  }

  func testATextDirectionOverrideIsAnErrorWhereItStands() {
    assertDiagnostic(
      load(withTitle("Te\u{202E}st")), .error, at: (3, 10),
      "the invisible text-direction control U+202E (it can disguise what text says)")
    assertDiagnostic(
      load(withTitle("Te\u{2066}st")), .error, at: (3, 10), "the invisible text-direction control U+2066")
  }

  func testColumnsCountCharactersNotBytes() {
    // "title: Café" is 11 characters but 12 bytes; the escape is the 12th character.
    assertDiagnostic(load(withTitle("Café\u{1B}")), .error, at: (3, 12), "an escape character")
    assertDiagnostic(load(withTitle("日本語\u{1B}")), .error, at: (3, 11), "an escape character")
  }

  func testAControlCharacterOnALaterLineIsReportedOnThatLine() {
    let text = routine(steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball\u{1B}"])
    assertDiagnostic(load(text), .error, at: (11, 23), "an escape character")
  }

  func testEveryControlCharacterIsListedUpToTen() {
    let loaded = load(withTitle("a\u{1B}b\u{1B}c"))
    XCTAssertEqual(loaded.errors.map(\.column), [9, 11], loaded.listing)

    let many = load(withTitle(String(repeating: "\u{7}", count: 25)))
    XCTAssertEqual(many.errors.count, 11, "ten listed and one line for the rest")
    XCTAssertEqual(many.errors.last?.message, "15 more control characters not listed")
  }

  func testTabsInTheFileAreFineOutsideTexts() {
    assertClean(load(routine(steps: hold + ["    # a comment\twith a tab"])))
  }

  // MARK: - Escapes inside quoted text

  func testAnEscapeWrittenAsBackslashEInQuotedTextIsAnError() {
    assertDiagnostic(
      load(withTitle("\"Red \\e[31m\"")), .error, at: (3, 8),
      "'title' contains an escape character (a terminal escape sequence could start here), written as an escape "
        + "in quoted text; delete it")
  }

  func testAnEscapeWrittenAsBackslashX1bInQuotedTextIsAnError() {
    var lines = header() + hold
    lines[3] = "summary: \"Looks fine \\x1b]0;pwned\\x07\""
    assertDiagnostic(load(yaml(lines)), .error, at: (4, 10), "'summary' contains an escape character")
  }

  func testOtherControlsWrittenAsEscapesAreErrors() {
    assertDiagnostic(load(withTitle("\"a\\u202Eb\"")), .error, at: (3, 8), "'title' contains the invisible")
    assertDiagnostic(load(withTitle("\"a\\x9bb\"")), .error, at: (3, 8), "'title' contains the C1 control character")
    assertDiagnostic(load(withTitle("\"a\\0b\"")), .error, at: (3, 8), "'title' contains a NUL byte")
    assertDiagnostic(load(withTitle("\"a\\tb\"")), .error, at: (3, 8), "'title' contains a tab; use spaces")
  }

  func testAnEscapeInACueIsReportedAtThatCue() {
    let loaded = load(routine(steps: hold + ["    cues: [Fine., \"Clear \\e[2J\"]"]))
    assertDiagnostic(loaded, .error, at: (13, 19), "'cues' contains an escape character")
  }

  func testHarmlessEscapesInQuotedTextAreFine() {
    let routine = assertClean(load(withTitle("\"Caf\\u00e9 \\\"quoted\\\"\"")))
    XCTAssertEqual(routine?.title, "Café \"quoted\"")
  }

  // MARK: - Text with nothing visible

  func testATitleOfOnlyInvisibleCharactersIsRefusedLikeAnEmptyOne() {
    let invisible = ["\u{200B}", "\u{200B}\u{2060}", "\u{200B} \u{200C} ", "\u{3164}", "\u{00AD}"]
    for title in invisible {
      assertDiagnostic(load(withTitle(title)), .error, at: (3, 8), "'title' has nothing visible in it, only ")
    }
    assertDiagnostic(
      load(withTitle("\u{200B}\u{200B}")), .error, at: (3, 8),
      "'title' has nothing visible in it, only U+200B; write a short text or remove the key")
  }

  func testInvisibleCharactersWrittenAsEscapesAreRefusedToo() {
    assertDiagnostic(
      load(withTitle("\"\\u200B\\uFEFF\"")), .error, at: (3, 8),
      "'title' has nothing visible in it, only U+200B and U+FEFF")
    assertDiagnostic(
      load(withTitle("\"\\u2060 \\u2060\"")), .error, at: (3, 8),
      "'title' has nothing visible in it, only spaces and U+2060")
  }

  func testNoBreakSpacesAloneAreRefused() {
    assertDiagnostic(load(withTitle("\u{00A0}\u{00A0}")), .error, at: (3, 8), "'title' is empty")
    assertDiagnostic(load(withTitle("\"\\u00A0\\u3000\"")), .error, at: (3, 8), "'title' is empty")
  }

  func testASummaryOrPlacementWithNothingVisibleIsRefusedWhereItStands() {
    var lines = header() + hold
    lines[3] = "summary: \"\\u200B \\u2060\""
    assertDiagnostic(load(yaml(lines)), .error, at: (4, 10), "'summary' has nothing visible in it")

    let place = [
      "  - kind: place", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall",
      "    placement: \"\\u2060\"",
    ]
    assertDiagnostic(
      load(routine(steps: place + hold)), .error, at: (13, 16), "'placement' has nothing visible in it, only U+2060")
  }

  func testInvisibleCharactersBesideVisibleTextAreFine() {
    let routine = assertClean(load(withTitle("Neck\u{200B}work")))
    XCTAssertEqual(routine?.title, "Neck\u{200B}work")
  }

  // MARK: - Text length

  func testASummaryMustFitInThreeLinesAtEightyColumns() {
    // Nine-letter words: seven fit on a 76-column line, so 21 fill three lines exactly.
    let word = "abcdefghi"
    func summary(words: Int) -> String {
      var lines = header() + hold
      lines[3] = "summary: " + Array(repeating: word, count: words).joined(separator: " ")
      return yaml(lines)
    }
    assertClean(load(summary(words: 21)))
    assertDiagnostic(
      load(summary(words: 22)), .error, at: (4, 10), "'summary' takes 4 lines at 80 columns; shorten it to fit in 3")
  }

  func testATitleMayBeAtMostSixtyColumns() {
    assertClean(load(withTitle(String(repeating: "a", count: 60))))
    assertDiagnostic(
      load(withTitle(String(repeating: "a", count: 61))), .error, at: (3, 8),
      "'title' is 61 columns wide; keep it to 60")
  }

  func testWideCharactersCountTwoColumnsInATitle() {
    assertClean(load(withTitle(String(repeating: "語", count: 30))))
    assertDiagnostic(
      load(withTitle(String(repeating: "語", count: 31))), .error, at: (3, 8),
      "'title' is 62 columns wide; keep it to 60")
  }

  func testAnEmptyTextIsAnError() {
    assertDiagnostic(load(withTitle("\"  \"")), .error, at: (3, 8), "'title' is empty")
  }

  // MARK: - UTF-8

  func testAStrayByteIsReportedWithItsValueAndPlace() {
    var bytes = Array(withTitle("Test").utf8)
    let index = bytes.firstIndex(of: UInt8(ascii: "T"))! + 2  // "title: Te|st": column 10
    bytes.insert(0xFF, at: index)
    assertDiagnostic(
      load(bytes: bytes), .error, at: (3, 10), "invalid UTF-8 (byte 0xFF); save the file as UTF-8 text")
  }

  func testALatin1AccentIsReportedAsItsOwnByte() {
    // "Café" saved as Latin-1: the é is the single byte 0xE9, then a space. A person
    // looking for the bad byte should be told 0xE9, the byte that is there, not 0x20.
    let bytes = Array("format: 1\nid: a\ntitle: Caf".utf8) + [0xE9] + Array(" bar\n".utf8)
    let loaded = load(bytes: bytes)
    assertDiagnostic(loaded, .error, at: (3, 11), "invalid UTF-8 (byte 0xE9)")
  }

  func testASequenceCutOffAtTheEndOfTheFileIsReported() {
    let bytes = Array("format: 1\nid: a\ntitle: ab".utf8) + [0xE2, 0x82]
    assertDiagnostic(load(bytes: bytes), .error, at: (3, 10), "invalid UTF-8 (byte 0xE2)")
  }

  func testOverlongAndSurrogateEncodingsAreInvalid() {
    let prefix = Array("title: ".utf8)
    assertDiagnostic(load(bytes: prefix + [0xC0, 0xAF]), .error, at: (1, 8), "invalid UTF-8 (byte 0xC0)")
    assertDiagnostic(load(bytes: prefix + [0xE0, 0x80, 0xAF]), .error, at: (1, 8), "invalid UTF-8 (byte 0xE0)")
    assertDiagnostic(load(bytes: prefix + [0xED, 0xA0, 0x80]), .error, at: (1, 8), "invalid UTF-8 (byte 0xED)")
    assertDiagnostic(load(bytes: prefix + [0xF4, 0x90, 0x80, 0x80]), .error, at: (1, 8), "invalid UTF-8 (byte 0xF4)")
  }

  func testColumnsAfterMultiByteCharactersCountCharacters() {
    let bytes = Array("title: Café ".utf8) + [0xFF]
    assertDiagnostic(load(bytes: bytes), .error, at: (1, 13), "invalid UTF-8 (byte 0xFF)")
  }

  // MARK: - Size

  func testAFileOfExactly256KiBIsRead() {
    let text = padded(routine(steps: hold), to: RoutineFileScreen.maximumBytes)
    XCTAssertEqual(text.utf8.count, 256 * 1024)
    assertClean(load(text))
  }

  func testAFileOver256KiBIsRefusedBeforeParsing() {
    let justOver = load(padded(routine(steps: hold), to: 256 * 1024 + 1))
    XCTAssertEqual(justOver.diagnostics.count, 1, justOver.listing)
    XCTAssertEqual(justOver.firstError?.line, 1)
    XCTAssertEqual(justOver.firstError?.column, 1)
    XCTAssertTrue(justOver.firstError?.message.contains("at most 256 KiB") ?? false, justOver.listing)

    let big = load(padded(routine(steps: hold), to: 300 * 1024))
    assertDiagnostic(big, .error, at: (1, 1), "the file is 307200 bytes; routine files may be at most 256 KiB")
  }

  // MARK: - Aliases

  func testABillionLaughsIsRefusedQuickly() {
    // Nine levels of nine aliases: 9^9 (387 million) strings if expanded.
    var lines = ["lol0: &a0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
    for level in 1...8 {
      lines.append(
        "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    let text = yaml(lines)
    let start = Date()
    let loaded = load(text)
    XCTAssertLessThan(Date().timeIntervalSince(start), 2, "the alias bomb took too long to refuse")
    assertDiagnostic(loaded, .error, at: (1, 1), "YAML aliases here expand to more than 10000 values")
  }

  func testABillionLaughsInsideARoutineIsRefused() {
    // Ten sources, then cautions whose items repeat them 10, 100, … 100,000 times.
    var lines = header() + hold
    lines[6] = "sources: &s0 [" + Array(repeating: "a", count: 10).joined(separator: ", ") + "]"
    var cautions = ["cautions:"]
    for level in 1...5 {
      cautions.append("  - &s\(level) [" + Array(repeating: "*s\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    lines.insert(contentsOf: cautions, at: 7)
    let loaded = load(yaml(lines))
    assertDiagnostic(loaded, .error, at: (1, 1), "YAML aliases here expand to more than 10000 values")
  }

  func testAnAliasUsedAsAKeyIsRefused() {
    let loaded = load(yaml(["format: 1", "base: &k title", "*k : Test"]))
    assertDiagnostic(
      loaded, .error, at: (3, 1), "an alias used as a mapping key; routine files take plain text keys only")
  }

  func testAListUsedAsAKeyIsRefused() {
    let loaded = load(yaml(["format: 1", "id: test", "[a, b]: c"]))
    assertDiagnostic(loaded, .error, at: (3, 1), "keys in a routine must be plain text")
  }

  func testARepeatedCueListThroughAnAliasIsFine() {
    let loaded = load(
      routine(
        steps: hold + ["    cues: &cues [Breathe slowly., Let your weight sink into the ball.]"] + hold + [
          "    cues: *cues"
        ]))
    let routine = assertClean(loaded)
    XCTAssertEqual(routine?.steps.count, 2)
    XCTAssertEqual(routine?.steps.first?.cues, ["Breathe slowly.", "Let your weight sink into the ball."])
    XCTAssertEqual(routine?.steps.last?.cues, routine?.steps.first?.cues)
  }

  func testAnAmpersandOrAsteriskInPlainTextIsNotMistakenForAnAlias() {
    let loaded = load(routine(steps: hold + ["    cues: [Rest & breathe, Press *gently*]"]))
    XCTAssertEqual(assertClean(loaded)?.steps.first?.cues, ["Rest & breathe", "Press *gently*"])
  }

  // MARK: - Helpers

  /// The text with a comment line added so it is exactly `size` bytes long.
  private func padded(_ text: String, to size: Int) -> String {
    let room = size - text.utf8.count - 2  // "#" and the final line break
    return text + "#" + String(repeating: "x", count: room) + "\n"
  }
}
