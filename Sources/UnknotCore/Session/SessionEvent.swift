/// Something that happened in a session, at a moment. The journal stores these; the
/// front end turns cues into sound; a session's record can be rebuilt from them.
public enum SessionEvent: Sendable, Equatable {
  case sessionStarted(routineID: String, stepCount: Int, plannedSeconds: Int, at: Moment)
  case stepStarted(StepStart)
  case stepEnded(StepEnd)
  case paused(reason: PauseReason, at: Moment)
  case resumed(at: Moment)
  case adjusted(stepIndex: Int, byNanoseconds: Int64, at: Moment)
  case clinicianTimeSet(stepIndex: Int, seconds: Int, at: Moment)
  case ratingGiven(Rating)
  case ratingSkipped(Rating)
  case stoppedForSafety(reason: StopReason, at: Moment)
  /// What the person chose when pain rose, or was high before the start.
  case painChoice(PainResponse)
  /// A checklist item answered yes or no (answered again after going back: both kept).
  case checklistAnswered(ChecklistResponse)
  case sessionEnded(outcome: SessionOutcome, at: Moment)
  case cue(Cue, at: Moment)
  /// The command made no sense now; nothing changed.
  case rejected(command: SessionCommand, reason: String)

  /// What a step is, as the journal needs it without the routine at hand.
  public struct StepStart: Sendable, Equatable {
    public var index: Int
    public var kind: SessionStep.Kind
    public var muscle: Muscle?
    public var side: Side?
    public var plannedSeconds: Int?
    public var at: Moment

    public init(index: Int, kind: SessionStep.Kind, muscle: Muscle?, side: Side?, plannedSeconds: Int?, at: Moment) {
      self.index = index
      self.kind = kind
      self.muscle = muscle
      self.side = side
      self.plannedSeconds = plannedSeconds
      self.at = at
    }
  }

  public struct StepEnd: Sendable, Equatable {
    public var index: Int
    public var ending: StepEnding
    /// Time spent in the step, pauses excluded.
    public var activeNanoseconds: Int64
    /// Net extension (+) or shortening (−) by the person.
    public var adjustedNanoseconds: Int64
    public var at: Moment

    public init(index: Int, ending: StepEnding, activeNanoseconds: Int64, adjustedNanoseconds: Int64, at: Moment) {
      self.index = index
      self.ending = ending
      self.activeNanoseconds = activeNanoseconds
      self.adjustedNanoseconds = adjustedNanoseconds
      self.at = at
    }
  }

  public struct Rating: Sendable, Equatable {
    /// nil when skipped.
    public var value: Int?
    public var stepIndex: Int
    public var moment: SessionStep.RatingMoment
    public var muscle: Muscle?
    public var side: Side?
    public var at: Moment

    public init(
      value: Int?, stepIndex: Int, moment: SessionStep.RatingMoment, muscle: Muscle?, side: Side?, at: Moment
    ) {
      self.value = value
      self.stepIndex = stepIndex
      self.moment = moment
      self.muscle = muscle
      self.side = side
      self.at = at
    }
  }

  /// A choice made at a `PainCheck`, as the journal and the summary keep it.
  public struct PainResponse: Sendable, Equatable {
    public var check: PainCheck.Kind
    public var from: Int?
    public var to: Int
    /// The rating step's index.
    public var stepIndex: Int
    public var muscle: Muscle?
    public var side: Side?
    public var choice: PainChoice
    public var at: Moment

    public init(
      check: PainCheck.Kind, from: Int?, to: Int, stepIndex: Int, muscle: Muscle?, side: Side?, choice: PainChoice,
      at: Moment
    ) {
      self.check = check
      self.from = from
      self.to = to
      self.stepIndex = stepIndex
      self.muscle = muscle
      self.side = side
      self.choice = choice
      self.at = at
    }

    /// "Pain rose from 3 to 6 at step 7; you chose lighter."
    public var sentence: String {
      let step = "step \(stepIndex + 1)"
      switch check {
      case .rose:
        let rise = from.map { "rose from \($0) to \(to)" } ?? "reached \(to)"
        return "Pain \(rise) at \(step); you chose \(choice.phrase)."
      case .highBefore:
        let chosen = choice == .asWritten ? "the full routine" : choice.phrase
        return "Pain was \(to) before the start; you chose \(chosen)."
      }
    }
  }

  /// One answer to a checklist item, with the item as it was asked.
  public struct ChecklistResponse: Sendable, Equatable {
    /// The checklist step's index.
    public var stepIndex: Int
    public var item: ChecklistItem
    public var answer: ChecklistAnswer
    public var at: Moment

    public init(stepIndex: Int, item: ChecklistItem, answer: ChecklistAnswer, at: Moment) {
      self.stepIndex = stepIndex
      self.item = item
      self.answer = answer
      self.at = at
    }
  }

  /// When it happened, if it happened at a moment (rejections did not).
  public var moment: Moment? {
    switch self {
    case .sessionStarted(_, _, _, let at), .paused(_, let at), .resumed(let at), .adjusted(_, _, let at),
      .clinicianTimeSet(_, _, let at), .stoppedForSafety(_, let at), .sessionEnded(_, let at), .cue(_, let at):
      at
    case .stepStarted(let start): start.at
    case .stepEnded(let end): end.at
    case .ratingGiven(let rating), .ratingSkipped(let rating): rating.at
    case .painChoice(let response): response.at
    case .checklistAnswered(let response): response.at
    case .rejected: nil
    }
  }
}

/// Why a step ended.
public enum StepEnding: String, Sendable, Codable {
  /// It ran to its end, or was rated, or confirmed.
  case completed
  case skipped
  /// A hold ended early because the knot released.
  case releasedEarly = "released-early"
  /// The person went back to an earlier step.
  case wentBack = "went-back"
  /// The session ended during it (quit or stopped for safety).
  case interrupted
}

/// Why the countdown paused.
public enum PauseReason: Sendable, Equatable {
  case person
  /// A box over the session (help, the stop choices, the quit question, a journal
  /// failure) held the countdown while the person read it: not a pause they asked for.
  case overlay
  /// The clock jumped (process stopped with Ctrl-Z, machine asleep): the time in the
  /// gap was not spent from the step.
  case clockGap(nanoseconds: Int64)
}

/// How a session ended: exactly one of these.
public enum SessionOutcome: String, Sendable, Codable {
  case finished
  case quit
  case stoppedForSafety = "stopped-for-safety"
}

/// When the front end should make a sound or speak. The engine decides when.
public enum Cue: Sendable, Equatable, Hashable {
  case stepStart(index: Int)
  case halfway
  /// 3, 2, 1 seconds left.
  case countdown(secondsLeft: Int)
  case switchSides(to: Side)
  case breathPhase(BreathPhase.Kind)
  /// A phase of an exercise rep begins: tuck, hold, release, …
  case exercisePhase(ExercisePhase.Kind)
  /// The next repetition (stroke, rep) begins: 2, 3, …
  case repetition(Int)
  case knotReleased
  case stepEnd(index: Int)
  case sessionEnd
}
