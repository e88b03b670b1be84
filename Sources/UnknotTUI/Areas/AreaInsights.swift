import Foundation
import UnknotCore

/// What the front end shows of where it hurt and of the watch over weeks, read once as
/// it starts (like `JournalInsights`) so the reducer stays pure.
enum AreaInsights {
  static func load(into state: inout AppState, from journal: any JournalReading, today: Date) throws(JournalError) {
    let marks = try journal.painMarks(since: nil)
    state.painToday = PainMark.ofDay(marks, today: today, timeZone: timeZone(state.timeZone))
    state.markedGroups = Set(marks.map(\.group)).sorted()
    state.helpedRanking = HelpedMost.ranked(try journal.routineStatistics(JournalFilter())).compactMap(\.routineID)
    let window = today.addingTimeInterval(-Double(PainTrendWatch.windowDays) * 86_400)
    let notices = PainTrendWatch.notices(try journal.trendSessions(since: window), now: today)
    state.notices = PainTrendWatch.unanswered(notices, dismissals: try journal.noticeDismissals(), now: today)
  }

  /// The zone days are counted in.
  static func timeZone(_ zone: DisplayZone) -> TimeZone {
    switch zone {
    case .utc: TimeZone(identifier: "UTC") ?? .current
    case .local: .current
    case .zone(let timeZone): timeZone
    }
  }
}

extension AppState {
  /// A group marked today offers its routines in `MarkedAreaOrder`; others keep the library's order.
  func inMarkedOrder(_ offered: [LoadedEntry], for group: MuscleGroup) -> [LoadedEntry] {
    guard painToday[group] != nil else { return offered }
    let byID = Dictionary(offered.map { ($0.routine.id, $0) }, uniquingKeysWith: { first, _ in first })
    return MarkedAreaOrder.ordered(offered.map(\.routine), helpedMost: helpedRanking).compactMap { byID[$0.id] }
  }

  /// The history the history screen lists: all of it, or one marked area's sessions.
  func history(for area: MuscleGroup?) -> [HistoryRow] {
    guard let area else { return history }
    return history.filter { isSession($0, for: area) }
  }

  /// Whether a history row is a session of a routine for this area: by the muscles the
  /// routine works, as the library has it now.
  func isSession(_ row: HistoryRow, for area: MuscleGroup) -> Bool {
    entry(id: row.routineID)?.routine.groups.contains(area) ?? false
  }
}
