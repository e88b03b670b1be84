import UnknotCore

/// A rectangle of character cells that views draw into. Two implementations: the
/// terminal (CursesCanvas) and memory (MemoryCanvas) for tests.
public protocol Canvas: AnyObject {
  var size: CanvasSize { get }
  var capabilities: CanvasCapabilities { get }
  /// Blanks every cell.
  func erase()
  /// Writes text starting at a cell; what falls outside the canvas is dropped.
  func put(_ text: String, row: Int, column: Int, style: TextStyle)
}

extension Canvas {
  public func put(_ text: String, row: Int, column: Int) {
    put(text, row: row, column: column, style: [])
  }
}

public struct CanvasSize: Sendable, Equatable {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  public static let standard = CanvasSize(rows: 24, columns: 80)
  public static let smallest = CanvasSize(rows: 18, columns: 60)

  /// Whether the screens can lay out at all.
  public var isUsable: Bool { rows >= Self.smallest.rows && columns >= Self.smallest.columns }
}

/// What the output can show: Unicode (a UTF-8 locale) and colour (a colour
/// terminal, NO_COLOR unset). Widgets fall back to ASCII and to reverse video.
public struct CanvasCapabilities: Sendable, Equatable {
  public var unicode: Bool
  public var color: Bool

  public init(unicode: Bool, color: Bool) {
    self.unicode = unicode
    self.color = color
  }

  public static let full = CanvasCapabilities(unicode: true, color: true)
  public static let plain = CanvasCapabilities(unicode: false, color: false)
}

/// How text looks. Colours are roles, mapped to terminal colours by the canvas,
/// and dropped without colour.
public struct TextStyle: OptionSet, Sendable, Hashable {
  public let rawValue: UInt16

  public init(rawValue: UInt16) {
    self.rawValue = rawValue
  }

  public static let bold = TextStyle(rawValue: 1 << 0)
  public static let reverse = TextStyle(rawValue: 1 << 1)
  public static let dim = TextStyle(rawValue: 1 << 2)
  public static let underline = TextStyle(rawValue: 1 << 3)
  /// The selected or highlighted thing (body-map muscles, the chosen rating).
  public static let accent = TextStyle(rawValue: 1 << 8)
  /// Safety text: stop rules, cautions.
  public static let warning = TextStyle(rawValue: 1 << 9)
  /// Good news: a pain reduction.
  public static let calm = TextStyle(rawValue: 1 << 10)
}
