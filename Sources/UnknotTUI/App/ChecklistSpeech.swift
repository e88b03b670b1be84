import UnknotCore

/// With --speak, a checklist's question is read out as it comes up, and its advice after
/// a "no", so the desk check can be answered by ear as the rest of a session is followed.
enum ChecklistSpeech {
  /// What of a checklist is on the screen: its step, the item, and whether the advice shows.
  struct Shown: Equatable {
    var step: Int
    var item: Int
    var advice: Bool
  }

  static func shown(_ engine: SessionState) -> Shown? {
    // Before the session begins, nothing is on the screen to read out yet.
    guard engine.status != .notStarted, !engine.hasEnded, engine.currentChecklistItem != nil else { return nil }
    return Shown(step: engine.stepIndex, item: engine.checklistItem, advice: engine.showingAdvice)
  }

  /// The words for what a command brought up, or nil when the same thing still shows.
  static func words(before: Shown?, after engine: SessionState) -> String? {
    guard let now = shown(engine), now != before, let item = engine.currentChecklistItem else { return nil }
    return now.advice ? "What to change: " + item.advice : item.question
  }
}
