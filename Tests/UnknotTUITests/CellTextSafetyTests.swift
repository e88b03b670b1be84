import UnknotCore
import XCTest

@testable import UnknotTUI

/// The full-screen canvas has its own sanitising (`CellText`), apart from the command
/// line's `TerminalOutput`: it must cover every character `UnsafeCharacters` names, in
/// both the Unicode and the ASCII fallback, so a journal row or a routine title can no
/// more drive the terminal on the screen than in plain output.
final class CellTextSafetyTests: XCTestCase {
  /// One of each kind `UnsafeCharacters` refuses, plus tab and line breaks, which a
  /// cell cannot hold either.
  static let unsafe: [Unicode.Scalar] = [
    "\u{0}", "\u{7}", "\u{8}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}", "\u{202A}",
    "\u{202E}", "\u{2066}", "\u{2069}", "\u{FFF9}", "\u{FFFB}",
  ]

  func testEveryUnsafeCharacterBecomesAQuestionMarkInEitherMode() {
    for scalar in Self.unsafe {
      let text = "a" + String(Character(scalar)) + "b"
      for unicode in [true, false] {
        let cells = CellText.cells(text, unicode: unicode).map { String($0.character) }.joined()
        XCTAssertEqual(cells, "a?b", "U+\(String(scalar.value, radix: 16)) with unicode: \(unicode)")
      }
    }
  }

  func testTheListAgreesWithUnsafeCharacters() {
    for scalar in Self.unsafe where !["\t", "\n", "\r"].contains(scalar) {
      XCTAssertNotNil(UnsafeCharacters.problem(with: scalar), "U+\(String(scalar.value, radix: 16))")
    }
    // And every scalar UnsafeCharacters names in the BMP is replaced on the screen.
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value), UnsafeCharacters.problem(with: scalar) != nil else { continue }
      let cells = CellText.cells(String(Character(scalar)), unicode: true)
      XCTAssertEqual(cells.map(\.character), ["?"], "U+\(String(value, radix: 16))")
    }
  }
}
