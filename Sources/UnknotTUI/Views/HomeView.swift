import UnknotCore

/// The home screen: muscle groups, a back-view body map with the group's muscles
/// highlighted, and the routines that reach the group, those that have helped the
/// person most marked with a star.
enum HomeView {
  static func draw(_ state: AppState, _ home: HomeScreen, on canvas: Canvas) {
    let size = canvas.size
    let unicode = canvas.capabilities.unicode
    Layout.header("unknot — where does it feel tight?", right: "self-care guidance, not treatment", on: canvas)
    let showMap = size.columns >= 76 && size.rows >= 22
    let listColumn = showMap ? BodyMap.size.columns + 4 : 1
    let listWidth = size.columns - listColumn - 1
    if showMap {
      BodyMap.draw(highlighting: BodyMap.muscles(for: home.group), on: canvas, row: 2, column: 1)
    }
    // Laid out from the bottom: key hints, the status line, the filter line, and the
    // selected routine's tools; the lists get the rows that remain.
    let hints = KeyTable.hints(state)
    let statusRow = size.rows - Layout.footerHeight(hints, on: canvas) - 1
    let filterRow = statusRow - 1
    let needsRow = filterRow - 1

    var row = 2
    // A programme being followed puts today's part of it first (`unknot programme` shows
    // the whole plan).
    if let today = state.programmeToday {
      // The line names its own key, as the notice does, in few columns: beside the map
      // at 80 the list has 45.
      let label = state.todaysRoutineID == nil ? "Today: " : "Today (g): "
      let line = label + ProgrammeTodayText.phrase(today)
      canvas.put(Layout.clip(line, listWidth), row: row, column: listColumn, style: [.accent, .bold])
      row += 1
    }
    if size.rows >= 22 {
      canvas.put("Muscle groups", row: row, column: listColumn, style: .underline)
      row += 1
    }
    for group in MuscleGroup.allCases {
      let count = state.routines(for: group).count
      let selected = group == home.group
      let marker = selected ? (unicode ? "▸ " : "> ") : "  "
      let countText = "\(count)"
      // Today's rating, when the area is marked, sits just left of the routine count.
      let pain = state.painToday[group].map { "\($0)/10" }
      let name = Layout.clip(group.name, listWidth - (state.painToday.isEmpty ? 6 : 12))
      var style: TextStyle = selected ? [.bold] : []
      if selected && home.focus == .groups { style.insert(.reverse) }
      canvas.put(marker + name, row: row, column: listColumn, style: style)
      canvas.put(countText, row: row, column: listColumn + listWidth - DisplayWidth.of(countText), style: .dim)
      if let pain {
        canvas.put(pain, row: row, column: listColumn + listWidth - 4 - DisplayWidth.of(pain), style: [.accent, .bold])
      }
      row += 1
    }
    if size.rows >= 22 { row += 1 }

    let routines = state.routines(for: home.group)
    let headerRow = row
    canvas.put("Routines for " + home.group.name.lowercased(), row: row, column: listColumn, style: .underline)
    row += 1
    // The watch over weeks' notice, when there is one, above the routine's tools, whole
    // (its last sentence says it is not a diagnosis) and with its own key. Where it
    // leaves no routine a row, it takes the routines' place while the groups have the
    // focus, and gives the rows back to the routines when the person goes to them.
    var lastListRow = needsRow - 1
    var routinesHidden = false
    if let notice = state.notices.first {
      let lines = noticeLines(notice.text, width: listWidth)
      if needsRow - row - lines.count >= 1 {
        let top = needsRow - lines.count
        drawNotice(lines, top: top, column: listColumn, on: canvas)
        lastListRow = top - 1
      } else if home.focus == .groups {
        let shown = Array(lines.prefix(needsRow - headerRow + 1))
        canvas.put(String(repeating: " ", count: listWidth), row: headerRow, column: listColumn)
        drawNotice(shown, top: headerRow, column: listColumn, on: canvas)
        routinesHidden = true
        lastListRow = headerRow + shown.count - 1
      }
    }
    if routines.isEmpty, !routinesHidden {
      let message =
        state.ownedTools.filterOn
        ? "None for your tools here. Press t to show all, or o to change your tools."
        : "No routines for this group yet."
      Layout.paragraph(
        message, row: row, column: listColumn, width: listWidth, maxLines: max(1, lastListRow - row + 1), style: .dim,
        on: canvas)
    }
    let visible = max(1, lastListRow - row + 1)
    let first = max(0, min(home.routineIndex - visible + 1, routines.count - visible))
    // A column for the stars only when the group has one, so titles stay aligned.
    let marked = state.helpedMost[home.group] ?? []
    let starWidth = marked.isEmpty ? 0 : 2
    for (index, entry) in routines.enumerated().dropFirst(first).prefix(routinesHidden ? 0 : visible) {
      let selected = index == home.routineIndex && home.focus == .routines
      let time = Layout.routineTime(entry.routine)
      let title = Layout.clip(entry.routine.title, listWidth - DisplayWidth.of(time) - 3 - starWidth)
      let marker = selected ? (unicode ? "▸ " : "> ") : "  "
      let mark = starWidth == 0 ? "" : marked.contains(entry.routine.id) ? star(unicode) + " " : "  "
      canvas.put(marker + mark + title, row: row, column: listColumn, style: selected ? [.reverse, .bold] : [])
      canvas.put(time, row: row, column: listColumn + listWidth - DisplayWidth.of(time), style: .dim)
      row += 1
    }
    let hidden = routinesHidden ? routines.count : routines.count - (first + min(visible, routines.count))
    if home.focus == .routines, routines.indices.contains(home.routineIndex) {
      let routine = routines[home.routineIndex].routine
      canvas.put(
        Layout.clip("Needs: " + Layout.toolNames(routine.tools), listWidth), row: needsRow, column: listColumn,
        style: .dim)
    } else if hidden > 0 || first > 0, lastListRow < needsRow {
      let more = "\(routines.count) routines: → then ↑↓ to see them all"
      canvas.put(Layout.clip(more, listWidth), row: needsRow, column: listColumn, style: .dim)
    }
    let filter =
      state.ownedTools.filterOn
      ? "Showing routines for your tools (\(state.ownedTools.tools.count) chosen) · t: show all"
      : "Showing all routines · t: only ones for your tools"
    canvas.put(Layout.clip(filter, size.columns - 2), row: filterRow, column: 1, style: .dim)
    let status = state.status ?? loggingNote(state)
    if status == nil, !marked.isEmpty {
      // The legend sits where news would, and gives way to it.
      canvas.put(Layout.clip(legend(unicode), size.columns - 2), row: statusRow, column: 1, style: .dim)
    }
    Layout.footer(hints, status: status, on: canvas)
  }

  /// The notice's wrapped lines, its key said after its last sentence (or under it).
  static func noticeLines(_ text: String, width: Int) -> [String] {
    var lines = TextWrap.lines(text, width: width)
    let key = "d: put away"
    if let last = lines.last, DisplayWidth.of(last) + 3 + DisplayWidth.of(key) <= width {
      lines[lines.count - 1] = last + "   " + key
    } else {
      lines.append(key)
    }
    return lines
  }

  static func drawNotice(_ lines: [String], top: Int, column: Int, on canvas: Canvas) {
    for (offset, line) in lines.enumerated() {
      canvas.put(line, row: top + offset, column: column, style: .bold)
    }
  }

  static func star(_ unicode: Bool) -> String {
    unicode ? "★" : "*"
  }

  /// What the star means, and that it is only the person's own record.
  static func legend(_ unicode: Bool) -> String {
    "\(star(unicode)) helped you most, by your own ratings (\(HelpedMost.minimumRatedSessions)+ sessions)"
  }

  static func loggingNote(_ state: AppState) -> String? {
    state.options.logging ? nil : "Not logging: sessions are not written to your journal."
  }
}
