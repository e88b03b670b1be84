import Foundation
import UnknotCore

/// The part of `unknot stats` about the desk check: the latest check against the one
/// before. Kept apart from StatsReport's own sections, as the area watch is.
struct DeskCheckSection {
  var change: DeskCheckChange?

  /// `library` is read only when a desk check was answered: stats stays quick without one.
  init(journal: SQLiteJournal?, library: () -> RoutineLibrary, now: Date) throws(JournalError) {
    guard let checks = try journal?.checklists(routineID: DeskCheckChange.routineID), !checks.isEmpty else {
      change = nil
      return
    }
    // The advice and the "now yes" words come from the routine as it is now.
    let items =
      library().routines.compactMap(\.routine).first { $0.id == DeskCheckChange.routineID }
      .map { Self.items(in: $0.steps) } ?? []
    change = DeskCheckChange(checks: checks, items: items, now: now)
  }

  static func items(in steps: [RoutineStep]) -> [ChecklistItem] {
    steps.flatMap { step -> [ChecklistItem] in
      switch step.action {
      case .checklist(let items): items
      case .block(let inner): Self.items(in: inner)
      default: []
      }
    }
  }

  func table(timeZone: DisplayZone = .local) -> String {
    guard let change else { return "" }
    // Wrapped at 80 columns as the other sections are, continuation lines under the text.
    return "\nDesk check\n"
      + change.lines(timeZone: timeZone).map { line in
        let indent = String(line.prefix { $0 == " " })
        let hanging = "  " + indent + (line.dropFirst(indent.count).hasPrefix("- ") ? "  " : "")
        return TextWrap.lines(String(line.dropFirst(indent.count)), width: 78 - hanging.count).enumerated().map {
          ($0.offset == 0 ? "  " + indent : hanging) + $0.element + "\n"
        }.joined()
      }.joined()
  }

  /// The stats JSON with `deskCheck` added at its top level; unchanged, byte for
  /// byte, when no desk check was answered.
  func json(adding statsJSON: String, timeZone: DisplayZone = .local) -> String {
    guard let change,
      var object = (try? JSONSerialization.jsonObject(with: Data(statsJSON.utf8))) as? [String: Any]
    else { return statsJSON }
    object["deskCheck"] =
      [
        "lastCheck": DateText.day(change.lastCheck, in: timeZone), "daysAgo": change.daysAgo, "checks": change.checks,
        "due": change.isDue,
        "nowYes": change.fixed.map {
          ["item": $0.item, "text": $0.text, "since": DateText.day($0.since, in: timeZone)]
        },
        "toChange": change.toChange.map { item -> [String: Any] in
          var entry: [String: Any] = ["item": item.item, "question": item.question, "stillNo": item.stillNo]
          if let advice = item.advice { entry["advice"] = advice }
          return entry
        },
      ] as [String: Any]
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    else { return statsJSON }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
