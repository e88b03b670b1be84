import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `unknot status`: the break line from one reading, with no state kept between runs.
public enum BreakStatus {
  /// With no earlier polls to count from, a status bar takes the whole stretch as time
  /// at the keyboard: it begins when the terminals in use were opened, or when the last
  /// routine finished, whichever is later. The journal is asked only when a stretch is
  /// under way (`lastFinished` is called lazily).
  public static func line(
    source: some InputActivitySource, now: Date, settings: BreakSettings,
    minuteOfDay: (Date) -> Int = BreakStatus.localMinuteOfDay,
    lastFinished: () -> Date?
  ) -> String {
    let seconds = now.timeIntervalSince1970
    guard let input = source.lastInput(), seconds - input < BreakActivity.breakGap else {
      return BreakActivity.statusLine(.away)
    }
    var since = source.inUseSince(now: seconds) ?? input
    // One that claims to end in the future (a clock set wrong) is not believed.
    if let finished = lastFinished()?.timeIntervalSince1970, finished > since, finished <= seconds {
      since = finished
    }
    let state = BreakActivity(
      activeSeconds: max(0, seconds - since), countingSince: since, lastInput: input, lastPoll: seconds)
    let observation = BreakActivity.Observation(now: seconds, lastInput: input, minuteOfDay: minuteOfDay(now))
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
