import Foundation

/// One marked area's ratings over time, for `unknot stats --area` and `history --area`:
/// how many, the first and the latest, and the mean of each week.
public struct AreaReport: Sendable, Equatable {
  public var group: MuscleGroup
  public var marks: [PainMark]

  public init(group: MuscleGroup, marks: [PainMark]) {
    self.group = group
    self.marks = marks.filter { $0.group == group }.sorted { $0.markedAt < $1.markedAt }
  }

  /// Weeks counted from the first mark; each with its first day and mean rating.
  public var weeks: [(start: Date, mean: Double)] {
    guard let first = marks.first?.markedAt else { return [] }
    let week = 7.0 * 86_400
    let byWeek = Dictionary(grouping: marks) { (mark: PainMark) -> Int in
      Int(mark.markedAt.timeIntervalSince(first) / week)
    }
    return byWeek.keys.sorted().map { key in
      let ratings = (byWeek[key] ?? []).map(\.rating)
      let mean = Double(ratings.reduce(0, +)) / Double(max(1, ratings.count))
      return (start: first.addingTimeInterval(Double(key) * week), mean: mean)
    }
  }

  public func text(timeZone: DisplayZone) -> String {
    var lines = ["Where it hurt: \(group.name.lowercased())"]
    guard let first = marks.first, let latest = marks.last else {
      return lines[0] + "\n  Not marked yet: unknot hurts \(group.id)=RATING, or w on the home screen.\n"
    }
    lines.append(
      "  \(marks.count) marks; first \(first.rating)/10 on \(DateText.day(first.markedAt, in: timeZone)), "
        + "latest \(latest.rating)/10 on \(DateText.day(latest.markedAt, in: timeZone))")
    for week in weeks {
      lines.append("  week of \(DateText.day(week.start, in: timeZone)): mean \(String(format: "%.1f", week.mean))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
