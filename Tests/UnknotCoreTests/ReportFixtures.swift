import Foundation
import XCTest

@testable import UnknotCore

/// Journals for the history and stats reports, whose numbers can be worked out by hand:
/// each session only its brackets, written through the journal as a live session's
/// events are.
class ReportTestCase: JournalTestCase {
  static let day: TimeInterval = 86_400
  static let utc = TimeZone(identifier: "UTC")!

  /// A session `index` days after 2025-03-01 07:30 UTC, rated `before` (nil: skipped)
  /// and, when it finished, `after` (nil: skipped).
  @discardableResult
  func addSession(
    _ journal: SQLiteJournal, routine: String, title: String? = nil, muscles: [Muscle] = [.rhomboids],
    day index: Int, before: Int?, after: Int?, outcome: SessionOutcome = .finished,
    stopReason: StopReason = .sign(.sharpPain)
  ) throws -> JournalSessionID {
    let start = JournalSessionStart(
      routineID: routine, routineTitle: title ?? "Routine \(routine)", contentHash: "hash-\(routine)",
      muscles: muscles, startedAt: JournalFixtures.morning.addingTimeInterval(Double(index) * Self.day),
      startMoment: .zero)
    let id = try journal.beginSession(start)
    func rating(_ value: Int?, _ moment: SessionStep.RatingMoment, _ second: Int64) -> SessionEvent {
      let rating = SessionEvent.Rating(
        value: value, stepIndex: moment == .before ? 0 : 2, moment: moment, muscle: nil, side: nil,
        at: EngineTime.s(second))
      return value == nil ? .ratingSkipped(rating) : .ratingGiven(rating)
    }
    var events: [SessionEvent] = [
      .sessionStarted(routineID: routine, stepCount: 3, plannedSeconds: 60, at: .zero), rating(before, .before, 2),
    ]
    if outcome == .finished {
      events.append(rating(after, .after, 70))
    }
    if outcome == .stoppedForSafety {
      events.append(.stoppedForSafety(reason: stopReason, at: EngineTime.s(30)))
    }
    events.append(.sessionEnded(outcome: outcome, at: EngineTime.s(71)))
    try journal.append(events, to: id)
    return id
  }
}

/// Splits RFC 4180 CSV into records of fields, undoing the quoting: a reader as a
/// spreadsheet would be, to check what the writer wrote.
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text.unicodeScalars)[...]
  while let scalar = characters.popFirst() {
    if quoted {
      if scalar == "\"" {
        if characters.first == "\"" {
          field.unicodeScalars.append("\"")
          characters = characters.dropFirst()
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(scalar)
      }
      continue
    }
    switch scalar {
    case "\"": quoted = true
    case ",":
      record.append(field)
      field = ""
    case "\r" where characters.first == "\n":
      characters = characters.dropFirst()
      record.append(field)
      records.append(record)
      record = []
      field = ""
    default: field.unicodeScalars.append(scalar)
    }
  }
  if !field.isEmpty || !record.isEmpty {
    record.append(field)
    records.append(record)
  }
  return records
}
