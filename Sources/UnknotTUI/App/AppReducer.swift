import Foundation
import UnknotCore

/// All front-end behaviour as a function of state, input and time: it changes the
/// state and returns effects, and never touches the terminal, a clock or a file.
public enum AppReducer {
  /// `now` drives the session engine; `today` dates safety checks and journal records.
  public static func reduce(_ state: inout AppState, _ input: AppInput, now: Moment, today: Date) -> [AppEffect] {
    var effects: [AppEffect] = []
    if case .key = input { state.status = nil }
    switch input {
    case .terminate:
      terminate(&state, now: now, effects: &effects)
      return effects
    case .safetyCheckNotSaved(let message):
      state.status = "The safety check could not be saved: \(message)"
      return effects
    case .toolsNotSaved(let path):
      state.status = "Your tools could not be saved to \(path)."
      return effects
    case .areasNotSaved(let message):
      state.status = "This could not be saved: \(message)"
      return effects
    case .sessionKept:
      // The journal confirmed the session's end: only now does it join the history.
      if case .summary(let summary) = state.screen, summary.logged {
        state.history.append(summary.session)
        state.programme?.record(summary.record, startedAt: summary.session.startedAt, outcome: summary.session.outcome)
        refreshProgramme(&state, today: today)
      }
      return effects
    default:
      break
    }
    switch state.screen {
    case .session(var session):
      SessionKeys.handle(input, session: &session, state: &state, now: now, effects: &effects)
      if case .session = state.screen {
        finishIfEnded(session, state: &state)
      }
    case .home(var home):
      guard case .key(let key) = input else {
        if case .journalFailed(let message) = input { state.status = "The journal could not be written: " + message }
        return effects
      }
      HomeKeys.handle(key, home: &home, state: &state, now: now, today: today, effects: &effects)
    case .tools(var tools):
      guard case .key(let key) = input else { return effects }
      HomeKeys.handleTools(key, screen: &tools, state: &state, effects: &effects)
    case .detail(var detail):
      guard case .key(let key) = input else { return effects }
      HomeKeys.handleDetail(key, screen: &detail, state: &state, now: now, today: today, effects: &effects)
    case .safety(var safety):
      guard case .key(let key) = input else { return effects }
      SafetyKeys.handle(key, screen: &safety, state: &state, now: now, today: today, effects: &effects)
    case .cautions(var cautions):
      guard case .key(let key) = input else {
        if case .journalFailed(let message) = input { state.status = message }
        return effects
      }
      let action = KeyTable.action(for: key, in: state)
      if action == .down || action == .up {
        let count =
          state.entry(id: cautions.routineID).map { state.beforeYouStart($0).count } ?? 0
        cautions.scroll = action == .down ? min(max(0, count - 1), cautions.scroll + 1) : max(0, cautions.scroll - 1)
        state.screen = .cautions(cautions)
        return effects
      }
      handleCautions(key, screen: cautions, state: &state, now: now, today: today, effects: &effects)
    case .summary(var summary):
      if case .journalFailed(let message) = input {
        // The last write failed after the session ended: the summary must not claim it
        // was kept (and, never confirmed, it did not join the history).
        summary.logged = false
        state.status = "The journal could not be written: " + message
        state.screen = .summary(summary)
        return effects
      }
      guard case .key(let key) = input else { return effects }
      handleSummary(key, screen: &summary, state: &state)
    case .help(let help):
      guard case .key = input else { return effects }
      state.screen = .home(help.returnTo)
    case .history(var history):
      guard case .key(let key) = input else { return effects }
      HistoryKeys.handle(key, screen: &history, state: &state)
    case .hurts(var hurts):
      guard case .key(let key) = input else { return effects }
      HurtsKeys.handle(key, screen: &hurts, state: &state, today: today, effects: &effects)
    }
    return effects
  }

  /// Where "start" leads: the safety check when due, else the routine's cautions.
  /// A routine of checklists alone (the desk check) asks no safety questions: it works
  /// no muscle, so the answers would change nothing in it.
  static func start(routineID: String, returnTo: HomeScreen, state: inout AppState) {
    let checklistOnly = state.entry(id: routineID)?.routine.isChecklistOnly ?? false
    if state.safetyDue, !checklistOnly {
      state.screen = .safety(SafetyScreen(purpose: .beforeRoutine(routineID), returnTo: returnTo))
    } else {
      state.screen = .cautions(CautionsScreen(routineID: routineID, returnTo: returnTo))
    }
  }

  static func handleCautions(
    _ key: Key, screen: CautionsScreen, state: inout AppState, now: Moment, today: Date, effects: inout [AppEffect]
  ) {
    guard let entry = state.entry(id: screen.routineID) else {
      state.screen = .home(screen.returnTo)
      return
    }
    let needsClinician = entry.routine.requiresClinician
    let action = KeyTable.action(for: key, in: state)
    // The safety answers left nothing to run: no key starts it.
    if KeyTable.nothingLeft(state), action == .begin || action == .yes || action == .no {
      state.status = AdaptationReport.nothingLeftText
      return
    }
    switch action {
    case .begin where !needsClinician, .yes where needsClinician:
      SessionKeys.begin(
        entry, returnTo: screen.returnTo, state: &state, now: now, today: today, effects: &effects,
        carriedRating: screen.carriedRating)
    case .no where needsClinician:
      state.screen = .home(screen.returnTo)
      state.status = "Not started. Please ask your clinician before using traction."
    case .back:
      state.screen = .home(screen.returnTo)
    default:
      break
    }
  }

  static func handleSummary(_ key: Key, screen: inout SummaryScreen, state: inout AppState) {
    let action = KeyTable.action(for: key, in: state)
    if screen.showingSafetyAdvice {
      if action == .goOn {
        screen.showingSafetyAdvice = false
        state.screen = .summary(screen)
      } else if action == .quit {
        state.isFinished = true
      }
      return
    }
    switch action {
    case .back:
      state.screen = .home(screen.returnTo)
    case .quit:
      state.isFinished = true
    default:
      break
    }
  }

  /// After a command ends the session, show the summary (with the safety advice first
  /// after a stop for safety). A logged session joins the in-memory history when the
  /// journal confirms it (`.sessionKept`), so the history screen is current without a reload.
  static func finishIfEnded(_ session: SessionScreen, state: inout AppState) {
    guard case .ended(let outcome) = session.engine.status, session.overlay == nil else {
      state.screen = .session(session)
      return
    }
    let record = session.record
    let routine = session.entry.routine
    let row = HistoryRow(
      startedAt: session.startedAt, routineID: routine.id, routineTitle: routine.title,
      outcome: JournalOutcome(rawValue: outcome.rawValue), stopReason: record.stopReason, before: record.before,
      after: record.after)
    let earlier = state.history.filter { $0.routineID == routine.id }.suffix(SummaryView.earlierSessions)
    var summary = SummaryScreen(
      entry: session.entry, record: record, showingSafetyAdvice: outcome == .stoppedForSafety,
      returnTo: session.returnTo, logged: state.options.logging, session: row, earlier: Array(earlier))
    if outcome == .stoppedForSafety, let start = record.startedAt, let end = record.endedAt {
      let step = session.engine.currentStep
      summary.stoppedDuring = StepText.doing(step)
      summary.stoppedAt = session.startedAt.addingTimeInterval(Double(end.since(start)) / Double(nanosecondsPerSecond))
    }
    state.screen = .summary(summary)
  }

  /// A signal: a session in progress is kept as quit, then the app ends.
  static func terminate(_ state: inout AppState, now: Moment, effects: inout [AppEffect]) {
    if case .session(var session) = state.screen, !session.engine.hasEnded {
      SessionKeys.run(.quit, session: &session, state: &state, now: now, effects: &effects)
      state.screen = .session(session)
    }
    state.isFinished = true
  }
}
