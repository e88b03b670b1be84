import UnknotCore

/// A key, what it does, how the hints name it, and when it applies: one row of the one
/// table the key handling, the footer hints, the help and plain mode's commands read,
/// so a hint is never shown for a key that does nothing.
struct KeyBinding: Sendable {
  /// The screen or box a binding belongs to.
  enum Place: Sendable, CaseIterable {
    case home, tools, detail, safetyIntroduction, safetyQuestion, safetyClinician, safetyOutcome
    case cautions, session, rating, checklist, helpBox, quitBox, stopBox, journalBox, painBox
    case summary, safetyAdvice, history, help
    /// Where it hurts today (issue 12).
    case hurts
  }

  var place: Place
  /// Each key with what it does; the first is the one plain mode and tests press.
  var keys: [(key: Key, action: KeyAction)]
  /// How the footer names the keys ("n/→"); nil keeps it out of the footer.
  var shown: String?
  var label: String
  /// The help's longer words for it, when the label is too short alone.
  var help: String?
  /// Lines plain mode takes for it, each with the key it stands for ("p" → space).
  var words: [(word: String, key: Key)] = []
  /// Whether it does anything now, beyond being on its screen.
  var applies: @Sendable (AppState) -> Bool = { _ in true }
  /// The label as the state words it, when it changes (pause / continue).
  var labelNow: (@Sendable (AppState) -> String)?
  /// The help's words as the state has them, when they change (what quitting keeps).
  var helpNow: (@Sendable (AppState) -> String)?
  /// Listed on the help screen; a key another one already covers there (Enter on the
  /// routines, the traction minutes) shows only in the footer when it applies.
  var onHelpScreen = true
  /// In the footer's hints; false for a key the screen names where it acts (the notice's `d`).
  var inFooter = true

  func label(in state: AppState) -> String { labelNow?(state) ?? label }

  func help(in state: AppState) -> String { helpNow?(state) ?? help ?? label }

  var hint: Layout.Hint? { shown.map { Layout.Hint($0, label) } }
}
