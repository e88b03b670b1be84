import UnknotCore

/// Splits text into terminal cells, replacing what the output cannot show: control
/// characters always (a routine file can never drive the terminal), and anything
/// beyond ASCII when the locale is not UTF-8.
public enum CellText {
  public struct Cell: Equatable {
    public var character: Character
    public var width: Int
  }

  /// Whether every byte is printable ASCII: one cell per byte, nothing to replace.
  public static func isPlainASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  public static func cells(_ text: String, unicode: Bool) -> [Cell] {
    if isPlainASCII(text) {
      return text.map { Cell(character: $0, width: 1) }
    }
    var result: [Cell] = []
    result.reserveCapacity(text.utf8.count)
    if unicode {
      // Scalar by scalar: no grapheme breaking, no allocation per character. A
      // zero-width scalar (a combining accent) joins the cell before it.
      for scalar in text.unicodeScalars {
        if UnsafeCharacters.problem(with: scalar) != nil || scalar.value < 0x20 {
          result.append(Cell(character: "?", width: 1))
          continue
        }
        let width = DisplayWidth.of(scalar)
        if width == 0 {
          if let last = result.indices.last {
            var joined = String(result[last].character)
            joined.unicodeScalars.append(scalar)
            if let character = joined.first, joined.count == 1 { result[last].character = character }
          }
          continue
        }
        result.append(Cell(character: Character(scalar), width: min(2, width)))
      }
    } else {
      for character in text {
        for ascii in asciiFallback(character) {
          result.append(Cell(character: ascii, width: 1))
        }
      }
    }
    return result
  }

  /// The nearest ASCII for characters the product's own text uses; "?" otherwise.
  static func asciiFallback(_ character: Character) -> String {
    if let ascii = character.asciiValue {
      return ascii >= 0x20 && ascii < 0x7F ? String(character) : "?"
    }
    switch character {
    case "–", "—", "−", "─", "━": return "-"
    case "×": return "x"
    case "→", "▶", "▸": return ">"
    case "←", "◀": return "<"
    case "↑", "▲": return "^"
    case "↓", "▼": return "v"
    case "±": return "~"
    case "✓": return "x"
    // One cell each, as the layout counted them.
    case "°": return "o"
    case "’", "‘": return "'"
    case "“", "”": return "\""
    case "…": return "~"
    case "·", "•": return "*"
    case "█", "▓": return "#"
    case "░", "▒": return "."
    case "│", "┃": return "|"
    case "é", "è", "ê": return "e"
    default: return "?"
    }
  }
}
