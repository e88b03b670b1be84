import Foundation
import UnknotCore

/// The loop behind plain mode: prompt or wait, turn the line into keys, dispatch them
/// through the effect performer, narrate what changed.
final class PlainLoop {
  private(set) var state: AppState
  private let clocks: Clocks
  private let performer: EffectPerformer
  private let console: PlainConsole
  private let narrator: PlainNarrator
  /// Every cue the engine gave, in order: what plain mode heard (for tests).
  private(set) var cues: [Cue] = []
  /// Whether a session began, and the last safety outcome: for the exit status.
  private var sessionBegan = false
  private var safetyOutcome: SafetyCheck.Outcome?
  /// The signal received since the last call, if any.
  let signalPending: () -> Int32?
  /// A signal taken while reading, for the loop to act on.
  private var caughtSignal: Int32?
  private var wasStandalone = false

  init(
    state: AppState, clocks: Clocks, performer: EffectPerformer, console: PlainConsole,
    signalPending: @escaping () -> Int32? = { SignalFlag.take() }
  ) {
    self.state = state
    self.clocks = clocks
    self.performer = performer
    self.console = console
    narrator = PlainNarrator(say: console.say)
    self.signalPending = signalPending
  }

  func run() -> Int32 {
    let empty = AppState(routines: [], ownedTools: state.ownedTools, options: state.options, safetyDue: false)
    narrator.narrate(from: empty, to: state, effects: [], input: .tick, now: clocks.now())
    while !state.isFinished {
      if let signal = caughtSignal ?? signalPending() {
        let inSession = isSessionRunning
        send(.terminate)
        if inSession {
          console.say(
            state.options.logging ? "Interrupted: the session is kept as quit." : "Interrupted: the session ends.")
        }
        return 128 + signal
      }
      guard step() else { break }
    }
    return exitStatus
  }

  private var isSessionRunning: Bool {
    if case .session(let session) = state.screen { return !session.engine.hasEnded }
    return false
  }

  private var exitStatus: Int32 {
    if case .summary(let summary) = state.screen {
      return summary.record.outcome == .stoppedForSafety ? 1 : 0
    }
    if sessionBegan { return 0 }
    if wasStandalone, let outcome = safetyOutcome {
      return outcome == .clear || outcome == .clinicianAgreed ? 0 : 1
    }
    return 1
  }

  private func send(_ input: AppInput) {
    let before = state
    let effects = performer.dispatch(input, to: &state, now: clocks.now(), today: clocks.today())
    for case .cue(let cue) in effects { cues.append(cue) }
    if case .session = state.screen { sessionBegan = true }
    if case .safety(let safety) = state.screen {
      wasStandalone = safety.purpose == .standalone
      if case .outcome(let outcome) = safety.stage { safetyOutcome = outcome }
    }
    narrator.narrate(from: before, to: state, effects: effects, input: input, now: clocks.now())
  }

  private func press(_ keys: [Key]) {
    for key in keys { send(.key(key)) }
  }

  /// One prompt or one wait. Returns false when plain mode has nothing more to do.
  private func step() -> Bool {
    switch state.screen {
    case .safety(let safety):
      switch safety.stage {
      case .introduction, .outcome:
        press([.enter])
      case .question(let index):
        answer(SafetyQuestions.all[index].text)
      case .askClinician:
        answer("Has a clinician agreed that self-massage is right for you?")
      }
    case .cautions(let cautions):
      guard let entry = state.entry(id: cautions.routineID), entry.routine.requiresClinician else {
        press([.enter])
        return true
      }
      answer("Has your clinician agreed, and do you have their settings?", atTheEnd: .character("n"))
    case .session(let session):
      sessionStep(session)
    case .summary:
      // Said in full as it showed; plain mode ends here.
      return false
    case .home, .tools, .detail, .help, .history, .hurts:
      return false
    }
    return true
  }

  /// A yes/no question as y or n; at the end of input, `atTheEnd` (Esc leaves the check unfinished).
  private func answer(_ question: String, atTheEnd: Key = .escape) {
    guard let yes = console.askYesNo(question) else {
      guard !signalArrived() else { return }
      if case .safety(let safety) = state.screen, safety.purpose == .standalone {
        console.say("The safety check was not finished.")
      }
      return press([atTheEnd])
    }
    press([.character(yes ? "y" : "n")])
  }

  /// Whether a signal ended the wait: an end of input it caused is no answer.
  private func signalArrived() -> Bool {
    if caughtSignal == nil { caughtSignal = signalPending() }
    return caughtSignal != nil
  }

  private func sessionStep(_ session: SessionScreen) {
    let engine = session.engine
    if let overlay = session.overlay {
      return overlayStep(overlay, session: session)
    }
    if engine.isPaused {
      console.say("  Paused. Type p and Enter to continue.")
      return prompt(orAtTheEnd: [.character(" ")])
    }
    switch engine.currentStep.plan {
    case .rating(let moment):
      var context = moment == .before ? "Before you start." : moment == .after ? "Now that you are done." : "A check."
      let place = StepText.place(engine.currentStep)
      if !place.isEmpty { context += " " + place + "." }
      let step = engine.currentStep
      console.say(context + " " + PainScale.question(muscle: step.muscle, side: step.side) + " " + PainScale.anchors)
      console.say("  Type a number from 0 to 10, or s to skip this rating.")
      prompt(orAtTheEnd: [.character("s")], otherwise: "  Please type a number from 0 to 10, or s to skip.")
    case .checklist(let items):
      guard let item = engine.currentChecklistItem else { return press([.enter]) }
      if engine.showingAdvice {
        console.say("  What to change: " + item.advice)
        console.say("  Press Enter for the next question.")
        return prompt(orAtTheEnd: [.enter], otherwise: "  Press Enter for the next question, or b to answer again.")
      }
      console.say("\(engine.checklistItem + 1) of \(items.count). \(item.question) (y/n)")
      // At the end of input the checklist is left, kept as quit with the answers given.
      prompt(orAtTheEnd: [.character("q")], otherwise: "  Please type y for yes or n for no.")
    case .untimed:
      console.say("  Press Enter when you are in position.")
      prompt(orAtTheEnd: [.enter])
    case .clinicianTimed where engine.stepLength == nil:
      console.say("  Type the minutes your clinician gave (like 10 or 10:30), then Enter.")
      prompt(orAtTheEnd: [.character("n")], otherwise: "  That is not a time like 10 or 10:30.")
    default:
      countDown()
    }
  }

  /// Reads a line and presses its keys; at the end of input presses `atTheEnd`.
  private func prompt(orAtTheEnd atTheEnd: [Key], otherwise: String? = nil) {
    guard let line = console.readLine() else {
      guard !signalArrived() else { return }
      return press(atTheEnd)
    }
    if let keys = PlainInput.keys(for: line, in: state) {
      press(keys)
    } else {
      console.say(otherwise ?? "  " + Self.commandsHint)
    }
  }

  /// The commands a line can be during a session, from the key table.
  static let commandsHint =
    "Type one of: "
    + KeyTable.all.filter { $0.place == .session }.compactMap { binding in
      binding.words.first.map { "\($0.word) \(binding.label)" }
    }
    .joined(separator: ", ") + "."

  private func overlayStep(_ overlay: SessionScreen.Overlay, session: SessionScreen) {
    switch overlay {
    case .stopReasons:
      let choices = session.entry.routine.stopChoices
      console.say("What happened? Type its letter and Enter (Enter alone: go on):")
      for group in choices.groups {
        console.say(group.heading)
        for choice in group.choices { console.say("  \(choice.key)  \(choice.text)") }
      }
      let line = console.readLine()
      if line == nil, signalArrived() { return }
      let typed = line?.trimmingCharacters(in: .whitespaces) ?? ""
      let keys = PlainInput.keys(for: typed, in: state) ?? [.escape]
      if keys == [.escape] {
        console.say(
          typed.isEmpty ? "Not stopped." : "No sign has the letter '\(typed)'. Not stopped: type x to try again.")
      }
      press(keys)
    case .confirmQuit:
      let kept =
        state.options.logging
        ? "It stays in your journal as quit, with the \(session.entry.routine.isChecklistOnly ? "answers" : "ratings") you gave."
        : "Nothing of it is kept: this session is not being logged."
      console.say("Quit this session? " + kept)
      let yes = console.askYesNo("Quit?")
      if yes == nil, signalArrived() { return }
      press([.character(yes ?? true ? "y" : "n")])
    case .journalFailed(let message):
      console.say("The journal could not be written: \(message)")
      let yes = console.askYesNo("Continue without logging this session?")
      if yes == nil, signalArrived() { return }
      press([.character(yes == true ? "y" : "n")])
    case .painChoice:
      guard let check = session.engine.painCheck else { return press([.enter]) }
      console.say(PainChoiceText.reason(check, offersGentler: PainChoiceText.offersGentler(session.painOptions)))
      for (offset, option) in session.painOptions.enumerated() {
        console.say("  \(offset + 1)  " + PainChoiceText.line(option, check: check, state: state))
      }
      console.say("Type its number and Enter (Enter alone: 1), x to stop for a danger sign, or q to quit.")
      prompt(
        orAtTheEnd: [.enter], otherwise: "  Please type a number from 1 to \(session.painOptions.count), then Enter.")
    case .help:
      // The keys of the step under the box that do something now, as the words to type.
      for binding in KeyTable.bindings(KeyTable.sessionPlace(state), in: state) {
        guard let word = binding.words.first?.word else { continue }
        console.say("  \(word)  \(binding.help(in: state))")
      }
      press([.escape])
    }
  }

  /// Waits as the full screen does, until just past the next visible change (about a
  /// second at most, so the engine never sees a gap), taking a line typed meanwhile as a command.
  private func countDown() {
    let milliseconds = AppLoop.timeout(state, after: clocks.now()) ?? 1000
    let wait = Int64(milliseconds) * 1_000_000
    if let line = console.waitForLine(wait) {
      if let keys = PlainInput.keys(for: line, in: state) {
        press(keys)
      } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        console.say("  " + Self.commandsHint)
      }
    }
    send(.tick)
  }
}
