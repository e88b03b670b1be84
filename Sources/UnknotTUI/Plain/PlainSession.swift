import Foundation
import UnknotCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `unknot start ID --plain`: the same guided session as plain lines, for screen
/// readers and pipes. A line at each step's start and at its milestones (halfway,
/// 10 s left, done), never every second; ratings are read as lines.
public final class PlainSession {
  private let entry: LoadedEntry
  private let journal: any SessionJournal
  private let options: AppOptions
  private let clock: any SessionClock
  private let console: PlainConsole
  private var engine: SessionState
  private var journalSession: JournalSessionID?
  private var logging: Bool
  private var events: [SessionEvent] = []
  private var announcedStep = -1
  private var saidHalfway = false
  private var saidTenLeft = false
  /// What the person was doing when they stopped for safety, and when.
  private var stoppedDuring: String?
  private var stoppedAt: Date?

  public init(
    entry: LoadedEntry, journal: any SessionJournal, options: AppOptions, clock: any SessionClock = SystemClock(),
    console: PlainConsole = .standard()
  ) {
    self.entry = entry
    self.journal = journal
    self.options = options
    self.clock = clock
    self.console = console
    engine = SessionState(timeline: Timeline(routine: entry.routine))
    logging = options.logging
  }

  /// Runs the session; returns the exit status (0 finished, 1 not started or stopped
  /// for safety, 128+signal when interrupted).
  public func run() -> Int32 {
    SignalHandlers.installEndingHandlers()
    defer { SignalHandlers.restoreDefaults() }
    guard checkSafety(), introduce() else { return 1 }
    let start = clock.now()
    do {
      journalSession = try journal.beginSession(
        JournalSessionStart(
          routineID: entry.routine.id, routineTitle: entry.routine.title, contentHash: entry.contentHash,
          muscles: entry.routine.targets, startedAt: Date(), startMoment: start))
    } catch {
      guard agreeToContinueUnlogged(error.description) else { return 1 }
    }
    apply(.begin)
    while !engine.hasEnded {
      if let signal = SignalFlag.take() {
        apply(.quit)
        console.say(logging ? "Interrupted: the session is kept as quit." : "Interrupted: the session ends.")
        return 128 + signal
      }
      announceStepIfNew()
      step()
    }
    summarize()
    return engine.status == .ended(.stoppedForSafety) ? 1 : 0
  }

  // MARK: Before the session

  private func checkSafety() -> Bool {
    let latest = try? journal.latestSafetyCheck()
    guard SafetyCheck.isDue(latest: latest ?? nil, now: Date()) else { return true }
    guard let check = PlainSafetyCheck(journal: journal, console: console).run() else { return false }
    return check.allowsSessions
  }

  private func introduce() -> Bool {
    let routine = entry.routine
    let timeline = Timeline(routine: routine)
    console.say("\(routine.title) — \(DurationText.of(seconds: timeline.plannedSeconds)).")
    console.say(routine.summary)
    for caution in RoutineCautions.of(routine) {
      console.say("Caution: " + caution.text)
    }
    console.say(StopReminder.full + " Type x and Enter to stop.")
    if !logging { console.say("Not logging: this session is not written to your journal.") }
    if routine.requiresClinician {
      guard console.askYesNo("Has your clinician agreed, and do you have their settings?") == true else {
        console.say("Not started. Please ask your clinician first.")
        return false
      }
    }
    return true
  }

  // MARK: Steps

  private func announceStepIfNew() {
    guard engine.stepIndex != announcedStep else { return }
    announcedStep = engine.stepIndex
    saidHalfway = false
    saidTenLeft = false
    let step = engine.currentStep
    let number = "[\(engine.stepIndex + 1)/\(engine.steps.count)]"
    switch step.plan {
    case .rating:
      return
    default:
      console.say("\(number) \(StepText.headline(step)).")
    }
    if let position = step.position { console.say("  " + position.instruction) }
    if let placement = step.placement { console.say("  " + placement) }
    if let pressure = step.pressure { console.say("  Press \(pressure.text(on: step.muscle)).") }
    if case .breathing(let phases, _) = step.plan {
      let pattern = phases.map { "\(SessionView.breathWord($0.kind).lowercased()) \($0.seconds) s" }
      console.say("  " + pattern.joined(separator: ", ") + ".")
    }
    if case .phasedRepetitions(let phases, let count) = step.plan {
      console.say("  \(ExercisePhase.pattern(phases)); \(count) times.")
    }
    for cue in step.cues { console.say("  " + cue) }
    if StopReminder.shows(during: step.kind) {
      console.say("  " + StopReminder.short.replacingOccurrences(of: "Press x", with: "Type x"))
      for rule in entry.routine.extraStopRules {
        console.say("  Also stop if: " + SessionView.sentenceCase(rule.text))
      }
    }
  }

  private func step() {
    let step = engine.currentStep
    switch step.plan {
    case .rating(let moment):
      rate(moment)
    case .untimed:
      console.say("  Press Enter when you are in position.")
      if let line = console.readLine() {
        if !handleCommand(line) { apply(.confirm) }
      } else {
        apply(.confirm)
      }
    case .clinicianTimed where engine.stepLength == nil:
      console.say("  Type the minutes your clinician gave (like 10 or 10:30), then Enter.")
      guard let line = console.readLine() else { return apply(.next) }
      if handleCommand(line) { return }
      if let seconds = SessionKeys.seconds(fromMinutes: line.trimmingCharacters(in: .whitespaces)) {
        apply(.setClinicianTime(seconds: seconds))
      } else {
        console.say("  That is not a time like 10 or 10:30.")
      }
    default:
      countDown()
    }
  }

  private func rate(_ moment: SessionStep.RatingMoment) {
    let step = engine.currentStep
    var context = moment == .before ? "Before you start." : moment == .after ? "Now that you are done." : "A check."
    let place = StepText.place(step)
    if !place.isEmpty { context += " " + place + "." }
    console.say(context + " " + PainScale.question + " " + PainScale.anchors)
    console.say("  Type a number from 0 to 10, or s to skip this rating.")
    guard let line = console.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else {
      return apply(.skipRating)
    }
    if line == "s" || line == "skip" {
      apply(.skipRating)
    } else if let value = Int(line), PainScale.range.contains(value) {
      apply(.rate(value))
      // "Saved" only when the journal has it: after a failed write, or with --no-journal, it is only noted.
      console.say("  \(logging ? "Saved" : "Noted"): \(value) (\(PainBand(value).rawValue)).")
    } else if !handleCommand(line) {
      console.say("  Please type a number from 0 to 10, or s to skip.")
    }
  }

  /// Waits for the next milestone or the step's end, reading commands meanwhile when
  /// a person is typing at a terminal.
  private func countDown() {
    let now = clock.now()
    guard let remaining = engine.remaining(at: now), let length = engine.stepLength else {
      apply(.observe)
      return
    }
    var wake = remaining
    let active = length - remaining
    if !saidHalfway, length >= 60 * nanosecondsPerSecond, active < length / 2 {
      wake = min(wake, length / 2 - active)
    }
    if !saidTenLeft, length > 20 * nanosecondsPerSecond, remaining > 10 * nanosecondsPerSecond {
      wake = min(wake, remaining - 10 * nanosecondsPerSecond)
    }
    if engine.isPaused {
      console.say("  Paused. Type p and Enter to continue.")
      if let line = console.readLine() {
        _ = handleCommand(line)
      } else {
        apply(.resume)
      }
      return
    }
    // Read the clock at least every second: a longer sleep would look to the engine
    // like a stopped process, and pause the step.
    if let line = waitForLine(nanoseconds: min(wake, nanosecondsPerSecond)) {
      _ = handleCommand(line)
    }
    let index = engine.stepIndex
    apply(.observe)
    guard engine.stepIndex == index, !engine.hasEnded, let left = engine.remaining(at: clock.now()) else { return }
    let elapsed = length - left
    if !saidHalfway, length >= 60 * nanosecondsPerSecond, elapsed >= length / 2 {
      saidHalfway = true
      console.say("  Halfway: \(SessionView.clock(left)) left.")
    }
    if !saidTenLeft, length > 20 * nanosecondsPerSecond, left <= 10 * nanosecondsPerSecond {
      saidTenLeft = true
      console.say("  10 seconds left.")
    }
  }

  /// Sleeps up to the time given; returns a line typed meanwhile at a terminal.
  private func waitForLine(nanoseconds: Int64) -> String? {
    let milliseconds = Int32(clamping: (nanoseconds + 999_999) / 1_000_000)
    guard console.inputIsInteractive else {
      poll(nil, 0, milliseconds)
      return nil
    }
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return nil }
    return console.readLine()
  }

  /// Commands typed as lines: p pause/continue, n next, b back, + / - time,
  /// r released, x stop, q quit. Returns whether the line was a command.
  private func handleCommand(_ line: String) -> Bool {
    switch line.trimmingCharacters(in: .whitespaces).lowercased() {
    case "p", "pause": apply(engine.isPaused ? .resume : .pause)
    case "n", "next": apply(.next)
    case "b", "back": apply(.back)
    case "+": apply(.extend)
    case "-": apply(.shorten)
    case "r", "released": apply(.released)
    case "q", "quit": apply(.quit)
    case "x", "stop": stopForSafety()
    default: return false
    }
    return true
  }

  /// The stop box as lines: every sign with its letter, the urgent ones first.
  private func stopForSafety() {
    let choices = entry.routine.stopChoices
    console.say("What happened? Type its letter and Enter (Enter alone: go on):")
    for group in choices.groups {
      console.say(group.heading)
      for choice in group.choices {
        console.say("  \(choice.key)  \(choice.text)")
      }
    }
    let typed = console.readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
    guard typed.count == 1, let letter = typed.first, let choice = choices.choice(forKey: letter) else {
      console.say(
        typed.isEmpty ? "Not stopped." : "No sign has the letter '\(typed)'. Not stopped: type x to try again.")
      return
    }
    stoppedDuring = StepText.doing(engine.currentStep)
    stoppedAt = Date()
    apply(.stopSignal(choice.reason))
  }

  // MARK: Engine and journal

  private func apply(_ command: SessionCommand) {
    let produced = SessionEngine.apply(command, to: &engine, at: clock.now())
    var journalEvents: [SessionEvent] = []
    for event in produced {
      switch event {
      case .cue(.stepEnd(let index), _):
        if engine.steps[index].kind != .rate { console.say("  Done.") }
      case .cue(.switchSides(let side), _):
        console.say("Switch sides, to the \(side.rawValue).")
      case .cue:
        break
      case .rejected(let rejected, let reason):
        if rejected != .observe { console.say("  (\(reason))") }
      default:
        journalEvents.append(event)
      }
    }
    events += journalEvents
    guard logging, let session = journalSession, !journalEvents.isEmpty else { return }
    do {
      try journal.append(journalEvents, to: session)
    } catch {
      if !agreeToContinueUnlogged(error.description) { apply(.quit) }
    }
  }

  /// Asks whether to go on without the journal. Whatever the answer, nothing more of this
  /// session is written: the quit that follows a no must not fail, and ask, again.
  private func agreeToContinueUnlogged(_ message: String) -> Bool {
    console.say("The journal could not be written: \(message)")
    logging = false
    journalSession = nil
    return console.askYesNo("Continue without logging this session?") == true
  }

  private func summarize() {
    let record = SessionRecord.rebuild(from: events)
    switch record.outcome {
    case .stoppedForSafety:
      let advice = record.stopReason?.advice ?? .stopAndRest
      console.say(advice.isUrgent ? advice.heading.uppercased() + "." : advice.heading + ".")
      if let reason = record.stopReason {
        console.say("You stopped for: " + SessionView.sentenceCase(reason.text) + ".")
      }
      for paragraph in advice.paragraphs { console.say(paragraph) }
      if advice.isUrgent {
        let since =
          stoppedAt.map { "you stopped at " + DateText.minute($0, in: TimeZone.current) } ?? "you stopped just now"
        console.say(StopAdvice.tellThem(doing: stoppedDuring ?? "self-massage with unknot", since: since))
        console.say(StopAdvice.urgentReason)
      }
    case .quit:
      console.say(logging ? "Session ended early; kept as quit." : "Session ended early.")
    default:
      console.say("Session complete.")
    }
    if let before = record.before, let after = record.after {
      let change = PainChange(before: before, after: after)
      console.say("Pain before → after: \(change.text()) (\(change.band.phrase)).")
      console.say(PainChange.caveat)
    }
    if !logging { console.say("Not logged: this session was not written to your journal.") }
  }
}
