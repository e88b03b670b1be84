import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `unknot status`: the break line from one reading, with no state kept between runs.
public enum BreakStatus {
  /// The stretch is taken to begin when the terminals in use were opened, or when the
  /// last routine finished, whichever is later. The journal is asked only when a
  /// stretch is under way (`lastFinished` is called lazily).
  public static func line(
    source: some InputActivitySource, now: Date, settings: BreakSettings,
    minuteOfDay: (Date) -> Int = BreakStatus.localMinuteOfDay,
    lastFinished: () -> Date?
  ) -> String {
    let seconds = now.timeIntervalSince1970
    guard let input = source.lastInput(), seconds - input < BreakActivity.breakGap else {
      return BreakActivity.statusLine(.away)
    }
    let state = BreakActivity(activeSince: source.inUseSince(now: seconds) ?? input, lastInput: input)
    let observation = BreakActivity.Observation(
      now: seconds, lastInput: input, lastSessionFinished: lastFinished()?.timeIntervalSince1970,
      minuteOfDay: minuteOfDay(now))
    return BreakActivity.statusLine(BreakActivity.step(state, observation, settings: settings).1)
  }

  /// Minutes since local midnight, from the C library: Foundation's Calendar loads
  /// ICU's data, which would cost a status bar more than the rest of the command.
  public static func localMinuteOfDay(_ date: Date) -> Int {
    var seconds = time_t(date.timeIntervalSince1970)
    var parts = tm()
    guard localtime_r(&seconds, &parts) != nil else { return 0 }
    return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
  }
}
