import UnknotCore

/// Splits text into terminal cells, replacing what the output cannot show: control
/// characters always (a routine file can never drive the terminal), and anything
/// beyond ASCII when the locale is not UTF-8.
public enum CellText {
  public struct Cell: Equatable {
    public var character: Character
    public var width: Int
  }

  public static func cells(_ text: String, unicode: Bool) -> [Cell] {
    var result: [Cell] = []
    result.reserveCapacity(text.utf8.count)
    for character in text {
      if unicode {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { UnsafeCharacters.problem(with: $0) != nil || $0.value < 0x20 }) {
          result.append(Cell(character: "?", width: 1))
          continue
        }
        let width = DisplayWidth.of(String(character))
        if width == 0 { continue }
        result.append(Cell(character: character, width: min(2, width)))
      } else {
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
    case "°": return " deg"
    case "’", "‘": return "'"
    case "“", "”": return "\""
    case "…": return "..."
    case "·", "•": return "*"
    case "█", "▓": return "#"
    case "░", "▒": return "."
    case "│", "┃": return "|"
    case "é", "è", "ê": return "e"
    default: return "?"
    }
  }
}
