import UnknotCore

/// A key, what it does, how the hints name it, and when it applies. The one table the
/// key handling, the footer hints, the help and plain mode's typed commands all read,
/// so a hint is never shown for a key that does nothing.
struct KeyBinding: Sendable {
  /// The screen or box a binding belongs to.
  enum Place: Sendable, CaseIterable {
    case home, tools, detail, safetyIntroduction, safetyQuestion, safetyClinician, safetyOutcome
    case cautions, cautionsClinician, session, rating, tractionEntry
    case helpBox, quitBox, stopBox, journalBox
    case summary, safetyAdvice, history, help
  }

  var place: Place
  /// The keys that do it; the first is the one a test or plain mode presses.
  var keys: [Key]
  /// How the footer names the keys ("n/→").
  var shown: String
  var label: String
  /// A line plain mode takes for it, with the key it stands for ("p" → space).
  var words: [(word: String, key: Key)] = []
  /// Whether it does anything now, beyond being on its screen.
  var applies: @Sendable (AppState) -> Bool = { _ in true }
  /// The label as the state words it, when it changes (pause / continue).
  var labelNow: (@Sendable (AppState) -> String)?

  func label(in state: AppState) -> String { labelNow?(state) ?? label }
}

enum KeyTable {
  /// The session in progress, when there is one.
  static func engine(_ state: AppState) -> SessionState? {
    if case .session(let session) = state.screen { return session.engine }
    return nil
  }

  /// Whether the session's engine would take the command now.
  static func accepts(_ command: SessionCommand) -> @Sendable (AppState) -> Bool {
    { state in engine(state).map { SessionEngine.accepts(command, in: $0) } ?? false }
  }

  static let session: [KeyBinding] = [
    KeyBinding(
      place: .session, keys: [.character(" ")], shown: "space", label: "pause or continue",
      words: [("p", .character(" ")), ("pause", .character(" ")), ("continue", .character(" "))],
      applies: { accepts(.pause)($0) || accepts(.resume)($0) },
      labelNow: { engine($0)?.isPaused == true ? "continue" : "pause" }),
    KeyBinding(
      place: .session, keys: [.character("n"), .right], shown: "n/→", label: "next",
      words: [("n", .character("n")), ("next", .character("n"))], applies: accepts(.next)),
    KeyBinding(
      place: .session, keys: [.character("b"), .left], shown: "b/←", label: "back",
      words: [("b", .character("b")), ("back", .character("b"))], applies: accepts(.back)),
    KeyBinding(
      place: .session, keys: [.character("+"), .character("="), .character("-"), .character("_")], shown: "+/-",
      label: "15 s more/less", words: [("+", .character("+")), ("-", .character("-"))],
      applies: { accepts(.extend)($0) || accepts(.shorten)($0) }),
    KeyBinding(
      place: .session, keys: [.character("r")], shown: "r", label: "released",
      words: [("r", .character("r")), ("released", .character("r"))], applies: accepts(.released)),
    KeyBinding(
      place: .session, keys: [.enter], shown: "Enter", label: "in position", applies: accepts(.confirm)),
    KeyBinding(
      place: .session, keys: [.character("x")], shown: "x", label: "stop",
      words: [("x", .character("x")), ("stop", .character("x"))]),
    KeyBinding(
      place: .session, keys: [.character("q"), .escape], shown: "q", label: "quit",
      words: [("q", .character("q")), ("quit", .character("q"))]),
    KeyBinding(
      place: .session, keys: [.character("?")], shown: "?", label: "help",
      words: [("?", .character("?")), ("help", .character("?"))]),
  ]

  /// The session command a key stands for in a countdown or placement step.
  static func sessionCommand(for key: Key, engine: SessionState) -> SessionCommand? {
    switch key {
    case .character(" "): engine.isPaused ? .resume : .pause
    case .character("n"), .right: .next
    case .character("b"), .left: .back
    case .character("+"), .character("="): .extend
    case .character("-"), .character("_"): .shorten
    case .character("r"): .released
    case .enter: .confirm
    default: nil
    }
  }

  /// The key a word typed in plain mode stands for during a session.
  static func key(forWord word: String) -> Key? {
    session.lazy.flatMap(\.words).first { $0.word == word }?.key
  }
}
