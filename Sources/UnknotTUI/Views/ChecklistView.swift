import UnknotCore

/// A checklist step: the question asked now, large, with how far along it is ("3 of
/// 8"); after a "no", the advice for it until the person goes on.
enum ChecklistView {
  static func draw(_ state: AppState, _ session: SessionScreen, items: [ChecklistItem], on canvas: Canvas) {
    let engine = session.engine
    let width = canvas.size.columns - 2
    let index = min(engine.checklistItem, max(0, items.count - 1))
    let hints = KeyTable.hints(state)
    let lastRow = canvas.size.rows - Layout.footerHeight(hints, on: canvas) - 2
    var row = 2
    let title = engine.currentStep.title
    canvas.put(Layout.clip(title.uppercased(), width), row: row, column: 1, style: [.bold, .accent])
    let count = "\(index + 1) of \(items.count)"
    canvas.put(count, row: row, column: canvas.size.columns - 1 - DisplayWidth.of(count), style: .bold)
    row += 2
    guard items.indices.contains(index) else { return }
    let item = items[index]
    // The question is the one thing to read: bold, with room around it.
    row += Layout.paragraph(
      item.question, row: row, column: 1, width: width, maxLines: 3, style: [.bold], on: canvas)
    row += 1
    if engine.showingAdvice {
      canvas.put("What to change:", row: row, column: 1, style: [.bold, .warning])
      row += 1
      row += Layout.paragraph(
        item.advice, row: row, column: 3, width: width - 2, maxLines: max(1, lastRow - row - 1), on: canvas)
      row += 1
      if row <= lastRow {
        canvas.put(Layout.clip("Press Enter for the next question.", width), row: row, column: 1, style: .dim)
      }
    } else {
      if row <= lastRow {
        canvas.put("y  yes        n  no", row: row, column: 3, style: .bold)
      }
      row += 2
      if row <= lastRow, let cue = engine.currentStep.cues.first, index == 0 {
        Layout.paragraph(cue, row: row, column: 1, width: width, maxLines: lastRow - row + 1, style: .dim, on: canvas)
      }
    }
    Layout.footer(hints, status: state.status ?? HomeView.loggingNote(state), on: canvas)
  }
}
