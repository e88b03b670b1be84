import UnknotCore
import XCTest

/// A routine becomes a flat list of steps: sides, sets and blocks expanded, ratings around it.
final class EngineTimelineTests: XCTestCase {
  typealias Step = SessionStep

  func summary(_ timeline: Timeline) -> [String] {
    timeline.steps.map { step in
      var text = step.kind.rawValue
      if let side = step.side { text += " \(side.rawValue)" }
      if let seconds = step.plan.seconds { text += " \(seconds)s" }
      if step.setCount > 1 { text += " set \(step.set)/\(step.setCount)" }
      return text
    }
  }

  func testAStepOnBothSidesRunsLeftThenASwitchThenRight() {
    let timeline = Timeline(
      routine: EngineFixtures.routine([
        RoutineStep(.hold(seconds: 60, pressure: .standard), muscle: .rhomboids, tool: .massageBall, side: .both)
      ]))
    XCTAssertEqual(summary(timeline), ["rate", "hold left 60s", "switch-sides right 10s", "hold right 60s", "rate"])
    let switchStep = timeline.steps[2]
    XCTAssertEqual(switchStep.muscle, .rhomboids)
    XCTAssertEqual(switchStep.tool, .massageBall)
    XCTAssertEqual(switchStep.plan, .timed(seconds: Timeline.switchSidesSeconds))
    XCTAssertEqual(Timeline.switchSidesSeconds, 10)
    XCTAssertEqual(timeline.steps[1].pressure, .standard)
    XCTAssertEqual(timeline.steps[3].pressure, .standard)
    XCTAssertEqual(timeline.plannedSeconds, 130)
  }

  func testOneSidedAndMiddleStepsAreNotSplit() {
    let timeline = Timeline(
      routine: EngineFixtures.routine([
        RoutineStep(.hold(seconds: 30, pressure: .standard), side: .left),
        RoutineStep(.hold(seconds: 30, pressure: .standard), side: .right),
        RoutineStep(.rest(seconds: 20)),
      ]))
    XCTAssertEqual(summary(timeline), ["rate", "hold left 30s", "hold right 30s", "rest 20s", "rate"])
  }

  func testSetsRepeatTheStepWithRestsBetweenThem() {
    let timeline = Timeline(
      routine: EngineFixtures.routine([
        RoutineStep(.stretch(secondsPerRep: 20, reps: 2), muscle: .pectoralisMajor, sets: 3, restBetweenSets: 15)
      ]))
    XCTAssertEqual(
      summary(timeline),
      ["rate", "stretch 40s set 1/3", "rest 15s", "stretch 40s set 2/3", "rest 15s", "stretch 40s set 3/3", "rate"])
    XCTAssertEqual(timeline.plannedSeconds, 150)
    XCTAssertEqual(Timeline.plannedSeconds(of: RoutineStep(.hold(seconds: 45, pressure: .standard), sets: 2)), 90)
  }

  func testSetsOnBothSidesFinishOneSideBeforeSwitching() {
    let timeline = Timeline(
      routine: EngineFixtures.routine([
        RoutineStep(.hold(seconds: 30, pressure: .standard), side: .both, sets: 2, restBetweenSets: 10)
      ]))
    XCTAssertEqual(
      summary(timeline),
      [
        "rate", "hold left 30s set 1/2", "rest left 10s", "hold left 30s set 2/2", "switch-sides right 10s",
        "hold right 30s set 1/2", "rest right 10s", "hold right 30s set 2/2", "rate",
      ])
    XCTAssertEqual(timeline.plannedSeconds, 150)
  }

  func testABlockOnBothSidesRunsTheWholeBlockOnEachSide() {
    let block = RoutineStep(
      .block(steps: [
        RoutineStep(.place(getReadySeconds: nil), muscle: .infraspinatus, tool: .massageBall),
        RoutineStep(.hold(seconds: 45, pressure: .standard), muscle: .infraspinatus, tool: .massageBall),
        RoutineStep(.strokes(count: 6, secondsPerStroke: 3), muscle: .infraspinatus, tool: .massageBall),
      ]), side: .both, sets: 2, restBetweenSets: 20)
    let timeline = Timeline(routine: EngineFixtures.routine([block]))
    XCTAssertEqual(
      summary(timeline),
      [
        "rate",
        "place left", "hold left 45s", "strokes left 18s", "rest left 20s", "place left", "hold left 45s",
        "strokes left 18s",
        "switch-sides right 10s",
        "place right", "hold right 45s", "strokes right 18s", "rest right 20s", "place right", "hold right 45s",
        "strokes right 18s",
        "rate",
      ])
    XCTAssertTrue(timeline.hasOpenEndedSteps)
    XCTAssertEqual(timeline.plannedSeconds, 2 * (2 * (45 + 18) + 20) + 10)
  }

  func testPainRatingsBracketTheSessionAndRoutinesMayRateBetween() {
    let timeline = Timeline(routine: EngineFixtures.everyKind)
    let ratings = timeline.steps.enumerated().compactMap { index, step -> String? in
      guard case .rating(let moment) = step.plan else { return nil }
      return "\(index) \(moment.rawValue)"
    }
    XCTAssertEqual(ratings, ["0 before", "11 between", "15 after"])
    XCTAssertEqual(timeline.steps[11].muscle, .rhomboids)
    XCTAssertEqual(timeline.steps[11].side, .left)
    XCTAssertNil(timeline.steps[0].muscle)
    XCTAssertEqual(timeline.plannedSeconds, 10 + 60 + 10 + 60 + 24 + 27 + 30 + 20 + 30 + 40 + 15)
  }

  func testEachStepKindCarriesItsPlannedLengthOrCount() {
    let plans = Timeline(routine: EngineFixtures.everyKind).steps.map(\.plan)
    XCTAssertEqual(plans[1], .untimed)
    XCTAssertEqual(plans[2], .timed(seconds: 10))
    XCTAssertEqual(plans[3], .timed(seconds: 60))
    XCTAssertEqual(plans[6], .clinicianTimed(settings: ["angle"]))
    XCTAssertEqual(plans[7], .repetitions(count: 8, secondsEach: 3))
    XCTAssertEqual(plans[8], .breathing(phases: EngineFixtures.threePhaseBreath, cycles: 3))
    XCTAssertEqual(plans[9], .timed(seconds: 30))
    XCTAssertEqual(plans[12], .timed(seconds: 30))
    XCTAssertEqual(plans[13], .repetitions(count: 2, secondsEach: 20))
    XCTAssertEqual(plans[14], .repetitions(count: 5, secondsEach: 3))
    XCTAssertEqual(plans.map(\.seconds), [nil, nil, 10, 60, 10, 60, nil, 24, 27, 30, 20, nil, 30, 40, 15, nil])
  }

  func testTheSessionStartsWithItsPlannedTotal() {
    var driver = EngineDriver(EngineFixtures.everyKind)
    let events = driver.send(.begin, at: EngineTime.s(3))
    let timeline = Timeline(routine: EngineFixtures.everyKind)
    XCTAssertEqual(
      events.first,
      .sessionStarted(
        routineID: "every-kind", stepCount: 16, plannedSeconds: timeline.plannedSeconds, at: EngineTime.s(3)))
    XCTAssertEqual(driver.record.plannedSeconds, 326)
    XCTAssertEqual(
      events.engineStepStarts,
      [.init(index: 0, kind: .rate, muscle: nil, side: nil, plannedSeconds: nil, at: EngineTime.s(3))])
  }

  func testRatingsCarryTheirStepMuscleSideAndMoment() {
    let block = RoutineStep(
      .block(steps: [
        RoutineStep(.hold(seconds: 30, pressure: .standard), muscle: .infraspinatus, tool: .massageBall),
        RoutineStep(.rate, muscle: .infraspinatus),
      ]), side: .both)
    var driver = EngineDriver(EngineFixtures.routine([block]))
    driver.send(.begin, at: .zero)
    var now = Moment.zero
    // 6 before and falling ratings: nothing here asks how to go on (PainRules).
    var value = 6
    while !driver.state.hasEnded {
      if driver.state.currentStep.plan.engineIsRating {
        driver.send(value == 4 ? .skipRating : .rate(value), at: now)
        value -= 1
      } else {
        now = now + engineSecond
        driver.send(.observe, at: now)
      }
    }
    let ratings = driver.record.ratings
    XCTAssertEqual(ratings.map(\.value), [6, 5, nil, 3])
    XCTAssertEqual(ratings.map(\.moment), [.before, .between, .between, .after])
    XCTAssertEqual(ratings.map(\.muscle), [nil, .infraspinatus, .infraspinatus, nil])
    XCTAssertEqual(ratings.map(\.side), [nil, .left, .right, nil])
    XCTAssertEqual(ratings.map(\.stepIndex), [0, 2, 5, 6])
    XCTAssertEqual(ratings.map(\.at), [0, 30, 70, 70].map { EngineTime.s($0) })
    XCTAssertEqual(driver.record.before, 6)
    XCTAssertEqual(driver.record.after, 3)
  }

  /// The step limit counts steps without expanding them; the count must agree with the
  /// expansion a session walks, for every fixture routine (sides, sets, nested blocks).
  func testCountingStepsAgreesWithExpandingThem() {
    let files = FixtureRoutines.all()
    XCTAssertGreaterThan(files.count, 3, "the fixture routines are missing from \(FixtureRoutines.folder.path)")
    for file in files {
      guard let routine = RoutineLoader.load(bytes: file.bytes, path: file.name).routine else {
        return XCTFail("\(file.name) does not load")
      }
      let timeline = Timeline(routine: routine)
      let counted = Timeline.plannedSize(of: routine.steps)
      // The timeline adds the ratings before and after.
      XCTAssertEqual(counted.steps, timeline.steps.count - 2, file.name)
      XCTAssertEqual(counted.seconds, timeline.plannedSeconds, file.name)
    }
  }
}
