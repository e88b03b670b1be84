import Foundation

/// Where session data and safety answers persist: the one store. The SQLite journal
/// implements it; `--no-journal` uses `UnloggedJournal`, which keeps nothing.
/// The front end talks only to this interface, and reads through `JournalReading`.
public protocol SessionJournal: JournalReading {
  /// Whether anything is kept; the screens say so when not.
  var isLogging: Bool { get }
  /// The most recent safety check, if any.
  func latestSafetyCheck() throws(JournalError) -> SafetyCheck?
  func record(_ check: SafetyCheck) throws(JournalError)
  /// Opens a session record. Later events are appended to it.
  func beginSession(_ start: JournalSessionStart) throws(JournalError) -> JournalSessionID
  /// Appends events as they happen. When this returns, they are committed to disk:
  /// a rating is safe before the next screen shows.
  func append(_ events: [SessionEvent], to session: JournalSessionID) throws(JournalError)

  // MARK: Where it hurts, and the watch over weeks (issue 12)

  /// Keeps the areas the person marked, all together or none.
  func record(_ marks: [PainMark]) throws(JournalError)
  func record(_ dismissal: NoticeDismissal) throws(JournalError)
}

/// A session's identity in the journal.
public struct JournalSessionID: Sendable, Hashable {
  public var rawValue: Int64

  public init(_ rawValue: Int64) {
    self.rawValue = rawValue
  }
}

/// What the journal needs to open a session: which routine as it ran, and how to
/// turn the engine's monotonic moments into dates.
public struct JournalSessionStart: Sendable, Equatable {
  public var routineID: String
  public var routineTitle: String
  /// Identifies the routine file's exact bytes (RoutineLoader.contentHash).
  public var contentHash: String
  public var muscles: [Muscle]
  /// The wall-clock date at `startMoment`.
  public var startedAt: Date
  public var startMoment: Moment

  public init(
    routineID: String, routineTitle: String, contentHash: String, muscles: [Muscle], startedAt: Date,
    startMoment: Moment
  ) {
    self.routineID = routineID
    self.routineTitle = routineTitle
    self.contentHash = contentHash
    self.muscles = muscles
    self.startedAt = startedAt
    self.startMoment = startMoment
  }

  /// The date of an engine moment in this session.
  public func date(of moment: Moment) -> Date {
    startedAt.addingTimeInterval(Double(moment.since(startMoment)) / 1e9)
  }
}
