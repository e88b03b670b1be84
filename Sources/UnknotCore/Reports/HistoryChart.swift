import Foundation

/// The chart `unknot history` draws under its table in a terminal: pain before and
/// after each session over time, as bars on a 0–10 scale. A bar reaches the rating
/// before; its solid part is the pain left after, its light part what eased during
/// the session (or, shaded darker, what rose). Sessions are columns, oldest on the
/// left; when there are more than fit, each column is the average of a run of them.
public enum HistoryChart {
  public enum Style: Sendable {
    /// Block characters and box-drawing lines: a UTF-8 locale.
    case unicode
    /// Plain ASCII, for any other locale.
    case ascii
  }

  /// The glyphs of one style.
  struct Glyphs {
    var after: Character
    var eased: Character
    var rose: Character
    var labelledAxis: String
    var axis: String
    var corner: String
    var baseline: String

    static let unicode = Glyphs(
      after: "█", eased: "░", rose: "▒", labelledAxis: "┤", axis: "│", corner: "└", baseline: "─")
    static let ascii = Glyphs(
      after: "#", eased: ":", rose: "+", labelledAxis: "+", axis: "|", corner: "+", baseline: "-")
  }

  /// One column of the chart: the mean ratings of the sessions it stands for.
  struct Column: Equatable {
    var before: Double
    var after: Double
  }

  /// The rating levels drawn, one row each, top first.
  static let levels = Array((1...10).reversed())
  /// "10 ┤": the rating label and the axis.
  static let margin = 4

  /// The chart's lines, none wider than `width` (at least 40) columns. Only sessions
  /// with both ratings are drawn; with none, one line says so.
  public static func lines(_ rows: [HistoryRow], style: Style, width: Int = 80, timeZone: TimeZone) -> [String] {
    let rated = rows.filter { $0.change != nil }
    guard let first = rated.first, let last = rated.last else {
      return ["No session has both a rating before and after yet, so there is no chart to draw."]
    }
    let glyphs = style == .unicode ? Glyphs.unicode : Glyphs.ascii
    let plotWidth = max(36, width) - margin
    let (columns, perColumn) = layout(rated, plotWidth: plotWidth)
    let used = columns.count

    var out: [String] = []
    let dash = style == .unicode ? "–" : "-"
    let scope = perColumn == 1 ? "one bar per session" : "each bar about \(perColumn) sessions"
    out += TextWrap.lines("Pain before and after (0\(dash)10), oldest on the left, \(scope):", width: width)
    for level in levels {
      let label = level == 10 || level == 5 ? String(level) : ""
      var line = String(repeating: " ", count: 2 - label.count) + label + " "
      line += label.isEmpty ? glyphs.axis : glyphs.labelledAxis
      for column in columns {
        line.append(column.map { cell($0, level: level, glyphs: glyphs) } ?? " ")
      }
      out.append(trimmedEnd(line))
    }
    out.append(" 0 " + glyphs.corner + String(repeating: glyphs.baseline, count: used))

    let from = DateText.day(first.startedAt, in: timeZone)
    let to = DateText.day(last.startedAt, in: timeZone)
    let indent = String(repeating: " ", count: margin)
    if rated.count == 1 {
      out.append(indent + from)
    } else if used >= from.count + to.count + 2 {
      out.append(indent + from + String(repeating: " ", count: used - from.count - to.count) + to)
    } else {
      out.append(indent + from + " to " + to)
    }
    let legend =
      "\(glyphs.after) pain after   \(glyphs.eased) eased during the session   \(glyphs.rose) rose during the session"
    // Kept as one line with its wide gaps when it fits; wrapping would close them up.
    out += DisplayWidth.of(legend) <= width ? [legend] : TextWrap.lines(legend, width: width)
    return out
  }

  /// Columns from the sessions, oldest first: a bar two cells wide with a gap when few
  /// sessions leave room, one cell each when they fit, else each column the mean of
  /// an equal run of sessions. nil columns are gaps. Also how many sessions a column holds.
  static func layout(_ rated: [HistoryRow], plotWidth: Int) -> (columns: [Column?], perColumn: Int) {
    let points = rated.map { Column(before: Double($0.before!), after: Double($0.after!)) }
    if points.count * 3 <= plotWidth {
      return (Array(points.flatMap { [$0, $0, nil] as [Column?] }.dropLast()), 1)
    }
    if points.count <= plotWidth {
      return (points.map { Optional($0) }, 1)
    }
    var columns: [Column?] = []
    for index in 0..<plotWidth {
      let run = points[index * points.count / plotWidth..<(index + 1) * points.count / plotWidth]
      let count = Double(run.count)
      columns.append(
        Column(before: run.reduce(0) { $0 + $1.before } / count, after: run.reduce(0) { $0 + $1.after } / count))
    }
    return (columns, Int((Double(points.count) / Double(plotWidth)).rounded()))
  }

  /// What a column shows at one rating level.
  static func cell(_ column: Column, level: Int, glyphs: Glyphs) -> Character {
    let before = Int(column.before.rounded())
    let after = Int(column.after.rounded())
    if level <= min(before, after) { return glyphs.after }
    if level <= before { return glyphs.eased }
    if level <= after { return glyphs.rose }
    return " "
  }

  private static func trimmedEnd(_ text: String) -> String {
    var text = Substring(text)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
