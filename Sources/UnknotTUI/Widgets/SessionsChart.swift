import UnknotCore

/// Sessions one above the other on the same 0–10 scale: a dot where pain started and
/// an arrow to where it ended, so this session reads beside the last ones at a glance.
///
///     2026-01-10   0 ──────◀━━━━━●───── 10   6 → 3, −3, −50%
enum SessionsChart {
  /// One session: a label (its date, or "this session") and its two ratings.
  struct Line: Equatable {
    var label: String
    var change: PainChange
    /// This session: drawn bold.
    var isCurrent = false
  }

  static let labelWidth = 12
  /// Two cells per point of the scale.
  static let scaleCells = 21

  /// Columns a line takes, at most ("6 → 3, −3, −50%" at its longest).
  static let width = labelWidth + 2 + 2 + scaleCells + 3 + 2 + 17

  /// The text of one line.
  static func text(_ line: Line, unicode: Bool) -> String {
    var cells = Array(repeating: Character(unicode ? "─" : "-"), count: scaleCells)
    let before = 2 * min(10, max(0, line.change.before))
    let after = 2 * min(10, max(0, line.change.after))
    for cell in min(before, after)...max(before, after) {
      cells[cell] = unicode ? "━" : "="
    }
    if after < before {
      cells[after] = unicode ? "◀" : "<"
    } else if after > before {
      cells[after] = unicode ? "▶" : ">"
    }
    cells[before] = unicode ? "●" : "o"
    let label = line.label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(line.label)))
    return label + "  0 " + String(cells) + " 10   " + line.change.text(unicode: unicode)
  }

  /// Draws the lines from `row` down; returns how many rows they took.
  @discardableResult
  static func draw(_ lines: [Line], on canvas: Canvas, row: Int, column: Int) -> Int {
    for (offset, line) in lines.enumerated() {
      canvas.put(
        text(line, unicode: canvas.capabilities.unicode), row: row + offset, column: column,
        style: line.isCurrent ? .bold : [])
    }
    return lines.count
  }
}
