import UnknotCore

/// A routine before it starts: what it is for, time, tools, cautions, what the safety
/// answers changed and why, and every step the session will run.
enum DetailView {

  static func draw(_ state: AppState, _ screen: DetailScreen, on canvas: Canvas) {
    guard let entry = state.entry(id: screen.routineID) else { return }
    let adapted = state.adapted(entry)
    let routine = adapted.routine
    let width = canvas.size.columns - 2
    Layout.header(routine.title, right: adapted.nothingLeft ? "" : Layout.routineTime(adapted.routine), on: canvas)
    var row = 2
    row += Layout.paragraph(routine.summary, row: row, column: 1, width: width, maxLines: 3, on: canvas)
    // With nothing left, the tools the routine was written for: it names no others.
    let tools = adapted.nothingLeft ? entry.routine.tools : routine.tools
    canvas.put(Layout.clip("Tools: " + Layout.toolNames(tools), width), row: row, column: 1, style: .dim)
    row += 1
    for caution in RoutineCautions.of(routine).prefix(canvas.size.rows >= 24 ? 3 : 1) {
      row += Layout.paragraph(
        "! " + caution.text, row: row, column: 1, width: width, maxLines: 2, style: .warning, on: canvas)
    }
    row += changes(state.beforeYouStart(entry), row: row, width: width, on: canvas)
    row += 1
    let steps = adapted.nothingLeft ? [] : Timeline(routine: routine).steps
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

  /// What changed, one line each under its reason, as far as room allows; "Before you
  /// start" lists them all. Returns the rows used.
  private static func changes(_ all: [BeforeYouStartItem], row start: Int, width: Int, on canvas: Canvas) -> Int {
    let items = all.filter { $0.kind != .caution }
    guard !items.isEmpty else { return 0 }
    let room = canvas.size.rows >= 24 ? 6 : 2
    var row = start
    var shown = 0
    for item in items {
      let lines = item.kind == .change ? 1 : 2
      guard row - start + lines <= room else { break }
      row += Layout.paragraph(
        item.text, row: row, column: 1, width: width, maxLines: lines, style: CautionsView.style(item.kind),
        on: canvas)
      shown += 1
    }
    if shown < items.count {
      canvas.put(
        Layout.clip("… \(items.count - shown) more on what changed, shown before you start", width),
        row: row, column: 1, style: .dim)
      row += 1
    }
    return row - start
  }
}
