import Foundation
import UnknotCore

/// The part of `unknot stats` about areas: the watch over weeks' notices, and with
/// `--area` the area's marked ratings. Kept apart from StatsReport's own sections.
struct AreaWatchSection {
  var notices: [PainTrendWatch.Notice]
  var area: AreaReport?

  init(journal: SQLiteJournal?, area: MuscleGroup?, now: Date) throws(JournalError) {
    guard let journal else {
      notices = []
      self.area = nil
      return
    }
    let window = now.addingTimeInterval(-Double(PainTrendWatch.windowDays) * 86_400)
    notices = PainTrendWatch.notices(try journal.trendSessions(since: window), now: now)
    self.area = try area.map { group throws(JournalError) in
      AreaReport(group: group, marks: try journal.painMarks(since: nil))
    }
  }

  func table() -> String {
    var text = ""
    if let area { text += "\n" + area.text(timeZone: .local) }
    if !notices.isEmpty {
      text += "\nOver the last weeks\n" + notices.map { "  " + $0.text + "\n" }.joined()
    }
    return text
  }

  /// The stats JSON with `notices` (and `area`, with --area) added at its top level;
  /// unchanged, byte for byte, when there is neither.
  func json(adding statsJSON: String) -> String {
    guard !notices.isEmpty || area != nil,
      var object = (try? JSONSerialization.jsonObject(with: Data(statsJSON.utf8))) as? [String: Any]
    else { return statsJSON }
    object["notices"] = notices.map { notice -> [String: Any] in
      [
        "group": notice.group.id, "earliestMean": notice.earliestMean, "latestMean": notice.latestMean,
        "days": notice.days, "weeks": notice.weeks, "sessions": notice.sessions, "text": notice.text,
      ]
    }
    if let area {
      object["area"] = [
        "group": area.group.id, "count": area.marks.count,
        "first": area.marks.first.map { ["rating": $0.rating, "markedAt": DateText.day($0.markedAt, in: .utc)] } as Any,
        "latest": area.marks.last.map { ["rating": $0.rating, "markedAt": DateText.day($0.markedAt, in: .utc)] } as Any,
        "weeks": area.weeks.map { ["start": DateText.day($0.start, in: .utc), "mean": $0.mean] },
      ]
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    else { return statsJSON }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
