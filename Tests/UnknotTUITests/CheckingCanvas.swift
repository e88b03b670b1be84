import UnknotCore

@testable import UnknotTUI

/// A canvas that notes what a person could not read: text that runs past the edge of
/// the screen (cut without "…"), and text drawn over other text. Frames of overlays
/// may cross what is under them; everything else must not.
final class CheckingCanvas: Canvas {
  let size: CanvasSize
  let capabilities: CanvasCapabilities
  private var cells: [[Character]]
  /// Which put wrote each cell, to name both texts of an overlap.
  private var owners: [[Int?]]
  private var texts: [String] = []
  private(set) var problems: [String] = []
  /// Overlaps already reported, one report per pair of texts.
  private var overlaps: Set<[Int]> = []

  init(size: CanvasSize, capabilities: CanvasCapabilities = .full) {
    self.size = size
    self.capabilities = capabilities
    cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
    owners = Array(repeating: Array(repeating: nil, count: size.columns), count: size.rows)
  }

  func erase() {
    cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
    owners = Array(repeating: Array(repeating: nil, count: size.columns), count: size.rows)
    texts = []
    problems = []
    overlaps = []
  }

  /// Lines and corners of overlay boxes, which are drawn over the screen on purpose.
  private var frame: Set<Character> {
    capabilities.unicode ? ["─", "│", "┌", "┐", "└", "┘"] : ["-", "|", "+"]
  }

  func put(_ text: String, row: Int, column: Int, style: TextStyle) {
    let pieces = CellText.cells(text, unicode: capabilities.unicode)
    let ink = pieces.contains { $0.character != " " }
    guard row >= 0, row < size.rows else {
      if ink { problems.append("row \(row) is off the \(size.rows)-row screen: \"\(text)\"") }
      return
    }
    texts.append(text)
    let id = texts.count - 1
    var x = column
    var reportedEdge = false
    for piece in pieces {
      defer { x += piece.width }
      let visible = piece.character != " "
      guard x >= 0, x + piece.width <= size.columns else {
        if visible && !reportedEdge {
          problems.append("row \(row): \"\(text)\" runs past the edge at column \(x)")
          reportedEdge = true
        }
        continue
      }
      let old = cells[row][x]
      if visible, old != " ", old != piece.character, !frame.contains(old), !frame.contains(piece.character),
        let owner = owners[row][x], overlaps.insert([owner, id]).inserted
      {
        problems.append("row \(row) column \(x): \"\(text)\" is drawn over \"\(texts[owner])\"")
      }
      cells[row][x] = piece.character
      owners[row][x] = id
      if piece.width == 2, x + 1 < size.columns {
        cells[row][x + 1] = " "
        owners[row][x + 1] = id
      }
    }
  }
}
