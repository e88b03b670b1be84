import Foundation

/// How often to remind, with which routine, and when to stay quiet.
public struct BreakSettings: Sendable, Equatable {
  /// Seconds of continuous activity before a break is due.
  public var every: Int
  /// The routine a reminder suggests.
  public var routine: String
  public var quietHours: QuietHours?

  public static let defaultEvery = 30 * 60
  public static let defaultRoutine = "desk-posture-break"

  public init(every: Int = defaultEvery, routine: String = defaultRoutine, quietHours: QuietHours? = nil) {
    self.every = every
    self.routine = routine
    self.quietHours = quietHours
  }
}

/// A stretch of the day, in minutes since local midnight; it may wrap past midnight
/// (`22:00-07:00`).
public struct QuietHours: Sendable, Equatable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  public func contains(minuteOfDay minute: Int) -> Bool {
    if start == end { return false }
    return start < end ? (minute >= start && minute < end) : (minute >= start || minute < end)
  }

  /// `HH:MM-HH:MM`, or nil.
  public static func parse(_ text: String) -> QuietHours? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let start = minute(parts[0]), let end = minute(parts[1]) else { return nil }
    return QuietHours(start: start, end: end)
  }

  private static func minute(_ text: Substring) -> Int? {
    let pieces = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
    guard pieces.count == 2, pieces[1].count == 2, (1...2).contains(pieces[0].count),
      let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0..<24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }
}
