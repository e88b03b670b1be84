import UnknotCore

/// A horizontal bar showing how much of a step has passed.
public enum ProgressBar {
  /// One to seven eighths of a cell, for the cell where the filled part ends.
  static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// No terminal is this wide; the cap keeps `width * 8` and the strings built from it bounded.
  static let maximumWidth = 1 << 16

  public static func draw(
    fraction: Double, width: Int, on canvas: Canvas, row: Int, column: Int, style: TextStyle = []
  ) {
    let width = min(width, maximumWidth)
    guard width >= 3, row >= 0, row < canvas.size.rows, column > -width, column < canvas.size.columns
    else { return }
    let fraction = fraction.isNaN ? 0 : min(1, max(0, fraction))
    var bar = ""
    if canvas.capabilities.unicode {
      let eighths = filledUnits(fraction, of: width * 8)
      let full = eighths / 8
      let rest = eighths % 8
      bar = String(repeating: "█", count: full)
      if rest > 0 { bar.append(partials[rest - 1]) }
      bar += String(repeating: "░", count: width - full - (rest > 0 ? 1 : 0))
    } else {
      let interior = width - 2
      let filled = filledUnits(fraction, of: interior)
      bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: interior - filled) + "]"
    }
    canvas.put(bar, row: row, column: column, style: style)
  }

  /// Rounds down, so the bar looks full only when the time is really up; the epsilon keeps
  /// products like 0.29 × 100 = 28.999… from losing a unit.
  static func filledUnits(_ fraction: Double, of units: Int) -> Int {
    min(units, max(0, Int((fraction * Double(units) + 1e-9).rounded(.down))))
  }
}
