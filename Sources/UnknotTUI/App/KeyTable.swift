import UnknotCore

/// The one table of keys: every screen's bindings, and how the key handling, the footer
/// hints, the help and plain mode read them.
enum KeyTable {
  // MARK: Reading the table

  /// Where the keys go now: the screen, or the box open over a session.
  static func place(_ state: AppState) -> KeyBinding.Place {
    switch state.screen {
    case .home: return .home
    case .tools: return .tools
    case .detail: return .detail
    case .safety(let safety):
      switch safety.stage {
      case .introduction: return .safetyIntroduction
      case .question: return .safetyQuestion
      case .askClinician: return .safetyClinician
      case .outcome: return .safetyOutcome
      }
    case .cautions: return .cautions
    case .session(let session):
      switch session.overlay {
      case .help: return .helpBox
      case .confirmQuit: return .quitBox
      case .stopReasons: return .stopBox
      case .journalFailed: return .journalBox
      case .painChoice: return .painBox
      case nil: break
      }
      if case .rating = session.engine.currentStep.plan { return .rating }
      if case .checklist = session.engine.currentStep.plan { return .checklist }
      return .session
    case .summary(let summary): return summary.showingSafetyAdvice ? .safetyAdvice : .summary
    case .history: return .history
    case .help: return .help
    case .hurts: return .hurts
    }
  }

  /// The bindings of a place that apply in this state, in the table's order.
  static func bindings(_ place: KeyBinding.Place, in state: AppState) -> [KeyBinding] {
    (byPlace[place] ?? []).filter { $0.applies(state) }
  }

  /// What a key does where the keys go now; nil when it means nothing there. A key
  /// whose binding does not apply now still names its action, so the person hears why
  /// it did nothing (the engine's reason) instead of silence.
  static func action(for key: Key, in state: AppState) -> KeyAction? {
    let place = place(state)
    if place == .helpBox || place == .help { return .close }
    if place == .stopBox, case .character(let letter) = key, letter != "x", letter != "X",
      case .session(let session) = state.screen, session.entry.routine.stopChoices.choice(forKey: letter) != nil
    {
      return .chooseSign
    }
    let here = byPlace[place] ?? []
    let applying = here.filter { $0.applies(state) }
    for bindings in [applying, here] {
      for binding in bindings {
        if let match = binding.keys.first(where: { $0.key == key }) { return match.action }
      }
    }
    return nil
  }

  /// The keys under a box open over a session: the session's, or the rating's.
  static func sessionPlace(_ state: AppState) -> KeyBinding.Place {
    if let engine = engine(state), case .rating = engine.currentStep.plan { return .rating }
    if let engine = engine(state), case .checklist = engine.currentStep.plan { return .checklist }
    return .session
  }

  /// The footer's hints now: the keys that do something, as the state words them.
  static func hints(_ state: AppState) -> [Layout.Hint] {
    bindings(place(state), in: state).filter(\.inFooter).compactMap { binding in
      binding.shown.map { Layout.Hint($0, binding.label(in: state)) }
    }
  }

  /// The key a word typed in plain mode stands for during a session: the place's own
  /// words first ("n" is no in a checklist, next elsewhere).
  static func key(forWord word: String, in place: KeyBinding.Place = .session) -> Key? {
    if place != .session && place != .rating,
      let key = (byPlace[place] ?? []).flatMap(\.words).first(where: { $0.word == word })?.key
    {
      return key
    }
    return all.lazy.filter { $0.place == .session || $0.place == .rating }.flatMap(\.words).first { $0.word == word }?
      .key
  }

  /// The session command a session key stands for.
  static func command(for action: KeyAction, engine: SessionState) -> SessionCommand? {
    switch action {
    case .pauseOrContinue: engine.isPaused ? .resume : .pause
    case .next: .next
    case .stepBack: .back
    case .extend: .extend
    case .shorten: .shorten
    case .released: .released
    case .inPosition: .confirm
    default: nil
    }
  }

  // MARK: Conditions

  static func engine(_ state: AppState) -> SessionState? {
    if case .session(let session) = state.screen { return session.engine }
    return nil
  }

  /// Whether the session's engine would take the command now.
  static func accepts(_ command: SessionCommand) -> @Sendable (AppState) -> Bool {
    { state in engine(state).map { SessionEngine.accepts(command, in: $0) } ?? false }
  }

  static let waitingForTractionTime: @Sendable (AppState) -> Bool = { state in
    guard let engine = engine(state), case .clinicianTimed = engine.currentStep.plan else { return false }
    return engine.stepLength == nil && !engine.hasEnded
  }

  /// A time the traction step would take has been typed.
  static let tractionTimeTyped: @Sendable (AppState) -> Bool = { state in
    guard waitingForTractionTime(state), case .session(let session) = state.screen else { return false }
    return SessionKeys.seconds(fromMinutes: session.tractionEntry) != nil
  }

  static let tractionEntryStarted: @Sendable (AppState) -> Bool = { state in
    guard waitingForTractionTime(state), case .session(let session) = state.screen else { return false }
    return !session.tractionEntry.isEmpty
  }

  /// A checklist's "no" shows its advice until the person goes on.
  static let showingAdvice: @Sendable (AppState) -> Bool = { engine($0)?.showingAdvice ?? false }

  static let ratingChosen: @Sendable (AppState) -> Bool = { state in
    if case .session(let session) = state.screen { return session.ratingChoice != nil }
    return false
  }

  static let homeOffersRoutines: @Sendable (AppState) -> Bool = { state in
    if case .home(let home) = state.screen { return !state.routines(for: home.group).isEmpty }
    return false
  }

  static let homeFocusOnRoutines: @Sendable (AppState) -> Bool = { state in
    if case .home(let home) = state.screen { return home.focus == .routines }
    return false
  }

  static let needsClinician: @Sendable (AppState) -> Bool = { state in
    if case .cautions(let cautions) = state.screen {
      return state.entry(id: cautions.routineID)?.routine.requiresClinician == true
    }
    return false
  }

  /// The safety answers leave nothing of the routine shown: no steps to scroll, and
  /// nothing to start.
  static let nothingLeft: @Sendable (AppState) -> Bool = { state in
    let id: String
    switch state.screen {
    case .cautions(let cautions): id = cautions.routineID
    case .detail(let detail): id = detail.routineID
    default: return false
    }
    return state.entry(id: id).map { state.adapted($0).nothingLeft } ?? false
  }

  static let quitHelp: @Sendable (AppState) -> String = {
    $0.options.logging ? "quit (the session is kept as quit)" : "quit (nothing is kept)"
  }

  static let hasHistory: @Sendable (AppState) -> Bool = { !$0.history.isEmpty }

  /// How many lines the pain box offers.
  static let painOptionCount: @Sendable (AppState) -> Int = { state in
    if case .session(let session) = state.screen { return session.painOptions.count }
    return 0
  }

  static let outcomeGoesOn: @Sendable (AppState) -> Bool = { state in
    guard case .safety(let safety) = state.screen, case .outcome(let outcome) = safety.stage,
      case .beforeRoutine = safety.purpose
    else { return false }
    return outcome == .clear || outcome == .clinicianAgreed
  }

  static let upDown: [(key: Key, action: KeyAction)] = [
    (.up, .up), (.character("k"), .up), (.down, .down), (.character("j"), .down),
  ]

  static func character(_ text: String, _ action: KeyAction) -> [(key: Key, action: KeyAction)] {
    text.map { (Key.character($0), action) }
  }

  // MARK: The table

  static let all: [KeyBinding] = home + safety + session + boxes + after + areas

  /// `all` by place, in the table's order: the footer asks every second of a hold.
  static let byPlace: [KeyBinding.Place: [KeyBinding]] = Dictionary(grouping: all, by: \.place)

  // In this order, and this short, the home hints fill two lines at 60 columns as well
  // as at 80: `w` says "pain" there (the help box says more), and the notice names its
  // own `d` beside it, as the filter line names `t`.
  static let home: [KeyBinding] = [
    KeyBinding(place: .home, keys: upDown, shown: "↑↓", label: "move"),
    KeyBinding(
      place: .home, keys: [(.right, .openRoutines), (.tab, .openRoutines), (.enter, .openRoutines)],
      shown: "→/Enter", label: "routines", applies: { homeOffersRoutines($0) && !homeFocusOnRoutines($0) }),
    KeyBinding(
      place: .home, keys: [(.enter, .open)], shown: "Enter", label: "open", applies: homeFocusOnRoutines,
      onHelpScreen: false),
    KeyBinding(
      place: .home, keys: [(.left, .backToGroups), (.escape, .backToGroups)], label: "back to the groups",
      applies: homeFocusOnRoutines),
    KeyBinding(place: .home, keys: [(.character("t"), .toolFilter)], shown: "t", label: "my tools only"),
    KeyBinding(place: .home, keys: [(.character("h"), .history)], shown: "h", label: "history"),
    KeyBinding(place: .home, keys: [(.character("o"), .chooseTools)], shown: "o", label: "choose tools"),
    KeyBinding(place: .home, keys: [(.character("s"), .safetyCheck)], shown: "s", label: "safety check"),
    KeyBinding(
      place: .home, keys: [(.character("w"), .markPain)], shown: "w", label: "pain",
      help: "mark where it hurts today"),
    KeyBinding(
      place: .home, keys: [(.character("c"), .deskCheck)], shown: "c", label: "desk check",
      help: "the desk check: eight yes/no questions about your screen, chair and posture",
      applies: { $0.entry(id: DeskCheckChange.routineID) != nil }, inFooter: false),
    KeyBinding(
      place: .home, keys: [(.character("g"), .openToday)], shown: "g", label: "today's routine",
      help: "open the next routine of the programme you follow (its Today line)",
      applies: { $0.todaysRoutineID != nil }, inFooter: false),
    KeyBinding(
      place: .home, keys: [(.character("d"), .dismissNotice)], shown: "d", label: "put the notice away",
      applies: { !$0.notices.isEmpty }, inFooter: false),
    KeyBinding(place: .home, keys: [(.character("?"), .help)], shown: "?", label: "help"),
    KeyBinding(place: .home, keys: [(.character("q"), .quit)], shown: "q", label: "quit"),
    KeyBinding(place: .home, keys: [(.escape, .quit)], label: "quit", applies: { !homeFocusOnRoutines($0) }),

    KeyBinding(place: .tools, keys: upDown, shown: "↑↓", label: "move"),
    KeyBinding(place: .tools, keys: character(" x", .tick), shown: "space", label: "tick"),
    KeyBinding(
      place: .tools, keys: [(.enter, .done), (.escape, .done)] + character("qo", .done), shown: "Enter",
      label: "done"),

    KeyBinding(place: .detail, keys: [(.enter, .start), (.character("s"), .start)], shown: "Enter", label: "start"),
    KeyBinding(
      place: .detail, keys: upDown + [(.pageUp, .pageUp), (.pageDown, .pageDown)], shown: "↑↓", label: "scroll",
      applies: { !nothingLeft($0) }),
    KeyBinding(
      place: .detail, keys: [(.escape, .back), (.left, .back)] + character("bq", .back), shown: "Esc", label: "back"),
  ]

  static let safety: [KeyBinding] = [
    KeyBinding(
      place: .safetyIntroduction, keys: [(.enter, .begin), (.character(" "), .begin), (.right, .begin)],
      shown: "Enter", label: "begin"),
    KeyBinding(
      place: .safetyIntroduction, keys: [(.escape, .leave), (.character("q"), .leave)], shown: "Esc",
      label: "not now"),
    KeyBinding(place: .safetyQuestion, keys: character("yY", .yes), shown: "y", label: "yes"),
    KeyBinding(place: .safetyQuestion, keys: character("nN", .no), shown: "n", label: "no"),
    KeyBinding(
      place: .safetyQuestion, keys: [(.left, .previous), (.backspace, .previous), (.character("b"), .previous)],
      shown: "←", label: "previous"),
    KeyBinding(
      place: .safetyQuestion, keys: [(.escape, .leave), (.character("q"), .leave)], shown: "Esc", label: "stop"),
    KeyBinding(place: .safetyClinician, keys: character("yY", .yes), shown: "y", label: "yes, a clinician agreed"),
    KeyBinding(place: .safetyClinician, keys: character("nN", .no), shown: "n", label: "no, not yet"),
    KeyBinding(place: .safetyClinician, keys: [(.escape, .leave), (.character("q"), .leave)], label: "stop"),
    KeyBinding(
      place: .safetyOutcome, keys: [(.enter, .goOn), (.character(" "), .goOn)], shown: "Enter", label: "home",
      labelNow: { outcomeGoesOn($0) ? "continue" : "home" }),
    KeyBinding(place: .safetyOutcome, keys: [(.escape, .leave), (.character("q"), .leave)], label: "home"),

    KeyBinding(
      place: .cautions, keys: [(.enter, .begin)], shown: "Enter", label: "begin",
      applies: { !needsClinician($0) && !nothingLeft($0) }),
    KeyBinding(
      place: .cautions, keys: [(.character("y"), .yes)], shown: "y", label: "yes, begin",
      applies: { needsClinician($0) && !nothingLeft($0) }),
    KeyBinding(
      place: .cautions, keys: [(.character("n"), .no)], shown: "n", label: "no",
      applies: { needsClinician($0) && !nothingLeft($0) }),
    KeyBinding(
      place: .cautions, keys: [(.escape, .back), (.left, .back)] + character("bq", .back), shown: "Esc", label: "back"),
    KeyBinding(place: .cautions, keys: [(.up, .up), (.down, .down)], label: "scroll the cautions"),
  ]

  static let session: [KeyBinding] = [
    KeyBinding(
      place: .session, keys: [(.character(" "), .pauseOrContinue)], shown: "space", label: "pause or continue",
      words: [("p", .character(" ")), ("pause", .character(" ")), ("continue", .character(" "))],
      applies: { accepts(.pause)($0) || accepts(.resume)($0) },
      labelNow: { engine($0)?.isPaused == true ? "continue" : "pause" }),
    KeyBinding(
      place: .session, keys: [(.character("n"), .next), (.right, .next)], shown: "n/→", label: "next",
      help: "next step (skip this one)", words: [("n", .character("n")), ("next", .character("n"))],
      applies: accepts(.next)),
    KeyBinding(
      place: .session, keys: [(.character("b"), .stepBack), (.left, .stepBack)], shown: "b/←", label: "back",
      help: "back to the previous step, restarted", words: [("b", .character("b")), ("back", .character("b"))],
      applies: accepts(.back)),
    KeyBinding(
      place: .session, keys: character("+=", .extend) + character("-_", .shorten), shown: "+/-",
      label: "15 s more/less", help: "15 seconds more / less", words: [("+", .character("+")), ("-", .character("-"))],
      applies: { accepts(.extend)($0) || accepts(.shorten)($0) }),
    KeyBinding(
      place: .session, keys: [(.character("r"), .released)], shown: "r", label: "released",
      help: "the knot released: end this hold", words: [("r", .character("r")), ("released", .character("r"))],
      applies: accepts(.released)),
    KeyBinding(
      place: .session, keys: [(.enter, .inPosition)], shown: "Enter", label: "in position", help: "I'm in position",
      applies: accepts(.confirm)),
    KeyBinding(
      place: .session, keys: character("0123456789:", .typed), shown: "0-9", label: "minutes",
      help: "the minutes your clinician gave, like 10:30", applies: waitingForTractionTime, onHelpScreen: false),
    KeyBinding(
      place: .session, keys: [(.backspace, .erase)], label: "erase",
      applies: { tractionTimeTyped($0) || tractionEntryStarted($0) }),
    KeyBinding(
      place: .session, keys: [(.enter, .setTime)], shown: "Enter", label: "set time",
      help: "set the time your clinician gave", applies: tractionTimeTyped),
    KeyBinding(
      place: .session, keys: [(.character("x"), .stop)], shown: "x", label: "stop",
      help: "stop for a danger sign (dizziness, pain …)",
      words: [("x", .character("x")), ("stop", .character("x"))]),
    KeyBinding(
      place: .session, keys: [(.character("q"), .quit), (.escape, .quit)], shown: "q", label: "quit",
      words: [("q", .character("q")), ("quit", .character("q"))], helpNow: quitHelp),
    KeyBinding(
      place: .session, keys: [(.character("?"), .help)], shown: "?", label: "help", help: "these keys",
      words: [("?", .character("?")), ("help", .character("?"))]),

    KeyBinding(
      place: .rating,
      keys: character("0123456789", .typed) + [(.right, .ratingUp), (.up, .ratingUp)]
        + [(.left, .ratingDown), (.down, .ratingDown)], shown: "0-10 or ←→", label: "choose"),
    KeyBinding(place: .rating, keys: [(.enter, .save)], shown: "Enter", label: "save", applies: ratingChosen),
    // Skipping ahead while paused reaches a rating still paused: space lets the
    // session run again, as it would on any other step.
    KeyBinding(
      place: .rating, keys: [(.character(" "), .pauseOrContinue)], shown: "space", label: "continue",
      words: [("p", .character(" ")), ("continue", .character(" "))], applies: accepts(.resume)),
    KeyBinding(
      place: .rating, keys: [(.character("s"), .skipRating)], shown: "s", label: "skip this rating",
      words: [("s", .character("s")), ("skip", .character("s"))]),
    KeyBinding(
      place: .rating, keys: [(.character("x"), .stop)], shown: "x", label: "stop",
      help: "stop for a danger sign (dizziness, pain …)"),
    KeyBinding(
      place: .rating, keys: [(.character("q"), .quit), (.escape, .quit)], shown: "q", label: "quit", helpNow: quitHelp),
    KeyBinding(
      place: .rating, keys: [(.character("b"), .stepBack)], label: "back", help: "back to the previous step, restarted",
      applies: accepts(.back)),
    KeyBinding(place: .rating, keys: [(.character("?"), .help)], label: "help", help: "these keys"),

    KeyBinding(
      place: .checklist, keys: character("yY", .yes), shown: "y", label: "yes",
      words: [("y", .character("y")), ("yes", .character("y"))], applies: { !showingAdvice($0) }),
    KeyBinding(
      place: .checklist, keys: character("nN", .no), shown: "n", label: "no",
      help: "no: see what to change", words: [("n", .character("n")), ("no", .character("n"))],
      applies: { !showingAdvice($0) }),
    KeyBinding(
      place: .checklist, keys: [(.enter, .goOn), (.right, .goOn)], shown: "Enter", label: "next question",
      help: "go on after the advice", applies: showingAdvice),
    KeyBinding(
      place: .checklist, keys: [(.character("b"), .stepBack), (.left, .stepBack)], shown: "b/←", label: "back",
      help: "back to the question before", words: [("b", .character("b")), ("back", .character("b"))],
      applies: accepts(.back)),
    KeyBinding(
      place: .checklist, keys: [(.character(" "), .pauseOrContinue)], shown: "space", label: "continue",
      words: [("p", .character(" ")), ("continue", .character(" "))], applies: accepts(.resume)),
    KeyBinding(
      place: .checklist, keys: [(.character("q"), .quit), (.escape, .quit)], shown: "q", label: "quit",
      words: [("q", .character("q")), ("quit", .character("q"))], helpNow: quitHelp),
    KeyBinding(
      place: .checklist, keys: [(.character("x"), .stop)], label: "stop",
      help: "stop for a danger sign (dizziness, pain …)", words: [("x", .character("x")), ("stop", .character("x"))]),
    KeyBinding(
      place: .checklist, keys: [(.character("?"), .help)], shown: "?", label: "help", help: "these keys",
      words: [("?", .character("?")), ("help", .character("?"))]),
  ]

  static let boxes: [KeyBinding] = [
    KeyBinding(place: .helpBox, keys: [(.escape, .close)], shown: "any key", label: "back"),
    KeyBinding(place: .quitBox, keys: character("yY", .yes), shown: "y", label: "quit"),
    KeyBinding(
      place: .quitBox, keys: character("nN", .no) + [(.escape, .no), (.character("q"), .no)], shown: "n",
      label: "keep going"),
    KeyBinding(place: .stopBox, keys: [(.up, .up), (.down, .down)], shown: "↑↓", label: "choose"),
    KeyBinding(place: .stopBox, keys: [(.enter, .chooseSign)], shown: "Enter", label: "stop for it"),
    KeyBinding(place: .stopBox, keys: [(.escape, .close)] + character("xX", .close), shown: "Esc", label: "back"),
    KeyBinding(place: .journalBox, keys: character("yY", .yes), shown: "y", label: "continue unlogged"),
    KeyBinding(place: .journalBox, keys: character("nN", .no), shown: "n", label: "end the session"),
    KeyBinding(place: .painBox, keys: upDown, shown: "↑↓", label: "choose", applies: { painOptionCount($0) > 1 }),
    KeyBinding(place: .painBox, keys: character("123456789", .choose), shown: "number", label: "choose that line"),
    KeyBinding(place: .painBox, keys: [(.enter, .choose)], shown: "Enter", label: "go on with it"),
    // The box never traps: stop for a danger sign, or quit, as from any step.
    KeyBinding(place: .painBox, keys: character("xX", .stop), shown: "x", label: "stop"),
    KeyBinding(place: .painBox, keys: [(.character("q"), .quit), (.escape, .quit)], shown: "q", label: "quit"),
  ]

  static let after: [KeyBinding] = [
    KeyBinding(
      place: .summary, keys: [(.enter, .back), (.escape, .back)] + character("hb", .back), shown: "Enter",
      label: "home"),
    KeyBinding(place: .summary, keys: [(.character("q"), .quit)], shown: "q", label: "quit"),
    KeyBinding(
      place: .safetyAdvice, keys: [(.enter, .goOn), (.character(" "), .goOn)], shown: "Enter",
      label: "see the summary"),
    KeyBinding(place: .safetyAdvice, keys: [(.character("q"), .quit)], shown: "q", label: "quit"),
    KeyBinding(
      place: .history, keys: upDown + [(.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .toTop), (.end, .toBottom)],
      shown: "↑↓", label: "scroll", applies: hasHistory),
    KeyBinding(
      place: .history, keys: [(.escape, .back), (.left, .back)] + character("bqh", .back), shown: "Esc", label: "back"),
    KeyBinding(place: .help, keys: [(.escape, .close)], shown: "any key", label: "back"),
  ]

  // MARK: Where it hurts today, and the watch over weeks (issue 12)

  static let hasMarkedAreas: @Sendable (AppState) -> Bool = { !$0.markedGroups.isEmpty }

  static let areaFilterLabel: @Sendable (AppState) -> String = { state in
    guard case .history(let history) = state.screen, let area = history.area else { return "area: all" }
    return "area: " + area.id
  }

  static let areas: [KeyBinding] = [
    KeyBinding(place: .hurts, keys: upDown, shown: "↑↓", label: "move"),
    KeyBinding(
      place: .hurts,
      keys: character("0123456789", .typed) + [(.right, .ratingUp), (.left, .ratingDown)], shown: "0-10 or ←→",
      label: "rate", help: "rate the pain here: 0 = no pain, 10 = worst pain imaginable"),
    KeyBinding(
      place: .hurts, keys: [(.backspace, .erase), (.character("x"), .erase)], shown: "x", label: "clear",
      help: "clear this area's mark"),
    KeyBinding(place: .hurts, keys: [(.enter, .save)], shown: "Enter", label: "save"),
    KeyBinding(
      place: .hurts, keys: [(.escape, .back)] + character("q", .back), shown: "Esc", label: "back without saving"),
    KeyBinding(
      place: .history, keys: [(.character("a"), .areaFilter)], shown: "a", label: "area",
      help: "show only sessions for an area you marked, or all", applies: hasMarkedAreas, labelNow: areaFilterLabel),
  ]
}
