import UnknotCore

/// A typed line as the keys the full screen would get for it in the same state: plain
/// mode has no commands of its own, only the key table's, typed as words.
enum PlainInput {
  /// The keys for a line, or nil when the line means nothing here.
  static func keys(for line: String, in state: AppState) -> [Key]? {
    let typed = line.trimmingCharacters(in: .whitespaces)
    let word = typed.lowercased()
    guard case .session(let session) = state.screen else { return nil }
    if let overlay = session.overlay {
      switch overlay {
      case .stopReasons:
        // A sign's letter stops; Enter alone, or anything else, goes back to the step.
        if typed.count == 1, let letter = typed.first, session.entry.routine.stopChoices.choice(forKey: letter) != nil {
          return [.character(letter)]
        }
        return [.escape]
      case .confirmQuit, .journalFailed:
        if ["y", "yes"].contains(word) { return [.character("y")] }
        if ["n", "no"].contains(word) { return [.character("n")] }
        return nil
      case .help:
        return [.escape]
      case .painChoice:
        // A line's number chooses it; Enter alone, the first (the default).
        if typed.isEmpty { return [.enter] }
        if ["q", "quit"].contains(word) { return [.character("q")] }
        if ["x", "stop"].contains(word) { return [.character("x")] }
        guard let number = Int(word), session.painOptions.indices.contains(number - 1) else { return nil }
        return [.character(Character(String(number)))]
      }
    }
    let engine = session.engine
    let command = KeyTable.key(forWord: word).map { [$0] }
    switch engine.currentStep.plan {
    case .rating:
      if word == "s" || word == "skip" { return [.character("s")] }
      if let value = Int(word), PainScale.range.contains(value) {
        // A choice left from arrows would not matter: the digits replace it ("1" then "0" is ten).
        return String(value).map { Key.character($0) } + [.enter]
      }
      return command
    case .checklist:
      // The checklist's own words first: "n" is no here, never next.
      if let key = KeyTable.key(forWord: word, in: .checklist) { return [key] }
      // Enter alone goes on past the advice.
      if engine.showingAdvice, typed.isEmpty { return [.enter] }
      return nil
    case .untimed where !engine.isPaused:
      // Any other line is "I'm in position", as Enter alone is.
      return command ?? [.enter]
    case .clinicianTimed where engine.stepLength == nil:
      if let command { return command }
      guard !typed.isEmpty, typed.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == ":" }) else { return nil }
      let clear = Array(repeating: Key.backspace, count: session.tractionEntry.count)
      return clear + typed.map { Key.character($0) } + [.enter]
    default:
      return command
    }
  }
}
