import Foundation
import UnknotCore

/// Keys on the home, tools and routine-detail screens.
enum HomeKeys {
  static func handle(
    _ key: Key, home: inout HomeScreen, state: inout AppState, now: Moment, today: Date,
    effects: inout [AppEffect]
  ) {
    let groups = MuscleGroup.allCases
    let routines = state.routines(for: home.group)
    switch key {
    case .up, .character("k"):
      if home.focus == .groups {
        home.group = groups[max(0, groups.firstIndex(of: home.group)! - 1)]
        home.routineIndex = 0
      } else {
        home.routineIndex = max(0, home.routineIndex - 1)
      }
    case .down, .character("j"):
      if home.focus == .groups {
        home.group = groups[min(groups.count - 1, groups.firstIndex(of: home.group)! + 1)]
        home.routineIndex = 0
      } else {
        home.routineIndex = min(max(0, routines.count - 1), home.routineIndex + 1)
      }
    case .right, .tab:
      if !routines.isEmpty { home.focus = .routines }
    case .left where home.focus == .routines, .escape where home.focus == .routines:
      home.focus = .groups
    case .enter:
      if home.focus == .groups {
        if !routines.isEmpty { home.focus = .routines }
      } else if routines.indices.contains(home.routineIndex) {
        state.screen = .detail(DetailScreen(routineID: routines[home.routineIndex].routine.id, returnTo: home))
        return
      }
    case .character("t"):
      state.ownedTools.filterOn.toggle()
      if state.ownedTools.filterOn && state.ownedTools.tools.isEmpty {
        state.status = "No tools chosen yet: press o to tick the tools you own."
      }
      home.routineIndex = 0
      effects.append(.saveOwnedTools(state.ownedTools))
    case .character("o"):
      state.screen = .tools(ToolsScreen(returnTo: home))
      return
    case .character("s"):
      state.screen = .safety(SafetyScreen(purpose: .onDemand, returnTo: home))
      return
    case .character("?"):
      state.screen = .help(HelpScreen(returnTo: home))
      return
    case .character("h"):
      state.screen = .history(HistoryScreen(returnTo: home))
      return
    case .character("q"), .escape:
      state.isFinished = true
    default:
      break
    }
    state.screen = .home(home)
  }

  static func handleTools(_ key: Key, screen: inout ToolsScreen, state: inout AppState, effects: inout [AppEffect]) {
    let choices = ToolsScreen.choices
    switch key {
    case .up, .character("k"):
      screen.index = max(0, screen.index - 1)
    case .down, .character("j"):
      screen.index = min(choices.count - 1, screen.index + 1)
    case .character(" "), .character("x"):
      let tool = choices[screen.index]
      if state.ownedTools.tools.contains(tool) {
        state.ownedTools.tools.remove(tool)
      } else {
        state.ownedTools.tools.insert(tool)
      }
    case .enter, .escape, .character("q"), .character("o"):
      state.ownedTools.filterOn = !state.ownedTools.tools.isEmpty
      effects.append(.saveOwnedTools(state.ownedTools))
      var home = screen.returnTo
      home.routineIndex = 0
      home.focus = .groups
      state.screen = .home(home)
      return
    default:
      break
    }
    state.screen = .tools(screen)
  }

  static func handleDetail(
    _ key: Key, screen: inout DetailScreen, state: inout AppState, now: Moment, today: Date,
    effects: inout [AppEffect]
  ) {
    let lastStep = max(
      0, (state.entry(id: screen.routineID).map { Timeline(routine: $0.routine).steps.count } ?? 1) - 1)
    switch key {
    case .up, .character("k"):
      screen.scroll = max(0, screen.scroll - 1)
    case .down, .character("j"):
      screen.scroll = min(lastStep, screen.scroll + 1)
    case .pageUp:
      screen.scroll = max(0, screen.scroll - 10)
    case .pageDown:
      screen.scroll = min(lastStep, screen.scroll + 10)
    case .enter, .character("s"):
      AppReducer.start(routineID: screen.routineID, returnTo: screen.returnTo, state: &state)
      return
    case .escape, .left, .character("b"), .character("q"):
      state.screen = .home(screen.returnTo)
      return
    default:
      break
    }
    state.screen = .detail(screen)
  }
}
