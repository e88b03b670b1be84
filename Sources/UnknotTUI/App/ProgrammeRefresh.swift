import Foundation
import UnknotCore

extension AppReducer {
  /// "Today" and the doses from the programme's sessions so far: as the app opens, and
  /// again when a session of it ends (a level may have changed).
  static func refreshProgramme(_ state: inout AppState, today: Date) {
    guard let programme = state.programme else { return }
    state.programmeToday = programme.today(now: today, zone: state.timeZone)
    state.programmeDoses = programme.doses(now: today, zone: state.timeZone)
  }
}
