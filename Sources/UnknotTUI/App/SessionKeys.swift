import Foundation
import UnknotCore

/// Keys during a guided session, and the engine commands they become.
enum SessionKeys {
  /// `carriedRating`: the rating before, given for a routine the person left for this
  /// gentler one; it is this session's rating before and is not asked again.
  static func begin(
    _ entry: LoadedEntry, returnTo: HomeScreen, state: inout AppState, now: Moment, today: Date,
    effects: inout [AppEffect], carriedRating: Int? = nil
  ) {
    // The session runs what the safety answers leave; the journal still names the
    // routine as written, by its id, title and file.
    let routine = state.adapted(entry).routine
    var session = SessionScreen(
      entry: entry, engine: SessionState(timeline: Timeline(routine: routine)), returnTo: returnTo,
      startedAt: today)
    if state.options.logging {
      effects.append(
        .beginJournalSession(
          JournalSessionStart(
            routineID: entry.routine.id, routineTitle: entry.routine.title, contentHash: entry.contentHash,
            muscles: routine.targets, startedAt: today, startMoment: now)))
    }
    run(.begin, session: &session, state: &state, now: now, effects: &effects)
    if let carriedRating {
      rate(carriedRating, session: &session, state: &state, now: now, effects: &effects)
    }
    state.screen = .session(session)
  }

  static func handle(
    _ input: AppInput, session: inout SessionScreen, state: inout AppState, now: Moment, effects: inout [AppEffect]
  ) {
    if case .journalFailed(let message) = input {
      // Asked once: writes that fail while the question is open, or after the person
      // answered it, have nothing more to ask.
      if case .journalFailed = session.overlay { return }
      guard state.options.logging else { return }
      open(.journalFailed(message), session: &session, state: &state, now: now, effects: &effects)
      return
    }
    guard case .key(let key) = input else {
      run(.observe, session: &session, state: &state, now: now, effects: &effects)
      return
    }
    // Time passes before any key counts, so a key acts on the step showing now.
    run(.observe, session: &session, state: &state, now: now, effects: &effects)
    // The key means what the table says for the session as it is now.
    state.screen = .session(session)
    let action = KeyTable.action(for: key, in: state)
    if let overlay = session.overlay {
      handleOverlay(overlay, key: key, action: action, session: &session, state: &state, now: now, effects: &effects)
      return
    }
    guard !session.engine.hasEnded, let action else { return }
    switch action {
    case .quit:
      return open(.confirmQuit, session: &session, state: &state, now: now, effects: &effects)
    case .stop:
      session.stopChoice = 0
      return open(.stopReasons, session: &session, state: &state, now: now, effects: &effects)
    case .help:
      return open(.help, session: &session, state: &state, now: now, effects: &effects)
    default:
      break
    }
    if case .rating = session.engine.currentStep.plan {
      return handleRating(key, action: action, session: &session, state: &state, now: now, effects: &effects)
    }
    if case .checklist = session.engine.currentStep.plan {
      let command: SessionCommand? =
        switch action {
        case .yes: .answer(.yes)
        case .no: .answer(.no)
        case .goOn: .confirm
        case .stepBack: .back
        case .pauseOrContinue where session.engine.isPaused: .resume
        default: nil
        }
      if let command { run(command, session: &session, state: &state, now: now, effects: &effects) }
      return
    }
    if handleTractionEntry(key, action: action, session: &session, state: &state, now: now, effects: &effects) {
      return
    }
    if let command = KeyTable.command(for: action, engine: session.engine) {
      run(command, session: &session, state: &state, now: now, effects: &effects)
    }
  }

  // MARK: Ratings

  private static func handleRating(
    _ key: Key, action: KeyAction, session: inout SessionScreen, state: inout AppState, now: Moment,
    effects: inout [AppEffect]
  ) {
    switch action {
    case .typed:
      guard case .character(let character) = key, let digit = Int(String(character)) else { return }
      // "1" then "0" is ten: the only two-digit rating.
      session.ratingChoice = session.ratingChoice == 1 && digit == 0 ? 10 : digit
    case .ratingUp:
      session.ratingChoice = min(10, (session.ratingChoice ?? -1) + 1)
    case .ratingDown:
      session.ratingChoice = max(0, (session.ratingChoice ?? 1) - 1)
    case .save:
      guard let value = session.ratingChoice else {
        state.status = "Choose a number from 0 to 10 first, or press s to skip this rating."
        return
      }
      session.ratingChoice = nil
      rate(value, session: &session, state: &state, now: now, effects: &effects)
    case .skipRating:
      session.ratingChoice = nil
      run(.skipRating, session: &session, state: &state, now: now, effects: &effects)
    case .stepBack:
      run(.back, session: &session, state: &state, now: now, effects: &effects)
    case .pauseOrContinue where session.engine.isPaused:
      run(.resume, session: &session, state: &state, now: now, effects: &effects)
    default:
      break
    }
  }

  /// Gives the rating, then answers what it means (PainRules): a box when pain rose or
  /// is high before the start, one kind line when it eased.
  static func rate(
    _ value: Int, session: inout SessionScreen, state: inout AppState, now: Moment, effects: inout [AppEffect]
  ) {
    let moment: SessionStep.RatingMoment? =
      if case .rating(let moment) = session.engine.currentStep.plan { moment } else { nil }
    run(.rate(value), session: &session, state: &state, now: now, effects: &effects)
    if let check = session.engine.painCheck {
      session.painOptions = PainChoiceText.options(for: check, session: session, state: state)
      session.painChoiceIndex = 0
      open(.painChoice, session: &session, state: &state, now: now, effects: &effects)
    } else if moment == .between, !session.easeNoted,
      PainRules.hasEased(before: session.engine.beforeRating, now: value), let before = session.engine.beforeRating
    {
      session.easeNoted = true
      state.status = PainChoiceText.eased(from: before, to: value)
    }
  }

  /// The person's answer in the pain box.
  private static func choosePain(
    _ choice: PainChoice, session: inout SessionScreen, state: inout AppState, now: Moment,
    effects: inout [AppEffect]
  ) {
    let check = session.engine.painCheck
    session.overlay = nil
    session.painOptions = []
    run(.respondToPain(choice), session: &session, state: &state, now: now, effects: &effects)
    if let check { state.status = PainChoiceText.chosen(choice, check: check) }
    if case .gentlerRoutine(let id) = choice, let entry = state.entry(id: id), let rating = check?.to {
      // This session is kept as quit with the choice beside it; the gentler routine's
      // "before you start" comes next, its rating before already given.
      var cautions = CautionsScreen(routineID: entry.routine.id, returnTo: session.returnTo)
      cautions.carriedRating = rating
      state.screen = .cautions(cautions)
    }
  }

  // MARK: Traction

  /// Typing the clinician's time, as minutes ("12") or minutes and seconds ("12:30").
  /// Returns whether the key was used.
  private static func handleTractionEntry(
    _ key: Key, action: KeyAction, session: inout SessionScreen, state: inout AppState, now: Moment,
    effects: inout [AppEffect]
  ) -> Bool {
    guard case .clinicianTimed = session.engine.currentStep.plan, session.engine.stepLength == nil else {
      return false
    }
    switch action {
    case .typed:
      guard case .character(let character) = key else { return true }
      if session.tractionEntry.count < 5 { session.tractionEntry.append(character) }
      return true
    case .erase:
      if !session.tractionEntry.isEmpty { session.tractionEntry.removeLast() }
      return true
    case .setTime:
      guard let seconds = Self.seconds(fromMinutes: session.tractionEntry) else {
        state.status = "Type the minutes your clinician gave, like 10 or 10:30, then Enter."
        return true
      }
      run(.setClinicianTime(seconds: seconds), session: &session, state: &state, now: now, effects: &effects)
      return true
    default:
      return false
    }
  }

  static func seconds(fromMinutes text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let minutes = Int(parts[0]) else { return nil }
    let seconds = parts.count == 2 ? Int(parts[1]) : 0
    guard let seconds, (0..<60).contains(seconds) else { return nil }
    let total = minutes * 60 + seconds
    return total > 0 ? total : nil
  }

  // MARK: Overlays

  private static func open(
    _ overlay: SessionScreen.Overlay, session: inout SessionScreen, state: inout AppState, now: Moment,
    effects: inout [AppEffect]
  ) {
    // The countdown waits while the person reads or chooses: an overlay's pause, not theirs.
    if session.engine.isRunning, session.engine.stepLength != nil {
      run(.pauseForOverlay, session: &session, state: &state, now: now, effects: &effects)
    }
    session.overlay = overlay
  }

  private static func close(
    session: inout SessionScreen, state: inout AppState, now: Moment, effects: inout [AppEffect]
  ) {
    // A box opened over the pain question (a journal failure) gives the question back:
    // the session cannot go on until it is answered.
    session.overlay = session.engine.painCheck == nil || session.painOptions.isEmpty ? nil : .painChoice
    if session.engine.status == .paused(.overlay) {
      run(.resume, session: &session, state: &state, now: now, effects: &effects)
    }
  }

  private static func handleOverlay(
    _ overlay: SessionScreen.Overlay, key: Key, action: KeyAction?, session: inout SessionScreen,
    state: inout AppState, now: Moment, effects: inout [AppEffect]
  ) {
    switch overlay {
    case .help:
      close(session: &session, state: &state, now: now, effects: &effects)
    case .confirmQuit:
      switch action {
      case .yes:
        session.overlay = nil
        run(.quit, session: &session, state: &state, now: now, effects: &effects)
      case .no:
        close(session: &session, state: &state, now: now, effects: &effects)
      default:
        break
      }
    case .stopReasons:
      let stopChoices = session.entry.routine.stopChoices
      let choices = stopChoices.all
      var chosen: StopChoices.Choice?
      switch action {
      case .close:
        close(session: &session, state: &state, now: now, effects: &effects)
      case .up:
        session.stopChoice = max(0, session.stopChoice - 1)
      case .down:
        session.stopChoice = min(choices.count - 1, session.stopChoice + 1)
      case .chooseSign:
        if case .character(let letter) = key {
          chosen = stopChoices.choice(forKey: letter)
        } else if choices.indices.contains(session.stopChoice) {
          chosen = choices[session.stopChoice]
        }
      default:
        break
      }
      if let chosen {
        session.overlay = nil
        run(.stopSignal(chosen.reason), session: &session, state: &state, now: now, effects: &effects)
      }
    case .painChoice:
      let options = session.painOptions
      switch action {
      case .up:
        session.painChoiceIndex = max(0, session.painChoiceIndex - 1)
      case .down:
        session.painChoiceIndex = min(max(0, options.count - 1), session.painChoiceIndex + 1)
      case .choose:
        var index = session.painChoiceIndex
        if case .character(let digit) = key, let number = Int(String(digit)) { index = number - 1 }
        guard options.indices.contains(index) else {
          state.status = "Choose a line from 1 to \(options.count)."
          return
        }
        choosePain(options[index], session: &session, state: &state, now: now, effects: &effects)
      case .stop:
        session.stopChoice = 0
        session.overlay = .stopReasons
      case .quit:
        session.overlay = .confirmQuit
      default:
        break
      }
    case .journalFailed:
      switch action {
      case .yes:
        state.options.logging = false
        effects.append(.stopLogging)
        close(session: &session, state: &state, now: now, effects: &effects)
      case .no:
        session.overlay = nil
        // The journal cannot take it: the session ends, and is not kept.
        state.options.logging = false
        effects.append(.stopLogging)
        run(.quit, session: &session, state: &state, now: now, effects: &effects)
      default:
        break
      }
    }
  }

  // MARK: Engine

  /// Applies a command: journal events become one journal write, cues become sound.
  static func run(
    _ command: SessionCommand, session: inout SessionScreen, state: inout AppState, now: Moment,
    effects: inout [AppEffect]
  ) {
    // Read only with --speak: this runs on every tick of a countdown.
    let checklistBefore = state.options.speak ? ChecklistSpeech.shown(session.engine) : nil
    let events = SessionEngine.apply(command, to: &session.engine, at: now)
    var journal: [SessionEvent] = []
    var cues: [AppEffect] = []
    var rang = false
    var phrases: [String] = []
    // How each step that ended in this pass ended: the engine reports it just before the cue.
    var endings: [Int: StepEnding] = [:]
    for event in events {
      switch event {
      case .cue(let cue, _):
        cues.append(.cue(cue))
        CueSounds.effects(
          for: cue, session: session, endings: endings, options: state.options, rang: &rang, phrases: &phrases,
          into: &effects)
      case .stepEnded(let end):
        endings[end.index] = end.ending
        journal.append(event)
      case .rejected(_, let reason):
        if command != .observe {
          state.status = reason.prefix(1).uppercased() + reason.dropFirst() + "."
        }
      default:
        journal.append(event)
      }
    }
    if !journal.isEmpty {
      session.events += journal
      // The one place that decides whether the journal is written.
      if state.options.logging { effects.append(.appendToJournal(journal)) }
    }
    effects += cues
    if state.options.speak, let words = ChecklistSpeech.words(before: checklistBefore, after: session.engine) {
      phrases.append(words)
    }
    // One utterance per pass: "Release." then the next step's title, not one cutting off the other.
    if state.options.speak, !phrases.isEmpty {
      effects.append(.speak(phrases.joined(separator: " ")))
    }
  }
}
