import UnknotCore

/// The boxes drawn over a session: paused, help, quit, stop reasons, journal failure.
enum OverlayView {
  static func drawPaused(_ reason: PauseReason, on canvas: Canvas) {
    let inner = Layout.box(title: "Paused", rows: 7, columns: 56, on: canvas)
    let why: String
    switch reason {
    case .person, .overlay: why = "Take your time."
    case .clockGap:
      why = "Paused because the program was stopped or the computer slept. The time away was not counted."
    }
    let used = Layout.paragraph(
      why, row: inner.row + 1, column: inner.column, width: inner.width, maxLines: 3, on: canvas)
    canvas.put("space to continue · q to quit", row: inner.row + 2 + used, column: inner.column, style: .bold)
  }

  /// `logging`: whether this session is being written to the journal (not after
  /// --no-journal, nor once the person chose to go on without a journal that failed).
  static func draw(_ overlay: SessionScreen.Overlay, state: AppState, session: SessionScreen, on canvas: Canvas) {
    let logging = state.options.logging
    switch overlay {
    case .help:
      // The keys of the step under the box that do something now, from the key table.
      let lines = KeyTable.bindings(KeyTable.sessionPlace(state), in: state).compactMap { binding in
        binding.shown.map { $0.padding(toLength: max(11, DisplayWidth.of($0) + 1), withPad: " ", startingAt: 0) }
          .map { $0 + binding.help(in: state) }
      }
      let inner = Layout.box(title: "Keys", rows: lines.count + 4, columns: 60, on: canvas)
      for (offset, line) in lines.enumerated() {
        canvas.put(Layout.clip(line, inner.width), row: inner.row + offset, column: inner.column)
      }
      canvas.put("Any key to go back", row: inner.row + lines.count + 1, column: inner.column, style: .dim)
    case .confirmQuit:
      let inner = Layout.box(title: "Quit this session?", rows: 7, columns: 56, on: canvas)
      let kept =
        logging
        ? "It stays in your journal as quit, with the \(session.entry.routine.isChecklistOnly ? "answers" : "ratings") you gave."
        : "Nothing of it is kept: this session is not being logged."
      Layout.paragraph(kept, row: inner.row + 1, column: inner.column, width: inner.width, maxLines: 2, on: canvas)
      canvas.put("y quit · n keep going", row: inner.row + 3, column: inner.column, style: .bold)
    case .stopReasons:
      drawStopReasons(session.entry.routine.stopChoices, selected: session.stopChoice, on: canvas)
    case .painChoice:
      if let check = session.engine.painCheck {
        drawPainChoice(check, options: session.painOptions, selected: session.painChoiceIndex, state: state, on: canvas)
      }
    case .journalFailed(let message):
      let inner = Layout.box(title: "The journal could not be written", rows: 10, columns: 66, on: canvas)
      let used = Layout.paragraph(
        message, row: inner.row, column: inner.column, width: inner.width, maxLines: 4, on: canvas)
      canvas.put(
        "Continue without logging this session?", row: inner.row + used + 1, column: inner.column, style: .bold)
      canvas.put("y continue unlogged · n end the session", row: inner.row + used + 3, column: inner.column)
    }
  }

  /// Why pain asks for a choice, then each choice as a numbered line, the highlighted
  /// one reversed. Lines are wrapped, never cut: on a small screen the reason gets
  /// fewer lines first, the choices keep theirs.
  static func drawPainChoice(
    _ check: PainCheck, options: [PainChoice], selected: Int, state: AppState, on canvas: Canvas
  ) {
    let columns = 66
    let width = max(10, min(columns, canvas.size.columns - 4) - 4)
    var choiceLines: [(String, Int)] = []
    for (index, option) in options.enumerated() {
      let wrapped = TextWrap.lines(PainChoiceText.line(option, check: check, state: state), width: max(6, width - 4))
      for (offset, line) in wrapped.enumerated() {
        choiceLines.append(((offset == 0 ? " \(index + 1)  " : "    ") + line, index))
      }
    }
    let reason = TextWrap.lines(
      PainChoiceText.reason(check, offersGentler: PainChoiceText.offersGentler(options)), width: width)
    let unicode = canvas.capabilities.unicode
    let hint = unicode ? "a number, or ↑↓ and Enter" : "a number, or Up/Down and Enter"
    let room = canvas.size.rows - 2 - 2 - choiceLines.count - 2
    let reasonShown = Array(reason.prefix(max(1, room)))
    let rows = reasonShown.count + 1 + choiceLines.count + 2 + 2
    let inner = Layout.box(title: PainChoiceText.title(check), rows: rows, columns: columns, on: canvas)
    var row = inner.row
    for line in reasonShown {
      canvas.put(Layout.clip(line, inner.width), row: row, column: inner.column)
      row += 1
    }
    row += 1
    for (text, index) in choiceLines {
      var line = Layout.clip(text, inner.width)
      var style: TextStyle = .bold
      if index == selected {
        style.insert(.reverse)
        line += String(repeating: " ", count: max(0, inner.width - DisplayWidth.of(line)))
      }
      canvas.put(line, row: row, column: inner.column, style: style)
      row += 1
    }
    canvas.put(Layout.clip(hint, inner.width), row: row + 1, column: inner.column, style: .dim)
  }

  /// Every danger sign as its own line, grouped with the urgent ones first, then the
  /// routine's own rules. On a small terminal the list scrolls to keep the highlighted
  /// line in view, and says what lies above or below.
  static func drawStopReasons(_ choices: StopChoices, selected: Int, on canvas: Canvas) {
    let columns = 66
    let textWidth = min(columns, canvas.size.columns - 4) - 4 - 4
    // (text, style, index of the choice it belongs to)
    var lines: [(String, TextStyle, Int?)] = []
    var index = 0
    for group in choices.groups {
      lines.append((group.heading, group.heading == StopChoices.urgentHeading ? [.bold, .warning] : .bold, nil))
      for choice in group.choices {
        for (offset, line) in TextWrap.lines(choice.text, width: max(10, textWidth)).enumerated() {
          lines.append(((offset == 0 ? " \(choice.key)  " : "    ") + line, [], index))
        }
        index += 1
      }
    }
    let footer = "a letter, or ↑↓ and Enter · Esc back"
    let inner = Layout.box(title: "Stop: what happened?", rows: lines.count + 4, columns: columns, on: canvas)
    let innerRows = min(lines.count + 2, canvas.size.rows - 4)
    let listRows = max(1, innerRows - 2)
    let unicode = canvas.capabilities.unicode
    var first = 0
    if lines.count > listRows {
      // Keep the highlighted choice's lines, and its group's heading when it fits, in view.
      let selectedLines = lines.indices.filter { lines[$0].2 == selected }
      let top = selectedLines.first ?? 0
      let bottom = selectedLines.last ?? 0
      first = max(0, min(top - 1, lines.count - listRows))
      if bottom >= first + listRows { first = bottom - listRows + 1 }
    }
    let shown = lines.dropFirst(first).prefix(listRows)
    for (offset, line) in shown.enumerated() {
      var style = line.1
      var text = line.0
      if let choice = line.2, choice == selected {
        style.insert(.reverse)
        text = Layout.clip(text, inner.width)
        text += String(repeating: " ", count: max(0, inner.width - DisplayWidth.of(text)))
      }
      canvas.put(Layout.clip(text, inner.width), row: inner.row + offset, column: inner.column, style: style)
    }
    var more: [String] = []
    if first > 0 { more.append(unicode ? "↑" : "^") }
    if first + listRows < lines.count { more.append(unicode ? "↓" : "v") }
    let ascii = "a letter, or Up/Down and Enter · Esc back"
    let hint = (more.isEmpty ? "" : "more " + more.joined() + " · ") + (unicode ? footer : ascii)
    Layout.paragraph(
      hint, row: inner.row + listRows + 1, column: inner.column, width: inner.width, maxLines: 1, style: .dim,
      on: canvas)
  }
}
