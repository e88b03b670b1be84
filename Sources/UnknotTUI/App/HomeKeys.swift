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
    switch KeyTable.action(for: key, in: state) {
    case .up:
      if home.focus == .groups {
        home.group = groups[max(0, groups.firstIndex(of: home.group)! - 1)]
        home.routineIndex = 0
      } else {
        home.routineIndex = max(0, home.routineIndex - 1)
      }
    case .down:
      if home.focus == .groups {
        home.group = groups[min(groups.count - 1, groups.firstIndex(of: home.group)! + 1)]
        home.routineIndex = 0
      } else {
        home.routineIndex = min(max(0, routines.count - 1), home.routineIndex + 1)
      }
    case .openRoutines:
      if !routines.isEmpty { home.focus = .routines }
    case .backToGroups:
      home.focus = .groups
    case .open:
      if home.focus == .groups {
        if !routines.isEmpty { home.focus = .routines }
      } else if routines.indices.contains(home.routineIndex) {
        state.screen = .detail(DetailScreen(routineID: routines[home.routineIndex].routine.id, returnTo: home))
        return
      }
    case .toolFilter:
      state.ownedTools.filterOn.toggle()
      if state.ownedTools.filterOn && state.ownedTools.tools.isEmpty {
        state.status = "No tools chosen yet: press o to tick the tools you own."
      }
      home.routineIndex = 0
      effects.append(.saveOwnedTools(state.ownedTools))
    case .chooseTools:
      state.screen = .tools(ToolsScreen(returnTo: home))
      return
    case .safetyCheck:
      state.screen = .safety(SafetyScreen(purpose: .onDemand, returnTo: home))
      return
    case .help:
      state.screen = .help(HelpScreen(returnTo: home))
      return
    case .history:
      state.screen = .history(HistoryScreen(returnTo: home))
      return
    case .quit:
      state.isFinished = true
    case .markPain:
      state.screen = .hurts(HurtsScreen(group: home.group, ratings: state.painToday, returnTo: home))
      return
    case .dismissNotice:
      HurtsKeys.dismissNotice(state: &state, today: today, effects: &effects)
    case .openToday:
      guard let id = state.todaysRoutineID else { break }
      state.screen = .detail(DetailScreen(routineID: id, returnTo: home))
      return
    case .deskCheck:
      guard state.entry(id: DeskCheckChange.routineID) != nil else {
        state.status = "The desk check is not among the routines loaded."
        break
      }
      AppReducer.start(routineID: DeskCheckChange.routineID, returnTo: home, state: &state)
      return
    default:
      break
    }
    state.screen = .home(home)
  }

  static func handleTools(_ key: Key, screen: inout ToolsScreen, state: inout AppState, effects: inout [AppEffect]) {
    let choices = ToolsScreen.choices
    switch KeyTable.action(for: key, in: state) {
    case .up:
      screen.index = max(0, screen.index - 1)
    case .down:
      screen.index = min(choices.count - 1, screen.index + 1)
    case .tick:
      let tool = choices[screen.index]
      if state.ownedTools.tools.contains(tool) {
        state.ownedTools.tools.remove(tool)
      } else {
        state.ownedTools.tools.insert(tool)
      }
    case .done:
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
      0, (state.entry(id: screen.routineID).map { Timeline(routine: state.adapted($0).routine).steps.count } ?? 1) - 1)
    switch KeyTable.action(for: key, in: state) {
    case .up:
      screen.scroll = max(0, screen.scroll - 1)
    case .down:
      screen.scroll = min(lastStep, screen.scroll + 1)
    case .pageUp:
      screen.scroll = max(0, screen.scroll - 10)
    case .pageDown:
      screen.scroll = min(lastStep, screen.scroll + 10)
    case .start:
      AppReducer.start(routineID: screen.routineID, returnTo: screen.returnTo, state: &state)
      return
    case .back:
      state.screen = .home(screen.returnTo)
      return
    default:
      break
    }
    state.screen = .detail(screen)
  }
}
