import Foundation
import UnknotCore

/// Turns what changed in the state, and the engine's cues, into plain lines: a line at
/// each step's start and at its milestones (halfway, the last seconds, switch sides,
/// done), never one a second. It reads the state; it never changes it.
struct PlainNarrator {
  let say: (String) -> Void

  /// What one input changed: `before` and `after` the reducer, with the effects it asked for.
  func narrate(from before: AppState, to after: AppState, effects: [AppEffect], input: AppInput, now: Moment) {
    narrateRating(from: before, to: after, input: input)
    narrateScreen(from: before, to: after)
    for case .cue(let cue) in effects {
      narrate(cue, in: after, before: before, now: now)
    }
    if case .summary(let summary) = after.screen, !isSummary(before.screen) {
      narrateSummary(summary, zone: after.timeZone)
    }
    if let status = after.status, status != before.status || input.isKey {
      say("  " + status)
    }
  }

  private func isSummary(_ screen: Screen) -> Bool {
    if case .summary = screen { return true }
    return false
  }

  /// The person's rating, once the engine took it: "Saved" only when the journal has it.
  private func narrateRating(from before: AppState, to after: AppState, input: AppInput) {
    guard input == .key(.enter), case .session(let was) = before.screen, case .rating = was.engine.currentStep.plan,
      let value = was.ratingChoice
    else { return }
    var logged = after.options.logging
    switch after.screen {
    case .session(let now):
      // Taken: the session moved on, ended, or waits on the rating for a choice about it.
      let taken = now.engine.stepIndex != was.engine.stepIndex || now.engine.hasEnded || now.engine.painCheck != nil
      guard taken, was.engine.painCheck == nil else { return }
      if case .journalFailed = now.overlay { logged = false }
    case .summary(let summary):
      logged = summary.logged
    default:
      return
    }
    say("  \(logged ? "Saved" : "Noted"): \(value) (\(PainBand(value).rawValue)).")
  }

  private func narrateScreen(from before: AppState, to after: AppState) {
    switch (before.screen, after.screen) {
    case (.safety(let was), .safety(let now)):
      if was.stage != now.stage { narrateSafety(now) }
    case (_, .safety(let now)):
      say("Safety check. " + SafetyQuestions.disclaimer)
      narrateSafety(now)
    case (.cautions, .cautions):
      break
    case (_, .cautions(let cautions)):
      if let entry = after.entry(id: cautions.routineID) {
        introduce(after.adapted(entry), items: after.beforeYouStart(entry), logging: after.options.logging)
      }
    default:
      break
    }
  }

  private func narrateSafety(_ screen: SafetyScreen) {
    switch screen.stage {
    case .introduction, .question:
      break
    case .askClinician:
      say(SafetyQuestions.seeDoctorAdvice)
    case .outcome(let outcome):
      switch outcome {
      case .urgent: say(SafetyQuestions.urgentAdvice)
      case .seeDoctor: say(SafetyQuestions.seeDoctorAdvice + " No session will start until then.")
      case .clear, .clinicianAgreed: say("Thank you. Go gently. " + StopReminder.full)
      }
    }
  }

  private func introduce(_ adapted: AdaptedRoutine, items: [BeforeYouStartItem], logging: Bool) {
    let routine = adapted.routine
    if routine.isChecklistOnly {
      // Questions only: no time to say, no danger signs to watch for.
      say("\(routine.title) — \(routine.questionsText).")
      say(routine.summary)
      say("Answer each with y or n and Enter; b goes back to the question before, q quits.")
      if !logging { say("Not logging: your answers are not written to your journal.") }
      return
    }
    say("\(routine.title) — \(DurationText.of(seconds: Timeline(routine: routine).plannedSeconds)).")
    say(routine.summary)
    // What the safety answers changed is said before anything else about the session.
    for item in items where item.kind != .caution {
      say(item.kind == .change ? "  " + item.text : item.text)
    }
    if adapted.nothingLeft { return }
    for caution in RoutineCautions.of(routine) {
      say("Caution: " + caution.text)
    }
    say(StopReminder.full + " Type x and Enter to stop.")
    if !logging { say("Not logging: this session is not written to your journal.") }
  }

  // MARK: Cues

  private func narrate(_ cue: Cue, in state: AppState, before: AppState, now: Moment) {
    let engine: SessionState
    switch (state.screen, before.screen) {
    case (.session(let session), _), (_, .session(let session)):
      engine = session.engine
    default:
      return
    }
    switch cue {
    case .stepStart(let index):
      announce(engine.steps[index], index: index, of: engine.steps.count, state: state)
    case .halfway:
      let left = engine.remaining(at: now).map { " \(StepText.clock($0)) left" } ?? ""
      say("  Halfway:\(left).")
    case .countdown(let secondsLeft) where secondsLeft == 3:
      say("  Last seconds.")
    case .switchSides(let side):
      say("Switch sides, to the \(side.rawValue).")
    case .knotReleased:
      say("  Released.")
    case .stepEnd(let index):
      if engine.steps[index].kind != .rate, engine.steps[index].kind != .checklist { say("  Done.") }
    case .countdown, .breathPhase, .exercisePhase, .repetition, .sessionEnd:
      // Said at the step's start as a pattern: a line per breath would be a line a second.
      break
    }
  }

  private func announce(_ step: SessionStep, index: Int, of count: Int, state: AppState) {
    if case .rating = step.plan { return }
    say("[\(index + 1)/\(count)] \(StepText.headline(step)).")
    if let position = step.position { say("  " + position.instruction) }
    if let placement = step.placement { say("  " + placement) }
    if let pressure = step.pressure { say("  Press \(pressure.text(on: step.muscle)).") }
    if case .breathing(let phases, _) = step.plan {
      let pattern = phases.map { "\(StepText.breathWord($0.kind).lowercased()) \($0.seconds) s" }
      say("  " + pattern.joined(separator: ", ") + ".")
    }
    if case .phasedRepetitions(let phases, let count) = step.plan {
      say("  \(ExercisePhase.pattern(phases)); \(count) times.")
    }
    for cue in step.cues { say("  " + cue) }
    if StopReminder.shows(during: step.kind), case .session(let session) = state.screen {
      say("  " + StopReminder.short.replacingOccurrences(of: "Press x", with: "Type x"))
      for rule in session.entry.routine.extraStopRules {
        say("  Also stop if: " + StepText.sentenceCase(rule.text))
      }
    }
  }

  // MARK: The end

  private func narrateSummary(_ summary: SummaryScreen, zone: DisplayZone) {
    let record = summary.record
    switch record.outcome {
    case .stoppedForSafety:
      let advice = record.stopReason?.advice ?? .stopAndRest
      say(advice.isUrgent ? advice.heading.uppercased() + "." : advice.heading + ".")
      if let reason = record.stopReason {
        say("You stopped for: " + StepText.sentenceCase(reason.text) + ".")
      }
      for paragraph in advice.paragraphs { say(paragraph) }
      if advice.isUrgent {
        let since =
          summary.stoppedAt.map { "you stopped at " + DateText.minute($0, in: zone) }
          ?? "you stopped just now"
        say(StopAdvice.tellThem(doing: summary.stoppedDuring ?? "self-massage with unknot", since: since))
        say(StopAdvice.urgentReason)
      }
    case .quit:
      say(summary.logged ? "Session ended early; kept as quit." : "Session ended early.")
    default:
      say("Session complete.")
    }
    if let before = record.before, let after = record.after {
      let change = PainChange(before: before, after: after)
      say("Pain before → after: \(change.text()) (\(change.band.phrase)).")
      say(PainChange.caveat)
    }
    for choice in record.painChoices { say(choice.sentence) }
    for line in ChecklistSummary.lines(record) { say(line) }
    if !summary.logged { say("Not logged: this session was not written to your journal.") }
  }
}
