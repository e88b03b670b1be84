import Foundation

/// Dates as people read and type them: "2025-03-01 07:30" in their own time zone, and
/// "2025-03-01" for `--since`. Built on the journal's exact calendar arithmetic rather
/// than a date formatter: history prints thousands of dates, and the text must not
/// depend on the platform's locale data.
public enum DateText {
  /// "2025-03-01 07:30", the local minute.
  public static func minute(_ date: Date, in timeZone: TimeZone) -> String {
    let iso = JournalTime.iso8601(milliseconds: localMilliseconds(date, timeZone))
    return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
  }

  /// "2025-03-01", the local day.
  public static func day(_ date: Date, in timeZone: TimeZone) -> String {
    String(JournalTime.iso8601(milliseconds: localMilliseconds(date, timeZone)).prefix(10))
  }

  /// The start of a day typed as YYYY-MM-DD, in the time zone; nil for anything else,
  /// including dates that do not exist ("2025-02-30").
  public static func startOfDay(_ text: String, in timeZone: TimeZone) -> Date? {
    let bytes = Array(text.utf8)
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || isDigit($0.element) }),
      let utcMidnight = JournalTime.milliseconds(iso8601: text + "T00:00:00.000Z")
    else { return nil }
    // The offset at local midnight, found in two steps: the offset at UTC midnight can
    // differ from it when a daylight-saving change falls in between.
    let guess = utcMidnight - Int64(timeZone.secondsFromGMT(for: JournalTime.date(milliseconds: utcMidnight))) * 1000
    let offset = Int64(timeZone.secondsFromGMT(for: JournalTime.date(milliseconds: guess))) * 1000
    return JournalTime.date(milliseconds: utcMidnight - offset)
  }

  /// "2025-03-01 07:30" in a display zone.
  public static func minute(_ date: Date, in zone: DisplayZone) -> String {
    let iso = JournalTime.iso8601(milliseconds: JournalTime.milliseconds(date) + zone.offsetMilliseconds(at: date))
    return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
  }

  /// "2025-03-01" in a display zone.
  public static func day(_ date: Date, in zone: DisplayZone) -> String {
    String(
      JournalTime.iso8601(milliseconds: JournalTime.milliseconds(date) + zone.offsetMilliseconds(at: date)).prefix(10))
  }

  private static func localMilliseconds(_ date: Date, _ timeZone: TimeZone) -> Int64 {
    JournalTime.milliseconds(date) + Int64(timeZone.secondsFromGMT(for: date)) * 1000
  }
}

/// The clock the front end shows dates in. A TimeZone is made only when a date is
/// shown: Foundation loads about 2 MB of time zone data for the first one, which a
/// guided session, showing no dates, need not carry.
public enum DisplayZone: Sendable, Equatable {
  case utc
  /// The person's own, as the system says (TZ, /etc/localtime), looked up when needed.
  case local
  case zone(TimeZone)

  func offsetMilliseconds(at date: Date) -> Int64 {
    switch self {
    case .utc: 0
    case .local: Int64(TimeZone.current.secondsFromGMT(for: date)) * 1000
    case .zone(let timeZone): Int64(timeZone.secondsFromGMT(for: date)) * 1000
    }
  }
}
