import Foundation
import UnknotCore

/// Keys on the "where it hurts" screen, and putting the watch's notice away.
enum HurtsKeys {
  static func handle(
    _ key: Key, screen: inout HurtsScreen, state: inout AppState, today: Date, effects: inout [AppEffect]
  ) {
    let groups = MuscleGroup.allCases
    let index = groups.firstIndex(of: screen.group) ?? 0
    let current = screen.ratings[screen.group]
    let typedOne = screen.typedOne
    screen.typedOne = false
    switch KeyTable.action(for: key, in: state) {
    case .up:
      screen.group = groups[max(0, index - 1)]
    case .down:
      screen.group = groups[min(groups.count - 1, index + 1)]
    case .typed:
      guard case .character(let digit) = key, let value = digit.wholeNumberValue else { break }
      // "1" then "0" is ten, as in the pain prompt.
      screen.ratings[screen.group] = typedOne && current == 1 && value == 0 ? 10 : value
      screen.typedOne = value == 1
    case .ratingUp:
      screen.ratings[screen.group] = min(PainScale.range.upperBound, (current ?? -1) + 1)
    case .ratingDown:
      screen.ratings[screen.group] = max(PainScale.range.lowerBound, (current ?? 1) - 1)
    case .erase:
      // A saved mark stays in the journal; a new rating (0 = no pain) corrects it.
      if state.painToday[screen.group] != nil {
        state.status = "Already saved today: give a new rating to change it (0 = no pain)."
        screen.ratings[screen.group] = state.painToday[screen.group]
      } else {
        screen.ratings[screen.group] = nil
      }
    case .save:
      save(screen, state: &state, today: today, effects: &effects)
      return
    case .back:
      state.screen = .home(screen.returnTo)
      return
    default:
      break
    }
    state.screen = .hurts(screen)
  }

  /// Journals the marks that are new or changed since today's saved ones; the home
  /// screen then shows them and orders the marked groups' routines.
  static func save(_ screen: HurtsScreen, state: inout AppState, today: Date, effects: inout [AppEffect]) {
    let changed = MuscleGroup.allCases.compactMap { group -> PainMark? in
      guard let rating = screen.ratings[group], rating != state.painToday[group] else { return nil }
      return PainMark(markedAt: today, group: group, rating: rating)
    }
    // A mark cleared today is not erased from the journal: it only leaves today's map.
    state.painToday = screen.ratings
    for mark in changed where !state.markedGroups.contains(mark.group) {
      state.markedGroups = (state.markedGroups + [mark.group]).sorted()
    }
    if !changed.isEmpty { effects.append(.recordPainMarks(changed)) }
    var home = screen.returnTo
    home.routineIndex = 0
    state.screen = .home(home)
    state.status =
      screen.ratings.isEmpty
      ? "No areas marked today."
      : "Saved. Marked areas list what helped you there first."
  }

  /// `d` on the home screen: the first notice goes away for a week, and the journal keeps that.
  static func dismissNotice(state: inout AppState, today: Date, effects: inout [AppEffect]) {
    guard let notice = state.notices.first else { return }
    state.notices.removeFirst()
    effects.append(.recordDismissal(NoticeDismissal(kind: .painNotEasing, group: notice.group, dismissedAt: today)))
    state.status = "Put away for a week. It shows again then if your pain has still not eased."
  }
}
