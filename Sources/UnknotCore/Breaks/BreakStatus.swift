import Foundation

/// `unknot status`: the break line from one reading, with no state kept between runs.
public enum BreakStatus {
  /// The stretch is taken to begin when the terminals in use were opened, or when the
  /// last routine finished, whichever is later. The journal is asked only when a
  /// stretch is under way (`lastFinished` is called lazily).
  public static func line(
    source: some InputActivitySource, now: Date, settings: BreakSettings, calendar: Calendar = .current,
    lastFinished: () -> Date?
  ) -> String {
    let seconds = now.timeIntervalSince1970
    guard let input = source.lastInput(), seconds - input < BreakActivity.breakGap else {
      return BreakActivity.statusLine(.away)
    }
    let state = BreakActivity(activeSince: source.inUseSince(now: seconds) ?? input, lastInput: input)
    let observation = BreakActivity.Observation(
      now: seconds, lastInput: input, lastSessionFinished: lastFinished()?.timeIntervalSince1970,
      minuteOfDay: minuteOfDay(now, calendar: calendar))
    return BreakActivity.statusLine(BreakActivity.step(state, observation, settings: settings).1)
  }

  public static func minuteOfDay(_ date: Date, calendar: Calendar = .current) -> Int {
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
  }
}
