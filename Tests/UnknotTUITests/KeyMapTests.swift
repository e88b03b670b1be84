import UnknotCore
import XCTest

@testable import UnknotTUI

/// Every key of the spec does what it says, read from the state and effects the reducer
/// returns.
final class KeyMapTests: XCTestCase {
  private static let space = Key.character(" ")

  /// The first pressure hold of between-blades-ball (45 s), `seconds` in.
  private func holdDriver(seconds: Double = 10, options: AppOptions = AppOptions()) -> AppDriver {
    var driver = AppDriver(Fixture.state(options: options))
    driver.startSession("between-blades-ball")
    driver.advance(toKind: .hold)
    driver.wait(seconds: seconds)
    return driver
  }

  private func ratingDriver() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    return driver
  }

  // MARK: Session: the countdown

  func testSpacePausesAndResumes() {
    var driver = holdDriver()
    let paused = driver.press(Self.space)
    XCTAssertEqual(driver.engine?.status, .paused(.person))
    XCTAssertEqual(paused.journaled, [.paused(reason: .person, at: driver.now)])
    driver.wait(seconds: 30)
    XCTAssertEqual(driver.secondsLeft, 35, "no time passes while paused")
    let resumed = driver.press(Self.space)
    XCTAssertEqual(driver.engine?.status, .running)
    XCTAssertEqual(resumed.journaled, [.resumed(at: driver.now)])
    driver.wait(seconds: 5)
    XCTAssertEqual(driver.secondsLeft, 30)
  }

  func testNOrRightArrowSkipsToTheNextStep() {
    for key in [Key.character("n"), .right] {
      var driver = holdDriver()
      let index = driver.engine!.stepIndex
      let effects = driver.press(key)
      XCTAssertEqual(driver.engine?.stepIndex, index + 1, "\(key)")
      XCTAssertTrue(
        effects.journaled.contains {
          if case .stepEnded(let end) = $0 { return end.index == index && end.ending == .skipped }
          return false
        }, "\(key)")
    }
  }

  func testBOrLeftArrowGoesBackAStep() {
    for key in [Key.character("b"), .left] {
      var driver = holdDriver()
      let index = driver.engine!.stepIndex
      driver.press(key)
      XCTAssertEqual(driver.engine?.stepIndex, index - 1, "\(key)")
      XCTAssertEqual(driver.engine?.currentStep.kind, .strokes, "\(key)")
      XCTAssertEqual(driver.secondsLeft, 24, "the step restarts: \(key)")
    }
  }

  func testPlusOrEqualsAddsFifteenSeconds() {
    for key in [Key.character("+"), .character("=")] {
      var driver = holdDriver()
      XCTAssertEqual(driver.secondsLeft, 35)
      let effects = driver.press(key)
      XCTAssertEqual(driver.secondsLeft, 50, "\(key)")
      XCTAssertEqual(
        effects.journaled,
        [.adjusted(stepIndex: driver.engine!.stepIndex, byNanoseconds: 15_000_000_000, at: driver.now)])
    }
  }

  func testMinusTakesFifteenSecondsOff() {
    var driver = holdDriver()
    driver.press(.character("-"))
    XCTAssertEqual(driver.secondsLeft, 20)
    driver.press(.character("-"))
    XCTAssertEqual(driver.secondsLeft, 5, "never less than 5 s left")
  }

  func testRReleasesAHold() {
    var driver = holdDriver()
    let index = driver.engine!.stepIndex
    let effects = driver.press(.character("r"))
    XCTAssertEqual(driver.engine?.stepIndex, index + 1)
    XCTAssertTrue(
      effects.journaled.contains {
        if case .stepEnded(let end) = $0 { return end.index == index && end.ending == .releasedEarly }
        return false
      })
  }

  func testROutsideAHoldDoesNothingAndSaysWhy() {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    driver.advance(toKind: .strokes)
    let index = driver.engine!.stepIndex
    let effects = driver.press(.character("r"))
    XCTAssertEqual(driver.engine?.stepIndex, index)
    XCTAssertEqual(effects.journaled, [])
    XCTAssertEqual(driver.state.status, "Only a pressure hold can end with a release.")
  }

  func testEnterConfirmsAnUntimedPlacement() {
    var driver = AppDriver()
    driver.startSession("cervical-traction")
    driver.rate(6)
    XCTAssertEqual(driver.engine?.currentStep.plan, .untimed)
    driver.wait(seconds: 30)
    XCTAssertEqual(driver.engine?.stepIndex, 1, "an untimed placement waits for the person")
    let effects = driver.press(.enter)
    XCTAssertEqual(driver.engine?.currentStep.kind, .traction)
    XCTAssertTrue(
      effects.journaled.contains {
        if case .stepEnded(let end) = $0 { return end.index == 1 && end.ending == .completed }
        return false
      })
  }

  func testTractionTimeTypedInMinutes() {
    var driver = AppDriver()
    driver.startSession("cervical-traction")
    driver.rate(6)
    driver.press(.enter)
    XCTAssertNil(driver.engine?.stepLength)
    driver.type("12")
    XCTAssertEqual(driver.session?.tractionEntry, "12")
    let effects = driver.press(.enter)
    XCTAssertEqual(driver.engine?.stepLength, 720 * nanosecondsPerSecond)
    XCTAssertEqual(driver.secondsLeft, 720)
    XCTAssertEqual(effects.journaled, [.clinicianTimeSet(stepIndex: 2, seconds: 720, at: driver.now)])
  }

  // MARK: Session: stopping, quitting, help

  func testXOpensTheStopReasonsAndEachLetterStopsForItsOwnReason() {
    let routine = Fixture.entry("between-blades-ball").routine
    let choices = StopChoices(rules: routine.extraStopRules).all
    XCTAssertEqual(choices.count, DangerSign.offered.count + routine.extraStopRules.count)
    for choice in choices {
      let reason = choice.reason
      var driver = holdDriver()
      driver.press(.character("x"))
      XCTAssertEqual(driver.session?.overlay, .stopReasons)
      XCTAssertTrue(driver.engine?.isPaused ?? false, "the countdown waits while the person chooses")
      let effects = driver.press(.character(choice.key))
      guard let summary = driver.summary else { return XCTFail("no summary after stop \(choice.key)") }
      XCTAssertEqual(summary.record.outcome, .stoppedForSafety)
      XCTAssertEqual(summary.record.stopReason, reason)
      XCTAssertTrue(summary.showingSafetyAdvice)
      XCTAssertTrue(effects.journaled.contains(.stoppedForSafety(reason: reason, at: driver.now)))
      XCTAssertTrue(effects.journaled.contains(.sessionEnded(outcome: .stoppedForSafety, at: driver.now)))
    }
  }

  func testArrowsAndEnterChooseTheHighlightedSign() {
    var driver = holdDriver()
    driver.press(.character("x"), .down, .down, .up, .down)
    XCTAssertEqual(driver.session?.stopChoice, 2)
    driver.press(.enter)
    XCTAssertEqual(driver.summary?.record.stopReason, .sign(DangerSign.offered[2]))
    XCTAssertEqual(driver.summary?.record.stopReason?.advice, .urgent)
  }

  func testEscapeClosesTheStopReasonsAndResumes() {
    var driver = holdDriver()
    driver.press(.character("x"), .character("9"), .character("q"))
    XCTAssertEqual(driver.session?.overlay, .stopReasons, "only the letters of the signs choose")
    driver.press(.escape)
    XCTAssertNil(driver.session?.overlay)
    XCTAssertEqual(driver.engine?.status, .running)
  }

  func testQAsksAndYQuitsKeepingTheRecordWithItsRatings() {
    var driver = holdDriver()
    driver.press(.character("q"))
    XCTAssertEqual(driver.session?.overlay, .confirmQuit)
    XCTAssertNotNil(driver.engine, "q alone does not quit")
    let effects = driver.press(.character("y"))
    guard let summary = driver.summary else { return XCTFail("no summary after quitting") }
    XCTAssertEqual(summary.record.outcome, .quit)
    XCTAssertEqual(summary.record.before, 6)
    XCTAssertEqual(summary.record.ratings.map(\.value), [6])
    XCTAssertTrue(effects.journaled.contains(.sessionEnded(outcome: .quit, at: driver.now)))
    XCTAssertFalse(driver.state.isFinished, "quitting a session goes to its summary, not out of the app")
  }

  func testNAfterQKeepsGoingFromTheSameSecond() {
    var driver = holdDriver()
    driver.press(.character("q"))
    driver.wait(seconds: 20)
    driver.press(.character("n"))
    XCTAssertNil(driver.session?.overlay)
    XCTAssertEqual(driver.engine?.status, .running)
    XCTAssertEqual(driver.secondsLeft, 35, "the countdown waited while the question showed")
    XCTAssertEqual(driver.engine?.currentStep.kind, .hold, "n answered the question; it did not skip the step")
  }

  func testQuestionMarkShowsHelpAndAnyKeyClosesIt() {
    var driver = holdDriver()
    driver.press(.character("?"))
    XCTAssertEqual(driver.session?.overlay, .help)
    XCTAssertTrue(driver.engine?.isPaused ?? false)
    driver.wait(seconds: 20)
    XCTAssertEqual(driver.secondsLeft, 35, "the countdown waits while help shows")
    let index = driver.engine!.stepIndex
    driver.press(.character("n"))
    XCTAssertNil(driver.session?.overlay)
    XCTAssertEqual(driver.engine?.status, .running)
    XCTAssertEqual(driver.engine?.stepIndex, index, "the key that closes help does nothing else")
    driver.wait(seconds: 5)
    XCTAssertEqual(driver.secondsLeft, 30)
  }

  func testHelpOverAPauseLeavesItPaused() {
    var driver = holdDriver()
    driver.press(Self.space, .character("?"), .character("z"))
    XCTAssertNil(driver.session?.overlay)
    XCTAssertEqual(driver.engine?.status, .paused(.person))
  }

  // MARK: Session: ratings

  func testDigitsChooseARatingAndOneThenZeroIsTen() {
    var driver = ratingDriver()
    driver.type("6")
    XCTAssertEqual(driver.session?.ratingChoice, 6)
    driver.type("1")
    XCTAssertEqual(driver.session?.ratingChoice, 1)
    driver.type("0")
    XCTAssertEqual(driver.session?.ratingChoice, 10)
    driver.type("3")
    XCTAssertEqual(driver.session?.ratingChoice, 3)
    XCTAssertEqual(driver.engine?.stepIndex, 0, "choosing is not saving")
  }

  func testArrowsAdjustTheRating() {
    var driver = ratingDriver()
    driver.press(.right)
    XCTAssertEqual(driver.session?.ratingChoice, 0)
    driver.type("5")
    driver.press(.right, .up)
    XCTAssertEqual(driver.session?.ratingChoice, 7)
    driver.press(.left)
    XCTAssertEqual(driver.session?.ratingChoice, 6)
    driver.press(.down, .down, .down, .down, .down, .down, .down)
    XCTAssertEqual(driver.session?.ratingChoice, 0)
    driver.type("9")
    driver.press(.up, .up, .up)
    XCTAssertEqual(driver.session?.ratingChoice, 10)
  }

  func testEnterSavesTheRatingInTheSameCallAsTheKey() {
    var driver = ratingDriver()
    driver.type("6")
    let effects = driver.press(.enter)
    let rating = SessionEvent.Rating(value: 6, stepIndex: 0, moment: .before, muscle: nil, side: nil, at: driver.now)
    XCTAssertTrue(effects.journaled.contains(.ratingGiven(rating)), "\(effects)")
    XCTAssertEqual(driver.engine?.stepIndex, 1)
    XCTAssertNil(driver.session?.ratingChoice)
  }

  func testEnterWithoutAChoiceDoesNotRate() {
    var driver = ratingDriver()
    let effects = driver.press(.enter)
    XCTAssertEqual(driver.engine?.stepIndex, 0)
    XCTAssertEqual(effects.journaled, [])
    XCTAssertEqual(driver.state.status, "Choose a number from 0 to 10 first, or press s to skip this rating.")
  }

  func testSSkipsTheRating() {
    var driver = ratingDriver()
    driver.type("4")
    let effects = driver.press(.character("s"))
    let skipped = SessionEvent.Rating(value: nil, stepIndex: 0, moment: .before, muscle: nil, side: nil, at: driver.now)
    XCTAssertTrue(effects.journaled.contains(.ratingSkipped(skipped)))
    XCTAssertEqual(driver.engine?.stepIndex, 1)
  }

  func testNoOtherKeyLeavesARating() {
    let keys: [Key] = [
      .character("n"), .right, .left, .up, .down, .character("b"), Self.space, .character("r"), .character("+"),
      .character("-"), .character("="), .enter, .tab, .backspace, .pageDown, .end, .other,
    ]
    for key in keys {
      var driver = ratingDriver()
      let effects = driver.press(key)
      XCTAssertEqual(driver.engine?.stepIndex, 0, "\(key) left the rating")
      XCTAssertFalse(
        effects.journaled.contains {
          if case .ratingSkipped = $0 { return true }
          if case .ratingGiven = $0 { return true }
          return false
        }, "\(key)")
    }
    // Time does not skip it either.
    var waiting = ratingDriver()
    waiting.wait(seconds: 600, tick: 60)
    XCTAssertEqual(waiting.engine?.stepIndex, 0)
  }

  // MARK: Session: signals

  func testTerminateKeepsTheSessionAsQuitAndEndsTheApp() {
    var driver = holdDriver()
    let effects = driver.send(.terminate)
    XCTAssertTrue(driver.state.isFinished)
    XCTAssertTrue(effects.journaled.contains(.sessionEnded(outcome: .quit, at: driver.now)))
    XCTAssertEqual(driver.engine?.status, .ended(.quit))
  }

  func testTerminateWithAnOverlayOpenStillKeepsTheSession() {
    var driver = holdDriver()
    driver.press(.character("?"))
    let effects = driver.send(.terminate)
    XCTAssertTrue(driver.state.isFinished)
    XCTAssertTrue(effects.journaled.contains(.sessionEnded(outcome: .quit, at: driver.now)))
  }

  // MARK: Home

  func testUpAndDownMoveBetweenGroups() {
    var driver = AppDriver()
    XCTAssertEqual(driver.home?.group, .neck)
    driver.press(.up)
    XCTAssertEqual(driver.home?.group, .neck, "the first group stays first")
    driver.press(.down, .down)
    XCTAssertEqual(driver.home?.group, .betweenBlades)
    driver.press(.up)
    XCTAssertEqual(driver.home?.group, .shoulders)
    for _ in 0..<10 { driver.press(.down) }
    XCTAssertEqual(driver.home?.group, .chest)
  }

  func testRightOrEnterMovesToTheRoutinesAndEnterOpensOne() {
    for key in [Key.right, .enter] {
      var driver = AppDriver()
      driver.press(.down, .down, key)
      XCTAssertEqual(driver.home?.focus, .routines, "\(key)")
      driver.press(.down, .enter)
      guard case .detail(let detail) = driver.state.screen else { return XCTFail("\(key): no detail") }
      XCTAssertEqual(detail.routineID, driver.state.routines(for: .betweenBlades)[1].routine.id)
    }
  }

  func testTTogglesTheToolFilterAndSavesIt() {
    var driver = AppDriver()
    let on = driver.press(.character("t"))
    XCTAssertTrue(driver.state.ownedTools.filterOn)
    XCTAssertEqual(on, [.saveOwnedTools(OwnedTools(tools: [], filterOn: true))])
    XCTAssertEqual(driver.state.routines(for: .neck).count, 4, "only routines needing no tool")
    let off = driver.press(.character("t"))
    XCTAssertFalse(driver.state.ownedTools.filterOn)
    XCTAssertEqual(off, [.saveOwnedTools(OwnedTools(tools: [], filterOn: false))])
  }

  func testOOpensTheTools() {
    var driver = AppDriver()
    driver.press(.character("o"))
    guard case .tools = driver.state.screen else { return XCTFail("o did not open the tools") }
    driver.press(.character(" "), .enter)
    XCTAssertEqual(driver.state.ownedTools, OwnedTools(tools: [.massageBall], filterOn: true))
    XCTAssertNotNil(driver.home)
  }

  func testSOpensTheSafetyCheck() {
    var driver = AppDriver()
    driver.press(.character("s"))
    XCTAssertEqual(driver.safety?.purpose, .onDemand)
    XCTAssertEqual(driver.safety?.stage, .introduction)
  }

  func testDetailScrollsWithTheArrowsAndEnterStarts() {
    var driver = AppDriver()
    driver.openDetail("between-blades-ball")
    let top = driver.draw(.standard).text
    driver.press(.down)
    XCTAssertNotEqual(driver.draw(.standard).text, top)
    driver.press(.up)
    XCTAssertEqual(driver.draw(.standard).text, top)
    driver.press(.enter)
    guard case .cautions(let cautions) = driver.state.screen else { return XCTFail("Enter did not start") }
    XCTAssertEqual(cautions.routineID, "between-blades-ball")
  }

  /// Regression test; the bug was: HomeKeys.handleDetail adds 1 to `scroll` on every ↓ with no upper bound, while the
  /// view stops at the last page: after ↓ past the end, ↑ seems dead until as many presses
  /// have undone the extra ones.
  func testUpScrollsBackAtOnceAfterScrollingPastTheEnd() {
    var driver = AppDriver()
    driver.openDetail("between-blades-ball")
    for _ in 0..<30 { driver.press(.down) }
    let bottom = driver.draw(.standard).text
    driver.press(.up)
    XCTAssertNotEqual(driver.draw(.standard).text, bottom, "↑ after scrolling to the end did not move the list")
  }

  func testQEndsTheApp() {
    var driver = AppDriver()
    driver.press(.character("q"))
    XCTAssertTrue(driver.state.isFinished)
  }

  // MARK: Safety check

  /// Starting between-blades-ball with the check due: its introduction.
  private func dueCheck() -> AppDriver {
    var driver = AppDriver(Fixture.state(safetyDue: true))
    driver.openDetail("between-blades-ball")
    driver.press(.enter)
    XCTAssertEqual(driver.safety?.purpose, .beforeRoutine("between-blades-ball"))
    driver.press(.enter)
    return driver
  }

  func testYAndNAnswerEachQuestion() {
    var driver = dueCheck()
    driver.press(.character("n"))
    XCTAssertEqual(driver.safety?.stage, .question(1))
    XCTAssertEqual(driver.safety?.answers, [SafetyQuestions.all[0].id: false])
    driver.press(.character("x"))
    XCTAssertEqual(driver.safety?.stage, .question(1), "only y and n answer")
  }

  func testAnySectionAYesEndsUrgentWithNoSession() {
    let urgent = SafetyQuestions.all.indices.filter { SafetyQuestions.all[$0].section == .urgent }
    XCTAssertEqual(urgent.count, 7)
    for index in urgent {
      var driver = dueCheck()
      for _ in 0..<index { driver.press(.character("n")) }
      let effects = driver.press(.character("y"))
      XCTAssertEqual(driver.safety?.stage, .outcome(.urgent), "question \(index + 1)")
      XCTAssertEqual(effects.safetyChecks.map(\.outcome), [.urgent])
      XCTAssertEqual(effects.safetyChecks.first?.date, Fixture.today)
      XCTAssertEqual(effects.safetyChecks.first?.answers[SafetyQuestions.all[index].id], true)
      XCTAssertTrue(driver.state.safetyDue)
      driver.press(.enter)
      XCTAssertNotNil(driver.home, "question \(index + 1): after urgent advice, home")
      XCTAssertFalse(driver.effects.beginsSession)
    }
  }

  func testSectionBYesWithAClinicianGoesOnToTheCautions() {
    var driver = dueCheck()
    for question in SafetyQuestions.all {
      driver.press(.character(question.section == .seeDoctor && question.id == "b-bleeding" ? "y" : "n"))
    }
    XCTAssertEqual(driver.safety?.stage, .askClinician)
    let effects = driver.press(.character("y"))
    XCTAssertEqual(driver.safety?.stage, .outcome(.clinicianAgreed))
    XCTAssertEqual(effects.safetyChecks.map(\.outcome), [.clinicianAgreed])
    XCTAssertEqual(effects.safetyChecks.first?.answers.count, SafetyQuestions.all.count)
    XCTAssertFalse(driver.state.safetyDue)
    driver.press(.enter)
    guard case .cautions(let cautions) = driver.state.screen else { return XCTFail("not at the cautions") }
    XCTAssertEqual(cautions.routineID, "between-blades-ball")
    driver.press(.enter)
    XCTAssertNotNil(driver.session)
  }

  func testSectionBYesWithoutAClinicianGoesHomeWithNoSession() {
    var driver = dueCheck()
    for question in SafetyQuestions.all {
      driver.press(.character(question.id == "b-pregnancy" ? "y" : "n"))
    }
    let effects = driver.press(.character("n"))
    XCTAssertEqual(driver.safety?.stage, .outcome(.seeDoctor))
    XCTAssertEqual(effects.safetyChecks.map(\.outcome), [.seeDoctor])
    XCTAssertTrue(driver.state.safetyDue)
    driver.press(.enter)
    XCTAssertNotNil(driver.home)
    XCTAssertFalse(driver.effects.beginsSession)
  }

  func testAllNoIsClearAndStartsTheRoutine() {
    var driver = dueCheck()
    var effects: [AppEffect] = []
    for _ in SafetyQuestions.all { effects += driver.press(.character("n")) }
    XCTAssertEqual(effects.safetyChecks.map(\.outcome), [.clear])
    driver.press(.enter, .enter)
    XCTAssertNotNil(driver.session)
    XCTAssertTrue(driver.effects.beginsSession)
  }
}
