/// Everything the journal keeps about a session, built from its events alone.
public struct SessionRecord: Sendable, Equatable {
  public struct StepRecord: Sendable, Equatable {
    public var index: Int
    public var kind: SessionStep.Kind
    public var muscle: Muscle?
    public var side: Side?
    public var plannedSeconds: Int?
    public var startedAt: Moment
    public var endedAt: Moment?
    public var ending: StepEnding?
    public var activeNanoseconds: Int64 = 0
    public var adjustedNanoseconds: Int64 = 0
    /// For traction: the time the person entered from their clinician.
    public var clinicianSeconds: Int?

    public init(
      index: Int, kind: SessionStep.Kind, muscle: Muscle? = nil, side: Side? = nil, plannedSeconds: Int? = nil,
      startedAt: Moment, endedAt: Moment? = nil, ending: StepEnding? = nil, activeNanoseconds: Int64 = 0,
      adjustedNanoseconds: Int64 = 0, clinicianSeconds: Int? = nil
    ) {
      self.index = index
      self.kind = kind
      self.muscle = muscle
      self.side = side
      self.plannedSeconds = plannedSeconds
      self.startedAt = startedAt
      self.endedAt = endedAt
      self.ending = ending
      self.activeNanoseconds = activeNanoseconds
      self.adjustedNanoseconds = adjustedNanoseconds
      self.clinicianSeconds = clinicianSeconds
    }
  }

  public struct PauseRecord: Sendable, Equatable {
    public var reason: PauseReason
    public var at: Moment
    public var resumedAt: Moment?

    public init(reason: PauseReason, at: Moment, resumedAt: Moment? = nil) {
      self.reason = reason
      self.at = at
      self.resumedAt = resumedAt
    }
  }

  public var routineID = ""
  public var plannedSeconds = 0
  public var startedAt: Moment?
  public var endedAt: Moment?
  public var outcome: SessionOutcome?
  public var stopReason: StopReason?
  public var steps: [StepRecord] = []
  public var ratings: [SessionEvent.Rating] = []
  public var pauses: [PauseRecord] = []
  /// What the person chose when pain rose or was high before the start, in order.
  public var painChoices: [SessionEvent.PainResponse] = []
  /// Every checklist answer, in order: an item answered again after going back keeps both.
  public var checklistAnswers: [SessionEvent.ChecklistResponse] = []

  public init() {}

  /// The record of a session from its events, in order.
  public static func rebuild(from events: [SessionEvent]) -> SessionRecord {
    var record = SessionRecord()
    for event in events {
      record.apply(event)
    }
    return record
  }

  public mutating func apply(_ event: SessionEvent) {
    switch event {
    case .sessionStarted(let routineID, _, let planned, let at):
      self.routineID = routineID
      plannedSeconds = planned
      startedAt = at
    case .stepStarted(let start):
      steps.append(
        StepRecord(
          index: start.index, kind: start.kind, muscle: start.muscle, side: start.side,
          plannedSeconds: start.plannedSeconds, startedAt: start.at))
    case .stepEnded(let end):
      guard let last = steps.indices.last, steps[last].index == end.index else { return }
      steps[last].endedAt = end.at
      steps[last].ending = end.ending
      steps[last].activeNanoseconds = end.activeNanoseconds
      steps[last].adjustedNanoseconds = end.adjustedNanoseconds
    case .clinicianTimeSet(let index, let seconds, _):
      if let last = steps.indices.last, steps[last].index == index {
        steps[last].clinicianSeconds = seconds
      }
    case .paused(let reason, let at):
      pauses.append(PauseRecord(reason: reason, at: at))
    case .resumed(let at):
      if let last = pauses.indices.last, pauses[last].resumedAt == nil {
        pauses[last].resumedAt = at
      }
    case .ratingGiven(let rating), .ratingSkipped(let rating):
      ratings.append(rating)
    case .stoppedForSafety(let reason, _):
      stopReason = reason
    case .sessionEnded(let outcome, let at):
      self.outcome = outcome
      endedAt = at
      if let last = pauses.indices.last, pauses[last].resumedAt == nil {
        pauses[last].resumedAt = at
      }
    case .painChoice(let response):
      painChoices.append(response)
    case .checklistAnswered(let response):
      checklistAnswers.append(response)
    case .adjusted, .cue, .rejected:
      break
    }
  }

  /// Time spent in steps, pauses excluded.
  public var activeNanoseconds: Int64 { steps.reduce(0) { $0 + $1.activeNanoseconds } }

  /// Time spent paused (until now for a pause still open).
  public var pausedNanoseconds: Int64 {
    pauses.reduce(0) { total, pause in
      guard let end = pause.resumedAt else { return total }
      return total + end.since(pause.at)
    }
  }

  /// The items whose last answer was no, in the order they were asked: the summary's
  /// "what to change".
  public var toChange: [ChecklistItem] {
    var last: [String: SessionEvent.ChecklistResponse] = [:]
    var order: [String] = []
    for response in checklistAnswers {
      let key = "\(response.stepIndex) \(response.item.id)"
      if last[key] == nil { order.append(key) }
      last[key] = response
    }
    return order.compactMap { key in last[key].flatMap { $0.answer == .no ? $0.item : nil } }
  }

  /// The first rating given before the session and the last one after it.
  public var before: Int? { ratings.first { $0.moment == .before }?.value }
  public var after: Int? { ratings.last { $0.moment == .after }?.value }
}
