import UnknotCore
import XCTest

/// The cautions a routine shows: those its steps call for by rule (kind, tool, muscle,
/// position), then its own, each once. One test per rule shows a routine that calls
/// for it getting it with its origin, and one that does not, not getting it.
final class CautionRuleTests: XCTestCase {
  // MARK: - Blood thinners: pressure from a tool

  func testPressureFromAToolCallsForTheBloodThinnerCaution() throws {
    for kind in ["hold", "strokes", "roll"] {
      let cautions = try cautionsOf(
        steps: ["  - kind: \(kind)", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"])
      XCTAssertEqual(
        cautions.first { $0.origin == .rule("blood-thinners") }?.text,
        "If you take blood thinners or have a bleeding disorder, ask a clinician before pressing with a tool.", kind)
    }
  }

  func testAStretchOrPressureWithBareHandsDoesNotCallForTheBloodThinnerCaution() throws {
    let cautions = try cautionsOf(
      tools: "[]",
      steps: [
        "  - kind: stretch", "    muscle: rhomboids", "    position: sitting",
        "  - kind: hold", "    muscle: rhomboids", "    position: sitting",
      ])
    XCTAssertFalse(cautions.contains { $0.origin == .rule("blood-thinners") }, "\(cautions)")
  }

  func testAToolOnlyToGetIntoPositionDoesNotCallForTheBloodThinnerCaution() throws {
    let cautions = try cautionsOf(
      steps: [
        "  - kind: place", "    muscle: rhomboids", "    tool: massage-ball", "    placement: Here.",
        "    position: at-a-wall",
        "  - kind: stretch", "    muscle: rhomboids", "    position: at-a-wall",
      ])
    XCTAssertFalse(cautions.contains { $0.origin == .rule("blood-thinners") }, "\(cautions)")
  }

  // MARK: - Osteoporosis: rolling or bending back over the spine or ribs

  func testARollerOrStretcherUnderTheBackCallsForTheOsteoporosisCaution() throws {
    let roll = try cautionsOf(
      targets: "[erector-spinae]", tools: "[foam-roller]",
      steps: ["  - kind: roll", "    muscle: erector-spinae", "    tool: foam-roller", "    position: lying-on-back"])
    let extensions = try cautionsOf(
      targets: "[erector-spinae]", tools: "[foam-roller]",
      steps: [
        "  - kind: exercise", "    muscle: erector-spinae", "    tool: foam-roller", "    reps: 5",
        "    position: lying-on-back",
      ])
    let stretcher = try cautionsOf(
      targets: "[pectoralis-major]", tools: "[thoracic-stretcher]",
      steps: [
        "  - kind: stretch", "    muscle: pectoralis-major", "    tool: thoracic-stretcher",
        "    position: lying-on-back",
      ])
    let lats = try cautionsOf(
      targets: "[latissimus-dorsi]", tools: "[foam-roller]",
      steps: ["  - kind: roll", "    muscle: latissimus-dorsi", "    tool: foam-roller", "    position: lying-on-side"])
    for cautions in [roll, extensions, stretcher, lats] {
      XCTAssertEqual(
        cautions.first { $0.origin == .rule("osteoporosis") }?.text,
        "If you have osteoporosis, ask a clinician before rolling, pressing or bending back over your spine or ribs.")
    }
  }

  func testAToolPressingOnTheRibsCallsForTheOsteoporosisCaution() throws {
    let cautions = try cautionsOf(
      targets: "[intercostals]",
      steps: ["  - kind: hold", "    muscle: intercostals", "    tool: massage-ball", "    position: at-a-wall"])
    XCTAssertTrue(cautions.contains { $0.origin == .rule("osteoporosis") }, "\(cautions)")
  }

  func testABallBetweenTheBladesOrASideBendDoesNotCallForTheOsteoporosisCaution() throws {
    let ball = try cautionsOf(
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"])
    let sideBend = try cautionsOf(
      targets: "[intercostals]", tools: "[]",
      steps: ["  - kind: stretch", "    muscle: intercostals", "    position: standing"])
    for cautions in [ball, sideBend] {
      XCTAssertFalse(cautions.contains { $0.origin == .rule("osteoporosis") }, "\(cautions)")
    }
  }

  // MARK: - Pregnancy: lying on the back

  func testLyingOnTheBackCallsForThePregnancyCaution() throws {
    let cautions = try cautionsOf(
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: lying-on-back"])
    XCTAssertEqual(
      cautions.first { $0.origin == .rule("pregnancy") }?.text,
      "If you are pregnant, ask a clinician first. After about 20 weeks, lie on your side instead.")
  }

  func testLyingOnTheSideOrStandingDoesNotCallForThePregnancyCaution() throws {
    for position in ["lying-on-side", "at-a-wall", "sitting", "lying-on-front"] {
      let cautions = try cautionsOf(
        steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: \(position)"])
      XCTAssertFalse(cautions.contains { $0.origin == .rule("pregnancy") }, "\(position): \(cautions)")
    }
  }

  // MARK: - Skull base and neck: danger signs

  func testWorkOnTheSkullBaseOrNeckCallsForTheDangerSignCaution() throws {
    let expected =
      "Stop at once and get urgent help if you feel dizzy, your vision or speech changes, or a sudden severe "
      + "headache starts."
    let cases: [(muscle: String, lines: [String])] = [
      ("suboccipitals", ["  - kind: exercise", "    muscle: suboccipitals", "    reps: 10"]),
      ("levator-scapulae", ["  - kind: stretch", "    muscle: levator-scapulae"]),
      ("upper-trapezius", ["  - kind: stretch", "    muscle: upper-trapezius"]),
    ]
    for (muscle, lines) in cases {
      let cautions = try cautionsOf(targets: "[\(muscle)]", tools: "[]", steps: lines + ["    position: sitting"])
      XCTAssertEqual(cautions.first { $0.origin == .rule("neck-danger-signs") }?.text, expected, muscle)
    }
    let traction = try cautionsOf(
      targets: "[cervical-spine]", tools: "[traction-device]",
      steps: ["  - kind: traction", "    clinician-settings: [duration]", "    position: lying-on-back"])
    XCTAssertTrue(traction.contains { $0.origin == .rule("neck-danger-signs") }, "\(traction)")
  }

  func testTheBackBreathingOrHeatOnTheShouldersDoNotCallForTheDangerSignCaution() throws {
    let back = try cautionsOf(
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"])
    let breathing = try cautionsOf(
      targets: "[upper-trapezius]", tools: "[]",
      steps: [
        "  - kind: breathe", "    muscle: upper-trapezius",
        "    phases: [{phase: inhale, duration: 4s}, {phase: exhale, duration: 6s}]", "    cycles: 3",
      ])
    let heat = try cautionsOf(
      targets: "[upper-trapezius]", tools: "[heat-pack]",
      steps: ["  - kind: heat", "    muscle: upper-trapezius", "    tool: heat-pack", "    position: sitting"])
    for cautions in [back, breathing, heat] {
      XCTAssertFalse(cautions.contains { $0.origin == .rule("neck-danger-signs") }, "\(cautions)")
    }
  }

  // MARK: - Heat

  func testHeatCallsForTheHeatCaution() throws {
    let cautions = try cautionsOf(
      targets: "[upper-trapezius]", tools: "[heat-pack]",
      steps: ["  - kind: heat", "    muscle: upper-trapezius", "    tool: heat-pack", "    position: sitting"])
    XCTAssertEqual(
      cautions.map(\.origin), [.rule("heat")], "heat on the shoulders calls for the heat caution and no other")
    XCTAssertEqual(
      cautions.first?.text,
      "Wrap the heat pack in a towel, check your skin every few minutes, and never fall asleep on heat.")
  }

  func testARoutineWithoutHeatDoesNotCallForTheHeatCaution() throws {
    let cautions = try cautionsOf(
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"])
    XCTAssertFalse(cautions.contains { $0.origin == .rule("heat") }, "\(cautions)")
  }

  // MARK: - A routine's own cautions

  func testRuleCautionsComeFirstThenTheRoutinesOwnInFileOrder() throws {
    let cautions = try cautionsOf(
      own: ["Keep the ball off the spine.", "About two minutes a side is enough."],
      steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: lying-on-back"])
    XCTAssertEqual(
      cautions.map(\.origin), [.rule("blood-thinners"), .rule("pregnancy"), .routine, .routine])
    XCTAssertEqual(
      cautions.suffix(2).map(\.text), ["Keep the ball off the spine.", "About two minutes a side is enough."])
  }

  func testARoutineCannotDropARuleCaution() throws {
    // An empty `cautions` list, and a key that sounds as if it would drop them, change nothing.
    let cautions = try cautionsOf(
      own: [], steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"])
    XCTAssertEqual(cautions.map(\.origin), [.rule("blood-thinners")])

    let lines =
      header() + ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"]
    for key in ["drop-cautions: [blood-thinners]", "rule-cautions: false"] {
      let loaded = load(yaml(lines.prefix(7) + [key] + lines.suffix(from: 7)))
      assertDiagnostic(loaded, .error, at: (8, 1), "unknown key")
    }
  }

  func testACautionIsShownOnceWhateverItsCaseSpacingOrFullStop() throws {
    let rule = "If you take blood thinners or have a bleeding disorder, ask a clinician before pressing with a tool."
    let routine = Routine(
      id: "x", title: "X", summary: "X", groups: [], targets: [.rhomboids], tools: [.massageBall],
      cautions: [
        rule.uppercased(), "Keep the ball off the spine.", "keep the ball  off the spine", "Rest between sides.",
      ],
      steps: [RoutineStep(.hold(seconds: 60, pressure: .standard), muscle: .rhomboids, tool: .massageBall)])
    let cautions = RoutineCautions.of(routine)
    XCTAssertEqual(
      cautions,
      [
        Caution(rule, origin: .rule("blood-thinners")), Caution("Keep the ball off the spine.", origin: .routine),
        Caution("Rest between sides.", origin: .routine),
      ])
  }

  func testRulesLookIntoBlocks() throws {
    let cautions = try cautionsOf(
      steps: [
        "  - kind: block", "    side: both", "    position: lying-on-back", "    steps:",
        "      - kind: hold", "        muscle: rhomboids", "        tool: massage-ball",
      ])
    XCTAssertEqual(cautions.map(\.origin), [.rule("blood-thinners"), .rule("pregnancy")])
  }

  // MARK: - check: a routine's own caution that repeats a rule's

  func testAnOwnCautionThatRepeatsARuleIsAWarningAtThatCaution() {
    let lines =
      header() + ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: at-a-wall"]
    let text = yaml(
      lines.prefix(7) + ["cautions:", "  - No deep pressure if you take blood thinners.", "  - Keep off the spine."]
        + lines.suffix(from: 7))
    let loaded = load(text)
    assertDiagnostic(
      loaded, .warning, at: (9, 5),
      "this caution repeats the one unknot adds to every routine with pressure from a tool")
    XCTAssertEqual(loaded.warnings.count, 1, loaded.listing)
  }

  func testAnOwnCautionAboutARuleThatDoesNotApplyIsKept() {
    // Side bends with no tool: the osteoporosis rule does not apply, so the routine says it.
    let lines =
      header(targets: "[intercostals]", tools: "[]")
      + ["  - kind: stretch", "    muscle: intercostals", "    position: sitting"]
    let text = yaml(
      lines.prefix(7) + ["cautions: [No tool pressure on the ribs, especially with osteoporosis.]"]
        + lines.suffix(from: 7))
    assertClean(load(text))
  }

  // MARK: - The table

  func testEveryRuleHasTextASourceAndSubjects() {
    XCTAssertEqual(
      CautionRules.all.map(\.id), ["blood-thinners", "osteoporosis", "pregnancy", "neck-danger-signs", "heat"])
    for rule in CautionRules.all {
      XCTAssertFalse(rule.source.isEmpty, rule.id)
      XCTAssertFalse(rule.when.isEmpty, rule.id)
      XCTAssertNotNil(
        CautionRules.rule(repeatedBy: rule.text, among: [rule]), "\(rule.id)'s subjects must match its own text")
    }
  }

  func testTheNeckRuleReachesEveryMuscleOfTheNeckGroup() {
    let neck = CautionRules.all.first { $0.id == "neck-danger-signs" }
    for muscle in MuscleGroup.neck.muscles {
      let step = RoutineStep(.stretch(secondsPerRep: 30, reps: 2), muscle: muscle, position: .sitting)
      XCTAssertTrue(neck?.when.contains { $0.matches(step) } ?? false, muscle.id)
    }
  }

  // MARK: - Helpers

  /// The cautions of a routine that must load with no error (warnings are allowed: a
  /// test here may leave out what another test is about).
  private func cautionsOf(
    targets: String = "[rhomboids]", tools: String = "[massage-ball]", own: [String]? = nil, steps: [String],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> [Caution] {
    var lines = header(targets: targets, tools: tools) + steps
    if let own {
      lines.insert(contentsOf: ["cautions:"] + own.map { "  - \($0)" }, at: 7)
      if own.isEmpty { lines[7] = "cautions: []" }
    }
    let loaded = load(yaml(lines))
    XCTAssertEqual(loaded.errors, [], loaded.listing, file: file, line: line)
    let routine = try XCTUnwrap(loaded.routine, loaded.listing, file: file, line: line)
    return RoutineCautions.of(routine)
  }
}
