import UnknotCore
import XCTest

/// The cues a person hears, at the exact moments they are due, and when the screen
/// next needs drawing.
final class EngineCueTests: XCTestCase {
  /// The cues between two moments, leaving out the opening rating's start and end.
  func cues(_ driver: EngineDriver, from start: Moment, to end: Moment) -> [EngineTimedCue] {
    driver.cues.filter {
      $0.at >= start && $0.at <= end && $0.cue != .stepStart(index: 0) && $0.cue != .stepEnd(index: 0)
    }
  }

  func timed(_ cue: Cue, _ seconds: Int64) -> EngineTimedCue { EngineTimedCue(cue: cue, at: EngineTime.s(seconds)) }

  // MARK: - Countdown, halfway, start and end

  func testAMinuteHoldCuesHalfwayTheLastThreeSecondsAndItsEnd() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(seconds: 60), at: .zero)
    driver.observe(every: 700_000_000, until: EngineTime.s(61))
    XCTAssertEqual(
      cues(driver, from: .zero, to: EngineTime.s(60)),
      [
        timed(.stepStart(index: 1), 0), timed(.halfway, 30), timed(.countdown(secondsLeft: 3), 57),
        timed(.countdown(secondsLeft: 2), 58), timed(.countdown(secondsLeft: 1), 59), timed(.stepEnd(index: 1), 60),
        timed(.stepStart(index: 2), 60),
      ])
    driver.send(.rate(1), at: EngineTime.s(64))
    XCTAssertEqual(
      Array(driver.cues.suffix(2)), [timed(.stepEnd(index: 2), 64), timed(.sessionEnd, 64)])
    XCTAssertEqual(driver.events.last, .cue(.sessionEnd, at: EngineTime.s(64)))
  }

  func testStepsShorterThanAMinuteHaveNoHalfwayCue() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(seconds: 59), at: .zero)
    driver.observe(every: 500_000_000, until: EngineTime.s(60))
    XCTAssertFalse(driver.cues.contains { $0.cue == .halfway })
    XCTAssertEqual(
      driver.cues.filter { if case .countdown = $0.cue { true } else { false } }.map(\.at),
      [56, 57, 58].map { EngineTime.s($0) })
  }

  func testCuesKeepTheirExactMomentsWhenTheClockIsReadLate() {
    var steady = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    steady.send(.confirm, at: EngineTime.s(2))
    steady.observe(every: 100_000_000, until: EngineTime.s(150))
    var late = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    late.send(.confirm, at: EngineTime.s(2))
    var random = SplitMix64(seed: 99)
    while late.now < EngineTime.s(150) {
      late.send(.observe, at: min(EngineTime.s(150), late.now + Int64.random(in: 1...2_000_000_000, using: &random)))
    }
    XCTAssertEqual(late.cues, steady.cues)
    XCTAssertEqual(late.events, steady.events)
    XCTAssertEqual(late.state, steady.state)
  }

  func testSwitchingSidesIsCuedWithTheSideToSwitchTo() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
    driver.observe(every: engineSecond, until: EngineTime.s(61))
    XCTAssertEqual(
      cues(driver, from: EngineTime.s(60), to: EngineTime.s(60)),
      [timed(.stepEnd(index: 3), 60), timed(.stepStart(index: 4), 60), timed(.switchSides(to: .right), 60)])
  }

  func testReleasingTheKnotIsCuedAndEndsTheHold() {
    var driver = EngineFixtures.begun(EngineFixtures.singleHold(), at: .zero)
    driver.send(.observe, at: EngineTime.s(1))
    let events = driver.send(.released, at: EngineTime.s(2))
    XCTAssertEqual(
      events.engineCues,
      [timed(.knotReleased, 2), timed(.stepEnd(index: 1), 2), timed(.stepStart(index: 2), 2)])
  }

  func testStrokesCueEachNewStrokeAtItsPace() {
    let routine = EngineFixtures.routine([RoutineStep(.strokes(count: 4, secondsPerStroke: 5), muscle: .upperTrapezius)]
    )
    var driver = EngineFixtures.begun(routine, at: .zero)
    driver.observe(every: 300_000_000, until: EngineTime.s(21))
    XCTAssertEqual(
      cues(driver, from: .zero, to: EngineTime.s(20)),
      [
        timed(.stepStart(index: 1), 0), timed(.repetition(2), 5), timed(.repetition(3), 10), timed(.repetition(4), 15),
        timed(.countdown(secondsLeft: 3), 17), timed(.countdown(secondsLeft: 2), 18),
        timed(.countdown(secondsLeft: 1), 19), timed(.stepEnd(index: 1), 20), timed(.stepStart(index: 2), 20),
      ])
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.s(21)).repetition, nil)
  }

  func testExerciseRepetitionsShowOnTheProgressAndCueTogetherWithTheCountdown() {
    let routine = EngineFixtures.routine([RoutineStep(.exercise(reps: 5, secondsPerRep: 3), muscle: .lowerTrapezius)])
    var driver = EngineFixtures.begun(routine, at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(15))
    XCTAssertEqual(
      driver.cues.filter { if case .repetition = $0.cue { true } else { false } },
      [timed(.repetition(2), 3), timed(.repetition(3), 6), timed(.repetition(4), 9), timed(.repetition(5), 12)])
    var progress = EngineFixtures.begun(routine, at: .zero)
    progress.observe(every: engineSecond, until: EngineTime.ms(7500))
    let shown = SessionProgress(progress.state, at: EngineTime.ms(7500))
    XCTAssertEqual(shown.repetition, 3)
    XCTAssertEqual(shown.repetitionCount, 5)
    XCTAssertEqual(shown.stepRemaining, 7_500_000_000)
    XCTAssertEqual(shown.stepFraction, 0.5)
  }

  /// Extending counted strokes gives more time, but the person did 8 strokes: no cue
  /// may announce a stroke beyond the count (SessionProgress caps the count at 8 too).
  func testExtendingStrokesNeverCuesAStrokeBeyondTheCount() {
    let routine = EngineFixtures.routine([RoutineStep(.strokes(count: 8, secondsPerStroke: 3), muscle: .upperTrapezius)]
    )
    var driver = EngineFixtures.begun(routine, at: .zero)
    driver.send(.extend, at: EngineTime.s(1))
    driver.observe(every: engineSecond, until: EngineTime.s(40))
    XCTAssertEqual(driver.stepEnds.first { $0.index == 1 }?.at, EngineTime.s(39))
    let strokes = driver.cues.compactMap { if case .repetition(let number) = $0.cue { number } else { nil } }
    XCTAssertEqual(
      strokes, [2, 3, 4, 5, 6, 7, 8], "stroke cues \(driver.cues.filter { "\($0.cue)".hasPrefix("rep") })")
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.s(38)).repetition, nil)
  }

  // MARK: - Breathing

  func testBreathingCuesEachPhaseAtItsExactMomentForThreeCycles() {
    let routine = EngineFixtures.routine([RoutineStep(.breathe(phases: EngineFixtures.threePhaseBreath, cycles: 3))])
    var driver = EngineFixtures.begun(routine, at: EngineTime.s(10))
    driver.observe(every: 250_000_000, until: EngineTime.s(10 + 28))
    let phases = driver.cues.compactMap { timedCue -> String? in
      guard case .breathPhase(let kind) = timedCue.cue else { return nil }
      return "\(kind.rawValue) \(timedCue.at.since(EngineTime.s(10)) / 1_000_000) ms"
    }
    XCTAssertEqual(
      phases,
      [
        "inhale 0 ms", "top-up 2000 ms", "exhale 3000 ms",
        "inhale 9000 ms", "top-up 11000 ms", "exhale 12000 ms",
        "inhale 18000 ms", "top-up 20000 ms", "exhale 21000 ms",
      ])
    XCTAssertEqual(driver.stepEnds.first { $0.index == 1 }?.at, EngineTime.s(10 + 27))
    XCTAssertEqual(
      driver.cues.filter { if case .countdown = $0.cue { true } else { false } }.map(\.at),
      [24, 25, 26].map { EngineTime.s(10 + $0) })
  }

  func testTheBreathingClockPlacesEveryMomentInItsPhaseAndCycle() {
    let phases = EngineFixtures.threePhaseBreath
    func position(_ milliseconds: Int64) -> String? {
      BreathingClock.phase(of: phases, at: milliseconds * 1_000_000).map {
        "\($0.kind.rawValue) #\($0.index) \($0.elapsed / 1_000_000)/\($0.length / 1_000_000) cycle \($0.cycle)"
      }
    }
    XCTAssertEqual(position(0), "inhale #0 0/2000 cycle 1")
    XCTAssertEqual(position(1500), "inhale #0 1500/2000 cycle 1")
    XCTAssertEqual(position(2000), "top-up #1 0/1000 cycle 1")
    XCTAssertEqual(position(2999), "top-up #1 999/1000 cycle 1")
    XCTAssertEqual(position(3000), "exhale #2 0/6000 cycle 1")
    XCTAssertEqual(position(8999), "exhale #2 5999/6000 cycle 1")
    XCTAssertEqual(position(9000), "inhale #0 0/2000 cycle 2")
    XCTAssertEqual(position(24_000), "exhale #2 3000/6000 cycle 3")
    XCTAssertEqual(BreathingClock.phase(of: phases, at: 6_000_000_000)?.fraction, 0.5)
    XCTAssertNil(BreathingClock.phase(of: phases, at: -1))
    XCTAssertNil(BreathingClock.phase(of: [], at: 0))
  }

  func testTheProgressShowsTheBreathAndHoldsItWhilePaused() {
    let routine = EngineFixtures.routine([RoutineStep(.breathe(phases: EngineFixtures.threePhaseBreath, cycles: 3))])
    var driver = EngineFixtures.begun(routine, at: .zero)
    driver.send(.observe, at: EngineTime.ms(1500))
    driver.send(.observe, at: EngineTime.ms(3500))
    let breath = SessionProgress(driver.state, at: EngineTime.ms(3500)).breath
    XCTAssertEqual(breath?.kind, .exhale)
    XCTAssertEqual(breath?.elapsed, 500_000_000)
    XCTAssertEqual(breath?.cycle, 1)
    driver.send(.pause, at: EngineTime.ms(3500))
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.s(60)).breath, breath)
    driver.send(.resume, at: EngineTime.s(60))
    driver.send(.observe, at: EngineTime.ms(61_000))
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.ms(67_000)).breath?.cycle, 2)
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.ms(67_000)).breath?.kind, .inhale)
  }

  // MARK: - When the screen next changes

  /// A front end that sleeps until `nextChange` and then reads the clock: no cue ever
  /// sounds late, and the countdown never skips a whole second.
  func testSleepingUntilTheNextChangeNeverPlaysACueLateOrSkipsASecond() {
    let routine = EngineFixtures.routine([
      RoutineStep(.hold(seconds: 61, pressure: .standard), muscle: .rhomboids, tool: .massageBall),
      RoutineStep(.strokes(count: 4, secondsPerStroke: 5), muscle: .upperTrapezius),
      RoutineStep(.breathe(phases: EngineFixtures.threePhaseBreath, cycles: 2)),
      RoutineStep(.rest(seconds: 2)),
    ])
    var driver = EngineFixtures.begun(routine, at: EngineTime.ms(123))
    var wakeUps = 0
    while !driver.state.hasEnded, wakeUps < 10_000 {
      guard let next = SessionEngine.nextChange(driver.state, after: driver.now) else {
        XCTAssertTrue(driver.state.currentStep.plan.engineIsRating)
        driver.send(.rate(0), at: driver.now)
        continue
      }
      XCTAssertGreaterThan(next, driver.now)
      let shownBefore = ceilSeconds(driver.state.remaining(at: driver.now))
      let index = driver.state.stepIndex
      wakeUps += 1
      for cue in driver.send(.observe, at: next).engineCues {
        XCTAssertEqual(cue.at, next, "\(cue) was late")
      }
      if driver.state.stepIndex == index, let shownBefore, let shownNow = ceilSeconds(driver.state.remaining(at: next))
      {
        XCTAssertLessThanOrEqual(shownBefore - shownNow, 1, "the countdown skipped a second at \(next)")
      }
    }
    XCTAssertEqual(driver.state.status, .ended(.finished))
    XCTAssertEqual(driver.state.endedAt, EngineTime.ms(123) + (61 + 20 + 18 + 2) * engineSecond)
    XCTAssertLessThan(wakeUps, 200)
  }

  func ceilSeconds(_ nanoseconds: Int64?) -> Int64? {
    nanoseconds.map { ($0 + engineSecond - 1) / engineSecond }
  }

  func testTheNextChangeIsNeverLaterThanTheNextSecondOrCueWhenReadAtRandom() {
    // The cue moments from a session read every millisecond-scale step, as the oracle.
    let routine = EngineFixtures.routine([
      RoutineStep(.hold(seconds: 90, pressure: .standard), muscle: .rhomboids, tool: .massageBall),
      RoutineStep(.breathe(phases: EngineFixtures.threePhaseBreath, cycles: 2)),
      RoutineStep(.exercise(reps: 4, secondsPerRep: 4), muscle: .lowerTrapezius),
    ])
    var oracle = EngineFixtures.begun(routine, at: .zero)
    oracle.observe(every: 50_000_000, until: EngineTime.s(130))
    let cueMoments = oracle.cues.map(\.at)
    var driver = EngineFixtures.begun(routine, at: .zero)
    var random = SplitMix64(seed: 5)
    while driver.now < EngineTime.s(124) {
      let now = driver.now + Int64.random(in: 1...1_999_000_000, using: &random)
      driver.send(.observe, at: now)
      guard let next = SessionEngine.nextChange(driver.state, after: now),
        let remaining = driver.state.remaining(at: now)
      else { continue }
      let nextSecond = now + (remaining - (remaining - 1) / engineSecond * engineSecond)
      let nextCue = cueMoments.first { $0 > now }
      XCTAssertGreaterThan(next, now)
      XCTAssertLessThanOrEqual(next, nextSecond, "at \(now)")
      if let nextCue { XCTAssertLessThanOrEqual(next, nextCue, "at \(now)") }
    }
  }

  func testThereIsNoNextChangeWhilePausedWaitingForThePersonOrEnded() {
    var driver = EngineFixtures.begun(EngineFixtures.everyKind, at: .zero)
    XCTAssertNil(SessionEngine.nextChange(EngineDriver(EngineFixtures.everyKind).state, after: .zero), "not started")
    XCTAssertNil(SessionEngine.nextChange(driver.state, after: .zero), "untimed placement")
    driver.send(.confirm, at: EngineTime.s(1))
    XCTAssertEqual(SessionEngine.nextChange(driver.state, after: EngineTime.ms(1200)), EngineTime.s(2))
    driver.send(.pause, at: EngineTime.ms(1200))
    XCTAssertNil(SessionEngine.nextChange(driver.state, after: EngineTime.ms(1200)), "paused")
    var rating = EngineDriver(EngineFixtures.everyKind)
    rating.send(.begin, at: .zero)
    XCTAssertNil(SessionEngine.nextChange(rating.state, after: .zero), "rating")
    var traction = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 6)
    XCTAssertNil(SessionEngine.nextChange(traction.state, after: .zero), "traction waiting for its time")
    traction.send(.setClinicianTime(seconds: 90), at: EngineTime.ms(500))
    XCTAssertEqual(SessionEngine.nextChange(traction.state, after: EngineTime.ms(500)), EngineTime.ms(1500))
    traction.send(.quit, at: EngineTime.s(1))
    XCTAssertNil(SessionEngine.nextChange(traction.state, after: EngineTime.s(1)), "ended")
  }

  func testTractionCuesHalfwayThroughTheClinicianTimeNotThroughTheWait() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 6)
    driver.send(.observe, at: EngineTime.s(20))
    driver.send(.setClinicianTime(seconds: 120), at: EngineTime.s(20))
    driver.observe(every: engineSecond, until: EngineTime.s(141))
    XCTAssertEqual(
      cues(driver, from: EngineTime.s(1), to: EngineTime.s(140)),
      [
        timed(.halfway, 80), timed(.countdown(secondsLeft: 3), 137), timed(.countdown(secondsLeft: 2), 138),
        timed(.countdown(secondsLeft: 1), 139), timed(.stepEnd(index: 6), 140), timed(.stepStart(index: 7), 140),
      ])
    XCTAssertEqual(driver.stepEnds.last?.activeNanoseconds, 140 * engineSecond)
    XCTAssertEqual(driver.record.steps.first { $0.index == 6 }?.clinicianSeconds, 120)
  }
}
