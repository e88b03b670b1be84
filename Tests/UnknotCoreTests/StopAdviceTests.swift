import XCTest

@testable import UnknotCore

/// What a person who stops is told, by what they stopped for.
final class StopAdviceTests: XCTestCase {
  let urgentSigns: [DangerSign] = [
    .suddenDizziness, .visionChange, .slurredSpeech, .troubleSwallowing, .dropAttack, .faceNumbness,
    .suddenSevereHeadache,
  ]

  func testEverySignThatCanMeanAnArteryProblemGetsTheUrgentAdvice() {
    for sign in urgentSigns {
      XCTAssertEqual(sign.advice, .urgent, "\(sign)")
    }
    let advice = StopAdvice.urgent
    XCTAssertEqual(advice.heading, "Get urgent medical help now")
    let text = advice.paragraphs.joined(separator: " ")
    XCTAssertTrue(text.contains("emergency number"), text)
    XCTAssertTrue(text.contains("urgent care"), text)
    XCTAssertTrue(text.contains("Do not drive yourself"), text)
    let tell = StopAdvice.tellThem(doing: "self-massage, Still pressure", since: "you stopped at 10:41")
    XCTAssertEqual(
      tell, "Tell them what you were doing and when it started: self-massage, Still pressure; you stopped at 10:41.")
  }

  func testNerveAndJointSignsSayRestDoNotRepeatAndWhenToSeeAClinician() {
    for sign in [DangerSign.sharpPain, .numbness, .nausea] {
      XCTAssertEqual(sign.advice, .stopAndRest, "\(sign)")
      let text = sign.advice.paragraphs.joined(separator: " ")
      XCTAssertTrue(text.contains("Do not repeat this routine until it has settled."), text)
      XCTAssertTrue(text.contains("See a clinician if it lasts more than a day or comes back."), text)
      XCTAssertFalse(sign.advice.isUrgent)
    }
  }

  func testPainThatRisesStopsTheStepWithTheSameAdvice() {
    let text = DangerSign.risingPain.advice.paragraphs.joined(separator: " ")
    XCTAssertTrue(text.hasPrefix("Stop this step and rest."), text)
    XCTAssertTrue(text.contains("Do not repeat this routine until it has settled."), text)
    XCTAssertTrue(text.contains("keeps rising"), text)
  }

  func testARoutinesRuleGivesItsOwnAdviceOrASensibleDefault() {
    let own = StopReason.routineRule(RoutineStopRule(text: "The knobs slide onto the neck.", advice: "Lift off."))
    XCTAssertEqual(own.advice, .routine("Lift off."))
    let bare = StopReason.routineRule(RoutineStopRule(text: "The ball slides onto the spine."))
    XCTAssertEqual(bare.advice.paragraphs, [StopAdvice.routineDefault])
    XCTAssertTrue(StopAdvice.routineDefault.contains("See a clinician"))
  }

  func testTheStopBoxListsEverySignOnItsOwnUrgentFirstThenTheRoutinesRules() {
    let rules = [RoutineStopRule(text: "The knobs slide onto the neck.")]
    let choices = StopChoices(rules: rules)
    XCTAssertEqual(
      choices.groups.map(\.heading), [StopChoices.urgentHeading, StopChoices.restHeading, StopChoices.routineHeading])
    XCTAssertEqual(choices.groups[0].choices.map(\.reason), urgentSigns.map { .sign($0) })
    XCTAssertEqual(
      choices.groups[1].choices.map(\.reason),
      [.sign(.sharpPain), .sign(.numbness), .sign(.nausea), .sign(.risingPain)])
    XCTAssertEqual(choices.groups[2].choices.map(\.reason), [.routineRule(rules[0])])
    XCTAssertFalse(
      choices.all.contains { $0.reason == .sign(.dizzinessNauseaVisionOrSpeech) }, "the old combined choice is gone")
    let keys = choices.all.map(\.key)
    XCTAssertEqual(String(keys), "abcdefghijkl")
    XCTAssertEqual(Set(keys).count, keys.count)
    XCTAssertEqual(choices.choice(forKey: "A")?.reason, .sign(.suddenDizziness))
    XCTAssertNil(choices.choice(forKey: "x"), "x closes the box")
  }

  func testLettersNeverIncludeXOrQEvenWithManyRules() {
    let rules = (1...14).map { RoutineStopRule(text: "Rule \($0).") }
    let keys = StopChoices(rules: rules).all.map(\.key).filter { $0 != " " }
    XCTAssertFalse(keys.contains("x"))
    XCTAssertFalse(keys.contains("q"))
    XCTAssertEqual(Set(keys).count, keys.count)
  }

  /// The reminder during every step names every sign, in both its forms.
  func testTheReminderNamesEverySignInBothForms() {
    let words: [DangerSign: [String]] = [
      .suddenDizziness: ["dizziness"], .visionChange: ["vision"], .slurredSpeech: ["speech"],
      .troubleSwallowing: ["swallowing"], .dropAttack: ["fall"], .faceNumbness: ["face"],
      .suddenSevereHeadache: ["headache"], .sharpPain: ["sharp"], .numbness: ["tingling"], .nausea: ["nausea"],
      .risingPain: ["pain that rises", "rising pain"],
    ]
    for sign in DangerSign.offered {
      let expected = words[sign] ?? []
      XCTAssertFalse(expected.isEmpty, "no words for \(sign)")
      for text in [StopReminder.full, StopReminder.short] {
        XCTAssertTrue(expected.contains { text.contains($0) }, "\(sign) missing from: \(text)")
      }
    }
    XCTAssertLessThan(StopReminder.short.count, StopReminder.full.count)
  }

  func testTheReminderShowsDuringEveryActiveStepKindAndNoOther() {
    XCTAssertEqual(
      StopReminder.activeKinds, [.hold, .strokes, .roll, .stretch, .exercise, .breathe, .heat, .traction])
    for kind in [SessionStep.Kind.place, .rest, .rate, .switchSides] {
      XCTAssertFalse(StopReminder.shows(during: kind), "\(kind)")
    }
  }

  func testStoredCodesRoundTripAndTheOldCombinedWordStillReads() {
    for reason in StopReason.everyKind {
      XCTAssertEqual(StopReason(code: reason.code, rule: reason.ruleText), reason.withoutAdvice)
    }
    XCTAssertEqual(StopReason(code: "dizziness", rule: nil), .sign(.dizzinessNauseaVisionOrSpeech))
    XCTAssertEqual(
      StopReason(code: "dizziness", rule: nil)?.text, "Dizziness, nausea, vision or speech change")
    XCTAssertNil(StopReason(code: "bored", rule: nil))
  }
}

extension StopReason {
  /// A routine rule as the journal's columns keep it: the text, not the advice.
  var withoutAdvice: StopReason {
    if case .routineRule(let rule) = self { return .routineRule(RoutineStopRule(text: rule.text)) }
    return self
  }
}
