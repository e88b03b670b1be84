import UnknotCore

/// Before a routine starts: its cautions and the stop rules; for traction, the
/// clinician's agreement.
enum CautionsView {
  static func draw(_ state: AppState, _ screen: CautionsScreen, on canvas: Canvas) {
    guard let entry = state.entry(id: screen.routineID) else { return }
    let routine = entry.routine
    let width = canvas.size.columns - 2
    Layout.header("Before you start: " + routine.title, right: Layout.routineTime(routine), on: canvas)
    // The stop rules and the question sit at the bottom; the cautions scroll above them.
    let bottomRows = routine.requiresClinician ? 10 : 7
    let lastCautionRow = canvas.size.rows - bottomRows - 1
    var row = 2
    let cautions = RoutineCautions.of(routine).map(\.text)
    let first = min(screen.scroll, max(0, cautions.count - 1))
    if first > 0 {
      canvas.put("↑ \(first) more above", row: row, column: 1, style: .dim)
    }
    row += 1
    var shown = first
    for caution in cautions.dropFirst(first) {
      let lines = TextWrap.lines("! " + caution, width: width)
      guard row + lines.count - 1 <= lastCautionRow else { break }
      row += Layout.paragraph(
        "! " + caution, row: row, column: 1, width: width, maxLines: 3, style: .warning, on: canvas)
      shown += 1
    }
    if shown < cautions.count {
      canvas.put(
        "↓ \(cautions.count - shown) more caution\(cautions.count - shown == 1 ? "" : "s"): press ↓ to read",
        row: lastCautionRow + 1, column: 1, style: [.bold, .warning])
    }
    row = lastCautionRow + 2
    // Every sign is named: the short form where the full one would need more than three lines.
    let reminder =
      TextWrap.lines(StopReminder.full, width: width).count <= 3 ? StopReminder.full : StopReminder.short
    row += Layout.paragraph(reminder, row: row, column: 1, width: width, maxLines: 3, on: canvas)
    row += Layout.paragraph(
      "Press x at any time to stop for one of these.", row: row, column: 1, width: width, maxLines: 1, style: .dim,
      on: canvas)
    if routine.requiresClinician {
      row += 1
      Layout.paragraph(
        "Only with your clinician's agreement and the settings they gave you. Has your clinician agreed?",
        row: row, column: 1, width: width, maxLines: 2, style: .bold, on: canvas)
    }
    Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
  }
}
