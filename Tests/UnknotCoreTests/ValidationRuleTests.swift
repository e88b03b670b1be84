import UnknotCore
import XCTest

/// Each check of docs/routine-format.md, at the exact line and column a person must fix.
/// The routines come from `routine(steps:)`: the header is lines 1–8 (format, id, title,
/// summary, targets, tools, sources, steps) and the first step starts on line 9.
final class ValidationRuleTests: XCTestCase {
  private let hold = ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball"]
  /// The hold with its position, for routines that must load with no warning at all.
  private let placedHold = [
    "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall",
  ]

  // MARK: - YAML itself

  func testAYAMLSyntaxErrorPointsAtTheOffendingColon() {
    let loaded = load(yaml(replacing(3, with: "title: a: b", in: header() + hold)))
    assertDiagnostic(loaded, .error, at: (3, 9), "YAML syntax error: mapping values are not allowed in this context")
    XCTAssertEqual(loaded.diagnostics.count, 1, loaded.listing)
  }

  func testAKeyWrittenTwiceIsAnErrorOnThatKey() {
    let loaded = load(yaml(["format: 1", "id: test", "title: A", "title: B"]))
    XCTAssertEqual(loaded.errors.count, 1, loaded.listing)
    let error = loaded.errors.first
    XCTAssertEqual(error?.message, "the key 'title' appears twice in the same mapping; keep one")
    XCTAssertTrue([3, 4].contains(error?.line ?? 0), loaded.listing)
    XCTAssertEqual(error?.column, 1)
  }

  func testAnEmptyFileSaysWhatARoutineNeeds() {
    for text in ["", "# only a comment\n", "\n\n"] {
      let loaded = load(text)
      assertDiagnostic(loaded, .error, at: (1, 1), "the file is empty; a routine needs at least format, id")
    }
  }

  func testTwoDocumentsInOneFileAreRefused() {
    let text = simpleRoutine(id: "test") + "---\n" + simpleRoutine(id: "other")
    let loaded = load(text)
    XCTAssertNil(loaded.routine)
    XCTAssertTrue(
      loaded.errors.contains { $0.message.hasPrefix("the file holds more than one YAML document") }, loaded.listing)
  }

  func testAFileThatIsAListIsNotARoutine() {
    assertDiagnostic(load("- a\n- b\n"), .error, at: (1, 1), "a routine should be a mapping of keys to values")
  }

  func testWindowsLineEndingsAreFine() {
    let text = routine(steps: placedHold).replacingOccurrences(of: "\n", with: "\r\n")
    assertClean(load(text))
  }

  func testAByteOrderMarkIsFine() {
    assertClean(load(bytes: [0xEF, 0xBB, 0xBF] + Array(routine(steps: placedHold).utf8)))
  }

  // MARK: - Unknown names

  func testAnUnknownRoutineKeySuggestsTheNearestKey() {
    let loaded = load(yaml(replacing(3, with: "titel: Test routine", in: header() + hold)))
    assertDiagnostic(loaded, .error, at: (3, 1), "unknown key 'titel' in a routine; did you mean 'title'?")
    assertDiagnostic(loaded, .error, at: (1, 1), "the routine has no 'title'; add it")
  }

  func testAnUnknownKeyWithNothingNearListsTheKnownKeys() {
    let loaded = load(yaml(header() + hold + ["colour: blue"]))
    assertDiagnostic(
      loaded, .error, at: (12, 1),
      "unknown key 'colour' in a routine; known keys: format, id, title, summary, targets, groups, tools, "
        + "cautions, stop-rules, requires-clinician, sources, steps")
  }

  func testAnUnknownStepKeySuggestsTheNearestKey() {
    let loaded = load(routine(steps: ["  - kind: hold", "    musle: rhomboids", "    tool: massage-ball"]))
    assertDiagnostic(loaded, .error, at: (10, 5), "unknown key 'musle' in a hold step; did you mean 'muscle'?")
  }

  func testAKeyOfAnotherKindSaysWhichStepsItBelongsTo() {
    let loaded = load(routine(steps: hold + ["    reps: 3"]))
    assertDiagnostic(
      loaded, .error, at: (12, 5), "'reps' does not apply to a hold step (it belongs to stretch steps, exercise steps)")
  }

  func testAnUnknownMuscleSuggestsTheNearestMuscle() {
    let loaded = load(routine(steps: ["  - kind: hold", "    muscle: rhombods", "    tool: massage-ball"]))
    assertDiagnostic(loaded, .error, at: (10, 13), "unknown muscle 'rhombods'; did you mean 'rhomboids'?")
  }

  func testAnUnknownTargetSuggestsTheMuscleItsAliasMeans() {
    let loaded = load(routine(targets: "[rhomboids, trapz]", steps: hold))
    assertDiagnostic(loaded, .error, at: (5, 22), "unknown muscle 'trapz'; did you mean 'upper-trapezius'?")
  }

  func testAnUnknownToolSuggestsTheNearestTool() {
    let loaded = load(routine(steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: lacrose-ball"]))
    assertDiagnostic(loaded, .error, at: (11, 11), "unknown tool 'lacrose-ball'; did you mean 'massage-ball'?")
  }

  func testAnUnknownGroupSuggestsTheNearestGroup() {
    let lines = replacing(7, with: "groups: [between-blades, betwen-blade]", in: header() + hold)
    let loaded = load(yaml(lines))
    assertDiagnostic(loaded, .error, at: (7, 26), "unknown group 'betwen-blade'; did you mean 'between-blades'?")
  }

  func testAGroupNoTargetBelongsToIsAWarning() {
    let lines = replacing(7, with: "groups: [chest]", in: header() + hold)
    let loaded = load(yaml(lines + ["sources: [A test source]"]))
    assertDiagnostic(loaded, .warning, at: (7, 10), "none of the targets belongs to the group 'chest'")
  }

  func testAnUnknownStepKindSuggestsTheNearestKind() {
    let loaded = load(routine(steps: ["  - kind: hould", "    muscle: rhomboids", "    tool: massage-ball"]))
    assertDiagnostic(loaded, .error, at: (9, 11), "unknown step kind 'hould'; did you mean 'hold'?")
  }

  func testAStepKindWrittenInOtherWordsSuggestsTheKind() {
    let loaded = load(routine(steps: ["  - kind: press", "    muscle: rhomboids", "    tool: massage-ball"]))
    assertDiagnostic(loaded, .error, at: (9, 11), "unknown step kind 'press'; did you mean 'hold'?")
  }

  // MARK: - Missing keys

  func testEachRequiredRoutineKeyIsReportedWhenMissing() {
    let full = header() + hold
    for (index, key) in ["format", "id", "title", "summary", "targets", "tools"].enumerated() {
      var lines = full
      lines.remove(at: index)
      assertDiagnostic(load(yaml(lines)), .error, at: (1, 1), "the routine has no '\(key)'; add it")
    }
    assertDiagnostic(load(yaml(Array(header().prefix(7)))), .error, at: (1, 1), "the routine has no 'steps'; add it")
  }

  func testAStepWithoutKindListsTheKinds() {
    let loaded = load(routine(steps: ["  - muscle: rhomboids", "    tool: massage-ball"] + hold))
    assertDiagnostic(
      loaded, .error, at: (9, 5),
      "this step has no 'kind'; add one of: place, hold, strokes, roll, stretch, exercise, breathe, heat, "
        + "traction, rest, rate, checklist, block")
  }

  func testAPlaceWithoutPlacementIsAnError() {
    let loaded = load(routine(steps: ["  - kind: place", "    muscle: rhomboids", "    tool: massage-ball"] + hold))
    assertDiagnostic(loaded, .error, at: (9, 5), "a place step needs a 'placement' saying where the tool goes")
  }

  func testAHoldWithoutMuscleIsAnError() {
    let loaded = load(routine(steps: ["  - kind: hold", "    tool: massage-ball"] + hold))
    assertDiagnostic(loaded, .error, at: (9, 5), "a hold step needs a 'muscle'")
  }

  func testAnExerciseWithoutRepsIsAnError() {
    let loaded = load(routine(steps: ["  - kind: exercise", "    muscle: rhomboids"] + hold))
    assertDiagnostic(loaded, .error, at: (9, 5), "an exercise step needs 'reps'")
  }

  func testABreatheWithoutPhasesOrLengthIsAnError() {
    let noPhases = load(routine(steps: ["  - kind: breathe", "    cycles: 3"] + hold))
    assertDiagnostic(noPhases, .error, at: (9, 5), "a breathe step needs 'phases'")
    let noLength = load(
      routine(steps: ["  - kind: breathe", "    phases: [{phase: inhale, duration: 4s}]"] + hold))
    assertDiagnostic(noLength, .error, at: (9, 5), "a breathe step needs 'cycles' or 'duration'")
    let both = load(
      routine(
        steps: [
          "  - kind: breathe", "    phases: [{phase: inhale, duration: 4s}]", "    cycles: 3", "    duration: 1m",
        ]
          + hold))
    assertDiagnostic(both, .error, at: (11, 5), "give either 'cycles' or 'duration', not both")
  }

  func testABlockWithoutStepsIsAnError() {
    let loaded = load(routine(steps: ["  - kind: block", "    side: both"] + hold))
    assertDiagnostic(loaded, .error, at: (9, 5), "this block has no 'steps'; add the steps it groups")
  }

  func testAStepInsideASidedBlockMayNotSetItsOwnSide() {
    let loaded = load(
      routine(
        steps: ["  - kind: block", "    side: both", "    steps:", "      - kind: hold", "        side: left"]
          + ["        muscle: rhomboids", "        tool: massage-ball"]))
    assertDiagnostic(loaded, .error, at: (13, 9), "this step is inside a block that already sets 'side'")
  }

  func testNestedBlocksWhoseSetsMultiplyPastTenThousandStepsAreRefused() {
    // Nine blocks of ten sets around one rating: a billion steps from a few hundred
    // bytes. Counting them must not expand them (this once took gigabytes).
    var lines: [String] = []
    for level in 0..<9 {
      let indent = String(repeating: " ", count: 2 + level * 4)
      lines += ["\(indent)- kind: block", "\(indent)  sets: 10", "\(indent)  steps:"]
    }
    lines.append(String(repeating: " ", count: 2 + 9 * 4) + "- kind: rate")
    let loaded = load(routine(steps: lines))
    XCTAssertNil(loaded.routine)
    assertDiagnostic(loaded, .error, at: (8, 1), "the steps expand to more than 10000 steps with their sets and sides")
  }

  // MARK: - Wrong types

  func testAFormatThatIsNotANumberIsAnError() {
    assertDiagnostic(
      load(yaml(replacing(1, with: "format: one", in: header() + hold))), .error, at: (1, 9),
      "'format' should be a whole number")
  }

  func testATitleThatIsAListIsAnError() {
    assertDiagnostic(
      load(yaml(replacing(3, with: "title: [a, b]", in: header() + hold))), .error, at: (3, 8),
      "'title' should be text")
  }

  func testTargetsThatAreAMappingAreAnError() {
    assertDiagnostic(
      load(routine(targets: "{rhomboids: yes}", steps: hold)), .error, at: (5, 10), "'targets' should be a list")
  }

  func testYesIsNotTrue() {
    let lines = replacing(7, with: "requires-clinician: yes", in: header() + hold)
    assertDiagnostic(
      load(yaml(lines)), .error, at: (7, 21), "'requires-clinician' should be true or false, not 'yes'")
  }

  func testStepsThatAreNotAListAreAnError() {
    assertDiagnostic(
      load(yaml(replacing(8, with: "steps: 5", in: header()))), .error, at: (8, 8), "'steps' should be a list of steps")
  }

  func testAStepThatIsNotAMappingIsAnError() {
    assertDiagnostic(
      load(routine(steps: ["  - hold"] + hold)), .error, at: (9, 5), "a step should be a mapping with a 'kind'")
  }

  func testSetsMustBeAWholeNumberFromOneToTen() {
    assertDiagnostic(
      load(routine(steps: hold + ["    sets: two"])), .error, at: (12, 11), "'sets' should be a whole number")
    assertDiagnostic(
      load(routine(steps: hold + ["    sets: 11"])), .error, at: (12, 11), "'sets' is 11; it must be from 1 to 10")
    assertDiagnostic(
      load(routine(steps: hold + ["    sets: 0"])), .error, at: (12, 11), "'sets' is 0; it must be from 1 to 10")
  }

  func testASideOtherThanLeftRightOrBothIsAnError() {
    for written in ["up", "middle"] {
      assertDiagnostic(
        load(routine(steps: hold + ["    side: \(written)"])), .error, at: (12, 11),
        "'side' should be left, right or both")
    }
  }

  func testAPressureAboveSevenIsNeverAdvised() {
    assertDiagnostic(
      load(routine(steps: hold + ["    pressure: 6-9"])), .error, at: (12, 15),
      "pressure above 7 of 10 is never advised")
    assertDiagnostic(
      load(routine(steps: hold + ["    pressure: hard"])), .error, at: (12, 15),
      "'pressure' should be a level from 1 to 10")
    assertDiagnostic(
      load(routine(steps: hold + ["    pressure: 7-5"])), .error, at: (12, 15),
      "'pressure' should be a level from 1 to 10")
  }

  // MARK: - Hard limits

  func testAHoldOverFiveMinutesIsAnError() {
    assertDiagnostic(
      load(routine(steps: hold + ["    duration: 6m"])), .error, at: (12, 15),
      "a hold of 6 min is over the limit of 5 min")
    XCTAssertNotNil(load(routine(steps: hold + ["    duration: 5m"])).routine, "five minutes is the limit, not over it")
  }

  func testAHeatOverTwentyMinutesIsAnError() {
    let loaded = load(routine(targets: "[upper-trapezius]", tools: "[heat-pack]", steps: heat("21min")))
    assertDiagnostic(loaded, .error, at: (12, 15), "a heat of 21 min is over the limit of 20 min")
    assertClean(load(routine(targets: "[upper-trapezius]", tools: "[heat-pack]", steps: heat("20min"))))
  }

  func testAStepOfZeroSecondsIsAnError() {
    assertDiagnostic(
      load(routine(steps: hold + ["    duration: 0"])), .error, at: (12, 15),
      "'duration' is 0 s; a step must last at least 1 s")
    assertDiagnostic(
      load(routine(steps: hold + ["  - kind: rest", "    duration: 0s"])), .error, at: (13, 15),
      "'duration' is 0 s; a step must last at least 1 s")
  }

  func testAStepOverAnHourWithItsSetsIsAnError() {
    let loaded = load(
      routine(targets: "[upper-trapezius]", tools: "[heat-pack]", steps: heat("20min") + ["    sets: 4"]))
    assertDiagnostic(
      loaded, .error, at: (9, 5), "this step lasts 80 min with its sets; no step may last over 1 hour")
  }

  func testAStepOfExactlyAnHourWithItsSetsIsAllowed() {
    let loaded = load(
      routine(targets: "[upper-trapezius]", tools: "[heat-pack]", steps: heat("20min") + ["    sets: 3"]))
    assertClean(loaded)
  }

  func testBothSidesCountTowardTheHour() {
    // 2 sets of 20 min on each side, and the 10 s to switch sides.
    let loaded = load(
      routine(
        targets: "[upper-trapezius]", tools: "[heat-pack]", steps: heat("20min") + ["    sets: 2", "    side: both"]))
    assertDiagnostic(
      loaded, .error, at: (9, 5), "this step lasts 80 min 10 s with its sets; no step may last over 1 hour")
  }

  func testOtherLimitsOfTheFormatTable() {
    assertDiagnostic(
      load(routine(steps: hold + ["  - kind: rest", "    duration: 11m"])), .error, at: (13, 15),
      "a rest of 11 min is over the limit of 10 min")
    assertDiagnostic(
      load(routine(steps: ["  - kind: strokes", "    muscle: rhomboids", "    tool: massage-ball", "    count: 51"])),
      .error, at: (12, 12), "'count' is 51; it must be from 1 to 50")
    assertDiagnostic(
      load(routine(steps: ["  - kind: strokes", "    muscle: rhomboids", "    tool: massage-ball", "    pace: 21s"])),
      .error, at: (12, 11), "'pace' is 21 s per stroke; it must be from 1 to 20 s")
    assertDiagnostic(
      load(routine(tools: "[]", steps: ["  - kind: exercise", "    muscle: rhomboids", "    reps: 101"])),
      .error, at: (11, 11), "'reps' is 101; it must be from 1 to 100")
    assertDiagnostic(
      load(routine(tools: "[]", steps: ["  - kind: breathe", "    phases: [{phase: inhale, duration: 21s}]"])),
      .error, at: (10, 40), "a breathing phase of 21 s is outside 1–20 s")
  }

  /// The messages read their figures from `DosageLimits`, so changing a limit there
  /// changes what `unknot check` says. Each expected figure is worked out here from the
  /// constant itself; the copies above are what a person reads today.
  func testMessagesNameTheFiguresOfDosageLimitsItself() throws {
    let holdLimit = try XCTUnwrap(DosageLimits.hardSeconds[.hold]).upperBound
    XCTAssertEqual(holdLimit % 60, 0, "a limit of whole minutes, written in minutes")
    let overLimit = holdLimit + 60
    assertDiagnostic(
      load(routine(steps: hold + ["    duration: \(overLimit)s"])), .error, at: (12, 15),
      "a hold of \(overLimit / 60) min is over the limit of \(holdLimit / 60) min")

    let usual = try XCTUnwrap(DosageLimits.evidenceSeconds[.hold])
    assertDiagnostic(
      load(routine(steps: hold + ["    duration: \(usual.range.upperBound + 1)s"])), .warning, at: (12, 15),
      "a hold of \(usual.range.upperBound + 1) s is outside the usual "
        + "\(usual.range.lowerBound)–\(usual.range.upperBound) s (\(usual.source))")

    let strokes = DosageLimits.strokeCountEvidence
    let steps = ["  - kind: strokes", "    muscle: rhomboids", "    tool: massage-ball"]
    assertDiagnostic(
      load(routine(steps: steps + ["    count: \(strokes.range.upperBound + 1)"])), .warning, at: (12, 12),
      "\(strokes.range.upperBound + 1) strokes is outside the usual "
        + "\(strokes.range.lowerBound)–\(strokes.range.upperBound) slow strokes (\(strokes.source))")

    let phase = DosageLimits.breathPhase
    let cycles = DosageLimits.breathCycles
    let breathe = ["  - kind: breathe", "    phases: [{phase: inhale, duration: \(phase.upperBound + 1)s}]"]
    assertDiagnostic(
      load(routine(tools: "[]", steps: breathe + ["    cycles: 3"])), .error, at: (10, 40),
      "a breathing phase of \(phase.upperBound + 1) s is outside \(phase.lowerBound)–\(phase.upperBound) s")
    let breath = ["  - kind: breathe", "    phases: [{phase: inhale, duration: 4s}]"]
    assertDiagnostic(
      load(routine(tools: "[]", steps: breath + ["    cycles: \(cycles.upperBound + 1)"])), .error, at: (11, 13),
      "'cycles' is \(cycles.upperBound + 1); it must be from \(cycles.lowerBound) to \(cycles.upperBound)")

    let hour = DosageLimits.longestStep
    XCTAssertEqual(hour % 3600, 0, "a limit of whole hours, written in hours")
    assertDiagnostic(
      load(routine(tools: "[]", steps: breath + ["    duration: \(hour + 1)s"])), .error, at: (11, 15),
      "'duration' is over \(hour / 3600) hour")

    let bytes = RoutineFileScreen.maximumBytes
    assertDiagnostic(
      load(bytes: Array(repeating: UInt8(ascii: " "), count: bytes + 1)), .error, at: (1, 1),
      "the file is \(bytes + 1) bytes; routine files may be at most \(bytes / 1024) KiB (\(bytes) bytes)")
  }

  // MARK: - Evidence ranges

  func testAHoldOfTwoMinutesIsOutsideTheEvidenceButStillLoads() {
    let loaded = load(routine(steps: hold + ["    duration: 120s", "    position: at-a-wall"]))
    assertDiagnostic(loaded, .warning, at: (12, 15), "a hold of 2 min is outside the usual 30–90 s")
    XCTAssertNotNil(loaded.routine, "a warning does not stop a routine from loading")
    XCTAssertEqual(loaded.diagnostics.count, 1, loaded.listing)
  }

  func testACradleOnTheSkullBaseMayHoldUpToTwoMinutes() {
    let cradle = [
      "  - kind: hold", "    muscle: suboccipitals", "    tool: cradle-tool", "    position: lying-on-back",
    ]
    let targets = "[suboccipitals]"
    assertClean(load(routine(targets: targets, tools: "[cradle-tool]", steps: cradle + ["    duration: 2m"])))
    assertClean(load(routine(targets: targets, tools: "[cradle-tool]", steps: cradle + ["    duration: 15s"])))
    assertDiagnostic(
      load(routine(targets: targets, tools: "[cradle-tool]", steps: cradle + ["    duration: 150s"])), .warning,
      at: (13, 15), "a hold of 2 min 30 s is outside the usual 15 s–2 min")
  }

  func testAStretchOfFiveSecondsIsOutsideTheEvidence() {
    let loaded = load(routine(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids", "    duration: 5s"]))
    assertDiagnostic(loaded, .warning, at: (11, 15), "a stretch of 5 s is outside the usual 10–60 s")
  }

  func testSixStretchRepsAreOutsideTheEvidence() {
    let loaded = load(routine(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids", "    reps: 6"]))
    assertDiagnostic(loaded, .warning, at: (11, 11), "6 reps is outside the usual 2–4")
  }

  func testTwentyStrokesAreOutsideTheEvidence() {
    let loaded = load(
      routine(steps: ["  - kind: strokes", "    muscle: rhomboids", "    tool: massage-ball", "    count: 20"]))
    assertDiagnostic(loaded, .warning, at: (12, 12), "20 strokes is outside the usual 6–12 slow strokes")
  }

  func testAHeatOfFiveMinutesIsOutsideTheEvidence() {
    let loaded = load(routine(targets: "[upper-trapezius]", tools: "[heat-pack]", steps: heat("5min")))
    assertDiagnostic(loaded, .warning, at: (12, 15), "a heat of 5 min is outside the usual 10–20 min")
  }

  func testALongGetReadyCountdownIsOutsideTheEvidence() {
    let loaded = load(
      routine(
        steps: ["  - kind: place", "    muscle: rhomboids", "    tool: massage-ball", "    placement: Here."]
          + ["    duration: 45s"] + hold))
    assertDiagnostic(loaded, .warning, at: (13, 15), "a place of 45 s is outside the usual")
  }

  // MARK: - Tools, muscles and the spine

  func testAToolThatDoesNotSuitTheMuscleIsAWarning() {
    let loaded = load(
      routine(tools: "[foam-roller]", steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: foam-roller"]))
    assertDiagnostic(
      loaded, .warning, at: (11, 11),
      "a foam-roller does not suit the rhomboids (it suits erector-spinae, latissimus-dorsi)")
    XCTAssertNotNil(loaded.routine)
  }

  func testNoPressureStrokesOrRollingOnTheCervicalSpine() {
    let expected: [(kind: String, words: String)] = [("hold", "pressure"), ("strokes", "strokes"), ("roll", "rolling")]
    for (kind, words) in expected {
      let loaded = load(
        routine(targets: "[cervical-spine]", tools: "[]", steps: ["  - kind: \(kind)", "    muscle: cervical-spine"]))
      assertDiagnostic(
        loaded, .error, at: (10, 13),
        "no \(words) on 'cervical-spine': the neck's vertebrae are for clinician-set traction only")
    }
  }

  func testTractionWithoutClinicianSettingsIsAnError() {
    let loaded = load(routine(targets: "[cervical-spine]", tools: "[traction-device]", steps: ["  - kind: traction"]))
    assertDiagnostic(loaded, .error, at: (9, 5), "a traction step needs 'clinician-settings' (at least [duration])")
  }

  func testTractionSettingsMustIncludeTheDuration() {
    let loaded = load(
      routine(
        targets: "[cervical-spine]", tools: "[traction-device]",
        steps: ["  - kind: traction", "    clinician-settings: [tension]"]))
    assertDiagnostic(loaded, .error, at: (10, 25), "'clinician-settings' must include 'duration'")
  }

  func testTractionWithItsOwnDurationIsAnError() {
    let loaded = load(
      routine(
        targets: "[cervical-spine]", tools: "[traction-device]",
        steps: ["  - kind: traction", "    clinician-settings: [duration]", "    duration: 10m"]))
    assertDiagnostic(
      loaded, .error, at: (11, 5), "a traction step takes no 'duration': its time comes from the person's clinician")
  }

  func testTractionOnlyOnTheCervicalSpine() {
    let loaded = load(
      routine(
        targets: "[cervical-spine, rhomboids]", tools: "[traction-device]",
        steps: ["  - kind: traction", "    muscle: rhomboids", "    clinician-settings: [duration]"]))
    assertDiagnostic(loaded, .error, at: (10, 13), "traction works on 'cervical-spine' only")
  }

  func testAStepToolMissingFromToolsIsAnError() {
    let loaded = load(routine(steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: point-tool"]))
    assertDiagnostic(loaded, .error, at: (11, 11), "'point-tool' is not in the routine's 'tools'; add it there")
  }

  func testAStepMuscleMissingFromTargetsIsAnError() {
    let loaded = load(routine(steps: ["  - kind: hold", "    muscle: infraspinatus", "    tool: massage-ball"]))
    assertDiagnostic(loaded, .error, at: (10, 13), "'infraspinatus' is not in the routine's 'targets'; add it there")
  }

  func testUnusedToolsAndTargetsAreWarnings() {
    let loaded = load(
      routine(targets: "[rhomboids, infraspinatus]", tools: "[massage-ball, foam-roller]", steps: placedHold))
    assertDiagnostic(loaded, .warning, at: (6, 1), "'foam-roller' is listed in 'tools' but no step uses it")
    assertDiagnostic(loaded, .warning, at: (5, 1), "'infraspinatus' is listed in 'targets' but no step works on it")
    XCTAssertEqual(loaded.diagnostics.count, 2, loaded.listing)
    XCTAssertNotNil(loaded.routine)
  }

  func testAnyToolOnThePectoralisMinorIsAWarningAtTheTool() {
    for tool in ["massage-ball", "thoracic-stretcher", "point-tool"] {
      let loaded = load(
        routine(
          targets: "[pectoralis-minor]", tools: "[\(tool)]",
          steps: ["  - kind: hold", "    muscle: pectoralis-minor", "    tool: \(tool)", "    position: at-a-wall"]))
      assertDiagnostic(
        loaded, .warning, at: (11, 11),
        "no \(tool) on the pectoralis-minor: it is stretched in a doorway only, with no tool (Borstad & Ludewig "
          + "2006); use 'tool: none'")
      XCTAssertEqual(loaded.warnings.count, 1, "one warning, not also 'does not suit': \(loaded.listing)")
    }
  }

  func testADoorwayStretchOfThePectoralisMinorIsFine() {
    assertClean(
      load(
        routine(
          targets: "[pectoralis-minor]", tools: "[]",
          steps: ["  - kind: stretch", "    muscle: pectoralis-minor", "    position: standing"])))
  }

  func testAMuscleListedTwiceIsAWarning() {
    let loaded = load(routine(targets: "[rhomboids, rhomboid]", steps: hold))
    assertDiagnostic(loaded, .warning, at: (5, 22), "'rhomboids' is listed twice in 'targets'")
  }

  // MARK: - Steps, ids, format

  func testARoutineWithNoStepsIsAnError() {
    assertDiagnostic(
      load(yaml(replacing(8, with: "steps: []", in: header()))), .error, at: (8, 1),
      "the routine has no steps; add at least one")
    assertDiagnostic(load(yaml(header())), .error, at: (8, 1), "the routine has no steps; add at least one")
  }

  func testARoutineWithoutSourcesIsAWarning() {
    let lines = replacing(7, with: "cautions: [Keep off the spine.]", in: header() + hold)
    assertDiagnostic(load(yaml(lines)), .warning, at: (1, 1), "the routine names no sources")
  }

  func testANewerFormatAsksToUpdateUnknot() {
    assertDiagnostic(
      load(yaml(replacing(1, with: "format: 2", in: header() + hold))), .error, at: (1, 9),
      "this routine is written in format 2; this version of unknot reads format 1. Update unknot, or ask the "
        + "author for a format 1 file")
  }

  func testAnIdThatIsNotTheFileNameIsAWarning() {
    let loaded = load(routine(steps: hold), path: "routines/other.yaml", fileStem: "other")
    assertDiagnostic(
      loaded, .warning, at: (2, 5), "the id 'test' differs from the file name 'other'; name the file test.yaml")
    XCTAssertEqual(loaded.diagnostics.first?.file, "routines/other.yaml")
    assertClean(load(routine(steps: placedHold), fileStem: "test"))
  }

  func testAnIdMustBeLowerCaseLettersDigitsAndHyphens() {
    for bad in ["Bad_ID", "-test", "test-", "tést", String(repeating: "a", count: 65)] {
      assertDiagnostic(
        load(yaml(replacing(2, with: "id: \(bad)", in: header() + hold))), .error, at: (2, 5),
        "'\(bad)' is not a valid id")
    }
    assertClean(load(yaml(replacing(2, with: "id: neck-2", in: header() + placedHold))))
  }

  func testEveryProblemOfAFileIsReportedInOnePass() {
    let lines =
      replacing(1, with: "format: 2", in: header())
      + hold + ["    duration: 6m", "    position: at-a-wall"]  // lines 9–13
      + ["  - kind: hould"]  // line 14
      + placedHold  // lines 15–18: uses the tool and target, so nothing is unused
    let loaded = load(yaml(lines))
    XCTAssertEqual(loaded.diagnostics.map(\.severity), [.error, .error, .error], loaded.listing)
    XCTAssertEqual(loaded.diagnostics.map(\.line), [1, 12, 14])
    XCTAssertEqual(loaded.diagnostics.map(\.column), [9, 15, 11])
  }

  func testADiagnosticReadsLikeACompilers() {
    let error = Diagnostic(.error, file: "my-neck.yaml", line: 14, column: 12, "unknown muscle 'traps-upper'")
    XCTAssertEqual(error.description, "my-neck.yaml:14:12: error: unknown muscle 'traps-upper'")
    let warning = Diagnostic(.warning, file: "a.yaml", line: 1, column: 1, "careful")
    XCTAssertEqual(warning.description, "a.yaml:1:1: warning: careful")

    let loaded = load(yaml(replacing(1, with: "format: 2", in: header() + hold)), path: "dir/my.yaml")
    XCTAssertEqual(
      loaded.firstError?.description,
      "dir/my.yaml:1:9: error: this routine is written in format 2; this version of unknot reads format 1. "
        + "Update unknot, or ask the author for a format 1 file")
  }

  // MARK: - Helpers

  private func replacing(_ line: Int, with text: String, in lines: [String]) -> [String] {
    var lines = lines
    lines[line - 1] = text
    return lines
  }

  private func heat(_ duration: String) -> [String] {
    [
      "  - kind: heat", "    muscle: upper-trapezius", "    tool: heat-pack", "    duration: \(duration)",
      "    position: sitting",
    ]
  }
}
