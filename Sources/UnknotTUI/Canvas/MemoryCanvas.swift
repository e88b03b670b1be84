import UnknotCore

/// A canvas in memory: what a view drew, as lines of text, for tests and golden files.
public final class MemoryCanvas: Canvas {
  public let size: CanvasSize
  public let capabilities: CanvasCapabilities
  private var cells: [[Character]]
  private var styles: [[TextStyle]]

  public init(size: CanvasSize = .standard, capabilities: CanvasCapabilities = .full) {
    self.size = size
    self.capabilities = capabilities
    cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
    styles = Array(repeating: Array(repeating: [], count: size.columns), count: size.rows)
  }

  public func erase() {
    for row in cells.indices {
      for column in cells[row].indices {
        cells[row][column] = " "
        styles[row][column] = []
      }
    }
  }

  public func put(_ text: String, row: Int, column: Int, style: TextStyle) {
    guard row >= 0, row < size.rows else { return }
    var x = column
    for character in CellText.cells(text, unicode: capabilities.unicode) {
      let width = character.width
      if x >= size.columns { break }
      if x >= 0 {
        guard x + width <= size.columns else { break }
        cells[row][x] = character.character
        styles[row][x] = style
        if width == 2 {
          // The right half of a wide character: shown by the left half.
          cells[row][x + 1] = "\u{0}"
          styles[row][x + 1] = style
        }
      }
      x += width
    }
  }

  /// The screen as text, one string per row, trailing spaces removed.
  public var lines: [String] {
    cells.map { row in
      var line = String(row.filter { $0 != "\u{0}" })
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The whole screen as one string, rows joined by newlines.
  public var text: String { lines.joined(separator: "\n") }

  /// The style of one cell, for tests of highlighting.
  public func style(row: Int, column: Int) -> TextStyle { styles[row][column] }

  /// The text of the cells drawn with a style, row by row, for tests.
  public func text(withStyle style: TextStyle) -> [String] {
    (0..<size.rows).map { row in
      String((0..<size.columns).compactMap { styles[row][$0].contains(style) ? cells[row][$0] : nil })
    }
  }
}
