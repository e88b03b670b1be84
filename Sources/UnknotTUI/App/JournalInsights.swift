import UnknotCore

/// What the front end shows of the journal, read once as it starts so the reducer stays
/// pure: the recent sessions for the history screen and the summary's chart, and which
/// routines have helped the person most in each muscle group.
enum JournalInsights {
  /// The history screen lists this many of the latest sessions.
  static let recentSessions = 200
  /// Each routine also keeps this many of its own, however old, for the summary.
  static let sessionsPerRoutine = 8
  /// At most this many routines are marked in a group.
  static let markedPerGroup = 3

  /// Loads the history and the marks from a journal, through what every journal can be
  /// asked; one that keeps nothing (--no-journal) answers with nothing.
  static func load(into state: inout AppState, from journal: any JournalReading) throws(JournalError) {
    state.history = try journal.recentSessions(latest: recentSessions, perRoutine: sessionsPerRoutine)
      .map(HistoryRow.init)
    state.helpedMost = helpedMost(try journal.routineStatistics(JournalFilter()), routines: state.routines)
  }

  /// For each group, the routines offered there that rank highest in HelpedMost (enough
  /// rated sessions, less pain after them on average), best first, at most `markedPerGroup`.
  static func helpedMost(_ statistics: [JournalStatistics], routines: [LoadedEntry]) -> [MuscleGroup: Set<String>] {
    let ranked = HelpedMost.ranked(statistics).compactMap(\.routineID)
    var marks: [MuscleGroup: Set<String>] = [:]
    for group in MuscleGroup.allCases {
      let offered = Set(routines.filter { $0.routine.groups.contains(group) }.map(\.routine.id))
      let best = ranked.filter(offered.contains).prefix(markedPerGroup)
      if !best.isEmpty { marks[group] = Set(best) }
    }
    return marks
  }
}
