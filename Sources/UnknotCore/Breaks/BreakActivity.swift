/// Time at the keyboard, and when a posture break is due.
///
/// Sitting 30 minutes without a break earns a 1–2 minute posture break (docs: "Desk and
/// breaks"). Like Workrave, only time at the keyboard counts: an interval between two
/// polls counts when input was seen near its end, so reading without typing neither adds
/// to the count nor, under 5 minutes, resets it. Times are wall-clock seconds (a
/// terminal's access time is one), so the model is fed observations rather than reading
/// any clock itself.
public struct BreakActivity: Sendable, Equatable {
  /// Seconds at the keyboard since the count last started.
  public var activeSeconds: Double
  /// When the count last started (first input after a break, or a finished routine),
  /// or nil when the person is away.
  public var countingSince: Double?
  /// The latest input seen.
  public var lastInput: Double?
  /// When the model was last told anything: the start of the next interval.
  public var lastPoll: Double?
  /// Whether the reminder for the current stretch has already been given.
  public var reminded: Bool

  public init(
    activeSeconds: Double = 0, countingSince: Double? = nil, lastInput: Double? = nil, lastPoll: Double? = nil,
    reminded: Bool = false
  ) {
    self.activeSeconds = activeSeconds
    self.countingSince = countingSince
    self.lastInput = lastInput
    self.lastPoll = lastPoll
    self.reminded = reminded
  }

  /// This long without input counts as a break.
  public static let breakGap: Double = 5 * 60

  /// An interval counts as time at the keyboard when the latest input is at most this
  /// old at its end. The kernel moves a terminal's access time in 8-second steps, and
  /// `remind` polls every 7.5 s: 20 s keeps steady typing counted without gaps, while a
  /// single key press adds at most this much.
  public static let keyboardWindow: Double = 20

  /// What the model is told at each poll.
  public struct Observation: Sendable, Equatable {
    /// Now, in seconds since 1970.
    public var now: Double
    /// The latest input across the person's terminals, if any terminal was found.
    public var lastInput: Double?
    /// When the latest session of any routine finished, from the journal.
    public var lastSessionFinished: Double?
    /// Minutes since local midnight, for quiet hours.
    public var minuteOfDay: Int

    public init(now: Double, lastInput: Double?, lastSessionFinished: Double? = nil, minuteOfDay: Int = 12 * 60) {
      self.now = now
      self.lastInput = lastInput
      self.lastSessionFinished = lastSessionFinished
      self.minuteOfDay = minuteOfDay
    }
  }

  /// What a poll concluded.
  public enum Verdict: Sendable, Equatable {
    /// No activity worth counting (away, or just back).
    case away
    /// Counting: a break is due in this many seconds.
    case breakIn(seconds: Double)
    /// The interval has passed. `remindNow` is true once per stretch, outside quiet hours.
    case due(remindNow: Bool)
  }

  /// One poll: the state after `observation`, and what it means. Pure.
  public static func step(
    _ state: BreakActivity, _ observation: Observation, settings: BreakSettings
  ) -> (BreakActivity, Verdict) {
    let now = observation.now
    var next = state
    next.lastPoll = now
    let input = max(observation.lastInput ?? -.infinity, state.lastInput ?? -.infinity)
    guard input.isFinite else { return (BreakActivity(lastPoll: now), .away) }
    next.lastInput = input
    // Idle right now for 5 minutes: a break, whatever came before.
    if now - input >= breakGap {
      return (BreakActivity(lastInput: input, lastPoll: now), .away)
    }
    // A gap of 5 minutes between inputs, seen across polls (or over a suspend), is a
    // break: the count starts again at the input that ended it.
    var intervalStart = state.lastPoll ?? now
    if let previous = state.lastInput, input - previous >= breakGap {
      next = BreakActivity(countingSince: input, lastInput: input, lastPoll: now)
      intervalStart = max(intervalStart, input)
    }
    if next.countingSince == nil {
      next.countingSince = input
      intervalStart = max(intervalStart, input)
    }
    // A session finished during this stretch starts the count again from its end.
    // One that claims to end in the future (a clock set wrong) is not believed.
    if let finished = observation.lastSessionFinished, let since = next.countingSince, finished > since,
      finished <= now
    {
      next.activeSeconds = 0
      next.countingSince = finished
      next.reminded = false
      intervalStart = max(intervalStart, finished)
    }
    if now - input <= keyboardWindow, now > intervalStart {
      next.activeSeconds += now - intervalStart
    }
    let remaining = Double(settings.every) - next.activeSeconds
    guard remaining <= 0 else { return (next, .breakIn(seconds: remaining)) }
    let quiet = settings.quietHours?.contains(minuteOfDay: observation.minuteOfDay) ?? false
    let remindNow = !next.reminded && !quiet
    if remindNow { next.reminded = true }
    return (next, .due(remindNow: remindNow))
  }

  /// The status line: "break in 12 min", "break due", or "no break needed" when away.
  public static func statusLine(_ verdict: Verdict) -> String {
    switch verdict {
    case .away: return "no break needed"
    case .breakIn(let seconds): return "break in \(max(1, Int((seconds / 60).rounded(.up)))) min"
    case .due: return "break due"
    }
  }
}
