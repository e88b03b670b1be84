import UnknotCore

/// `h` on the home screen: the person's recent sessions, newest first, each with its
/// date, routine, ratings before → after and the change.
enum HistoryView {
  /// "−10, −100%", "safety stop"
  static let changeWidth = 11

  static func draw(_ state: AppState, _ screen: HistoryScreen, on canvas: Canvas) {
    let size = canvas.size
    let width = size.columns - 2
    let unicode = canvas.capabilities.unicode
    let rows = state.history(for: screen.area)
    Layout.header(
      "Your recent sessions", right: screen.area.map { "for " + $0.name.lowercased() } ?? "newest first", on: canvas)
    // With nothing to scroll, only the way back.
    let hints = KeyTable.hints(state)
    let statusRow = size.rows - Layout.footerHeight(hints, on: canvas) - 1
    defer { Layout.footer(hints, status: state.status, on: canvas) }
    guard !rows.isEmpty else {
      let message =
        !state.history.isEmpty
        ? "No sessions of routines for this area yet. Press a for the next area, or to show all."
        : state.options.logging
          ? "No sessions yet. Each session you do shows here with your pain before and after, newest first."
          : "Not logging: unknot was started with --no-journal, so there is no history to show. "
            + "Without it, your sessions are kept in your journal and listed here."
      Layout.paragraph(message, row: 3, column: 1, width: width, maxLines: 4, on: canvas)
      return
    }
    let sessions = Array(rows.reversed())
    // Notes at the bottom, kept off the status line: the caveat when there is room.
    var notes = ["With a chart: unknot history · per routine: unknot stats"]
    if size.rows >= 24 { notes.insert(PainChange.caveat, at: 0) }
    let noteLines = notes.map { TextWrap.lines($0, width: width).count }.reduce(0, +)
    let countRow = statusRow - noteLines - 1
    var noteRow = countRow + 1
    for note in notes {
      noteRow += Layout.paragraph(note, row: noteRow, column: 1, width: width, maxLines: 3, style: .dim, on: canvas)
    }

    // Narrow screens give the routine's title the room of the time and the long heading.
    let wide = size.columns >= 80
    let dateWidth = wide ? 16 : 10
    let ratingsWidth = wide ? 14 : 7
    let routineWidth = width - dateWidth - ratingsWidth - changeWidth - 6
    func line(_ date: String, _ routine: String, _ ratings: String, _ change: String) -> String {
      pad(date, dateWidth) + "  " + pad(Layout.clip(routine, routineWidth), routineWidth) + "  "
        + pad(ratings, ratingsWidth) + "  " + change
    }
    let heading = line("date", "routine", wide ? (unicode ? "before → after" : "before->after") : "pain", "change")
    canvas.put(Layout.clip(heading, width), row: 2, column: 1, style: .dim)
    let firstRow = 3
    let visible = max(1, countRow - firstRow)
    let cursor = min(screen.selected, sessions.count - 1)
    let first = max(0, min(cursor - visible / 2, sessions.count - visible))
    for (index, session) in sessions.enumerated().dropFirst(first).prefix(visible) {
      let date =
        dateWidth == 16
        ? DateText.minute(session.startedAt, in: state.timeZone) : DateText.day(session.startedAt, in: state.timeZone)
      let ratings = ratings(session, arrowAt: wide ? 6 : 2, unicode: unicode)
      let text = line(date, session.routineTitle, ratings, change(session, unicode: unicode))
      canvas.put(
        Layout.clip(text, width), row: firstRow + index - first, column: 1, style: index == cursor ? [.reverse] : [])
    }
    let last = min(sessions.count, first + visible)
    var position = "\(first + 1)–\(last) of \(sessions.count)"
    if last < sessions.count { position += " · ↓ for older" }
    if !state.options.logging { position += " · not logging this run" }
    canvas.put(Layout.clip(position, width), row: countRow, column: 1, style: .dim)
  }

  /// "     6 → 3", the arrow `arrowAt` columns in (under the heading's); a missing
  /// rating is a dash.
  static func ratings(_ session: HistoryRow, arrowAt column: Int, unicode: Bool) -> String {
    let none = unicode ? "–" : "-"
    guard session.before != nil || session.after != nil else { return "" }
    let before = session.before.map(String.init) ?? none
    let after = session.after.map(String.init) ?? none
    return unicode
      ? leftPad(before, column) + " → " + after
      : leftPad(before, column - 1) + " -> " + after
  }

  /// "−3, −50%"; without both ratings, how it ended, or "not rated" when it finished.
  static func change(_ session: HistoryRow, unicode: Bool) -> String {
    guard let change = session.change else { return session.outcome == .finished ? "not rated" : session.outcomeText }
    let text = change.text(unicode: unicode)
    // PainChange's text starts with the ratings, which have their own column.
    guard let comma = text.firstIndex(of: ",") else { return text }
    return String(text[text.index(after: comma)...].dropFirst())
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
  }

  private static func leftPad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
  }
}
