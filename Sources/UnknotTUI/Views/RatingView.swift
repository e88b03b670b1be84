import UnknotCore

/// A pain rating with the same wording and anchors every time; skipping takes its own key.
enum RatingView {
  static func draw(_ state: AppState, _ session: SessionScreen, moment: SessionStep.RatingMoment, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    let step = session.engine.currentStep
    var row = 3
    let when: String
    switch moment {
    case .before: when = "Before you start"
    case .between: when = "A check between steps"
    case .after: when = "Now that you are done"
    }
    var context = when
    let place = StepText.place(step)
    if !place.isEmpty { context += " · " + place }
    canvas.put(Layout.clip(context, width), row: row, column: 1, style: .dim)
    row += 2
    // A muscle's question may not fit a narrow terminal on one line: wrap it, never clip it.
    for line in TextWrap.lines(PainScale.question(muscle: step.muscle, side: step.side), width: width) {
      canvas.put(line, row: row, column: 1, style: .bold)
      row += 1
    }
    canvas.put(PainScale.anchors, row: row, column: 1)
    row += 2
    let scaleWidth = min(width, 60)
    PainScaleBar.draw(
      selected: session.ratingChoice, width: scaleWidth, on: canvas, row: row,
      column: (canvas.size.columns - scaleWidth) / 2)
    row += PainScaleBar.height + 1
    if let choice = session.ratingChoice {
      Layout.centered("Your rating: \(choice) — \(PainBand(choice).rawValue)", row: row, style: .bold, on: canvas)
    } else {
      Layout.centered("Type a number from 0 to 10, or use the arrows.", row: row, style: .dim, on: canvas)
    }
    Layout.footer(KeyTable.hints(state), status: state.status ?? HomeView.loggingNote(state), on: canvas)
  }
}
