import UnknotCore

/// A routine before it starts: what it is for, time, tools, cautions and every step.
enum DetailView {

  static func draw(_ state: AppState, _ screen: DetailScreen, on canvas: Canvas) {
    guard let entry = state.entry(id: screen.routineID) else { return }
    let routine = entry.routine
    let width = canvas.size.columns - 2
    Layout.header(routine.title, right: Layout.routineTime(routine), on: canvas)
    var row = 2
    row += Layout.paragraph(routine.summary, row: row, column: 1, width: width, maxLines: 3, on: canvas)
    canvas.put(Layout.clip("Tools: " + Layout.toolNames(routine.tools), width), row: row, column: 1, style: .dim)
    row += 1
    for caution in RoutineCautions.of(routine).prefix(canvas.size.rows >= 24 ? 3 : 1) {
      row += Layout.paragraph(
        "! " + caution.text, row: row, column: 1, width: width, maxLines: 2, style: .warning, on: canvas)
    }
    row += 1
    let steps = Timeline(routine: routine).steps
    let hints = KeyTable.hints(state)
    let lastRow = canvas.size.rows - Layout.footerHeight(hints, on: canvas) - 2
    let visible = max(1, lastRow - row + 1)
    // `scroll` is the highlighted step; the list keeps it in view.
    let cursor = min(screen.scroll, max(0, steps.count - 1))
    let first = max(0, min(cursor - visible / 2, steps.count - visible))
    for (index, step) in steps.enumerated().dropFirst(first).prefix(visible) {
      let marker = index == cursor ? (canvas.capabilities.unicode ? "▸" : ">") : " "
      let line = marker + "\(index + 1). " + StepText.headline(step)
      canvas.put(Layout.clip(line, width), row: row, column: 1, style: index == cursor ? .bold : [])
      row += 1
    }
    if first + visible < steps.count {
      canvas.put("… \(steps.count - first - visible) more (↓)", row: lastRow + 1, column: 1, style: .dim)
    }
    Layout.footer(hints, status: state.status, on: canvas)
  }
}
