import Foundation

/// `unknot programme today --format json`: today's plan for programs, with the same
/// facts as the text.
public struct ProgrammeTodayJSON: Codable, Sendable, Equatable {
  public struct Entry: Codable, Sendable, Equatable {
    public var label: String
    public var routines: [String]
    public var dueToday: Bool
    public var doneToday: Bool
    public var doneThisWeek: Int
    public var plannedThisWeek: Int
    public var level: Int?
    public var topLevel: Int?
    public var reps: Int?
    public var sets: Int?
  }

  public var programme: String
  public var title: String
  /// `active`, `paused` or `finished`.
  public var state: String
  public var startedAt: String
  public var week: Int
  public var weeks: Int
  /// The home screen's "Today" phrase.
  public var today: String
  public var entries: [Entry]

  public init(_ today: ProgrammeToday, enrolment: ProgrammeEnrolment) {
    programme = today.programmeID
    title = today.title
    state = today.state.rawValue
    startedAt = JournalTime.iso8601(milliseconds: JournalTime.milliseconds(enrolment.startedAt))
    week = today.week
    weeks = today.weeks
    self.today = ProgrammeTodayText.phrase(today)
    entries = today.entries.map { entry in
      Entry(
        label: entry.label, routines: entry.routineIDs, dueToday: entry.dueToday, doneToday: entry.doneToday,
        doneThisWeek: entry.doneThisWeek, plannedThisWeek: entry.plannedThisWeek, level: entry.dose?.level,
        topLevel: entry.dose == nil ? nil : entry.topLevel, reps: entry.dose?.reps, sets: entry.dose?.sets)
    }
  }

  /// Pretty-printed with sorted keys, as the other commands' JSON.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
