import UnknotCore

/// What unknot is, and the keys of every screen.
enum HelpView {
  static func draw(_ state: AppState, on canvas: Canvas) {
    Layout.header("Help", right: "any key to go back", on: canvas)
    let width = canvas.size.columns - 2
    var row = 2
    row += Layout.paragraph(
      "unknot guides self-massage and stretching for the upper back and neck. It is self-care guidance, "
        + "not diagnosis or treatment: if pain is severe, new or worrying, please see a clinician.",
      row: row, column: 1, width: width, maxLines: 4, on: canvas)
    row += 1
    let lines = [
      "Home     ↑↓ move · → or Enter open · t my tools only · o choose tools",
      "         s safety check · h history · q quit",
      "Routine  Enter start · ↑↓ scroll · Esc back",
      "Session  space pause · n/→ next · b/← back · +/- 15 s more/less",
      "         r released · Enter in position · x stop · q quit · ? keys",
      "Rating   0-10 or ←→ choose · Enter save · s skip",
      "History  ↑↓ scroll · Esc back",
    ]
    for line in lines where row < canvas.size.rows - 2 {
      canvas.put(Layout.clip(line, width), row: row, column: 1)
      row += 1
    }
    row += 1
    Layout.paragraph(
      "Options: --quiet (no bell), --speak (spoken steps), --no-journal, --plain (plain lines, no screen).",
      row: row, column: 1, width: width, maxLines: 2, style: .dim, on: canvas)
  }
}
