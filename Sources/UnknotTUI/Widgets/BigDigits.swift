import UnknotCore

/// A countdown ("12:05", "1:02:03") in glyphs five rows tall, readable from the floor.
public enum BigDigits {
  public static let height = 5

  /// Blank columns between glyphs, so "11" does not read as one wide bar.
  static let gap = 1

  /// "#" marks ink; drawn as "█" with Unicode, as "#" without.
  static let glyphs: [Character: [String]] = [
    "0": ["#####", "#   #", "#   #", "#   #", "#####"],
    "1": ["  #  ", " ##  ", "  #  ", "  #  ", " ### "],
    "2": ["#####", "    #", "#####", "#    ", "#####"],
    "3": ["#####", "    #", " ####", "    #", "#####"],
    "4": ["#   #", "#   #", "#####", "    #", "    #"],
    "5": ["#####", "#    ", "#####", "    #", "#####"],
    "6": ["#####", "#    ", "#####", "#   #", "#####"],
    "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
    "8": ["#####", "#   #", "#####", "#   #", "#####"],
    "9": ["#####", "#   #", "#####", "    #", "#####"],
    ":": [" ", "#", " ", "#", " "],
  ]

  /// The glyphs as whole rows of text, ink and blanks, for a screen whose background
  /// is blank anyway: five writes a frame instead of one per stroke, which matters to
  /// a countdown redrawn every second.
  public static func rows(_ text: String, unicode: Bool) -> [String] {
    let ink: Character = unicode ? "█" : "#"
    var rows = Array(repeating: "", count: height)
    for character in text {
      guard let glyph = glyphs[character] else { continue }
      for line in 0..<height {
        if !rows[line].isEmpty { rows[line] += String(repeating: " ", count: gap) }
        rows[line] += String(glyph[line].map { $0 == "#" ? ink : " " })
      }
    }
    return rows
  }

  /// Columns the text takes, without a trailing gap; 0 when nothing in it is drawable.
  public static func width(of text: String) -> Int {
    let widths = text.compactMap { glyphs[$0]?[0].count }
    guard !widths.isEmpty else { return 0 }
    return widths.reduce(0, +) + gap * (widths.count - 1)
  }

  /// Draws only the ink, so the background (and any style it has) shows between strokes.
  public static func draw(_ text: String, on canvas: Canvas, row: Int, column: Int, style: TextStyle = []) {
    let totalWidth = width(of: text)
    // Nothing of it would show; returning early also keeps the offsets below from overflowing.
    guard totalWidth > 0, row > -height, row < canvas.size.rows, column > -totalWidth,
      column < canvas.size.columns
    else { return }
    let ink = canvas.capabilities.unicode ? "█" : "#"
    var x = column
    for character in text {
      guard let glyph = glyphs[character] else { continue }
      for (line, pattern) in glyph.enumerated() {
        for run in inkRuns(pattern) {
          canvas.put(String(repeating: ink, count: run.count), row: row + line, column: x + run.start, style: style)
        }
      }
      x += glyph[0].count + gap
      if x >= canvas.size.columns { break }
    }
  }

  /// The stretches of ink in one glyph row, so each takes one `put`.
  private static func inkRuns(_ pattern: String) -> [(start: Int, count: Int)] {
    var runs: [(start: Int, count: Int)] = []
    var start: Int?
    for (offset, mark) in pattern.enumerated() {
      if mark == "#" {
        if start == nil { start = offset }
      } else if let first = start {
        runs.append((first, offset - first))
        start = nil
      }
    }
    if let first = start { runs.append((first, pattern.count - first)) }
    return runs
  }
}
