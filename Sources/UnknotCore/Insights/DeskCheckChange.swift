import Foundation

/// What changed between the latest desk check and the one before: the items that went
/// from no to yes, the items still to change with their advice, and how long ago the
/// last check was. Pure: the journal's answers and the routine's items in, words out.
public struct DeskCheckChange: Sendable, Equatable {
  /// The bundled desk check, the routine `unknot desk` runs.
  public static let routineID = "desk-setup-check"
  /// The desk-worker programme repeats the check monthly: after this many days stats
  /// says it is time for another.
  public static let repeatAfterDays = 30

  public struct Fixed: Sendable, Equatable {
    public var item: String
    /// "Your screen is now at eye level", or the question when the routine has no words for it.
    public var text: String
    /// The check that first answered yes.
    public var since: Date
  }

  public struct ToChange: Sendable, Equatable {
    public var item: String
    public var question: String
    /// From the routine as it is now; nil when the item is no longer in it.
    public var advice: String?
    /// Also no at the check before (false: no before it, or it was yes).
    public var stillNo: Bool
  }

  public var lastCheck: Date
  public var daysAgo: Int
  public var checks: Int
  public var fixed: [Fixed]
  public var toChange: [ToChange]

  /// Nil when no desk check was answered yet.
  public init?(checks: [JournalChecklist], items: [ChecklistItem], now: Date) {
    guard let latest = checks.last else { return nil }
    let previous = checks.dropLast().last
    let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    func before(_ id: String) -> ChecklistAnswer? { previous?.answers.first { $0.item == id }?.answer }
    lastCheck = latest.startedAt
    daysAgo = max(0, Int(now.timeIntervalSince(latest.startedAt) / 86_400))
    self.checks = checks.count
    fixed = latest.answers.filter { $0.answer == .yes && before($0.item) == .no }.map { answer in
      Fixed(
        item: answer.item, text: byID[answer.item]?.fixed ?? "Now yes: " + answer.question, since: latest.startedAt)
    }
    toChange = latest.answers.filter { $0.answer == .no }.map { answer in
      ToChange(
        item: answer.item, question: byID[answer.item]?.question ?? answer.question,
        advice: byID[answer.item]?.advice, stillNo: before(answer.item) == .no)
    }
  }

  /// "last desk check 34 days ago", "today", "yesterday".
  public var whenText: String {
    switch daysAgo {
    case 0: "today"
    case 1: "yesterday"
    default: "\(daysAgo) days ago"
    }
  }

  public var isDue: Bool { daysAgo >= Self.repeatAfterDays }

  /// The section's lines, dates in the given zone.
  public func lines(timeZone: DisplayZone) -> [String] {
    // Questions come from the journal, which an import may have filled: shown safely.
    rawLines(timeZone: timeZone).map(UnsafeCharacters.visible)
  }

  private func rawLines(timeZone: DisplayZone) -> [String] {
    var lines = ["Last desk check \(whenText) (\(DateText.day(lastCheck, in: timeZone)))."]
    for item in fixed {
      lines.append("\(Self.withoutStop(item.text)) — since \(DateText.day(item.since, in: timeZone)).")
    }
    if toChange.isEmpty {
      lines.append("Every answer was yes.")
    } else {
      lines.append(toChange.count == 1 ? "Still to change:" : "Still to change (\(toChange.count)):")
      for item in toChange {
        let still = item.stillNo ? " (no at the check before too)" : ""
        lines.append("  - " + item.question + still)
        if let advice = item.advice { lines.append("    " + advice) }
      }
    }
    if isDue { lines.append("It is time for another: unknot desk") }
    return lines
  }

  static func withoutStop(_ text: String) -> String {
    text.hasSuffix(".") ? String(text.dropLast()) : text
  }
}
