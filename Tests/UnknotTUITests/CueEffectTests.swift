import UnknotCore
import XCTest

@testable import UnknotTUI

/// The bell, speech and journal effects a session asks the app loop for.
final class CueEffectTests: XCTestCase {
  /// between-blades-ball just after the rating before: its 15 s placement has begun.
  private func placementDriver(options: AppOptions = AppOptions()) -> (AppDriver, [AppEffect]) {
    var driver = AppDriver(Fixture.state(options: options))
    driver.startSession("between-blades-ball")
    driver.type("6")
    let effects = driver.press(.enter)
    return (driver, effects)
  }

  // MARK: The bell

  func testABellAtEachStepChangeAndInTheLastThreeSeconds() {
    var (driver, rated) = placementDriver()
    XCTAssertEqual(rated.bells, 1, "the placement step began")
    for second in 1...15 {
      let effects = driver.wait(seconds: 1)
      // 3, 2 and 1 s left, then the strokes begin.
      XCTAssertEqual(effects.bells, (12...15).contains(second) ? 1 : 0, "at \(second) s")
    }
    XCTAssertEqual(driver.engine?.currentStep.kind, .strokes)
    XCTAssertEqual(driver.press(.character("n")).bells, 1, "skipping to the hold starts a step")
  }

  func testABellWhenTheSessionBegins() {
    var driver = AppDriver()
    driver.openDetail("between-blades-ball")
    driver.press(.enter)
    XCTAssertEqual(driver.press(.enter).bells, 1)
  }

  func testNoBellWhenQuiet() {
    var driver = AppDriver(Fixture.state(options: AppOptions(quiet: true)))
    driver.startSession("between-blades-ball")
    driver.rate(6)
    driver.wait(seconds: 100)
    driver.press(.character("n"), .character("r"))
    XCTAssertEqual(driver.effects.bells, 0)
    XCTAssertGreaterThan(driver.engine?.stepIndex ?? 0, 4)
  }

  // MARK: Speech

  func testNothingIsSpokenWithoutSpeak() {
    var driver = AppDriver(routines: Fixture.library + Fixture.handMade)
    driver.startSession("two-sides")
    driver.rate(6)
    driver.wait(seconds: 30)
    XCTAssertEqual(driver.effects.spoken, [])
  }

  func testSpeakSaysStepTitlesTheSwitchAndRelease() {
    var driver = AppDriver(routines: Fixture.library + Fixture.handMade, options: AppOptions(speak: true))
    driver.startSession("two-sides")
    XCTAssertEqual(driver.effects.spoken, ["Rate your pain."])
    driver.rate(6)
    XCTAssertEqual(driver.effects.spoken.last, "Corner of the blade. Levator scapulae, left side.")
    // What one pass says is one utterance, so "Release." is not cut off by the next words.
    let holdEnd = driver.wait(seconds: 5)
    XCTAssertTrue(holdEnd.spoken.contains("Release. Switch sides, to the right."), "\(holdEnd.spoken)")
    driver.wait(seconds: 10)
    XCTAssertEqual(driver.effects.spoken.last, "Corner of the blade. Levator scapulae, right side.")
    let released = driver.press(.character("r")).spoken
    XCTAssertTrue(released.first?.hasPrefix("Released.") ?? false, "\(released)")
    XCTAssertFalse(released.first?.contains("Release.") ?? true, "\(released)")
  }

  /// Each chin tuck phase is said as it begins, after the step's title and cues, and
  /// without a bell: the bell stays for step changes and the last seconds.
  func testSpeakSaysEachChinTuckPhaseAsItBegins() {
    var driver = AppDriver(Fixture.state(options: AppOptions(speak: true)))
    driver.startSession("chin-tucks")
    driver.type("6")
    let start = driver.press(.enter)
    XCTAssertEqual(start.spoken.count, 1, "\(start.spoken)")
    XCTAssertTrue(start.spoken.first?.hasPrefix("Chin tucks. Suboccipitals.") ?? false, "\(start.spoken)")
    XCTAssertTrue(start.spoken.first?.hasSuffix(" Tuck.") ?? false, "\(start.spoken)")
    var heard: [String] = []
    for second in 1...19 {
      let effects = driver.wait(seconds: 1)
      heard += effects.spoken.map { "\($0) at \(second) s" }
      XCTAssertEqual(effects.bells, 0, "at \(second) s")
    }
    XCTAssertEqual(
      heard,
      ["Hold. at 2 s", "Release. at 7 s", "Tuck. at 9 s", "Hold. at 11 s", "Release. at 16 s", "Tuck. at 18 s"])
  }

  /// Regression test; the bug was: a stop for safety (or a quit) ends with "Session complete." spoken: the engine
  /// cues `.sessionEnd` for every outcome and CueSounds says the same words for all.
  func testAStopForSafetyIsNotCalledComplete() {
    var driver = AppDriver(Fixture.state(options: AppOptions(speak: true)))
    driver.startSession("between-blades-ball")
    driver.advance(toKind: .hold)
    driver.wait(seconds: 5)
    let stopped = driver.press(.character("x"), .character("1"))
    XCTAssertFalse(
      stopped.spoken.contains("Session complete."), "spoken after a stop for sharp pain: \(stopped.spoken)")

    var quitting = AppDriver(Fixture.state(options: AppOptions(speak: true)))
    quitting.startSession("between-blades-ball")
    let quit = quitting.press(.character("q"), .character("y"))
    XCTAssertFalse(quit.spoken.contains("Session complete."), "spoken after quitting: \(quit.spoken)")
  }

  /// Regression test; the bug was: when a hold runs out, "Release." and the next step's title are spoken in the same
  /// pass; SpeechOutput.say stops the phrase before it, so "Release." is cut off at once.
  func testReleaseIsTheLastWordOfTheHoldsEnd() {
    var driver = AppDriver(Fixture.state(options: AppOptions(speak: true)))
    driver.startSession("between-blades-ball")
    driver.advance(toKind: .hold)
    let end = driver.wait(seconds: 45).spoken
    XCTAssertEqual(end.count, 1, "phrases spoken in one pass interrupt each other: \(end)")
    XCTAssertTrue(end.first?.hasPrefix("Release.") ?? false, "\(end)")
  }

  func testTheDeskCheckIsReadOutQuestionByQuestionWithTheAdviceAfterANo() {
    var driver = AppDriver(Fixture.state(options: AppOptions(speak: true)))
    driver.press(.character("c"))
    let begun = driver.press(.enter).spoken
    XCTAssertEqual(begun.count, 1, "\(begun)")
    XCTAssertTrue(
      begun.first?.hasSuffix("Is the top of your screen at or a little below eye level?") ?? false, "\(begun)")
    let no = driver.press(.character("n")).spoken
    XCTAssertEqual(no.count, 1, "\(no)")
    XCTAssertTrue(no.first?.hasPrefix("What to change: ") ?? false, "\(no)")
    XCTAssertEqual(
      driver.press(.enter).spoken, ["Is your screen about an arm's length away (50–100 cm)?"])
    XCTAssertEqual(
      driver.press(.character("y")).spoken, ["Is your screen straight in front of you, so you do not turn your head?"])
    // A key that changes nothing says nothing again.
    XCTAssertEqual(driver.press(.character("z")).spoken, [])
  }

  // MARK: The journal

  func testTheSessionBeginsAJournalRecord() {
    var driver = AppDriver()
    driver.openDetail("between-blades-ball")
    driver.press(.enter)
    let effects = driver.press(.enter)
    let entry = Fixture.entry("between-blades-ball")
    let expected = JournalSessionStart(
      routineID: entry.routine.id, routineTitle: entry.routine.title, contentHash: entry.contentHash,
      muscles: entry.routine.targets, startedAt: Fixture.today, startMoment: driver.now)
    XCTAssertEqual(effects.first, .beginJournalSession(expected))
  }

  /// The same commands run on a bare engine give the events the journal must receive:
  /// all but cues and rejections, in the reduce call that caused them.
  func testTheJournalGetsEveryEventButCuesInTheCallThatCausedIt() {
    let routine = Fixture.entry("between-blades-ball").routine
    var mirror = SessionState(timeline: Timeline(routine: routine))
    var driver = AppDriver()
    driver.openDetail(routine.id)
    driver.press(.enter)

    func check(_ commands: [SessionCommand], _ effects: [AppEffect], line: UInt = #line) {
      let events = commands.flatMap { SessionEngine.apply($0, to: &mirror, at: driver.now) }
      let expected = events.filter {
        if case .cue = $0 { return false }
        if case .rejected = $0 { return false }
        return true
      }
      let writes = effects.filter {
        if case .appendToJournal = $0 { return true }
        return false
      }
      XCTAssertEqual(effects.journaled, expected, line: line)
      XCTAssertEqual(writes.count, expected.isEmpty ? 0 : 1, "one write per call", line: line)
    }
    func tick(_ seconds: Int, line: UInt = #line) {
      for _ in 0..<seconds {
        driver.now = driver.now + nanosecondsPerSecond
        check([.observe], driver.send(.tick), line: line)
      }
    }

    check([.begin], driver.press(.enter))
    check([.observe], driver.type("7"))
    check([.observe, .rate(7)], driver.press(.enter))
    tick(20)
    check([.observe, .pause], driver.press(.character(" ")))
    tick(3)
    check([.observe, .resume], driver.press(.character(" ")))
    check([.observe, .extend], driver.press(.character("+")))
    check([.observe, .shorten], driver.press(.character("-")))
    check([.observe, .next], driver.press(.character("n")))
    tick(2)
    check([.observe, .released], driver.press(.character("r")))
    check([.observe, .back], driver.press(.character("b")))
    check([.observe, .pauseForOverlay], driver.press(.character("?")))
    check([.observe, .resume], driver.press(.character("z")))
    check([.observe, .released], driver.press(.character("r")))
    check([.observe], driver.press(.character("r")))  // rejected at a placement: nothing to write
    driver.advance(toStep: 17)
    mirror = driver.engine!
    check([.observe, .pauseForOverlay], driver.press(.character("x")))
    check([.observe, .stopSignal(.sign(.suddenDizziness))], driver.press(.character("a")))

    guard let summary = driver.summary else { return XCTFail("no summary") }
    XCTAssertEqual(summary.record, SessionRecord.rebuild(from: driver.effects.journaled))
    XCTAssertEqual(summary.record.ratings.compactMap(\.value), [7, 6])
  }

  func testASkippedRatingIsWrittenWithTheKey() {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    let effects = driver.press(.character("s"))
    XCTAssertTrue(
      effects.journaled.contains {
        if case .ratingSkipped(let rating) = $0 { return rating.moment == .before && rating.value == nil }
        return false
      })
  }
}
