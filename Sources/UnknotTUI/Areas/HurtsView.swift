import UnknotCore

/// `w` on the home screen: the muscle groups with today's ratings beside them, and the
/// body map showing the highlighted one.
enum HurtsView {
  static func draw(_ state: AppState, _ screen: HurtsScreen, on canvas: Canvas) {
    let size = canvas.size
    let unicode = canvas.capabilities.unicode
    Layout.header("Where does it hurt today?", right: "\(screen.ratings.count) marked", on: canvas)
    let showMap = size.columns >= 76 && size.rows >= 22
    let listColumn = showMap ? BodyMap.size.columns + 4 : 1
    let listWidth = size.columns - listColumn - 1
    if showMap {
      BodyMap.draw(highlighting: BodyMap.muscles(for: screen.group), on: canvas, row: 2, column: 1)
    }
    var row = 2
    row += Layout.paragraph(
      "Rate each area that hurts now. " + PainScale.anchors, row: row, column: listColumn, width: listWidth,
      maxLines: 3, style: .dim, on: canvas)
    row += 1
    for group in MuscleGroup.allCases {
      let selected = group == screen.group
      let marker = selected ? (unicode ? "▸ " : "> ") : "  "
      let rating = screen.ratings[group].map { "\($0)/10" } ?? (unicode ? "–" : "-")
      canvas.put(
        marker + Layout.clip(group.name, listWidth - 8), row: row, column: listColumn,
        style: selected ? [.reverse, .bold] : [])
      canvas.put(
        rating, row: row, column: listColumn + listWidth - DisplayWidth.of(rating),
        style: screen.ratings[group] == nil ? .dim : .bold)
      row += 1
    }
    Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
  }
}
