import CNcursesw
import UnknotCore

/// The terminal as a canvas: drawing goes to curses' screen buffer; Terminal.refresh
/// sends the changes.
public final class CursesCanvas: Canvas {
  enum Pair {
    static let accent: Int16 = 1
    static let warning: Int16 = 2
    static let calm: Int16 = 3
  }

  private let window: UnsafeMutablePointer<WINDOW>
  public let capabilities: CanvasCapabilities
  public private(set) var size: CanvasSize

  init(window: UnsafeMutablePointer<WINDOW>, capabilities: CanvasCapabilities) {
    self.window = window
    self.capabilities = capabilities
    size = CanvasSize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
  }

  func refreshSize() {
    size = CanvasSize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
  }

  public func erase() {
    refreshSize()
    werase(window)
  }

  public func put(_ text: String, row: Int, column: Int, style: TextStyle) {
    guard row >= 0, row < size.rows, column < size.columns else { return }
    // The common case, plain ASCII that fits, goes to curses as it is.
    if column >= 0, text.utf8.count <= size.columns - column, CellText.isPlainASCII(text) {
      cnc_set_attributes(window, attributes(style), pair(style))
      mvwaddstr(window, Int32(row), Int32(column), text)
      cnc_set_attributes(window, 0, 0)
      return
    }
    // Otherwise: safe cells, clipped to the row ourselves (curses would wrap onto the
    // next line), handed over as wide characters so curses need not decode UTF-8.
    var x = column
    var characters: [wchar_t] = []
    characters.reserveCapacity(text.utf8.count)
    var startColumn: Int?
    for cell in CellText.cells(text, unicode: capabilities.unicode) {
      if x >= 0 {
        guard x + cell.width <= size.columns else { break }
        if startColumn == nil { startColumn = x }
        for scalar in cell.character.unicodeScalars {
          characters.append(wchar_t(bitPattern: scalar.value))
        }
      }
      x += cell.width
    }
    guard let start = startColumn, !characters.isEmpty else { return }
    cnc_set_attributes(window, attributes(style), pair(style))
    characters.withUnsafeBufferPointer { buffer in
      _ = mvwaddnwstr(window, Int32(row), Int32(start), buffer.baseAddress, Int32(buffer.count))
    }
    cnc_set_attributes(window, 0, 0)
  }

  private func attributes(_ style: TextStyle) -> attr_t {
    var value: attr_t = 0
    if style.contains(.bold) { value |= cnc_a_bold() }
    if style.contains(.reverse) { value |= cnc_a_reverse() }
    if style.contains(.dim) { value |= cnc_a_dim() }
    if style.contains(.underline) { value |= cnc_a_underline() }
    if !capabilities.color, style.contains(.warning) { value |= cnc_a_bold() }
    return value
  }

  private func pair(_ style: TextStyle) -> Int16 {
    guard capabilities.color else { return 0 }
    if style.contains(.warning) { return Pair.warning }
    if style.contains(.accent) { return Pair.accent }
    if style.contains(.calm) { return Pair.calm }
    return 0
  }
}
