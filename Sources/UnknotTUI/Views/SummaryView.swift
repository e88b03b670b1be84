import UnknotCore

/// The end of a session: before → after with its band, the caveat, and what was done.
/// After a stop for safety, the advice shows first.
enum SummaryView {
  static func draw(_ state: AppState, _ screen: SummaryScreen, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    let record = screen.record
    if screen.showingSafetyAdvice {
      Layout.header("Stopped for safety", right: screen.entry.routine.title, on: canvas)
      var row = 3
      if let reason = record.stopReason {
        row += Layout.paragraph(
          "You stopped for: \(reason.text.lowercased()).", row: row, column: 1, width: width, maxLines: 2,
          style: .bold, on: canvas)
        row += 1
      }
      row += Layout.paragraph(
        StopReason.advice, row: row, column: 1, width: width, maxLines: 4, style: .warning, on: canvas)
      row += 1
      let kept =
        screen.logged
        ? "This session is kept in your journal as stopped for safety."
        : "This session was not written to your journal."
      Layout.paragraph(kept, row: row, column: 1, width: width, maxLines: 2, on: canvas)
      Layout.footer([Layout.Hint("Enter", "see the summary"), Layout.Hint("q", "quit")], status: nil, on: canvas)
      return
    }
    let heading: String
    switch record.outcome {
    case .finished: heading = "Session complete"
    case .quit: heading = "Session ended early"
    case .stoppedForSafety: heading = "Session stopped for safety"
    case nil: heading = "Session"
    }
    Layout.header(heading + " — " + screen.entry.routine.title, on: canvas)
    var row = 3
    switch (record.before, record.after) {
    case (let before?, let after?):
      let change = PainChange(before: before, after: after)
      canvas.put("Pain before → after", row: row, column: 1, style: .dim)
      let style: TextStyle = change.points < 0 ? [.bold, .calm] : [.bold]
      canvas.put(change.text(unicode: canvas.capabilities.unicode), row: row + 1, column: 3, style: style)
      canvas.put("(" + change.band.phrase + ")", row: row + 2, column: 3)
      row += 4
      row += Layout.paragraph(
        PainChange.caveat, row: row, column: 1, width: width, maxLines: 3, style: .dim, on: canvas)
    case (let before?, nil):
      row += Layout.paragraph(
        "Pain before: \(before) (\(PainBand(before).rawValue)). No rating after.", row: row, column: 1, width: width,
        maxLines: 2, on: canvas)
    default:
      row += Layout.paragraph(
        "No before and after ratings, so no change to show.", row: row, column: 1, width: width, maxLines: 2,
        on: canvas)
    }
    row += 1
    let work = record.steps.filter { $0.kind != .rate && $0.kind != .switchSides }
    let done = work.filter { $0.ending == .completed || $0.ending == .releasedEarly }.count
    let skipped = work.filter { $0.ending == .skipped }.count
    let released = work.filter { $0.ending == .releasedEarly }.count
    canvas.put(
      Layout.clip("Steps: \(done) done, \(skipped) skipped, \(released) released early", width), row: row, column: 1)
    row += 1
    let active = Int(record.activeNanoseconds / nanosecondsPerSecond)
    let paused = Int(record.pausedNanoseconds / nanosecondsPerSecond)
    canvas.put(
      "Time: \(DurationText.of(seconds: active)) active"
        + (paused > 0 ? ", \(DurationText.of(seconds: paused)) paused" : ""),
      row: row, column: 1)
    row += 2
    let logged =
      screen.logged
      ? (record.outcome == .quit ? "Kept in your journal as quit." : "Saved in your journal.")
      : "Not logged: this session was not written to your journal."
    canvas.put(Layout.clip(logged, width), row: row, column: 1, style: .dim)
    Layout.footer([Layout.Hint("Enter", "home"), Layout.Hint("q", "quit")], status: state.status, on: canvas)
  }
}
