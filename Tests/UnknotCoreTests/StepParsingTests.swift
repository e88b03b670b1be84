import UnknotCore
import XCTest

/// Every step kind read from a routine file, with its defaults, and every way to write a duration.
final class StepParsingTests: XCTestCase {
  // MARK: - place

  func testAPlaceWithoutDurationWaitsForThePersonToConfirm() {
    let step = onlyStep(
      steps: [
        "  - kind: place",
        "    muscle: rhomboids",
        "    tool: massage-ball",
        "    placement: Beside the spine, never on it.",
        "  - kind: hold",
        "    muscle: rhomboids",
        "    tool: massage-ball",
      ], index: 0)
    XCTAssertEqual(step?.action, .place(getReadySeconds: nil))
    XCTAssertEqual(step?.placement, "Beside the spine, never on it.")
    XCTAssertEqual(step?.muscle, .rhomboids)
    XCTAssertEqual(step?.tool, .massageBall)
  }

  func testAPlaceWithDurationCountsDownToGetReady() {
    let step = onlyStep(
      steps: [
        "  - kind: place",
        "    muscle: rhomboids",
        "    tool: massage-ball",
        "    placement: Beside the spine.",
        "    duration: 10s",
        "  - kind: hold",
        "    muscle: rhomboids",
        "    tool: massage-ball",
      ], index: 0)
    XCTAssertEqual(step?.action, .place(getReadySeconds: 10))
  }

  // MARK: - hold

  func testAHoldDefaultsToSixtySecondsAtFiveToSeven() {
    let step = onlyStep(steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball"])
    XCTAssertEqual(step?.action, .hold(seconds: 60, pressure: PressureTarget(low: 5, high: 7)))
    XCTAssertEqual(PressureTarget.standard, PressureTarget(low: 5, high: 7))
  }

  func testAHoldTakesASinglePressureLevelOrARange() {
    func pressure(_ written: String) -> PressureTarget? {
      let step = onlyStep(
        steps: [
          "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    pressure: \(written)",
        ])
      guard case .hold(_, let target) = step?.action else { return nil }
      return target
    }
    XCTAssertEqual(pressure("6"), PressureTarget(low: 6, high: 6))
    XCTAssertEqual(pressure("\"6\""), PressureTarget(low: 6, high: 6))
    XCTAssertEqual(pressure("5-7"), PressureTarget(low: 5, high: 7))
    XCTAssertEqual(pressure("4–6"), PressureTarget(low: 4, high: 6))
  }

  // MARK: - strokes, roll, stretch, exercise

  func testStrokesDefaultToEightAtThreeSecondsEach() {
    let step = onlyStep(steps: ["  - kind: strokes", "    muscle: rhomboids", "    tool: massage-ball"])
    XCTAssertEqual(step?.action, .strokes(count: 8, secondsPerStroke: 3))
  }

  func testStrokesTakeACountAndAPace() {
    let step = onlyStep(
      steps: [
        "  - kind: strokes", "    muscle: rhomboids", "    tool: massage-ball", "    count: 10", "    pace: 4s",
      ])
    XCTAssertEqual(step?.action, .strokes(count: 10, secondsPerStroke: 4))
  }

  func testARollTakesADurationAndASpan() {
    let step = onlyStep(
      targets: "[erector-spinae]", tools: "[foam-roller]",
      steps: [
        "  - kind: roll",
        "    muscle: erector-spinae",
        "    tool: foam-roller",
        "    span: from the shoulder blades to the mid back",
        "    duration: 90s",
      ])
    XCTAssertEqual(step?.action, .roll(seconds: 90, span: "from the shoulder blades to the mid back"))
  }

  func testARollDefaultsToSixtySecondsWithNoSpan() {
    let step = onlyStep(
      targets: "[erector-spinae]", tools: "[foam-roller]",
      steps: ["  - kind: roll", "    muscle: erector-spinae", "    tool: foam-roller"])
    XCTAssertEqual(step?.action, .roll(seconds: 60, span: nil))
  }

  func testAStretchTakesSecondsPerRepAndReps() {
    let step = onlyStep(
      tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids", "    duration: 20s", "    reps: 3"])
    XCTAssertEqual(step?.action, .stretch(secondsPerRep: 20, reps: 3))
    XCTAssertEqual(step?.tool, Tool.none)
  }

  func testAStretchDefaultsToTwoRepsOfThirtySeconds() {
    let step = onlyStep(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids"])
    XCTAssertEqual(step?.action, .stretch(secondsPerRep: 30, reps: 2))
  }

  func testAnExerciseTakesRepsAtATempo() {
    let step = onlyStep(
      targets: "[suboccipitals]", tools: "[]",
      steps: ["  - kind: exercise", "    muscle: suboccipitals", "    reps: 10", "    tempo: 5s"])
    XCTAssertEqual(step?.action, .exercise(reps: 10, secondsPerRep: 5))
  }

  func testAnExerciseTempoDefaultsToThreeSeconds() {
    let step = onlyStep(
      targets: "[suboccipitals]", tools: "[]",
      steps: ["  - kind: exercise", "    muscle: suboccipitals", "    reps: 5"])
    XCTAssertEqual(step?.action, .exercise(reps: 5, secondsPerRep: 3))
  }

  // MARK: - breathe

  func testBreathingRunsTheGivenPhasesForTheGivenCycles() {
    let step = onlyStep(
      tools: "[]",
      steps: [
        "  - kind: breathe",
        "    muscle: rhomboids",
        "    phases:",
        "      - {phase: inhale, duration: 4s}",
        "      - {phase: hold, duration: 4}",
        "      - {phase: Top Up, duration: 1s}",
        "      - {phase: exhale, duration: 6s}",
        "    cycles: 6",
      ])
    let phases = [
      BreathPhase(.inhale, seconds: 4), BreathPhase(.hold, seconds: 4), BreathPhase(.topUp, seconds: 1),
      BreathPhase(.exhale, seconds: 6),
    ]
    XCTAssertEqual(step?.action, .breathe(phases: phases, cycles: 6))
  }

  func testBreathingForADurationRunsWholeCyclesRoundedUp() {
    // 2 + 1 + 6 = 9 s a cycle; one minute is 6⅔ cycles, so the person gets 7 whole ones.
    let step = onlyStep(
      tools: "[]",
      steps: [
        "  - kind: breathe",
        "    muscle: rhomboids",
        "    phases:",
        "      - {phase: inhale, duration: 2s}",
        "      - {phase: top-up, duration: 1s}",
        "      - {phase: exhale, duration: 6s}",
        "    duration: 1m",
      ])
    guard case .breathe(let phases, let cycles) = step?.action else {
      return XCTFail("not a breathing step: \(String(describing: step))")
    }
    XCTAssertEqual(phases.map(\.kind), [.inhale, .topUp, .exhale])
    XCTAssertEqual(cycles, 7)
  }

  func testBreathingForADurationThatFitsWholeCyclesRunsExactlyThose() {
    // 4 + 6 = 10 s a cycle; 5 minutes is exactly 30 cycles.
    let step = onlyStep(tools: "[]", steps: breathing(duration: "5m"))
    XCTAssertEqual(
      step?.action, .breathe(phases: [BreathPhase(.inhale, seconds: 4), BreathPhase(.exhale, seconds: 6)], cycles: 30))
  }

  // MARK: - heat, traction, rest, rate

  func testHeatDefaultsToFifteenMinutes() {
    let step = onlyStep(
      targets: "[upper-trapezius]", tools: "[heat-pack]",
      steps: ["  - kind: heat", "    muscle: upper-trapezius", "    tool: heat-pack"])
    XCTAssertEqual(step?.action, .heat(seconds: 15 * 60))
  }

  func testTractionKeepsTheClinicianSettingsAndNeedsAClinician() {
    let loaded = load(
      routine(
        targets: "[cervical-spine]", tools: "[traction-device]",
        steps: ["  - kind: traction", "    clinician-settings: [duration, Tension]", "    position: lying-on-back"]))
    let routine = assertClean(loaded)
    XCTAssertEqual(routine?.steps.first?.action, .traction(clinicianSettings: ["duration", "tension"]))
    XCTAssertEqual(routine?.steps.first?.muscle, .cervicalSpine, "traction works on the cervical spine")
    XCTAssertEqual(routine?.steps.first?.tool, .tractionDevice, "traction uses the traction device")
    XCTAssertEqual(routine?.requiresClinician, true, "a routine with traction always asks for the clinician")
  }

  func testRequiresClinicianCanBeSetWithoutTraction() {
    let lines = header(tools: "[]") + ["  - kind: stretch", "    muscle: rhomboids", "    position: sitting"]
    let text = yaml(lines.prefix(7) + ["requires-clinician: true"] + lines.suffix(from: 7))
    XCTAssertEqual(assertClean(load(text))?.requiresClinician, true)
    XCTAssertEqual(assertClean(load(yaml(lines)))?.requiresClinician, false)
  }

  func testRestDefaultsToTwentySeconds() {
    let step = onlyStep(
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "  - kind: rest"], index: 1)
    XCTAssertEqual(step?.action, .rest(seconds: 20))
  }

  func testARateStepMayNameAMuscleAndSide() {
    let step = onlyStep(
      steps: [
        "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "  - kind: rate",
        "    muscle: rhomboids", "    side: left",
      ], index: 1)
    XCTAssertEqual(step?.action, .rate)
    XCTAssertEqual(step?.muscle, .rhomboids)
    XCTAssertEqual(step?.side, .left)
  }

  // MARK: - block and the keys every step takes

  func testABlockGroupsStepsAndCarriesTheSide() {
    let step = onlyStep(
      steps: [
        "  - kind: block",
        "    title: One side at a time",
        "    side: both",
        "    steps:",
        "      - kind: place",
        "        muscle: rhomboids",
        "        tool: massage-ball",
        "        placement: Beside the spine.",
        "      - kind: hold",
        "        muscle: rhomboids",
        "        tool: massage-ball",
      ])
    XCTAssertEqual(step?.kind, .block)
    XCTAssertEqual(step?.side, .both)
    XCTAssertEqual(step?.title, "One side at a time")
    guard case .block(let inner) = step?.action else { return XCTFail("not a block") }
    XCTAssertEqual(inner.map(\.kind), [.place, .hold])
    XCTAssertEqual(inner.map(\.side), [.middle, .middle], "inner steps take the block's side when it runs")
  }

  func testEveryStepTakesTitleSideCuesSetsAndRestBetween() {
    let step = onlyStep(
      steps: [
        "  - kind: hold",
        "    title: Press and wait",
        "    muscle: rhomboids",
        "    tool: massage-ball",
        "    side: right",
        "    cues: [Breathe slowly., Let it sink.]",
        "    sets: 3",
        "    rest-between: 15s",
      ])
    XCTAssertEqual(step?.title, "Press and wait")
    XCTAssertEqual(step?.side, .right)
    XCTAssertEqual(step?.cues, ["Breathe slowly.", "Let it sink."])
    XCTAssertEqual(step?.sets, 3)
    XCTAssertEqual(step?.restBetweenSets, 15)
  }

  func testAStepLeftWithoutSideIsInTheMiddleOnceWithNoTool() {
    let step = onlyStep(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids"])
    XCTAssertEqual(step?.side, .middle)
    XCTAssertEqual(step?.sets, 1)
    XCTAssertNil(step?.restBetweenSets)
    XCTAssertNil(step?.title)
    XCTAssertEqual(step?.cues, [])
    XCTAssertEqual(step?.tool, Tool.none)
  }

  func testASingleCueNeedNotBeAList() {
    let step = onlyStep(
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    cues: Breathe slowly."])
    XCTAssertEqual(step?.cues, ["Breathe slowly."])
  }

  func testMusclesAndToolsMayBeWrittenWithAliases() {
    let loaded = load(
      routine(
        targets: "[Rhomboid, traps]", tools: "[lacrosse ball]",
        steps: [
          "  - kind: hold", "    muscle: rhombs", "    tool: ball", "    position: wall", "  - kind: hold",
          "    muscle: Upper Trapezius", "    tool: massage_ball", "    position: Against a wall",
        ]))
    let routine = assertClean(loaded)
    XCTAssertEqual(routine?.targets, [.rhomboids, .upperTrapezius])
    XCTAssertEqual(routine?.tools, [.massageBall])
    XCTAssertEqual(routine?.steps.map(\.muscle), [.rhomboids, .upperTrapezius])
    XCTAssertEqual(routine?.steps.map(\.position), [.atAWall, .atAWall])
  }

  func testGroupsDefaultToThoseOfTheTargetsInPickerOrder() {
    let routine = assertClean(
      load(
        routine(
          targets: "[lower-trapezius, upper-trapezius]", tools: "[]",
          steps: positioned([
            "  - kind: stretch", "    muscle: lower-trapezius", "  - kind: stretch", "    muscle: upper-trapezius",
          ]))))
    XCTAssertEqual(routine?.groups, [.neck, .shoulders, .betweenBlades, .midBack])
  }

  func testGroupsWrittenOutReplaceTheDefault() {
    let lines =
      header() + ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"]
    let text = yaml(lines.prefix(6) + ["groups: [between-blades]"] + lines.suffix(from: 6))
    XCTAssertEqual(assertClean(load(text))?.groups, [.betweenBlades])
  }

  func testTheRoutineKeepsItsTextsAsWritten() {
    let text = yaml([
      "format: 1",
      "id: texts",
      "title: Texts",
      "summary: >-",
      "  Two lines folded",
      "  into one.",
      "targets: [rhomboids]",
      "tools: []",
      "cautions:",
      "  - Keep off the spine.",
      "stop-rules: [The ball slides onto the spine.]",
      "sources: [\"Hou et al. 2002: 60–90 s\"]",
      "steps:",
      "  - kind: stretch",
      "    muscle: rhomboids",
      "    position: standing",
    ])
    let routine = assertClean(load(text))
    XCTAssertEqual(routine?.id, "texts")
    XCTAssertEqual(routine?.title, "Texts")
    XCTAssertEqual(routine?.summary, "Two lines folded into one.")
    XCTAssertEqual(routine?.cautions, ["Keep off the spine."])
    XCTAssertEqual(routine?.extraStopRules, [RoutineStopRule(text: "The ball slides onto the spine.")])
    XCTAssertEqual(routine?.sources, ["Hou et al. 2002: 60–90 s"])
    XCTAssertEqual(routine?.requiresClinician, false)
  }

  // MARK: - Durations

  func testDurationsReadWholeSecondsAndUnits() {
    XCTAssertEqual(restSeconds("60"), 60)
    XCTAssertEqual(restSeconds("45s"), 45)
    XCTAssertEqual(restSeconds("2m"), 120)
    XCTAssertEqual(restSeconds("1m30s"), 90)
    XCTAssertEqual(restSeconds("1m 30s"), 90)
    XCTAssertEqual(restSeconds("90 sec"), 90)
    XCTAssertEqual(restSeconds("2 min"), 120)
    XCTAssertEqual(restSeconds("3M"), 180)
  }

  func testFifteenMinWritesAFifteenMinuteHeat() {
    let step = onlyStep(
      targets: "[upper-trapezius]", tools: "[heat-pack]",
      steps: ["  - kind: heat", "    muscle: upper-trapezius", "    tool: heat-pack", "    duration: 15min"])
    XCTAssertEqual(step?.action, .heat(seconds: 900))
  }

  func testOneHourOfBreathingIsThreeHundredSixtyTenSecondCycles() {
    let step = onlyStep(tools: "[]", steps: breathing(duration: "1h"))
    guard case .breathe(_, let cycles) = step?.action else { return XCTFail("not a breathing step") }
    XCTAssertEqual(cycles, 360)
  }

  func testDurationsThatAreNotDurationsAreErrorsAtTheValue() {
    for written in ["soon", "1.5m", "m", "5x", "-5", "30s5", "1d"] {
      let loaded = load(
        routine(steps: [
          "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    duration: \(written)",
        ])
      )
      assertDiagnostic(
        loaded, .error, at: (12, 15), "'duration' should be a duration such as 60, 45s, 2m, 1m30s or 15min")
    }
  }

  // MARK: - Helpers

  /// Loads a routine that must come out clean and returns one of its steps; steps that
  /// name no position get one (see `positioned`).
  private func onlyStep(
    targets: String = "[rhomboids]", tools: String = "[massage-ball]", steps: [String], index: Int = 0,
    file: StaticString = #filePath, line: UInt = #line
  ) -> RoutineStep? {
    let loaded = load(routine(targets: targets, tools: tools, steps: positioned(steps)))
    let routine = assertClean(loaded, file: file, line: line)
    guard let routine, routine.steps.indices.contains(index) else { return nil }
    return routine.steps[index]
  }

  private func restSeconds(_ written: String, file: StaticString = #filePath, line: UInt = #line) -> Int? {
    let step = onlyStep(
      steps: [
        "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "  - kind: rest",
        "    duration: \(written)",
      ], index: 1, file: file, line: line)
    guard case .rest(let seconds) = step?.action else { return nil }
    return seconds
  }

  private func breathing(duration: String) -> [String] {
    [
      "  - kind: breathe",
      "    muscle: rhomboids",
      "    phases:",
      "      - {phase: inhale, duration: 4s}",
      "      - {phase: exhale, duration: 6s}",
      "    duration: \(duration)",
    ]
  }
}
