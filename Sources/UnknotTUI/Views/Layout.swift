import UnknotCore

/// The frame every screen shares: a header with a rule under it, a status line, and
/// key hints at the bottom, so keys are always on screen.
enum Layout {
  /// A key and what it does, as the footer shows it.
  struct Hint {
    var key: String
    var label: String

    init(_ key: String, _ label: String) {
      self.key = key
      self.label = label
    }
  }

  static func header(_ title: String, right: String? = nil, on canvas: Canvas) {
    let width = canvas.size.columns
    var rightText = right ?? ""
    if DisplayWidth.of(rightText) > width / 2 { rightText = "" }
    let titleWidth = max(1, width - 2 - DisplayWidth.of(rightText) - (rightText.isEmpty ? 0 : 2))
    canvas.put(clip(title, titleWidth), row: 0, column: 1, style: .bold)
    if !rightText.isEmpty {
      canvas.put(rightText, row: 0, column: width - 1 - DisplayWidth.of(rightText), style: .dim)
    }
    rule(row: 1, on: canvas)
  }

  static func rule(row: Int, on canvas: Canvas) {
    let line = canvas.capabilities.unicode ? "─" : "-"
    canvas.put(String(repeating: line, count: max(0, canvas.size.columns - 2)), row: row, column: 1, style: .dim)
  }

  /// Key hints on the last one or two rows, and the status line above them.
  static func footer(_ hints: [Hint], status: String?, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    var lines: [String] = [""]
    var lineWidth = 0
    for hint in hints {
      let piece = "\(hint.key) \(hint.label)"
      let pieceWidth = DisplayWidth.of(piece)
      if lineWidth == 0 {
        lines[lines.count - 1] = piece
        lineWidth = pieceWidth
      } else if lineWidth + 3 + pieceWidth <= width {
        lines[lines.count - 1] += "   " + piece
        lineWidth += 3 + pieceWidth
      } else {
        lines.append(piece)
        lineWidth = pieceWidth
      }
    }
    lines = Array(lines.suffix(2))
    let firstRow = canvas.size.rows - lines.count
    for (offset, line) in lines.enumerated() {
      canvas.put(line, row: firstRow + offset, column: 1, style: .dim)
    }
    if let status {
      canvas.put(clip(status, width), row: firstRow - 1, column: 1, style: .bold)
    }
  }

  /// Rows the footer takes with these hints (without the status line).
  static func footerHeight(_ hints: [Hint], on canvas: Canvas) -> Int {
    let total = hints.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.label) + 4 }
    return total > canvas.size.columns - 2 ? 2 : 1
  }

  /// Draws wrapped text; returns how many rows it took.
  @discardableResult
  static func paragraph(
    _ text: String, row: Int, column: Int, width: Int, maxLines: Int, style: TextStyle = [], on canvas: Canvas
  ) -> Int {
    guard maxLines > 0, width > 0 else { return 0 }
    var lines = TextWrap.lines(text, width: width)
    if lines.count > maxLines {
      lines = Array(lines.prefix(maxLines))
      lines[maxLines - 1] = clip(lines[maxLines - 1] + " …", width)
    }
    for (offset, line) in lines.enumerated() {
      canvas.put(line, row: row + offset, column: column, style: style)
    }
    return lines.count
  }

  static func centered(_ text: String, row: Int, style: TextStyle = [], on canvas: Canvas) {
    let shown = clip(text, canvas.size.columns - 2)
    canvas.put(shown, row: row, column: max(1, (canvas.size.columns - DisplayWidth.of(shown)) / 2), style: style)
  }

  /// Text cut to a width, with "…" when cut.
  static func clip(_ text: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    guard DisplayWidth.of(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let characterWidth = DisplayWidth.of(String(character))
      if used + characterWidth > width - 1 { break }
      result.append(character)
      used += characterWidth
    }
    return result + "…"
  }

  /// A framed box in the middle of the screen, blanked, for overlays; returns its
  /// inner top-left cell and inner width.
  @discardableResult
  static func box(title: String, rows: Int, columns: Int, on canvas: Canvas) -> (row: Int, column: Int, width: Int) {
    let width = min(columns, canvas.size.columns - 4)
    let height = min(rows, canvas.size.rows - 2)
    let top = max(1, (canvas.size.rows - height) / 2)
    let left = max(2, (canvas.size.columns - width) / 2)
    let unicode = canvas.capabilities.unicode
    let horizontal = unicode ? "─" : "-"
    let vertical = unicode ? "│" : "|"
    let corners = unicode ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
    let inner = String(repeating: horizontal, count: max(0, width - 2))
    // A blank column each side, so no cut-off words of the screen below touch the frame.
    for offset in 0..<height {
      canvas.put(" ", row: top + offset, column: left - 1)
      canvas.put(" ", row: top + offset, column: left + width)
    }
    canvas.put(corners[0] + inner + corners[1], row: top, column: left)
    for offset in 1..<max(1, height - 1) {
      canvas.put(
        vertical + String(repeating: " ", count: max(0, width - 2)) + vertical, row: top + offset, column: left)
    }
    canvas.put(corners[2] + inner + corners[3], row: top + height - 1, column: left)
    canvas.put(" \(title) ", row: top, column: left + 2, style: .bold)
    return (top + 1, left + 2, width - 4)
  }

  /// "12 min", "2 min 30 s", with "+" when some steps take as long as you need.
  static func routineTime(_ routine: Routine) -> String {
    if routine.isChecklistOnly { return routine.questionsText }
    let timeline = Timeline(routine: routine)
    return DurationText.of(seconds: timeline.plannedSeconds) + (timeline.hasOpenEndedSteps ? "+" : "")
  }

  /// "massage ball, foam roller" or "no tools".
  static func toolNames(_ tools: [Tool]) -> String {
    let needed = tools.filter { $0 != .none }
    return needed.isEmpty ? "no tools" : needed.map { $0.name.lowercased() }.joined(separator: ", ")
  }
}
