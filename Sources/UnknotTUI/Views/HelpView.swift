import UnknotCore

/// What unknot is, and the keys of every screen.
enum HelpView {
  /// The screens the help names, each with the table's keys for it.
  static let screens: [(name: String, place: KeyBinding.Place)] = [
    ("Home", .home), ("Routine", .detail), ("Session", .session), ("Rating", .rating), ("History", .history),
  ]

  /// "Home     ↑↓ move · …", wrapped under its name at this width.
  static func keyLines(width: Int) -> [String] {
    let indent = String(repeating: " ", count: 9)
    var lines: [String] = []
    var before: Set<String> = []
    for (name, place) in screens {
      // The keys said for home and the session (q quit, ? help, x stop) mean the same on
      // the screens after them: said once, so the list fits at 60×18.
      let pieces = KeyTable.all.filter { $0.place == place && $0.onHelpScreen }.compactMap { binding in
        binding.shown.map { "\($0) \(binding.label)" }
      }.filter { !before.contains($0) }
      if place == .home || place == .session { before.formUnion(pieces) }
      var line = name.padding(toLength: indent.count, withPad: " ", startingAt: 0)
      var first = true
      for piece in pieces {
        let joined = first ? line + piece : line + " · " + piece
        if !first, DisplayWidth.of(joined) > width {
          lines.append(line)
          line = indent + piece
        } else {
          line = joined
        }
        first = false
      }
      lines.append(line)
    }
    return lines
  }

  static func draw(_ state: AppState, on canvas: Canvas) {
    Layout.header("Help", right: "any key to go back", on: canvas)
    let width = canvas.size.columns - 2
    var row = 2
    // On a small screen the shorter words leave room for every screen's keys.
    let intro =
      canvas.size.rows < 24
      ? "Self-care guidance for the upper back and neck, not diagnosis or treatment: if pain is severe, new "
        + "or worrying, please see a clinician."
      : "unknot guides self-massage and stretching for the upper back and neck. It is self-care guidance, "
        + "not diagnosis or treatment: if pain is severe, new or worrying, please see a clinician."
    row += Layout.paragraph(intro, row: row, column: 1, width: width, maxLines: 4, on: canvas)
    row += 1
    let lines = keyLines(width: width)
    for line in lines where row < canvas.size.rows - 1 {
      canvas.put(Layout.clip(line, width), row: row, column: 1)
      row += 1
    }
    row += 1
    // The options only where they fit whole: the keys matter more on a small screen.
    let options = "Options: --quiet (no bell), --speak (spoken steps), --no-journal, --plain (plain lines, no screen)."
    if TextWrap.lines(options, width: width).count <= canvas.size.rows - row {
      Layout.paragraph(options, row: row, column: 1, width: width, maxLines: 2, style: .dim, on: canvas)
    }
  }
}
