/// What a front end reads back from the journal: the latest sessions for its history
/// screen and the summary's chart, and each routine's statistics for the marks on what
/// has helped most. A journal that keeps nothing answers with nothing, so the front end
/// never needs to know which journal it was given.
public protocol JournalReading: AnyObject {
  /// The `latest` most recent sessions, and also the `perRoutine` most recent of each
  /// routine however old, oldest first. A session with no end whose process is gone
  /// reads as interrupted.
  func recentSessions(latest: Int, perRoutine: Int) throws(JournalError) -> [JournalSessionSummary]
  /// One entry per routine with sessions matching the filter, most used first.
  func routineStatistics(_ filter: JournalFilter) throws(JournalError) -> [JournalStatistics]
}
