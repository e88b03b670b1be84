/// Where a session is. Changed only by `SessionEngine.reduce`.
public struct SessionState: Sendable, Equatable {
  public enum Status: Sendable, Equatable {
    case notStarted
    case running
    case paused(PauseReason)
    case ended(SessionOutcome)
  }

  public let routineID: String
  /// The steps still to come change only by a choice at a `PainCheck`.
  public internal(set) var steps: [SessionStep]
  public internal(set) var status: Status = .notStarted
  public internal(set) var stepIndex = 0
  /// The rating given before the session, which later ratings are compared with.
  public internal(set) var beforeRating: Int?
  /// Lighter was chosen: it is "2 lower than written", so it is not offered twice.
  public internal(set) var lightened = false
  /// A rating that waits for the person's choice (lighter, skip, stop, …).
  public internal(set) var painCheck: PainCheck?
  /// In a checklist step: the item asked now, counted from 0.
  public internal(set) var checklistItem = 0
  /// In a checklist step: the item asked now was answered no, and its advice shows
  /// until the person goes on.
  public internal(set) var showingAdvice = false

  // The current step's time. Its deadline is `segmentStart + (stepLength - stepActiveBanked)`:
  // an absolute moment, so steps chain without drift however late the clock is read.
  /// When the current step began.
  public internal(set) var stepStart = Moment.zero
  /// Active time in this step before the current running segment.
  var stepActiveBanked: Int64 = 0
  /// When the current running segment began (valid while running).
  var segmentStart = Moment.zero
  /// The step's length with adjustments; nil while it waits for the person.
  public internal(set) var stepLength: Int64?
  /// Net extension or shortening of this step.
  public internal(set) var stepAdjustment: Int64 = 0
  /// Active time in this step when its countdown began: 0, except for traction, whose
  /// countdown starts once the person has entered their clinician's time.
  var countdownOffset: Int64 = 0
  /// Active time up to which this step's cues have been fired.
  var cuedUpTo: Int64 = 0
  var halfwayCued = false

  /// The last clock reading while a countdown ran, for gap detection.
  var lastObservation: Moment?
  /// The latest clock reading of any command, so time never runs backwards.
  var latestReading: Moment?
  public internal(set) var pausedAt: Moment?
  /// Active time of the steps already ended.
  public internal(set) var activeBanked: Int64 = 0
  public internal(set) var pausedTotal: Int64 = 0
  public internal(set) var startedAt: Moment?
  public internal(set) var endedAt: Moment?

  public init(timeline: Timeline) {
    routineID = timeline.routineID
    steps = timeline.steps
  }

  public var currentStep: SessionStep { steps[stepIndex] }

  /// The checklist item asked now, when the current step is a checklist.
  public var currentChecklistItem: ChecklistItem? {
    guard case .checklist(let items) = currentStep.plan, items.indices.contains(checklistItem) else { return nil }
    return items[checklistItem]
  }

  public var isRunning: Bool { status == .running }

  public var isPaused: Bool {
    if case .paused = status { return true }
    return false
  }

  public var hasEnded: Bool {
    if case .ended = status { return true }
    return false
  }

  /// Active time spent in the current step by `now`.
  public func stepActive(at now: Moment) -> Int64 {
    status == .running ? stepActiveBanked + max(0, now.since(segmentStart)) : stepActiveBanked
  }

  /// Active time in the whole session by `now`, pauses excluded.
  public func sessionActive(at now: Moment) -> Int64 {
    hasEnded || startedAt == nil ? activeBanked : activeBanked + stepActive(at: now)
  }

  /// Time left on the current countdown, or nil when the step waits for the person.
  public func remaining(at now: Moment) -> Int64? {
    stepLength.map { max(0, $0 - stepActive(at: now)) }
  }

  /// When the current countdown ends, while it runs.
  public var deadline: Moment? {
    guard status == .running, let length = stepLength else { return nil }
    return segmentStart + (length - stepActiveBanked)
  }
}
