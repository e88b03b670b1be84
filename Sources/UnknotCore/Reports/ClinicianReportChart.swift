import Foundation

/// The report's charts, as inline SVG: pain before and after sessions over the report's
/// period, on the 0–10 scale. Over a long period single sessions would be a cloud of
/// dots, so each point is the mean of a month's rated sessions (of a week's, when the
/// period is at most `weeklyUpToDays` days), placed at the mean time of those sessions.
/// The time axis is the whole period in every chart, so charts side by side compare.
enum ClinicianReportChart {
  /// One point: the mean ratings of the sessions of one month or week.
  struct Point: Equatable {
    var at: Date
    var before: Double
    var after: Double
    var sessions: Int
  }

  /// Periods up to this many days are drawn a point per week.
  static let weeklyUpToDays = 120

  static let beforeColour = "#8a96a3"
  static let afterColour = "#1f5f8b"

  /// The points of the rated sessions, oldest first.
  static func points(_ sessions: [ClinicianReport.Session], from: Date, to: Date, timeZone: TimeZone) -> [Point] {
    let weekly = to.timeIntervalSince(from) <= Double(weeklyUpToDays) * 86_400
    var buckets: [String: [ClinicianReport.Session]] = [:]
    for session in sessions where session.before != nil && session.after != nil {
      let key =
        weekly
        ? String(Int(session.startedAt.timeIntervalSince(from) / (7 * 86_400)))
        : String(DateText.day(session.startedAt, in: timeZone).prefix(7))
      buckets[key, default: []].append(session)
    }
    return buckets.values.map { run in
      let count = Double(run.count)
      return Point(
        at: Date(timeIntervalSince1970: run.reduce(0) { $0 + $1.startedAt.timeIntervalSince1970 } / count),
        before: run.reduce(0) { $0 + Double($1.before!) } / count,
        after: run.reduce(0) { $0 + Double($1.after!) } / count, sessions: run.count)
    }.sorted { $0.at < $1.at }
  }

  /// A chart with its 0, 5 and 10 lines, the period's first and last day under it, and
  /// a line of points for before and one for after. `label` is what a screen reader says.
  static func chart(_ points: [Point], from: Date, to: Date, timeZone: TimeZone, label: String) -> String {
    let (width, height) = (320.0, 92.0)
    let (left, right, top, bottom) = (22.0, 6.0, 6.0, 17.0)
    let plot = Plot(
      from: from, to: to, left: left, width: width - left - right, top: top, height: height - top - bottom)
    var svg =
      "<svg viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(HTMLText.escaped(label))\">"
    for level in [0.0, 5.0, 10.0] {
      let y = number(plot.y(level))
      svg += "<line x1=\"\(number(left))\" y1=\"\(y)\" x2=\"\(number(width - right))\" y2=\"\(y)\" class=\"grid\"/>"
      svg += "<text x=\"\(number(left - 4))\" y=\"\(number(plot.y(level) + 3))\" class=\"axis\" text-anchor=\"end\">"
      svg += "\(Int(level))</text>"
    }
    let baseline = number(height - 4)
    svg += "<text x=\"\(number(left))\" y=\"\(baseline)\" class=\"axis\">\(DateText.day(from, in: timeZone))</text>"
    svg += "<text x=\"\(number(width - right))\" y=\"\(baseline)\" class=\"axis\" text-anchor=\"end\">"
    svg += "\(DateText.day(to, in: timeZone))</text>"
    svg += series(points.map { ($0.at, $0.before) }, plot: plot, colour: beforeColour, dashed: true, radius: 2)
    svg += series(points.map { ($0.at, $0.after) }, plot: plot, colour: afterColour, dashed: false, radius: 2)
    return svg + "</svg>"
  }

  /// A small chart for a table row: the same two lines without axes, over a faint
  /// line at 0.
  static func sparkline(_ points: [Point], from: Date, to: Date, label: String) -> String {
    let (width, height) = (120.0, 15.0)
    let plot = Plot(from: from, to: to, left: 2, width: width - 4, top: 2, height: height - 4)
    var svg =
      "<svg class=\"spark\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
      + "aria-label=\"\(HTMLText.escaped(label))\">"
    svg += "<line x1=\"2\" y1=\"\(number(plot.y(0)))\" x2=\"\(number(width - 2))\" y2=\"\(number(plot.y(0)))\" "
    svg += "class=\"grid\"/>"
    svg += series(points.map { ($0.at, $0.before) }, plot: plot, colour: beforeColour, dashed: true, radius: 1.2)
    svg += series(points.map { ($0.at, $0.after) }, plot: plot, colour: afterColour, dashed: false, radius: 1.2)
    return svg + "</svg>"
  }

  /// The legend under the area charts, drawn with the charts' own marks.
  static let legend =
    "<svg class=\"legend\" viewBox=\"0 0 160 12\" role=\"img\" aria-label=\"legend\">"
    + "<line x1=\"2\" y1=\"6\" x2=\"22\" y2=\"6\" stroke=\"\(beforeColour)\" stroke-width=\"1.4\" "
    + "stroke-dasharray=\"3 2\"/><circle cx=\"12\" cy=\"6\" r=\"2.2\" fill=\"#fff\" stroke=\"\(beforeColour)\"/>"
    + "<text x=\"27\" y=\"9.5\" class=\"legend-text\">pain before</text>"
    + "<line x1=\"92\" y1=\"6\" x2=\"112\" y2=\"6\" stroke=\"\(afterColour)\" stroke-width=\"1.6\"/>"
    + "<circle cx=\"102\" cy=\"6\" r=\"2.2\" fill=\"\(afterColour)\"/>"
    + "<text x=\"117\" y=\"9.5\" class=\"legend-text\">pain after</text></svg>"

  /// Where a moment and a rating fall in the drawing.
  struct Plot {
    var from: Date
    var to: Date
    var left: Double
    var width: Double
    var top: Double
    var height: Double

    func x(_ date: Date) -> Double {
      let span = max(1, to.timeIntervalSince(from))
      return left + width * min(1, max(0, date.timeIntervalSince(from) / span))
    }

    func y(_ rating: Double) -> Double {
      top + height * (10 - min(10, max(0, rating))) / 10
    }
  }

  /// A line through the points with a dot on each: open dots for before, filled for after.
  private static func series(
    _ values: [(Date, Double)], plot: Plot, colour: String, dashed: Bool, radius: Double
  ) -> String {
    guard !values.isEmpty else { return "" }
    let coordinates = values.map { (plot.x($0.0), plot.y($0.1)) }
    var svg = ""
    if coordinates.count > 1 {
      let path = coordinates.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
      svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.4\""
      svg += dashed ? " stroke-dasharray=\"3 2\"/>" : "/>"
    }
    for (x, y) in coordinates {
      svg += "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(radius))\" "
      svg += dashed ? "fill=\"#fff\" stroke=\"\(colour)\"/>" : "fill=\"\(colour)\"/>"
    }
    return svg
  }

  /// One decimal is finer than a printed point.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }
}
