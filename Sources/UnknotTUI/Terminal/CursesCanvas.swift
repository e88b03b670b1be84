import CNcursesw
import UnknotCore

/// The terminal as a canvas. A frame's text is kept row by row and handed to curses
/// when Terminal.refresh sends the frame, and only for rows that differ from the frame
/// before: a running countdown changes a few rows a second, and redrawing the other
/// twenty (curses compares them cell by cell) was most of what a tick cost.
public final class CursesCanvas: Canvas {
  /// One piece of text as a view put it.
  struct Placement: Equatable {
    var text: String
    var column: Int
    var style: TextStyle
  }

  enum Pair {
    static let accent: Int16 = 1
    static let warning: Int16 = 2
    static let calm: Int16 = 3
  }

  private let window: UnsafeMutablePointer<WINDOW>
  public let capabilities: CanvasCapabilities
  public private(set) var size: CanvasSize
  /// The frame being drawn, row by row.
  private var frame: [[Placement]] = []
  /// What the window holds, row by row, and at which size; nil until the first frame.
  private var shown: (rows: [[Placement]], size: CanvasSize)?

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
    frame = Array(repeating: [], count: size.rows)
  }

  public func put(_ text: String, row: Int, column: Int, style: TextStyle) {
    guard row >= 0, row < frame.count, column < size.columns else { return }
    frame[row].append(Placement(text: text, column: column, style: style))
  }

  /// Hands the frame to curses' screen buffer: every row after a resize (or the first
  /// time), otherwise only the rows that changed.
  func present() {
    refreshSize()
    guard let previous = shown, previous.size == size, previous.rows.count == frame.count else {
      werase(window)
      for (row, placements) in frame.enumerated() where row < size.rows {
        for placement in placements { draw(placement, row: row) }
      }
      shown = (frame, size)
      return
    }
    for (row, placements) in frame.enumerated() where row < size.rows && placements != previous.rows[row] {
      wmove(window, Int32(row), 0)
      wclrtoeol(window)
      for placement in placements { draw(placement, row: row) }
    }
    shown = (frame, size)
  }

  private func draw(_ placement: Placement, row: Int) {
    let (text, column, style) = (placement.text, placement.column, placement.style)
    guard column < size.columns else { return }
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
