import UnknotCore

/// The end of a session: before → after with its band, the caveat, what was done, and
/// this session beside the last ones of the routine when there is room.
/// After a stop for safety, the advice shows first.
enum SummaryView {
  /// How many of the routine's earlier sessions the summary keeps to choose from.
  static let earlierSessions = 8
  static func draw(_ state: AppState, _ screen: SummaryScreen, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    let record = screen.record
    if screen.showingSafetyAdvice {
      drawSafetyAdvice(state, screen, on: canvas)
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
    case (nil, _) where screen.entry.routine.isChecklistOnly:
      // A checklist asks no pain rating: its answers are the summary.
      row -= 1
    default:
      row += Layout.paragraph(
        "No before and after ratings, so no change to show.", row: row, column: 1, width: width, maxLines: 2,
        on: canvas)
    }
    row += 1
    // What to change leaves room for the steps, the time and the journal line below it;
    // advice that does not fit is counted, never cut without a word.
    let checklist = ChecklistSummary.lines(record)
    let checklistEnd = canvas.size.rows - Layout.footerHeight(KeyTable.hints(state), on: canvas) - 6
    if let heading = checklist.first {
      row += Layout.paragraph(heading, row: row, column: 1, width: width, maxLines: 2, style: .bold, on: canvas)
      let advice = checklist.dropFirst()
      for (offset, line) in advice.enumerated() {
        let text = String(line.dropFirst(2))
        let needed = TextWrap.lines(text, width: width - 4).count
        let left = advice.count - offset - 1
        // The last row is kept for "and N more" while advice remains after this one.
        guard row + needed + (left > 0 ? 1 : 0) <= checklistEnd else {
          canvas.put(
            Layout.clip("… and \(advice.count - offset) more: see the list in unknot stats", width), row: row,
            column: 3, style: .dim)
          row += 1
          break
        }
        canvas.put("-", row: row, column: 3)
        row += Layout.paragraph(text, row: row, column: 5, width: width - 4, maxLines: needed, on: canvas)
      }
      row += 1
    }
    // What the person chose when pain rose: the session they did was not the one written.
    for choice in record.painChoices {
      row += Layout.paragraph(choice.sentence, row: row, column: 1, width: width, maxLines: 2, style: .bold, on: canvas)
    }
    if !record.painChoices.isEmpty { row += 1 }
    let work = record.steps.filter { $0.kind != .rate && $0.kind != .switchSides }
    let done = work.filter { $0.ending == .completed || $0.ending == .releasedEarly }.count
    let skipped = work.filter { $0.ending == .skipped }.count
    let released = work.filter { $0.ending == .releasedEarly }.count
    // Questions alone: how many were answered says more than steps done or released.
    let stepsLine =
      screen.entry.routine.isChecklistOnly
      ? "Answered: \(ChecklistSummary.answered(record)) of \(screen.entry.routine.questionCount) questions"
      : "Steps: \(done) done, \(skipped) skipped, \(released) released early"
    canvas.put(Layout.clip(stepsLine, width), row: row, column: 1)
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
    let hints = KeyTable.hints(state)
    let statusRow = canvas.size.rows - Layout.footerHeight(hints, on: canvas) - 1
    // The pain choices can fill a small screen: then there is no room for the chart.
    if !screen.entry.routine.isChecklistOnly {
      drawHistory(screen, rows: (row + 2)..<max(row + 2, statusRow), timeZone: state.timeZone, on: canvas)
    }
    Layout.footer(hints, status: state.status, on: canvas)
  }

  /// The advice for what the person stopped for. Urgent signs fill the screen: get help
  /// now, do not drive, and what to tell the people who help.
  static func drawSafetyAdvice(_ state: AppState, _ screen: SummaryScreen, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    let advice = screen.record.stopReason?.advice ?? .stopAndRest
    let urgent = advice.isUrgent
    let hints = KeyTable.hints(state)
    let lastRow = canvas.size.rows - Layout.footerHeight(hints, on: canvas) - 2
    Layout.header("Stopped for safety", right: screen.entry.routine.title, on: canvas)
    var paragraphs: [(String, TextStyle)] = []
    if urgent {
      paragraphs.append((" " + advice.heading.uppercased() + " ", [.bold, .warning, .reverse]))
    }
    if let reason = screen.record.stopReason {
      paragraphs.append(("You stopped for: " + StepText.sentenceCase(reason.text) + ".", .bold))
    }
    for paragraph in advice.paragraphs {
      paragraphs.append((paragraph, urgent ? [.bold, .warning] : .warning))
    }
    if urgent {
      let doing = screen.stoppedDuring ?? "self-massage with unknot"
      let since =
        screen.stoppedAt.map { "you stopped at " + DateText.minute($0, in: state.timeZone) } ?? "you stopped just now"
      paragraphs.append((StopAdvice.tellThem(doing: doing, since: since), []))
      paragraphs.append((StopAdvice.urgentReason, .dim))
    }
    paragraphs.append(
      (
        screen.logged
          ? "This session is kept in your journal as stopped for safety."
          : "This session was not written to your journal.", .dim
      ))
    var row = 2
    for (text, style) in paragraphs {
      guard row <= lastRow else { break }
      row += Layout.paragraph(
        text, row: row, column: 1, width: width, maxLines: lastRow - row + 1, style: style, on: canvas)
      // A blank line between paragraphs while the screen has room for all of them.
      if canvas.size.rows >= 24 { row += 1 }
    }
    Layout.footer(hints, status: nil, on: canvas)
  }

  /// This session under the routine's last rated ones, as many as the rows allow; left
  /// out when not even one earlier session fits beside it (at 60×18, usually).
  static func drawHistory(_ screen: SummaryScreen, rows: Range<Int>, timeZone: DisplayZone, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    guard !rows.isEmpty, width >= SessionsChart.width else { return }
    let unicode = canvas.capabilities.unicode
    var lines = screen.earlier.compactMap { row in
      row.change.map { SessionsChart.Line(label: DateText.day(row.startedAt, in: timeZone), change: $0) }
    }
    guard !lines.isEmpty else {
      let note =
        screen.logged
        ? "Next time, this shows how your sessions of this routine compare."
        : "Without a journal there is no history to show beside this session."
      canvas.put(Layout.clip(note, width), row: rows.lowerBound, column: 1, style: .dim)
      return
    }
    if let change = screen.session.change {
      lines.append(SessionsChart.Line(label: "this session", change: change, isCurrent: true))
    }
    // A title and at least two sessions, or nothing: one line alone compares nothing.
    let room = rows.count - 1
    guard room >= 2, lines.count >= 2 else { return }
    let shown = Array(lines.suffix(room))
    let title = "Your last sessions of this routine: \(unicode ? "●" : "o") pain before, arrow to pain after"
    canvas.put(Layout.clip(title, width), row: rows.lowerBound, column: 1, style: .dim)
    SessionsChart.draw(shown, on: canvas, row: rows.lowerBound + 1, column: 1)
  }
}
