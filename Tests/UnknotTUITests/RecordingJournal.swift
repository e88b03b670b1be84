import Foundation
import UnknotCore

/// A journal in memory that keeps exactly what it was given, in order; it can be told
/// to fail its next writes, as a full disk would.
class RecordingJournal: SessionJournal {
  private(set) var starts: [JournalSessionStart] = []
  private(set) var events: [SessionEvent] = []
  private(set) var checks: [SafetyCheck] = []
  private(set) var marks: [PainMark] = []
  private(set) var dismissals: [NoticeDismissal] = []
  /// Sessions the watch over weeks reads, as a test sets them up.
  var trend: [PainTrendWatch.Session] = []
  /// Writes from now on fail with this message (nil: they succeed).
  var failure: String?

  var isLogging: Bool { true }

  func latestSafetyCheck() throws(JournalError) -> SafetyCheck? { checks.last }

  func record(_ check: SafetyCheck) throws(JournalError) {
    try failIfTold()
    checks.append(check)
  }

  func beginSession(_ start: JournalSessionStart) throws(JournalError) -> JournalSessionID {
    try failIfTold()
    starts.append(start)
    return JournalSessionID(Int64(starts.count))
  }

  func append(_ events: [SessionEvent], to session: JournalSessionID) throws(JournalError) {
    try failIfTold()
    self.events += events
  }

  // What it holds is read back through `starts` and `events`; the history screen's
  // queries find nothing, as in a journal that has no finished session yet.
  func recentSessions(latest: Int, perRoutine: Int) throws(JournalError) -> [JournalSessionSummary] { [] }

  func routineStatistics(_ filter: JournalFilter) throws(JournalError) -> [JournalStatistics] { [] }

  func record(_ marks: [PainMark]) throws(JournalError) {
    try failIfTold()
    self.marks += marks
  }

  func record(_ dismissal: NoticeDismissal) throws(JournalError) {
    try failIfTold()
    dismissals.append(dismissal)
  }

  func painMarks(since: Date?) throws(JournalError) -> [PainMark] {
    marks.filter { mark in since.map { mark.markedAt >= $0 } ?? true }
  }

  func noticeDismissals() throws(JournalError) -> [NoticeDismissal] { dismissals }

  func trendSessions(since: Date) throws(JournalError) -> [PainTrendWatch.Session] {
    trend.filter { $0.startedAt >= since }
  }

  private func failIfTold() throws(JournalError) {
    if let failure { throw JournalError(.diskFull, path: "/memory/journal.sqlite", message: failure) }
  }
}

/// A journal whose disk fills after the session's first write.
final class FailingAfterFirstAppend: RecordingJournal {
  override func append(_ events: [SessionEvent], to session: JournalSessionID) throws(JournalError) {
    try super.append(events, to: session)
    failure = "the disk is full"
  }
}
