import UnknotCore
import XCTest

/// Steps end at absolute deadlines: no drift however the clock is read, and a clock gap
/// pauses the countdown instead of spending the gap.
final class EngineTimingTests: XCTestCase {
  // MARK: - Drift

  /// 720 rests of 10 s (two hours) with a rating every 180 steps, bracketed by ratings.
  static let twoHours: Routine = {
    var steps: [RoutineStep] = []
    for index in 0..<720 {
      if index > 0, index % 180 == 0 { steps.append(RoutineStep(.rate, muscle: .rhomboids)) }
      steps.append(RoutineStep(.rest(seconds: 10)))
    }
    return EngineFixtures.routine(steps, id: "two-hours")
  }()

  struct DriftRun {
    var driver: EngineDriver
    var ratingTime: Int64 = 0
    var pausedTime: Int64 = 0
    var lastRestEnd: Moment?
  }

  /// Drives the two-hour routine with observations every 0.1–1.9 s, rating after a
  /// random delay; with `pauses`, now and then pauses (by key or by a clock gap) for
  /// up to 40 s.
  func driveTwoHours(seed: UInt64, pauses: Bool) -> DriftRun {
    var random = SplitMix64(seed: seed)
    let start = Moment(nanoseconds: 987_654_321_000)
    var run = DriftRun(driver: EngineDriver(Self.twoHours))
    run.driver.send(.begin, at: start)
    var now = start
    var observations = 0
    while !run.driver.state.hasEnded, observations < 100_000 {
      observations += 1
      now = now + Int64.random(in: 100_000_000...1_900_000_000, using: &random)
      let state = run.driver.state
      if state.currentStep.plan.engineIsRating {
        run.ratingTime += now.since(state.stepStart)
        // 0 or 1: never a rise that would stop the clock for a choice (PainRules).
        run.driver.send(.rate(Int.random(in: 0...1, using: &random)), at: now)
      } else if pauses, let deadline = state.deadline, deadline > now, Int.random(in: 0..<100, using: &random) < 2 {
        let length = Int64.random(in: 1...40_000, using: &random) * 1_000_000
        let pausedFrom: Moment
        if Bool.random(using: &random) {
          pausedFrom = now
          run.driver.send(.pause, at: now)
        } else {
          // The process stops: the next reading comes more than 2 s after the last one,
          // and the countdown pauses at that last reading.
          pausedFrom = run.driver.now
          now = pausedFrom + 2 * engineSecond + length
          run.driver.send(.observe, at: now)
        }
        XCTAssertTrue(run.driver.state.isPaused, "seed \(seed)")
        now = now + length
        run.driver.send(.resume, at: now)
        run.pausedTime += now.since(pausedFrom)
      } else {
        run.driver.send(.observe, at: now)
      }
    }
    run.lastRestEnd = run.driver.stepEnds.last { run.driver.state.steps[$0.index].kind == .rest }?.at
    return run
  }

  func testATwoHourSessionOfShortStepsEndsExactlyOnItsPlannedTotalHoweverTheClockIsRead() {
    let planned = Int64(Timeline(routine: Self.twoHours).plannedSeconds) * engineSecond
    XCTAssertEqual(planned, 7200 * engineSecond)
    for seed: UInt64 in [1, 2, 3] {
      let run = driveTwoHours(seed: seed, pauses: false)
      let state = run.driver.state
      XCTAssertEqual(state.status, .ended(.finished), "seed \(seed)")
      guard let startedAt = state.startedAt, let endedAt = state.endedAt, let lastRestEnd = run.lastRestEnd else {
        return XCTFail("seed \(seed): the session did not run through")
      }
      // The ratings' time is the person's, not the plan's: everything else is planned time.
      let lastRating = endedAt.since(lastRestEnd)
      let late = lastRestEnd.since(startedAt) - (run.ratingTime - lastRating) - planned
      XCTAssertLessThanOrEqual(abs(late), 5_000_000, "seed \(seed): \(late) ns off the plan")
      XCTAssertEqual(late, 0, "seed \(seed): the last step ends exactly on plan")
      XCTAssertEqual(endedAt.since(startedAt), planned + run.ratingTime, "seed \(seed)")
      XCTAssertEqual(state.pausedTotal, 0, "seed \(seed)")
      let restEnds = run.driver.stepEnds.filter { state.steps[$0.index].kind == .rest }
      XCTAssertEqual(restEnds.count, 720)
      XCTAssertTrue(restEnds.allSatisfy { $0.activeNanoseconds == 10 * engineSecond && $0.ending == .completed })
      XCTAssertEqual(run.driver.record.ratings.count, 5)
    }
  }

  func testATwoHourSessionWithPausesAndClockGapsEndsAtItsPlanPlusTheTimePaused() {
    let planned = 7200 * engineSecond
    for seed: UInt64 in [11, 12] {
      let run = driveTwoHours(seed: seed, pauses: true)
      let state = run.driver.state
      XCTAssertEqual(state.status, .ended(.finished), "seed \(seed)")
      guard let startedAt = state.startedAt, let endedAt = state.endedAt else { return XCTFail("seed \(seed)") }
      let record = run.driver.record
      XCTAssertGreaterThan(record.pauses.count, 20, "seed \(seed)")
      XCTAssertTrue(record.pauses.contains { $0.reason != .person }, "seed \(seed): no clock gap happened")
      XCTAssertEqual(state.pausedTotal, run.pausedTime, "seed \(seed)")
      XCTAssertEqual(record.pausedNanoseconds, run.pausedTime, "seed \(seed)")
      XCTAssertEqual(endedAt.since(startedAt), planned + run.ratingTime + run.pausedTime, "seed \(seed)")
      XCTAssertEqual(record.activeNanoseconds, planned + run.ratingTime, "seed \(seed)")
      let restEnds = run.driver.stepEnds.filter { state.steps[$0.index].kind == .rest }
      XCTAssertTrue(restEnds.allSatisfy { $0.activeNanoseconds == 10 * engineSecond }, "seed \(seed)")
    }
  }

  func testReadingTheClockLateEveryTimeStillEndsEveryStepOnItsOwnDeadline() {
    var driver = EngineFixtures.begun(EngineFixtures.everyKind, at: EngineTime.s(100))
    driver.send(.confirm, at: EngineTime.s(105))
    // Readings 1.7 s apart never land on a deadline; the steps chain on their deadlines anyway.
    driver.observe(every: 1_700_000_000, until: EngineTime.s(105 + 141))
    let ends = driver.stepEnds.filter { (2...5).contains($0.index) }
    XCTAssertEqual(ends.map(\.at), [115, 175, 185, 245].map { EngineTime.s($0) })
    XCTAssertEqual(ends.map(\.activeNanoseconds), [10, 60, 10, 60].map { $0 * engineSecond })
    let starts = driver.events.engineStepStarts.filter { (3...6).contains($0.index) }
    XCTAssertEqual(starts.map(\.at), [115, 175, 185, 245].map { EngineTime.s($0) })
  }

  func testAClockThatReadsEarlierNeverGivesTimeBack() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(10))
    let events = driver.send(.observe, at: EngineTime.s(9))
    XCTAssertEqual(events, [])
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(10)), 50 * engineSecond)
    driver.send(.pause, at: EngineTime.s(8))
    XCTAssertEqual(driver.state.pausedAt, EngineTime.s(10))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(40)), 50 * engineSecond)
  }

  /// `apply` treats an earlier reading as "not moved" using the last observation, which
  /// only moves while the countdown runs: a step skipped while paused at 50 s, then a
  /// resume read at 30 s, started the hold at 50 s but resumed it at 30 s.
  func testAClockThatReadsEarlierWhilePausedNeverMovesTheSessionBack() {
    var driver = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    driver.send(.confirm, at: EngineTime.s(1))
    driver.send(.pause, at: EngineTime.s(2))
    driver.send(.next, at: EngineTime.s(50))
    XCTAssertEqual(driver.state.stepStart, EngineTime.s(50))
    driver.send(.resume, at: EngineTime.s(30))
    driver.observe(every: engineSecond, until: EngineTime.s(60))
    let moments = driver.events.compactMap(\.moment)
    XCTAssertEqual(moments, moments.sorted(), "event moments went backwards")
    XCTAssertEqual(driver.events.last { if case .resumed = $0 { true } else { false } }, .resumed(at: EngineTime.s(50)))
    XCTAssertEqual(
      driver.state.stepActive(at: EngineTime.s(60)), 10 * engineSecond,
      "a hold that started at 50 s has run 10 s by 60 s")
  }

  // MARK: - Clock gaps

  func testAGapInTheClockDuringAHoldPausesItWithoutSpendingTheGap() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(10))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(10)), 50 * engineSecond)
    let events = driver.send(.observe, at: EngineTime.s(15))
    XCTAssertEqual(events, [.paused(reason: .clockGap(nanoseconds: 5 * engineSecond), at: EngineTime.s(10))])
    XCTAssertEqual(driver.state.status, .paused(.clockGap(nanoseconds: 5 * engineSecond)))
    XCTAssertEqual(driver.state.remaining(at: EngineTime.s(15)), 50 * engineSecond)
    XCTAssertNil(SessionEngine.nextChange(driver.state, after: EngineTime.s(15)))
    // Back at the keyboard: resume, and the hold runs its remaining 50 s.
    driver.send(.resume, at: EngineTime.s(20))
    driver.observe(every: engineSecond, until: EngineTime.s(70))
    let hold = driver.stepEnds.first { $0.index == 1 }
    XCTAssertEqual(hold?.at, EngineTime.s(70))
    XCTAssertEqual(hold?.activeNanoseconds, 60 * engineSecond)
    XCTAssertEqual(hold?.ending, .completed)
    driver.send(.rate(2), at: EngineTime.s(71))
    XCTAssertEqual(driver.state.status, .ended(.finished))
    let record = driver.record
    XCTAssertEqual(
      record.pauses,
      [
        SessionRecord.PauseRecord(
          reason: .clockGap(nanoseconds: 5 * engineSecond), at: EngineTime.s(10), resumedAt: EngineTime.s(20))
      ])
    XCTAssertEqual(record.pausedNanoseconds, 10 * engineSecond)
    XCTAssertEqual(record.activeNanoseconds + record.pausedNanoseconds, 71 * engineSecond)
  }

  func testReadingsTwoSecondsApartAreNotAGap() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.observe(every: 2 * engineSecond, until: EngineTime.s(20))
    XCTAssertTrue(driver.state.isRunning)
    driver.send(.observe, at: EngineTime.s(22) + 1)
    XCTAssertEqual(driver.state.status, .paused(.clockGap(nanoseconds: 2 * engineSecond + 1)))
  }

  func testAGapWhileAStepWaitsForThePersonDoesNotPause() {
    var driver = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    XCTAssertEqual(driver.state.currentStep.kind, .place)
    driver.send(.observe, at: EngineTime.s(1))
    XCTAssertEqual(driver.send(.observe, at: EngineTime.s(100)), [])
    XCTAssertTrue(driver.state.isRunning)
    driver.send(.confirm, at: EngineTime.s(101))
    XCTAssertEqual(driver.stepEnds.last?.activeNanoseconds, 101 * engineSecond)
    XCTAssertEqual(driver.state.stepStart, EngineTime.s(101))

    // A rating step and a traction step waiting for its time do not pause either.
    var rating = EngineDriver(EngineFixtures.everyKind)
    rating.send(.begin, at: .zero)
    XCTAssertEqual(rating.send(.observe, at: EngineTime.s(300)), [])
    XCTAssertTrue(rating.state.isRunning)
    var traction = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 6)
    XCTAssertEqual(traction.send(.observe, at: EngineTime.s(300)), [])
    XCTAssertTrue(traction.state.isRunning)
    // Once its countdown runs, traction does pause on a gap.
    traction.send(.setClinicianTime(seconds: 600), at: EngineTime.s(300))
    traction.send(.observe, at: EngineTime.s(310))
    XCTAssertEqual(traction.state.status, .paused(.clockGap(nanoseconds: 10 * engineSecond)))
    XCTAssertEqual(traction.state.remaining(at: EngineTime.s(310)), 600 * engineSecond)
  }

  func testAGapAfterWhichThePersonPressesAKeyStillPausesAtTheLastReading() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.send(.observe, at: EngineTime.s(30))
    XCTAssertTrue(driver.state.isPaused, "30 s without a reading is itself a gap")
    driver.send(.resume, at: EngineTime.s(30))
    driver.send(.observe, at: EngineTime.s(31))
    let events = driver.send(.quit, at: EngineTime.s(40))
    XCTAssertEqual(events.first, .paused(reason: .clockGap(nanoseconds: 9 * engineSecond), at: EngineTime.s(31)))
    XCTAssertEqual(driver.state.status, .ended(.quit))
    XCTAssertEqual(driver.stepEnds.last?.activeNanoseconds, engineSecond)
    XCTAssertEqual(driver.record.pausedNanoseconds, 39 * engineSecond)
  }
}
