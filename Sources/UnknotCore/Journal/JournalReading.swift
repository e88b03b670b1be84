import Foundation

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

  // MARK: Where it hurts, and the watch over weeks (issue 12)

  /// Pain marks made at or after `since` (all when nil), oldest first.
  func painMarks(since: Date?) throws(JournalError) -> [PainMark]
  /// Every notice the person put away, oldest first.
  func noticeDismissals() throws(JournalError) -> [NoticeDismissal]
  /// Sessions started at or after `since`, as the watch over weeks reads them.
  func trendSessions(since: Date) throws(JournalError) -> [PainTrendWatch.Session]
}
