import Foundation
import UnknotCore

extension AppReducer {
  /// "Today" and the doses from the programme's sessions so far: as the app opens, and
  /// again when a session of it ends (a level may have changed).
  static func refreshProgramme(_ state: inout AppState, today: Date) {
    guard let programme = state.programme else { return }
    let plan = programme.today(now: today, zone: state.timeZone)
    state.programmeToday = plan
    state.programmeDoses = ProgrammeTracker.doses(of: programme.programme, today: plan)
  }
}

extension AppState {
  /// The routine `g` opens from the home screen: for the first thing still to do today
  /// in the programme, the first of its routines that is loaded and, with the tool
  /// filter on, one the person has the tools for (a programme may offer a band or body
  /// weight for the same day's strength).
  var todaysRoutineID: String? {
    guard let next = programmeToday?.entries.first(where: { $0.dueToday && !$0.doneToday }) else { return nil }
    let loaded = next.routineIDs.compactMap { entry(id: $0) }
    let usable = loaded.filter { !ownedTools.filterOn || ownedTools.allows($0.routine) }
    return (usable.first ?? loaded.first)?.routine.id
  }
}
