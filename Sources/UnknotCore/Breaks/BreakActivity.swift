/// Continuous activity at the keyboard, and when a posture break is due.
///
/// Sitting 30 minutes without a break earns a 1–2 minute posture break (docs: "Desk and
/// breaks"). Times are wall-clock seconds (a terminal's access time is one), so the
/// model is fed observations rather than reading any clock itself.
public struct BreakActivity: Sendable, Equatable {
  /// When the current stretch of activity began, or nil when the person is away.
  public var activeSince: Double?
  /// The latest input seen.
  public var lastInput: Double?
  /// Whether the reminder for the current stretch has already been given.
  public var reminded: Bool

  public init(activeSince: Double? = nil, lastInput: Double? = nil, reminded: Bool = false) {
    self.activeSince = activeSince
    self.lastInput = lastInput
    self.reminded = reminded
  }

  /// This long without input counts as a break.
  public static let breakGap: Double = 5 * 60

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
    var next = state
    let input = max(observation.lastInput ?? -.infinity, state.lastInput ?? -.infinity)
    guard input.isFinite else { return (BreakActivity(), .away) }
    // A gap of 5 minutes between inputs, seen across polls, is a break.
    if let previous = state.lastInput, input - previous >= breakGap {
      next.activeSince = nil
      next.reminded = false
    }
    next.lastInput = input
    // Idle right now for 5 minutes: a break, whatever came before.
    if observation.now - input >= breakGap {
      return (BreakActivity(lastInput: input), .away)
    }
    if next.activeSince == nil { next.activeSince = input }
    // A session finished during this stretch starts the count again from its end.
    // One that claims to end in the future (a clock set wrong) is not believed.
    if let finished = observation.lastSessionFinished, let since = next.activeSince, finished > since,
      finished <= observation.now
    {
      next.activeSince = finished
      next.reminded = false
    }
    let since = next.activeSince ?? input
    let remaining = Double(settings.every) - (observation.now - since)
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
