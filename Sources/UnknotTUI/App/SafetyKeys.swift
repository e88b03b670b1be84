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
    switch screen.stage {
    case .introduction:
      switch key {
      case .enter, .character(" "), .right:
        screen.stage = .question(0)
      case .escape, .character("q"):
        return leave(screen, state: &state, message: "The safety check was not finished, so no session started.")
      default:
        break
      }
    case .question(let index):
      let question = questions[index]
      switch key {
      case .character("y"), .character("Y"):
        screen.answers[question.id] = true
        advance(&screen, from: index, state: &state, today: today, effects: &effects)
      case .character("n"), .character("N"):
        screen.answers[question.id] = false
        advance(&screen, from: index, state: &state, today: today, effects: &effects)
      case .left, .backspace, .character("b"):
        screen.stage = index == 0 ? .introduction : .question(index - 1)
      case .escape, .character("q"):
        return leave(screen, state: &state, message: "The safety check was not finished, so no session started.")
      default:
        break
      }
    case .askClinician:
      switch key {
      case .character("y"), .character("Y"):
        conclude(&screen, .clinicianAgreed, state: &state, today: today, effects: &effects)
      case .character("n"), .character("N"):
        conclude(&screen, .seeDoctor, state: &state, today: today, effects: &effects)
      case .escape, .character("q"):
        return leave(screen, state: &state, message: "The safety check was not finished, so no session started.")
      default:
        break
      }
    case .outcome(let outcome):
      guard key == .enter || key == .character(" ") || key == .escape || key == .character("q") else { break }
      if case .beforeRoutine(let id) = screen.purpose, outcome == .clear || outcome == .clinicianAgreed,
        key != .escape, key != .character("q")
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
