import UnknotCore

/// Keys on the history screen: move through the sessions, go back home.
enum HistoryKeys {
  /// Rows a page key moves.
  static let page = 10

  static func handle(_ key: Key, screen: inout HistoryScreen, state: inout AppState) {
    let last = max(0, state.history(for: screen.area).count - 1)
    switch KeyTable.action(for: key, in: state) {
    case .up:
      screen.selected = max(0, screen.selected - 1)
    case .down:
      screen.selected = min(last, screen.selected + 1)
    case .pageUp:
      screen.selected = max(0, screen.selected - page)
    case .pageDown:
      screen.selected = min(last, screen.selected + page)
    case .toTop:
      screen.selected = 0
    case .toBottom:
      screen.selected = last
    case .back:
      state.screen = .home(screen.returnTo)
      return
    case .areaFilter:
      // all → each marked area in turn → all
      let choices: [MuscleGroup?] = [nil] + state.markedGroups.map(Optional.some)
      let index = choices.firstIndex(of: screen.area) ?? 0
      screen.area = choices[(index + 1) % choices.count]
      screen.selected = 0
    default:
      break
    }
    state.screen = .history(screen)
  }
}
