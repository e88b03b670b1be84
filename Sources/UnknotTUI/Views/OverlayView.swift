import UnknotCore

/// The boxes drawn over a session: paused, help, quit, stop reasons, journal failure.
enum OverlayView {
  static func drawPaused(_ reason: PauseReason, on canvas: Canvas) {
    let inner = Layout.box(title: "Paused", rows: 7, columns: 56, on: canvas)
    let why: String
    switch reason {
    case .person: why = "Take your time."
    case .clockGap:
      why = "Paused because the program was stopped or the computer slept. The time away was not counted."
    }
    let used = Layout.paragraph(
      why, row: inner.row + 1, column: inner.column, width: inner.width, maxLines: 3, on: canvas)
    canvas.put("space to continue · q to quit", row: inner.row + 2 + used, column: inner.column, style: .bold)
  }

  /// `logging`: whether this session is being written to the journal (not after
  /// --no-journal, nor once the person chose to go on without a journal that failed).
  static func draw(_ overlay: SessionScreen.Overlay, logging: Bool, on canvas: Canvas) {
    switch overlay {
    case .help:
      let inner = Layout.box(title: "Keys", rows: 15, columns: 60, on: canvas)
      let lines = [
        "space      pause or continue",
        "n or →     next step (skip this one)",
        "b or ←     back to the previous step",
        "+ / -      15 seconds more / less",
        "r          the knot released: end this hold",
        "Enter      I'm in position",
        "x          stop for pain, numbness or dizziness",
        logging ? "q          quit (the session is kept as quit)" : "q          quit (nothing is kept)",
        "s          skip a rating (in a rating step)",
      ]
      for (offset, line) in lines.enumerated() {
        canvas.put(Layout.clip(line, inner.width), row: inner.row + offset, column: inner.column)
      }
      canvas.put("Any key to go back", row: inner.row + lines.count + 1, column: inner.column, style: .dim)
    case .confirmQuit:
      let inner = Layout.box(title: "Quit this session?", rows: 7, columns: 56, on: canvas)
      let kept =
        logging
        ? "It stays in your journal as quit, with the ratings you gave."
        : "Nothing of it is kept: this session is not being logged."
      Layout.paragraph(kept, row: inner.row + 1, column: inner.column, width: inner.width, maxLines: 2, on: canvas)
      canvas.put("y quit · n keep going", row: inner.row + 3, column: inner.column, style: .bold)
    case .stopReasons:
      let inner = Layout.box(title: "Stop: what happened?", rows: 11, columns: 62, on: canvas)
      for (index, reason) in StopReason.allCases.enumerated() {
        canvas.put(
          Layout.clip("\(index + 1)  \(reason.text)", inner.width), row: inner.row + 1 + index, column: inner.column,
          style: .warning)
      }
      canvas.put("1-4 choose · Esc go back", row: inner.row + 6, column: inner.column, style: .bold)
    case .journalFailed(let message):
      let inner = Layout.box(title: "The journal could not be written", rows: 10, columns: 66, on: canvas)
      let used = Layout.paragraph(
        message, row: inner.row, column: inner.column, width: inner.width, maxLines: 4, on: canvas)
      canvas.put(
        "Continue without logging this session?", row: inner.row + used + 1, column: inner.column, style: .bold)
      canvas.put("y continue unlogged · n end the session", row: inner.row + used + 3, column: inner.column)
    }
  }
}
