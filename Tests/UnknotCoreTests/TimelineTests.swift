import XCTest

@testable import UnknotCore

/// A routine expanded into what the person goes through: sides, sets and ratings.
final class TimelineTests: XCTestCase {
  private let hold = RoutineStep(.hold(seconds: 60, pressure: .standard), muscle: .rhomboids, tool: .massageBall)

  private func timeline(_ steps: [RoutineStep]) -> Timeline {
    Timeline(
      routine: Routine(
        id: "t", title: "T", summary: "S", groups: [.betweenBlades], targets: [.rhomboids], tools: [.massageBall],
        steps: steps))
  }

  // MARK: - Ratings

  func testASessionIsBracketedByPainRatings() {
    let steps = timeline([hold]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .hold, .rate])
    XCTAssertEqual(steps.first?.plan, .rating(.before))
    XCTAssertEqual(steps.last?.plan, .rating(.after))
    XCTAssertEqual(steps.first?.title, "Rate your pain")
  }

  func testARateStepBetweenStepsIsABetweenRating() {
    let steps = timeline([hold, RoutineStep(.rate), hold]).steps
    XCTAssertEqual(
      steps.map(\.plan),
      [.rating(.before), .timed(seconds: 60), .rating(.between), .timed(seconds: 60), .rating(.after)])
  }

  // MARK: - Sides

  func testBothSidesRunLeftThenASwitchThenRight() {
    let stretch = RoutineStep(.stretch(secondsPerRep: 30, reps: 2), muscle: .rhomboids, side: .both)
    let steps = timeline([stretch]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .stretch, .switchSides, .stretch, .rate])
    XCTAssertEqual(steps.map(\.side), [nil, .left, .right, .right, nil])
    XCTAssertEqual(steps[2].title, "Switch to the right side")
    XCTAssertEqual(steps[2].plan, .timed(seconds: Timeline.switchSidesSeconds))
    XCTAssertEqual(Timeline.switchSidesSeconds, 10)
    XCTAssertEqual(steps[1].plan, .repetitions(count: 2, secondsEach: 30))
  }

  func testOneSideRunsOnlyThatSide() {
    var left = hold
    left.side = .left
    let steps = timeline([left]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .hold, .rate])
    XCTAssertEqual(steps[1].side, .left)
  }

  func testAMiddleStepHasNoSide() {
    XCTAssertNil(timeline([hold]).steps[1].side)
  }

  func testABlockOnBothSidesRunsTheWholeBlockOnEachSide() {
    let place = RoutineStep(.place(getReadySeconds: nil), muscle: .rhomboids, tool: .massageBall, placement: "Here.")
    let block = RoutineStep(.block(steps: [place, hold]), title: "One side at a time", side: .both)
    let steps = timeline([block]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .place, .hold, .switchSides, .place, .hold, .rate])
    XCTAssertEqual(steps.map(\.side), [nil, .left, .left, .right, .right, .right, nil])
    XCTAssertEqual(steps[1].plan, .untimed)
    XCTAssertEqual(steps[1].placement, "Here.")
  }

  func testARatingInsideASidedBlockIsAskedForEachSide() {
    let block = RoutineStep(.block(steps: [hold, RoutineStep(.rate, muscle: .rhomboids)]), side: .both)
    let steps = timeline([block]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .hold, .rate, .switchSides, .hold, .rate, .rate])
    XCTAssertEqual(steps[2].side, .left)
    XCTAssertEqual(steps[5].side, .right)
    XCTAssertEqual(steps[5].plan, .rating(.between))
  }

  func testANestedBlockTakesTheSideOfItsOuterBlock() {
    let inner = RoutineStep(.block(steps: [hold]))
    let outer = RoutineStep(.block(steps: [inner, hold]), side: .both)
    let steps = timeline([outer]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .hold, .hold, .switchSides, .hold, .hold, .rate])
    XCTAssertEqual(steps.map(\.side), [nil, .left, .left, .right, .right, .right, nil])
  }

  // MARK: - Sets

  func testSetsRepeatTheStepWithARestBetween() {
    var sets = hold
    sets.sets = 3
    sets.restBetweenSets = 20
    let steps = timeline([sets]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .hold, .rest, .hold, .rest, .hold, .rate])
    XCTAssertEqual(steps.filter { $0.kind == .hold }.map(\.set), [1, 2, 3])
    XCTAssertEqual(steps.filter { $0.kind == .hold }.map(\.setCount), [3, 3, 3])
    XCTAssertEqual(steps[2].plan, .timed(seconds: 20))
    XCTAssertEqual(steps[2].title, "Rest between sets")
  }

  func testSetsWithoutRestFollowEachOther() {
    var sets = hold
    sets.sets = 2
    XCTAssertEqual(timeline([sets]).steps.map(\.kind), [.rate, .hold, .hold, .rate])
  }

  func testSetsOnBothSidesFinishOneSideFirst() {
    var sets = hold
    sets.sets = 2
    sets.restBetweenSets = 15
    sets.side = .both
    let steps = timeline([sets]).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .hold, .rest, .hold, .switchSides, .hold, .rest, .hold, .rate])
    XCTAssertEqual(steps.map(\.side), [nil, .left, .left, .left, .right, .right, .right, .right, nil])
  }

  func testABlockWithSetsRepeatsTheWholeBlock() {
    let stretch = RoutineStep(.stretch(secondsPerRep: 20, reps: 2), muscle: .rhomboids)
    var block = RoutineStep(.block(steps: [hold, stretch]))
    block.sets = 2
    block.restBetweenSets = 30
    XCTAssertEqual(timeline([block]).steps.map(\.kind), [.rate, .hold, .stretch, .rest, .hold, .stretch, .rate])
  }

  // MARK: - Planned time

  func testPlannedSecondsAddUpEveryTimedStep() {
    var sets = hold
    sets.sets = 2
    sets.restBetweenSets = 20
    sets.side = .both
    let breathe = RoutineStep(
      .breathe(phases: [BreathPhase(.inhale, seconds: 4), BreathPhase(.exhale, seconds: 6)], cycles: 3))
    let steps = [
      sets,  // (60 + 20 + 60) a side, and 10 s to switch: 290
      RoutineStep(.strokes(count: 8, secondsPerStroke: 3), muscle: .rhomboids, tool: .massageBall),  // 24
      RoutineStep(.exercise(reps: 10, secondsPerRep: 5), muscle: .rhomboids),  // 50
      breathe,  // 30
      RoutineStep(.heat(seconds: 600), tool: .heatPack),  // 600
      RoutineStep(.roll(seconds: 90, span: nil), muscle: .rhomboids),  // 90
      RoutineStep(.rest(seconds: 20)),  // 20
      RoutineStep(.rate),  // 0
    ]
    let timeline = timeline(steps)
    XCTAssertEqual(timeline.plannedSeconds, 290 + 24 + 50 + 30 + 600 + 90 + 20)
    XCTAssertFalse(timeline.hasOpenEndedSteps)
    XCTAssertEqual(Timeline.plannedSeconds(of: sets), 290)
  }

  func testUntimedPlacementAndTractionAddNoPlannedTimeButMakeItOpenEnded() {
    let place = RoutineStep(.place(getReadySeconds: nil), muscle: .rhomboids, placement: "Here.")
    let traction = RoutineStep(
      .traction(clinicianSettings: ["duration"]), muscle: .cervicalSpine, tool: .tractionDevice)
    for step in [place, traction] {
      let timeline = timeline([step, hold])
      XCTAssertEqual(timeline.plannedSeconds, 60)
      XCTAssertTrue(timeline.hasOpenEndedSteps)
    }
    let timedPlace = RoutineStep(.place(getReadySeconds: 15), muscle: .rhomboids, placement: "Here.")
    XCTAssertEqual(timeline([timedPlace, hold]).plannedSeconds, 75)
    XCTAssertFalse(timeline([timedPlace, hold]).hasOpenEndedSteps)
  }

  // MARK: - What each step shows

  func testAStepWithoutTitleGetsOneFromItsKind() {
    XCTAssertEqual(timeline([hold]).steps[1].title, "Pressure hold")
    var titled = hold
    titled.title = "Press and wait"
    XCTAssertEqual(timeline([titled]).steps[1].title, "Press and wait")
  }

  func testAHoldCarriesItsPressureTarget() {
    let gentle = RoutineStep(.hold(seconds: 45, pressure: PressureTarget(low: 5, high: 5)), muscle: .rhomboids)
    XCTAssertEqual(timeline([gentle]).steps[1].pressure, PressureTarget(low: 5, high: 5))
    XCTAssertNil(timeline([RoutineStep(.rest(seconds: 20))]).steps[1].pressure)
  }

  func testARollShowsItsSpan() {
    let roll = RoutineStep(.roll(seconds: 60, span: "from the armpit to the ribs"), muscle: .latissimusDorsi)
    XCTAssertEqual(timeline([roll]).steps[1].placement, "Roll from the armpit to the ribs.")
    var placed = roll
    placed.placement = "Lie on your side."
    XCTAssertTrue(timeline([placed]).steps[1].placement?.contains("from the armpit to the ribs") ?? false)
    XCTAssertTrue(timeline([placed]).steps[1].placement?.contains("Lie on your side.") ?? false)
  }

  func testBreathingPlansItsPhasesAndCycles() {
    let phases = [BreathPhase(.inhale, seconds: 2), BreathPhase(.topUp, seconds: 1), BreathPhase(.exhale, seconds: 6)]
    let step = timeline([RoutineStep(.breathe(phases: phases, cycles: 5))]).steps[1]
    XCTAssertEqual(step.plan, .breathing(phases: phases, cycles: 5))
    XCTAssertEqual(step.plan.seconds, 45)
  }

  // MARK: - check's report

  func testACleanCheckExitsZero() {
    let report = CheckReport(library: library(["a.yaml": simpleRoutine(id: "a")]))
    XCTAssertEqual(report.exitCode(strict: false), 0)
    XCTAssertEqual(report.exitCode(strict: true), 0)
    XCTAssertEqual(report.summary, "checked 1 file: 0 errors, 0 warnings")
  }

  func testAnErrorMakesCheckExitOne() {
    let broken = simpleRoutine(id: "b").replacingOccurrences(of: "format: 1", with: "format: 2")
    let report = CheckReport(library: library(["a.yaml": simpleRoutine(id: "a"), "b.yaml": broken]))
    XCTAssertEqual(report.exitCode(strict: false), 1)
    XCTAssertEqual(report.exitCode(strict: true), 1)
    XCTAssertEqual(report.summary, "checked 2 files: 1 error, 0 warnings")
    XCTAssertEqual(report.diagnostics.map(\.file), ["Routines/b.yaml"])
  }

  func testAWarningFailsOnlyAStrictCheck() {
    let report = CheckReport(library: library(["other-name.yaml": simpleRoutine(id: "a")]))
    XCTAssertEqual(report.warningCount, 1)
    XCTAssertEqual(report.exitCode(strict: false), 0)
    XCTAssertEqual(report.exitCode(strict: true), 1)
    XCTAssertEqual(report.summary, "checked 1 file: 0 errors, 1 warning")
  }

  func testCheckCountsEveryProblemOfEveryFile() {
    let twoErrors = routine(steps: [
      "  - kind: hold", "    muscle: rhombods", "    tool: massage-ball", "    position: at-a-wall", "  - kind: hould",
    ])
    let report = CheckReport(library: library(["test.yaml": twoErrors, "a.yaml": simpleRoutine(id: "b")]))
    // test.yaml: the unknown muscle and kind, and the target no step works on;
    // a.yaml: an id that is not the file name.
    XCTAssertEqual(report.errorCount, 2)
    XCTAssertEqual(report.warningCount, 2)
    XCTAssertEqual(report.summary, "checked 2 files: 2 errors, 2 warnings")
  }

  func testCheckingFoldersAndFilesTogetherFindsDuplicateIdsAmongThem() throws {
    let folder = try temporaryFolder()
    let other = try temporaryFolder()
    try write(simpleRoutine(id: "same"), to: folder + "/same.yaml")
    try write(simpleRoutine(id: "same"), to: other + "/same.yaml")
    let report = CheckReport.paths([other + "/same.yaml", folder])
    XCTAssertEqual(report.errorCount, 1, report.diagnostics.map(\.description).joined(separator: "\n"))
    XCTAssertTrue(report.diagnostics.first?.message.hasPrefix("duplicate routine id 'same'") ?? false)
    XCTAssertEqual(report.summary, "checked 2 files: 1 error, 0 warnings")
  }

  private func library(_ files: [String: String]) -> RoutineLibrary {
    RoutineLibrary.load(
      RoutineSearchPath(userFolder: nil),
      builtInFiles: files.sorted { $0.key < $1.key }.map { builtIn($0.key, $0.value) })
  }
}
