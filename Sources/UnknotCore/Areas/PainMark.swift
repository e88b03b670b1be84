import Foundation

/// Where it hurts today: one muscle group the person marked, with how much (0–10, the
/// same scale as the pain prompt) and when.
public struct PainMark: Sendable, Equatable {
  public var markedAt: Date
  public var group: MuscleGroup
  public var rating: Int

  public init(markedAt: Date, group: MuscleGroup, rating: Int) {
    self.markedAt = markedAt
    self.group = group
    self.rating = rating
  }

  /// The marks of the day `today` falls in (in `timeZone`), the latest per group:
  /// marking a group again the same day corrects it.
  public static func ofDay(_ marks: [PainMark], today: Date, timeZone: TimeZone) -> [MuscleGroup: Int] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var latest: [MuscleGroup: PainMark] = [:]
    for mark in marks where calendar.isDate(mark.markedAt, inSameDayAs: today) {
      if let known = latest[mark.group], known.markedAt > mark.markedAt { continue }
      latest[mark.group] = mark
    }
    return latest.mapValues(\.rating)
  }
}
