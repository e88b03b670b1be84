import Foundation

/// A person's time in one programme, as the journal keeps it: when they started,
/// each pause, and when they left.
public struct ProgrammeEnrolment: Sendable, Equatable {
  /// The journal's row id; nil before it is written.
  public var id: Int64?
  public var programmeID: String
  public var programmeTitle: String
  /// The programme file's hash when they started (`RoutineLoader.contentHash`).
  public var contentHash: String
  public var startedAt: Date
  public var pauses: [ProgrammePause]
  public var leftAt: Date?

  public init(
    id: Int64? = nil, programmeID: String, programmeTitle: String, contentHash: String, startedAt: Date,
    pauses: [ProgrammePause] = [], leftAt: Date? = nil
  ) {
    self.id = id
    self.programmeID = programmeID
    self.programmeTitle = programmeTitle
    self.contentHash = contentHash
    self.startedAt = startedAt
    self.pauses = pauses
    self.leftAt = leftAt
  }

  /// Paused now: the last pause has not been resumed.
  public var isPaused: Bool { pauses.last.map { $0.resumedAt == nil } ?? false }
}

/// A stretch of time the programme stood still: it does not count towards its weeks.
public struct ProgrammePause: Sendable, Equatable {
  public var pausedAt: Date
  public var resumedAt: Date?

  public init(pausedAt: Date, resumedAt: Date? = nil) {
    self.pausedAt = pausedAt
    self.resumedAt = resumedAt
  }
}

/// One session of a programme routine, as progression reads it from the journal.
public struct ProgrammeSession: Sendable, Equatable {
  public var routineID: String
  public var startedAt: Date
  public var outcome: JournalOutcome?
  /// The rating before the session (nil when skipped or not asked).
  public var before: Int?
  /// The highest rating asked during or after the session.
  public var highest: Int?
  /// The person was asked because pain rose between steps (a `rose` pain choice).
  public var painRoseChoice: Bool

  public init(
    routineID: String, startedAt: Date, outcome: JournalOutcome?, before: Int? = nil, highest: Int? = nil,
    painRoseChoice: Bool = false
  ) {
    self.routineID = routineID
    self.startedAt = startedAt
    self.outcome = outcome
    self.before = before
    self.highest = highest
    self.painRoseChoice = painRoseChoice
  }

  /// Pain rose by 2 or more during it, or the person was asked because it rose.
  public var painRose: Bool {
    if painRoseChoice { return true }
    guard let before, let highest else { return false }
    return highest - before >= ProgrammeProgress.painRise
  }
}
