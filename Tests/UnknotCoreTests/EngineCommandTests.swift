import UnknotCore
import XCTest

/// What each of the person's commands does to a running session, and what the journal keeps.
final class EngineCommandTests: XCTestCase {
  /// Whether the command came back as a rejection and nothing else.
  func rejected(_ events: [SessionEvent]) -> Bool {
    events.count == 1 && events[0].engineIsRejection
  }

  // MARK: - Extend and shorten

  func testExtendingAHoldAddsFifteenSecondsAndTheStepEndRecordsIt() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(10))
    let events = driver.send(.extend, at: EngineTime.s(10))
    XCTAssertEqual(events, [.adjusted(stepIndex: 1, byNanoseconds: 15 * engineSecond, at: EngineTime.s(10))])
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(10)), 65 * engineSecond)
    driver.observe(every: engineSecond, until: EngineTime.s(80))
    let end = driver.stepEnds.last
    XCTAssertEqual(end?.at, EngineTime.s(75))
    XCTAssertEqual(end?.activeNanoseconds, 75 * engineSecond)
    XCTAssertEqual(end?.adjustedNanoseconds, 15 * engineSecond)
    XCTAssertEqual(driver.record.steps[1].adjustedNanoseconds, 15 * engineSecond)
  }

  func testTheSessionProgressGrowsWhenAStepIsExtended() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(10))
    var progress = SessionProgress(driver.state, at: EngineTime.s(10))
    XCTAssertEqual(progress.stepRemaining, 50 * engineSecond)
    XCTAssertEqual(progress.sessionRemaining, 50 * engineSecond)
    XCTAssertEqual(progress.sessionLength, 60 * engineSecond)
    driver.send(.extend, at: EngineTime.s(10))
    progress = SessionProgress(driver.state, at: EngineTime.s(10))
    XCTAssertEqual(progress.stepLength, 75 * engineSecond)
    XCTAssertEqual(progress.sessionRemaining, 65 * engineSecond)
    XCTAssertEqual(progress.sessionLength, 75 * engineSecond)
  }

  func testShorteningWithTwelveSecondsLeftLeavesFive() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(48))
    XCTAssertEqual(
      driver.send(.shorten, at: EngineTime.s(48)),
      [.adjusted(stepIndex: 1, byNanoseconds: -7 * engineSecond, at: EngineTime.s(48))])
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(48)), 5 * engineSecond)
    driver.observe(every: engineSecond, until: EngineTime.s(55))
    XCTAssertEqual(driver.stepEnds.last?.at, EngineTime.s(53))
    XCTAssertEqual(driver.stepEnds.last?.adjustedNanoseconds, -7 * engineSecond)
    XCTAssertEqual(driver.stepEnds.last?.activeNanoseconds, 53 * engineSecond)
  }

  func testShorteningEarlyTakesAwayFifteenSeconds() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.send(.observe, at: EngineTime.s(1))
    driver.send(.shorten, at: EngineTime.s(1))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(1)), 44 * engineSecond)
  }

  func testShorteningWithFiveSecondsOrLessLeftIsRejected() {
    for secondsIn: Int64 in [55, 56] {
      var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
      driver.observe(every: engineSecond, until: EngineTime.s(secondsIn))
      let before = driver.state
      let events = driver.send(.shorten, at: EngineTime.s(secondsIn))
      XCTAssertTrue(rejected(events), "\(60 - secondsIn) s left: \(events)")
      XCTAssertEqual(driver.state, before)
    }
  }

  func testEveryAdjustmentAddsUpInTheStepEnd() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.send(.extend, at: EngineTime.s(1))
    driver.send(.extend, at: EngineTime.s(2))
    driver.send(.shorten, at: EngineTime.s(3))
    driver.send(.quit, at: EngineTime.s(4))
    XCTAssertEqual(driver.stepEnds.last?.adjustedNanoseconds, 15 * engineSecond)
    XCTAssertEqual(driver.stepEnds.last?.ending, .interrupted)
  }

  func testTractionTimeCannotBeExtendedOrShortened() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 6)
    XCTAssertTrue(rejected(driver.send(.extend, at: EngineTime.s(1))))
    XCTAssertTrue(rejected(driver.send(.shorten, at: EngineTime.s(1))))
    driver.send(.setClinicianTime(seconds: 300), at: EngineTime.s(1))
    XCTAssertTrue(rejected(driver.send(.extend, at: EngineTime.s(2))))
    XCTAssertTrue(rejected(driver.send(.shorten, at: EngineTime.s(2))))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(2)), 299 * engineSecond)
  }

  func testStepsThatWaitForThePersonCannotBeExtendedOrShortened() {
    var placement = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    XCTAssertTrue(rejected(placement.send(.extend, at: EngineTime.s(1))))
    XCTAssertTrue(rejected(placement.send(.shorten, at: EngineTime.s(1))))
    var rating = EngineDriver(EngineFixtures.everyKind)
    rating.send(.begin, at: .zero)
    XCTAssertTrue(rejected(rating.send(.extend, at: EngineTime.s(1))))
  }

  // MARK: - Released, confirm, next, back

  func testReleasingTheKnotEndsTheHoldEarly() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
    driver.observe(every: engineSecond, until: EngineTime.s(25))
    let events = driver.send(.released, at: EngineTime.s(25))
    XCTAssertEqual(events.first, .cue(.knotReleased, at: EngineTime.s(25)))
    XCTAssertEqual(events.engineStepEnds.map(\.ending), [.releasedEarly])
    XCTAssertEqual(events.engineStepEnds.map(\.activeNanoseconds), [25 * engineSecond])
    XCTAssertEqual(driver.state.stepIndex, 4)
    XCTAssertEqual(driver.record.steps.last { $0.index == 3 }?.ending, .releasedEarly)
  }

  func testOnlyAHoldCanEndWithARelease() {
    for index in [0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] {
      var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: index)
      XCTAssertTrue(rejected(driver.send(.released, at: EngineTime.s(1))), "step \(index)")
    }
  }

  func testConfirmingEndsAPlacementAndNothingElse() {
    var untimed = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 1)
    untimed.send(.confirm, at: EngineTime.s(7))
    XCTAssertEqual(untimed.stepEnds.last?.ending, .completed)
    XCTAssertEqual(untimed.stepEnds.last?.activeNanoseconds, 7 * engineSecond)
    XCTAssertEqual(untimed.state.stepIndex, 2)
    // The get-ready countdown can be cut short the same way.
    untimed.send(.confirm, at: EngineTime.s(8))
    XCTAssertEqual(untimed.state.stepIndex, 3)
    XCTAssertTrue(rejected(untimed.send(.confirm, at: EngineTime.s(9))))
  }

  func testNextSkipsTheRestOfAStep() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
    driver.send(.observe, at: EngineTime.s(2))
    driver.send(.next, at: EngineTime.s(3))
    XCTAssertEqual(driver.stepEnds.last?.ending, .skipped)
    XCTAssertEqual(driver.stepEnds.last?.activeNanoseconds, 3 * engineSecond)
    XCTAssertEqual(driver.state.stepIndex, 4)
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(3)), 10 * engineSecond)
  }

  func testNextCannotSkipARatingButSkipRatingCan() {
    var driver = EngineDriver(EngineFixtures.everyKind)
    driver.send(.begin, at: .zero)
    XCTAssertTrue(rejected(driver.send(.next, at: EngineTime.s(1))))
    XCTAssertEqual(driver.state.stepIndex, 0)
    let events = driver.send(.skipRating, at: EngineTime.s(2))
    XCTAssertEqual(
      events.first,
      .ratingSkipped(.init(value: nil, stepIndex: 0, moment: .before, muscle: nil, side: nil, at: EngineTime.s(2))))
    XCTAssertEqual(driver.stepEnds.last?.ending, .skipped)
    XCTAssertEqual(driver.state.stepIndex, 1)
    XCTAssertEqual(driver.record.ratings.map(\.value), [nil])
    XCTAssertNil(driver.record.before)
  }

  func testRatingsOutsideZeroToTenAreRejected() {
    var driver = EngineDriver(EngineFixtures.everyKind)
    driver.send(.begin, at: .zero)
    let before = driver.state
    for value in [-1, 11, 100, Int.min] {
      XCTAssertTrue(rejected(driver.send(.rate(value), at: .zero)), "rating \(value)")
    }
    XCTAssertEqual(driver.state, before)
    driver.send(.rate(0), at: EngineTime.s(1))
    XCTAssertEqual(driver.record.before, 0)
    XCTAssertTrue(rejected(driver.send(.rate(5), at: EngineTime.s(1))), "a rating outside a rating step")
  }

  func testBackRestartsThePreviousStepFromItsBeginning() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 5)
    driver.observe(every: engineSecond, until: EngineTime.s(20))
    driver.send(.back, at: EngineTime.s(20))
    XCTAssertEqual(driver.state.stepIndex, 4)
    XCTAssertEqual(driver.state.stepStart, EngineTime.s(20))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(20)), 10 * engineSecond)
    let ends = driver.stepEnds.filter { $0.index == 5 }
    XCTAssertEqual(ends.map(\.ending), [.wentBack])
    XCTAssertEqual(ends.map(\.activeNanoseconds), [20 * engineSecond])
    // The restarted step and the one after it run in full again.
    driver.observe(every: engineSecond, until: EngineTime.s(91))
    XCTAssertEqual(driver.stepEnds.filter { $0.index == 4 }.last?.at, EngineTime.s(30))
    XCTAssertEqual(driver.stepEnds.filter { $0.index == 5 }.last?.at, EngineTime.s(90))
    XCTAssertEqual(driver.record.steps.map(\.index), [0, 1, 2, 3, 4, 5, 4, 5, 6])
    XCTAssertEqual(driver.record.activeNanoseconds, 20 * engineSecond + 70 * engineSecond)
  }

  func testBackFromARatingReturnsToTheStepBeforeIt() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 11)
    driver.send(.back, at: EngineTime.s(1))
    XCTAssertEqual(driver.state.stepIndex, 10)
    var after = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 15)
    after.send(.back, at: EngineTime.s(1))
    XCTAssertEqual(after.state.stepIndex, 14)
  }

  func testBackAtTheFirstStepIsRejected() {
    var first = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 1)
    XCTAssertTrue(rejected(first.send(.back, at: EngineTime.s(1))))
    XCTAssertEqual(first.state.stepIndex, 1)
    var rating = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 0)
    XCTAssertTrue(rejected(rating.send(.back, at: EngineTime.s(1))))
  }

  func testBackSkipsOverARatingBetweenSteps() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 12)
    driver.send(.back, at: EngineTime.s(1))
    XCTAssertEqual(driver.state.stepIndex, 10, "the rating at 11 is not a step to go back to")
  }

  // MARK: - Pause and resume

  func testPausingStopsTheCountdownAndTheJournalKeepsWhy() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(10))
    XCTAssertEqual(driver.send(.pause, at: EngineTime.s(10)), [.paused(reason: .person, at: EngineTime.s(10))])
    XCTAssertTrue(rejected(driver.send(.pause, at: EngineTime.s(11))))
    XCTAssertEqual(driver.send(.observe, at: EngineTime.s(200)), [])
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(200)), 50 * engineSecond)
    XCTAssertEqual(driver.send(.resume, at: EngineTime.s(200)), [.resumed(at: EngineTime.s(200))])
    XCTAssertTrue(rejected(driver.send(.resume, at: EngineTime.s(201))))
    driver.observe(every: engineSecond, until: EngineTime.s(250))
    XCTAssertEqual(driver.stepEnds.last?.at, EngineTime.s(250))
    XCTAssertEqual(driver.stepEnds.last?.activeNanoseconds, 60 * engineSecond)
    XCTAssertEqual(
      driver.record.pauses,
      [SessionRecord.PauseRecord(reason: .person, at: EngineTime.s(10), resumedAt: EngineTime.s(200))])
  }

  func testAStepThatWaitsForThePersonCannotBePaused() {
    var driver = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    XCTAssertTrue(rejected(driver.send(.pause, at: EngineTime.s(1))))
    XCTAssertTrue(driver.state.isRunning)
  }

  // MARK: - Ending

  func testAStopSignalEndsTheSessionStoppedForSafetyWithItsReason() {
    for reason in StopReason.everyKind {
      var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
      driver.send(.observe, at: EngineTime.s(1))
      driver.send(.stopSignal(reason), at: EngineTime.s(2))
      XCTAssertEqual(driver.state.status, .ended(.stoppedForSafety))
      let record = driver.record
      XCTAssertEqual(record.outcome, .stoppedForSafety)
      XCTAssertEqual(record.stopReason, reason)
      XCTAssertEqual(record.endedAt, EngineTime.s(2))
      XCTAssertEqual(record.steps.last?.ending, .interrupted)
      XCTAssertEqual(record.steps.last?.activeNanoseconds, 2 * engineSecond)
      for command in EngineCommandTableTests.commands where command != .observe {
        XCTAssertTrue(rejected(driver.send(command, at: EngineTime.s(3))), "\(command.name) after the end")
      }
      XCTAssertEqual(driver.state.status, .ended(.stoppedForSafety))
    }
  }

  func testAStopSignalWhilePausedEndsTheSessionAndClosesThePause() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.send(.pause, at: EngineTime.s(5))
    driver.send(.stopSignal(.sign(.numbness)), at: EngineTime.s(9))
    let record = driver.record
    XCTAssertEqual(record.pauses.first?.resumedAt, EngineTime.s(9))
    XCTAssertEqual(record.activeNanoseconds + record.pausedNanoseconds, 9 * engineSecond)
    XCTAssertEqual(record.stopReason, .sign(.numbness))
  }

  func testQuittingKeepsTheSessionAsQuitWithItsRatings() {
    var driver = EngineDriver(EngineFixtures.everyKind)
    driver.send(.begin, at: .zero)
    driver.send(.rate(6), at: EngineTime.s(2))
    driver.send(.confirm, at: EngineTime.s(4))
    driver.send(.quit, at: EngineTime.s(5))
    let record = driver.record
    XCTAssertEqual(record.outcome, .quit)
    XCTAssertNil(record.stopReason)
    XCTAssertEqual(record.before, 6)
    XCTAssertNil(record.after)
    XCTAssertEqual(record.ratings.map(\.value), [6])
    XCTAssertEqual(record.steps.map(\.ending), [.completed, .completed, .interrupted])
    XCTAssertEqual(record.activeNanoseconds, 5 * engineSecond)
    XCTAssertEqual(
      driver.events.suffix(2),
      [.sessionEnded(outcome: .quit, at: EngineTime.s(5)), .cue(.sessionEnd, at: EngineTime.s(5))])
  }

  func testQuittingBeforeBeginningEndsTheSessionWithNoSteps() {
    var driver = EngineDriver(EngineFixtures.everyKind)
    driver.send(.quit, at: EngineTime.s(1))
    XCTAssertEqual(driver.state.status, .ended(.quit))
    XCTAssertEqual(driver.record.outcome, .quit)
    XCTAssertEqual(driver.record.steps, [])
    XCTAssertTrue(rejected(driver.send(.begin, at: EngineTime.s(2))))
  }

  func testARoutineRunToItsEndFinishesWithBothRatings() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(seconds: 30), at: .zero, rating: 6)
    driver.observe(every: 900_000_000, until: EngineTime.s(31))
    driver.send(.rate(3), at: EngineTime.s(32))
    let record = driver.record
    XCTAssertEqual(record.outcome, .finished)
    XCTAssertEqual(record.before, 6)
    XCTAssertEqual(record.after, 3)
    XCTAssertEqual(record.ratings.map(\.moment), [.before, .after])
    XCTAssertEqual(record.steps.map(\.ending), [.completed, .completed, .completed])
    XCTAssertEqual(record.activeNanoseconds, 32 * engineSecond)
    XCTAssertEqual(record.endedAt, EngineTime.s(32))
    XCTAssertEqual(driver.state.sessionActive(at: EngineTime.s(100)), 32 * engineSecond)
  }

  // MARK: - Traction

  func testTractionCountsDownTheClinicianTimeOnceEntered() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 6)
    for seconds in [0, -5, 3601] {
      XCTAssertTrue(rejected(driver.send(.setClinicianTime(seconds: seconds), at: EngineTime.s(1))), "\(seconds) s")
    }
    XCTAssertNil(driver.state.remaining(at: EngineTime.s(1)))
    driver.send(.setClinicianTime(seconds: 3600), at: EngineTime.s(4))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(4)), 3600 * engineSecond)
    XCTAssertTrue(rejected(driver.send(.setClinicianTime(seconds: 10), at: EngineTime.s(5))))
    // Elsewhere there is no clinician time to enter.
    var hold = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
    XCTAssertTrue(rejected(hold.send(.setClinicianTime(seconds: 10), at: EngineTime.s(1))))
  }

  // MARK: - Moments

  /// `Moment.seconds` and `ManualClock.advance(seconds:)` truncate instead of rounding:
  /// 1.001 s, stored as a double just under 1.001, becomes 1_000_999_999 ns.
  func testMomentsGivenInSecondsLandOnTheNearestNanosecond() {
    XCTAssertEqual(Moment.seconds(1.5).nanoseconds, 1_500_000_000)
    XCTAssertEqual(Moment.seconds(1.001).nanoseconds, 1_001_000_000)
    let clock = ManualClock()
    clock.advance(seconds: 1.001)
    XCTAssertEqual(clock.now(), Moment(nanoseconds: 1_001_000_000))
  }
}
