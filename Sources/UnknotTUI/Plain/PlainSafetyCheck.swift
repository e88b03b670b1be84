import Foundation
import UnknotCore

/// The safety check as plain questions and answers, recorded in the journal.
public struct PlainSafetyCheck {
  let journal: any SessionJournal
  let console: PlainConsole

  public init(journal: any SessionJournal, console: PlainConsole = .standard()) {
    self.journal = journal
    self.console = console
  }

  /// The completed check, or nil when input ended before it was done.
  @discardableResult
  public func run() -> SafetyCheck? {
    console.say("Safety check. " + SafetyQuestions.disclaimer)
    var answers: [String: Bool] = [:]
    var outcome = SafetyCheck.Outcome.clear
    for question in SafetyQuestions.all {
      guard let yes = console.askYesNo(question.text) else {
        console.say("The safety check was not finished, so no session will start.")
        return nil
      }
      answers[question.id] = yes
      if yes && question.section == .urgent {
        outcome = .urgent
        break
      }
    }
    if outcome != .urgent, SafetyQuestions.all.contains(where: { $0.section == .seeDoctor && answers[$0.id] == true }) {
      console.say(SafetyQuestions.seeDoctorAdvice)
      guard let agreed = console.askYesNo("Has a clinician agreed that self-massage is right for you?") else {
        return nil
      }
      outcome = agreed ? .clinicianAgreed : .seeDoctor
    }
    let check = SafetyCheck(date: Date(), answers: answers, outcome: outcome)
    do {
      try journal.record(check)
    } catch {
      console.say("The safety check could not be saved: \(error.description)")
    }
    switch outcome {
    case .urgent: console.say(SafetyQuestions.urgentAdvice)
    case .seeDoctor: console.say(SafetyQuestions.seeDoctorAdvice + " No session will start until then.")
    case .clear, .clinicianAgreed: console.say("Thank you. Go gently. " + StopReminder.full)
    }
    return check
  }
}
