/// Keys on the history screen: move through the sessions, go back home.
enum HistoryKeys {
  /// Rows a page key moves.
  static let page = 10

  static func handle(_ key: Key, screen: inout HistoryScreen, state: inout AppState) {
    let last = max(0, state.history.count - 1)
    switch key {
    case .up, .character("k"):
      screen.selected = max(0, screen.selected - 1)
    case .down, .character("j"):
      screen.selected = min(last, screen.selected + 1)
    case .pageUp:
      screen.selected = max(0, screen.selected - page)
    case .pageDown:
      screen.selected = min(last, screen.selected + page)
    case .home:
      screen.selected = 0
    case .end:
      screen.selected = last
    case .escape, .left, .character("b"), .character("q"), .character("h"):
      state.screen = .home(screen.returnTo)
      return
    default:
      break
    }
    state.screen = .history(screen)
  }
}
