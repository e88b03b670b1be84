import UnknotCore

/// The end of a session with a checklist, in both front ends: a short "what to change"
/// list, the advice for every item whose last answer was no.
enum ChecklistSummary {
  static func lines(_ record: SessionRecord) -> [String] {
    guard !record.checklistAnswers.isEmpty else { return [] }
    let toChange = record.toChange
    let answered = answered(record)
    guard !toChange.isEmpty else {
      return ["All \(answered) answers were yes: nothing to change."]
    }
    return ["What to change (\(toChange.count) of \(answered)):"] + toChange.map { "- " + $0.advice }
  }

  /// How many items were answered, each once however often it was answered again.
  static func answered(_ record: SessionRecord) -> Int {
    Set(record.checklistAnswers.map { "\($0.stepIndex) \($0.item.id)" }).count
  }
}
