import UnknotCore

/// "Your tools": tick the tools you own, so home can show only routines you can do.
enum ToolsView {
  static func draw(_ state: AppState, _ screen: ToolsScreen, on canvas: Canvas) {
    Layout.header("Your tools", right: "\(state.ownedTools.tools.count) ticked", on: canvas)
    Layout.paragraph(
      "Tick the tools you own. The home screen can then show only the routines you can do with them.",
      row: 2, column: 1, width: canvas.size.columns - 2, maxLines: 2, on: canvas)
    let unicode = canvas.capabilities.unicode
    for (index, tool) in ToolsScreen.choices.enumerated() {
      let ticked = state.ownedTools.tools.contains(tool)
      let box = ticked ? (unicode ? "[✓]" : "[x]") : "[ ]"
      let selected = index == screen.index
      let line = "\(box) \(tool.name) — \(tool.description)"
      canvas.put(
        Layout.clip(line, canvas.size.columns - 4), row: 5 + index, column: 2, style: selected ? [.reverse] : [])
    }
    Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
  }
}
