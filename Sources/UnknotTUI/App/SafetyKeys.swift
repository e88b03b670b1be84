import Foundation
import UnknotCore

/// Keys on the safety check: one yes/no question at a time, then the outcome that
/// docs/evidence.md ("Safety check") describes.
enum SafetyKeys {
  static func handle(
    _ key: Key, screen: inout SafetyScreen, state: inout AppState, now: Moment, today: Date,
    effects: inout [AppEffect]
  ) {
    let questions = SafetyQuestions.all
    let action = KeyTable.action(for: key, in: state)
    switch screen.stage {
    case .introduction:
      switch action {
      case .begin:
        screen.stage = .question(0)
      case .leave:
        return leave(screen, state: &state, message: "The safety check was not finished, so no session started.")
      default:
        break
      }
    case .question(let index):
      let question = questions[index]
      switch action {
      case .yes:
        screen.answers[question.id] = true
        advance(&screen, from: index, state: &state, today: today, effects: &effects)
      case .no:
        screen.answers[question.id] = false
        advance(&screen, from: index, state: &state, today: today, effects: &effects)
      case .previous:
        screen.stage = index == 0 ? .introduction : .question(index - 1)
      case .leave:
        return leave(screen, state: &state, message: "The safety check was not finished, so no session started.")
      default:
        break
      }
    case .askClinician:
      switch action {
      case .yes:
        conclude(&screen, .clinicianAgreed, state: &state, today: today, effects: &effects)
      case .no:
        conclude(&screen, .seeDoctor, state: &state, today: today, effects: &effects)
      case .leave:
        return leave(screen, state: &state, message: "The safety check was not finished, so no session started.")
      default:
        break
      }
    case .outcome(let outcome):
      guard action == .goOn || action == .leave else { break }
      if case .beforeRoutine(let id) = screen.purpose, outcome == .clear || outcome == .clinicianAgreed,
        action == .goOn
      {
        state.screen = .cautions(CautionsScreen(routineID: id, returnTo: screen.returnTo))
        return
      }
      state.screen = .home(screen.returnTo)
      if screen.purpose == .standalone { state.isFinished = true }
      return
    }
    state.screen = .safety(screen)
  }

  private static func advance(
    _ screen: inout SafetyScreen, from index: Int, state: inout AppState, today: Date, effects: inout [AppEffect]
  ) {
    let questions = SafetyQuestions.all
    if questions[index].section == .urgent, screen.answers[questions[index].id] == true {
      // Any section A sign ends the check at once: urgent care, not more questions.
      return conclude(&screen, .urgent, state: &state, today: today, effects: &effects)
    }
    if index + 1 < questions.count {
      screen.stage = .question(index + 1)
      return
    }
    let seeDoctor = questions.contains { $0.section == .seeDoctor && screen.answers[$0.id] == true }
    if seeDoctor {
      screen.stage = .askClinician
    } else {
      conclude(&screen, .clear, state: &state, today: today, effects: &effects)
    }
  }

  private static func conclude(
    _ screen: inout SafetyScreen, _ outcome: SafetyCheck.Outcome, state: inout AppState, today: Date,
    effects: inout [AppEffect]
  ) {
    let check = SafetyCheck(date: today, answers: screen.answers, outcome: outcome)
    effects.append(.recordSafetyCheck(check))
    state.safetyDue = !check.allowsSessions
    state.safetyAnswers = SafetyAnswers(check: check, now: today)
    screen.stage = .outcome(outcome)
  }

  private static func leave(_ screen: SafetyScreen, state: inout AppState, message: String) {
    state.screen = .home(screen.returnTo)
    if screen.purpose == .standalone { state.isFinished = true }
    if case .beforeRoutine = screen.purpose {
      state.status = message
    }
  }
}
