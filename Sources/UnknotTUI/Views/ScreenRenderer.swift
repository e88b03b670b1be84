import UnknotCore

/// Draws the whole screen for a state at a moment: the one entry point views share.
public enum ScreenRenderer {
  public static func draw(_ state: AppState, now: Moment, on canvas: Canvas) {
    canvas.erase()
    guard canvas.size.isUsable else {
      return drawTooSmall(on: canvas)
    }
    switch state.screen {
    case .home(let home): HomeView.draw(state, home, on: canvas)
    case .tools(let tools): ToolsView.draw(state, tools, on: canvas)
    case .detail(let detail): DetailView.draw(state, detail, on: canvas)
    case .safety(let safety): SafetyView.draw(state, safety, on: canvas)
    case .cautions(let cautions): CautionsView.draw(state, cautions, on: canvas)
    case .session(let session): SessionView.draw(state, session, now: now, on: canvas)
    case .summary(let summary): SummaryView.draw(state, summary, on: canvas)
    case .help: HelpView.draw(state, on: canvas)
    case .history(let history): HistoryView.draw(state, history, on: canvas)
    case .hurts(let hurts): HurtsView.draw(state, hurts, on: canvas)
    }
  }

  /// Below 60×18 nothing fits: say so, and recover as soon as the terminal grows.
  static func drawTooSmall(on canvas: Canvas) {
    let lines = ["Please make the", "terminal larger:", "at least 60×18."]
    let top = max(0, (canvas.size.rows - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      canvas.put(line, row: top + offset, column: max(0, (canvas.size.columns - DisplayWidth.of(line)) / 2))
    }
  }
}
