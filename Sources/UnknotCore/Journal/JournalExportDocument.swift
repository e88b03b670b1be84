import Foundation

/// The whole journal as a JSON document: what `export` writes and `import` reads.
/// Keys are sorted and times are ISO 8601 with milliseconds in UTC, so exporting the
/// same journal twice gives the same bytes, and export → import into an empty journal
/// → export gives them again.
public struct JournalExportDocument: Codable, Sendable, Equatable {
  public static let formatName = "unknot-journal"
  /// 2 added `painMarks` and `dismissedNotices`; a version 1 export has neither.
  /// 3 added `programmes`.
  public static let formatVersion = 3

  public var format: String
  public var version: Int
  public var safetyChecks: [SafetyCheckEntry]
  public var sessions: [SessionEntry]
  /// Where it hurt, oldest first (absent from version 1 exports).
  public var painMarks: [PainMarkEntry]?
  /// The notices put away, oldest first (absent from version 1 exports).
  public var dismissedNotices: [DismissedNoticeEntry]?
  /// The programmes started, oldest first, with their pauses (absent before version 3).
  public var programmes: [ProgrammeEntry]?
  /// The unknot that wrote the file (`UnknotVersion.current`), for a person or a bug
  /// report to read; import does not need it, and older exports lack it.
  public var unknotVersion: String? = nil

  /// One row of `programme_enrolments` with its `programme_pauses` (docs/journal-schema.md, v7).
  public struct ProgrammeEntry: Codable, Sendable, Equatable {
    public var programme: String
    public var title: String
    public var contentHash: String
    public var startedAt: String
    public var leftAt: String?
    public var pauses: [ProgrammePauseEntry]
  }

  public struct ProgrammePauseEntry: Codable, Sendable, Equatable {
    public var pausedAt: String
    public var resumedAt: String?
  }

  public struct PainMarkEntry: Codable, Sendable, Equatable {
    public var markedAt: String
    /// A muscle group id, as `unknot muscles` lists them.
    public var group: String
    public var rating: Int
  }

  public struct DismissedNoticeEntry: Codable, Sendable, Equatable {
    public var kind: String
    public var group: String
    public var dismissedAt: String
  }

  public struct SafetyCheckEntry: Codable, Sendable, Equatable {
    public var checkedAt: String
    public var outcome: String
    public var answers: [String: Bool]
  }

  public struct SessionEntry: Codable, Sendable, Equatable {
    public var routineID: String
    public var routineTitle: String
    public var contentHash: String
    public var startedAt: String
    public var endedAt: String?
    public var outcome: String?
    public var stopReason: String?
    /// The routine's own stop rule, when `stopReason` is `routine-rule`.
    public var stopRule: String?
    public var plannedSeconds: Int
    public var activeMs: Int64
    public var pausedMs: Int64
    public var muscles: [String]
    /// Derived from the ratings, for readers; import recomputes them.
    public var before: Int?
    public var after: Int?
    public var steps: [StepEntry]
    public var ratings: [RatingEntry]
    public var pauses: [PauseEntry]
    /// The raw event log, present only for sessions that never ended normally.
    public var events: [EventEntry]?
    /// What the person chose when pain rose or was high before the start; absent when
    /// nothing was asked (and in exports written before unknot asked).
    public var painChoices: [PainChoiceEntry]?
    /// The answers to checklist steps (the desk check), in order; absent when there
    /// were none (and in exports written before unknot asked).
    public var checklistAnswers: [ChecklistAnswerEntry]? = nil
  }

  /// One row of `checklist_answers` (docs/journal-schema.md, v8).
  public struct ChecklistAnswerEntry: Codable, Sendable, Equatable {
    public var stepIndex: Int
    /// The item's id in the routine: lower-case words joined by hyphens.
    public var item: String
    /// The question as it was asked.
    public var question: String
    /// `yes` or `no`.
    public var answer: String
    public var answeredAt: String

    public init(stepIndex: Int, item: String, question: String, answer: String, answeredAt: String) {
      self.stepIndex = stepIndex
      self.item = item
      self.question = question
      self.answer = answer
      self.answeredAt = answeredAt
    }
  }

  /// One row of `pain_choices` (docs/journal-schema.md, v6).
  public struct PainChoiceEntry: Codable, Sendable, Equatable {
    /// `rose` or `high-before`.
    public var check: String
    public var from: Int?
    public var to: Int
    public var stepIndex: Int
    public var muscle: String?
    public var side: String?
    /// `lighter`, `skip-pressure`, `stop`, `as-written` or `gentler-routine`.
    public var choice: String
    public var gentlerRoutine: String?
    public var chosenAt: String
  }

  public struct StepEntry: Codable, Sendable, Equatable {
    public var stepIndex: Int
    public var kind: String
    public var muscle: String?
    public var side: String?
    public var plannedSeconds: Int?
    public var actualMs: Int64?
    public var ending: String?
    public var adjustedMs: Int64
    public var clinicianSeconds: Int?
    public var startedAt: String
    public var endedAt: String?
  }

  public struct RatingEntry: Codable, Sendable, Equatable {
    public var moment: String
    public var value: Int?
    public var skipped: Bool
    public var stepIndex: Int
    public var muscle: String?
    public var side: String?
    public var ratedAt: String
  }

  public struct PauseEntry: Codable, Sendable, Equatable {
    public var reason: String
    public var gapMs: Int64?
    public var at: String
    public var resumedAt: String?
  }

  public struct EventEntry: Codable, Sendable, Equatable {
    public var kind: String
    public var at: String?
    /// The event's JSON payload, as stored.
    public var payload: String
  }
}

/// What an import added, and what it found already there.
public struct JournalImportResult: Sendable, Equatable {
  public var sessionsAdded: Int
  public var sessionsAlreadyPresent: Int
  public var safetyChecksAdded: Int
  public var safetyChecksAlreadyPresent: Int
  public var painMarksAdded = 0
  public var dismissalsAdded = 0
  public var programmesAdded = 0
}
