import UnknotCore

/// Before a routine starts: what the safety answers changed and why, its cautions and
/// the stop rules; for traction, the clinician's agreement.
enum CautionsView {
  static func draw(_ state: AppState, _ screen: CautionsScreen, on canvas: Canvas) {
    guard let entry = state.entry(id: screen.routineID) else { return }
    let routine = entry.routine
    let adapted = state.adapted(entry)
    let width = canvas.size.columns - 2
    Layout.header(
      "Before you start: " + routine.title, right: adapted.nothingLeft ? "" : Layout.routineTime(adapted.routine),
      on: canvas)
    // A checklist works no muscle: what it asks is said instead of cautions and danger signs.
    if routine.isChecklistOnly {
      var row = 3
      row += Layout.paragraph(routine.summary, row: row, column: 1, width: width, maxLines: 4, on: canvas) + 1
      Layout.paragraph(
        "Answer each question with y or n. It asks no pain ratings and no safety questions: it works no muscle.",
        row: row, column: 1, width: width, maxLines: 3, style: .dim, on: canvas)
      Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
      return
    }
    // The stop rules and the question sit at the bottom; the cautions scroll above them.
    let bottomRows = adapted.nothingLeft ? 3 : routine.requiresClinician ? 10 : 7
    let lastCautionRow = canvas.size.rows - bottomRows - 1
    var row = 2
    let items = state.beforeYouStart(entry)
    let cautions = items.map(\.text)
    let first = min(screen.scroll, max(0, cautions.count - 1))
    if first > 0 {
      canvas.put("↑ \(first) more above", row: row, column: 1, style: .dim)
    }
    row += 1
    var shown = first
    for item in items.dropFirst(first) {
      let lines = TextWrap.lines(item.text, width: width)
      guard row + min(lines.count, item.kind == .reason ? 4 : 3) - 1 <= lastCautionRow else { break }
      row += Layout.paragraph(
        item.text, row: row, column: 1, width: width, maxLines: item.kind == .reason ? 4 : 3, style: style(item.kind),
        on: canvas)
      shown += 1
    }
    if shown < items.count {
      let noun = adapted.changes.isEmpty ? "caution" : "line"
      canvas.put(
        "↓ \(items.count - shown) more \(noun)\(items.count - shown == 1 ? "" : "s"): press ↓ to read",
        row: lastCautionRow + 1, column: 1, style: [.bold, .warning])
    }
    row = lastCautionRow + 2
    // Every sign is named: the short form where the full one would need more than three lines.
    let reminder =
      TextWrap.lines(StopReminder.full, width: width).count <= 3 ? StopReminder.full : StopReminder.short
    // A routine that will not start has no session to stop.
    if !adapted.nothingLeft {
      row += Layout.paragraph(reminder, row: row, column: 1, width: width, maxLines: 3, on: canvas)
    }
    // The short form already begins "Press x": the key is said once.
    if reminder == StopReminder.full && !adapted.nothingLeft {
      row += Layout.paragraph(
        "Press x at any time to stop for one of these.", row: row, column: 1, width: width, maxLines: 1,
        style: .dim, on: canvas)
    }
    if routine.requiresClinician && !adapted.nothingLeft {
      row += 1
      Layout.paragraph(
        "Only with your clinician's agreement and the settings they gave you. Has your clinician agreed?",
        row: row, column: 1, width: width, maxLines: 2, style: .bold, on: canvas)
    }
    Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
  }

  static func style(_ kind: BeforeYouStartItem.Kind) -> TextStyle {
    switch kind {
    case .nothingLeft: [.bold, .warning]
    case .tryInstead: .bold
    case .reason: .bold
    case .change: []
    case .caution: .warning
    }
  }
}
