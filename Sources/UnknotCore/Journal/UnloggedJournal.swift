import Foundation

/// Keeps nothing: for `--no-journal`. Safety checks are asked every time.
public final class UnloggedJournal: SessionJournal {
  private var nextID: Int64 = 1

  public init() {}

  public var isLogging: Bool { false }

  public func latestSafetyCheck() throws(JournalError) -> SafetyCheck? { nil }

  public func record(_ check: SafetyCheck) throws(JournalError) {}

  public func beginSession(_ start: JournalSessionStart) throws(JournalError) -> JournalSessionID {
    defer { nextID += 1 }
    return JournalSessionID(nextID)
  }

  public func append(_ events: [SessionEvent], to session: JournalSessionID) throws(JournalError) {}

  /// Nothing was kept, so there is nothing to read back.
  public func recentSessions(latest: Int, perRoutine: Int) throws(JournalError) -> [JournalSessionSummary] { [] }

  public func routineStatistics(_ filter: JournalFilter) throws(JournalError) -> [JournalStatistics] { [] }

  public func record(_ marks: [PainMark]) throws(JournalError) {}

  public func record(_ dismissal: NoticeDismissal) throws(JournalError) {}

  public func painMarks(since: Date?) throws(JournalError) -> [PainMark] { [] }

  public func noticeDismissals() throws(JournalError) -> [NoticeDismissal] { [] }

  public func trendSessions(since: Date) throws(JournalError) -> [PainTrendWatch.Session] { [] }
}
