/// Durations as people read them: "45 s", "2 min", "12 min 30 s", "1 h 5 min".
public enum DurationText {
  public static func of(seconds: Int) -> String {
    if seconds < 60 { return "\(seconds) s" }
    if seconds < 3600 {
      let minutes = seconds / 60
      let rest = seconds % 60
      return rest == 0 ? "\(minutes) min" : "\(minutes) min \(rest) s"
    }
    let hours = seconds / 3600
    let minutes = (seconds % 3600) / 60
    return minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes) min"
  }

  /// A countdown clock: "1:05", "12:00", "1:02:03".
  public static func clock(seconds: Int) -> String {
    let value = max(0, seconds)
    let hours = value / 3600
    let minutes = (value % 3600) / 60
    let secs = value % 60
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
  }
}
