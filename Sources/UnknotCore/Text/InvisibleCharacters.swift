/// Characters that take up no visible mark: a title made only of them looks empty on
/// screen, yet is not "" to the code, so it would pass a check for empty text.
public enum InvisibleCharacters {
  /// Whether the text shows at least one visible mark.
  public static func hasVisibleText(_ text: String) -> Bool {
    text.unicodeScalars.contains { !isInvisible($0) }
  }

  /// What a text with nothing visible holds, for a message: "spaces and U+200B".
  public static func describe(_ text: String) -> String {
    var codes: [String] = []
    for scalar in text.unicodeScalars where scalar != " " {
      let digits = String(scalar.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
      if !codes.contains(code) { codes.append(code) }
    }
    let spaces = text.unicodeScalars.contains(" ") ? ["spaces"] : []
    let parts = spaces + codes.prefix(3) + (codes.count > 3 ? ["others"] : [])
    return parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
  }

  /// Spaces of every width, format controls (zero-width space U+200B, word joiner
  /// U+2060, byte order mark U+FEFF, soft hyphen), marks with nothing to sit on,
  /// control characters, and the filler letters that are drawn as blanks.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isWhitespace || blankFillers.contains(scalar.value) { return true }
    switch scalar.properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator, .format, .control, .nonspacingMark, .enclosingMark:
      return true
    default:
      return false
    }
  }

  /// Letters and symbols whose glyph is empty: Hangul fillers, the braille blank,
  /// and the Mongolian vowel separator (a format character in older Unicode).
  private static let blankFillers: Set<UInt32> = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E]
}
