import UnknotCore
import XCTest

/// The `position` key: how the body is placed for a step. Read by id or alias, with a
/// suggestion for a near miss, carried from a block to its steps and into the session,
/// and asked for (a warning) on every step that loads the body.
final class PositionTests: XCTestCase {
  // MARK: - Reading it

  func testEveryPositionIsReadByItsId() {
    let ids = [
      "lying-on-back", "lying-on-front", "lying-on-side", "sitting", "standing", "at-a-wall", "hands-and-knees",
    ]
    XCTAssertEqual(BodyPosition.allCases.map(\.id), ids)
    for id in ids {
      XCTAssertEqual(stretch(position: id)?.position, BodyPosition(rawValue: id), id)
    }
  }

  func testPositionsAnswerToTheWordsPeopleUse() {
    let written: [String: BodyPosition] = [
      "supine": .lyingOnBack, "Lying on your back": .lyingOnBack, "face up": .lyingOnBack,
      "prone": .lyingOnFront, "face down": .lyingOnFront,
      "side lying": .lyingOnSide, "on side": .lyingOnSide,
      "Seated": .sitting, "in a chair": .sitting,
      "stand": .standing,
      "against a wall": .atAWall, "wall": .atAWall,
      "all fours": .handsAndKnees, "on_all_fours": .handsAndKnees, "quadruped": .handsAndKnees,
    ]
    for (text, position) in written {
      XCTAssertEqual(stretch(position: text)?.position, position, text)
    }
  }

  func testAMisspelledPositionSuggestsTheNearestOneAtTheValue() {
    let loaded = load(
      routine(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids", "    position: siting"]))
    assertDiagnostic(loaded, .error, at: (11, 15), "unknown position 'siting'; did you mean 'sitting'?")

    let back = load(routine(steps: ["  - kind: hold", "    muscle: rhomboids", "    position: lying-on-bak"]))
    assertDiagnostic(back, .error, at: (11, 15), "unknown position 'lying-on-bak'; did you mean 'lying-on-back'?")

    let wall = load(routine(steps: ["  - kind: hold", "    muscle: rhomboids", "    position: aginst a wall"]))
    assertDiagnostic(wall, .error, at: (11, 15), "unknown position 'aginst a wall'; did you mean 'at-a-wall'?")
  }

  func testAPositionWithNothingNearListsTheKnownOnes() {
    let loaded = load(
      routine(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids", "    position: upside down"]))
    assertDiagnostic(
      loaded, .error, at: (11, 15),
      "unknown position 'upside down'; known positions: lying-on-back, lying-on-front, lying-on-side, sitting, "
        + "standing, at-a-wall, hands-and-knees")
  }

  // MARK: - The warning when it is missing

  func testALoadingStepWithoutAPositionIsAWarningAtTheStep() {
    let loaded = load(routine(steps: ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball"]))
    assertDiagnostic(
      loaded, .warning, at: (9, 5),
      "this hold step has no 'position'; add one of: lying-on-back, lying-on-front, lying-on-side, sitting, "
        + "standing, at-a-wall, hands-and-knees")
    XCTAssertNotNil(loaded.routine, "a warning does not stop the routine from loading")
    let library = RoutineLibrary.load(
      RoutineSearchPath(userFolder: nil),
      builtInFiles: [builtIn("test.yaml", routine(steps: ["  - kind: hold", "    muscle: rhomboids"]))])
    let report = CheckReport(library: library)
    XCTAssertEqual(report.exitCode(strict: false), 0)
    XCTAssertEqual(report.exitCode(strict: true), 1, "check --strict fails on it")
  }

  func testEveryKindThatLoadsTheBodyAsksForAPosition() {
    let steps: [(kind: String, lines: [String])] = [
      ("place", ["    muscle: rhomboids", "    placement: Here."]),
      ("hold", ["    muscle: rhomboids"]),
      ("strokes", ["    muscle: rhomboids"]),
      ("roll", ["    muscle: rhomboids"]),
      ("stretch", ["    muscle: rhomboids"]),
      ("exercise", ["    muscle: rhomboids", "    reps: 5"]),
      ("heat", ["    muscle: rhomboids"]),
    ]
    for (kind, lines) in steps {
      let loaded = load(routine(tools: "[]", steps: ["  - kind: \(kind)"] + lines))
      assertDiagnostic(loaded, .warning, at: (9, 5), "this \(kind) step has no 'position'")
    }
    let traction = load(
      routine(
        targets: "[cervical-spine]", tools: "[traction-device]",
        steps: ["  - kind: traction", "    clinician-settings: [duration]"]))
    assertDiagnostic(traction, .warning, at: (9, 5), "this traction step has no 'position'")
  }

  func testBreathingRestsAndRatingsNeedNoPositionButMayHaveOne() {
    let loaded = load(
      routine(
        tools: "[]",
        steps: positioned([
          "  - kind: stretch", "    muscle: rhomboids",
          "  - kind: breathe", "    phases: [{phase: inhale, duration: 4s}, {phase: exhale, duration: 6s}]",
          "    cycles: 3",
          "  - kind: rest", "    position: lying-on-back",
          "  - kind: rate",
        ])))
    let routine = assertClean(loaded)
    XCTAssertEqual(routine?.steps.map(\.position), [.atAWall, nil, .lyingOnBack, nil])
  }

  func testAnUnknownPositionIsNotAlsoReportedAsMissing() {
    let loaded = load(
      routine(tools: "[]", steps: ["  - kind: hold", "    muscle: rhomboids", "    position: sideways up"]))
    XCTAssertEqual(loaded.diagnostics.map(\.severity), [.error], loaded.listing)
  }

  func testAStepInsideABlockWithoutAPositionIsWarnedAtItsOwnLine() {
    let loaded = load(
      routine(steps: [
        "  - kind: block",  // 9
        "    side: both",  // 10
        "    steps:",  // 11
        "      - kind: place",  // 12
        "        muscle: rhomboids",
        "        tool: massage-ball",
        "        placement: Beside the spine.",
        "        position: at-a-wall",
        "      - kind: hold",  // 17
        "        muscle: rhomboids",
        "        tool: massage-ball",
      ]))
    assertDiagnostic(loaded, .warning, at: (17, 9), "this hold step has no 'position'")
    XCTAssertEqual(loaded.warnings.count, 1, loaded.listing)
  }

  // MARK: - Blocks

  func testABlocksPositionIsItsStepsUnlessAStepNamesItsOwn() throws {
    let loaded = load(
      routine(steps: [
        "  - kind: block",
        "    side: both",
        "    position: at-a-wall",
        "    steps:",
        "      - kind: place",
        "        muscle: rhomboids",
        "        tool: massage-ball",
        "        placement: Beside the spine.",
        "      - kind: hold",
        "        muscle: rhomboids",
        "        tool: massage-ball",
        "      - kind: stretch",
        "        muscle: rhomboids",
        "        position: sitting",
      ]))
    let routine = try XCTUnwrap(assertClean(loaded))
    guard case .block(let inner) = routine.steps.first?.action else { return XCTFail("not a block") }
    XCTAssertEqual(inner.map(\.position), [.atAWall, .atAWall, .sitting])
  }

  func testANestedBlockPassesItsPositionDown() throws {
    let loaded = load(
      routine(steps: [
        "  - kind: block",
        "    position: lying-on-side",
        "    steps:",
        "      - kind: block",
        "        steps:",
        "          - kind: hold",
        "            muscle: rhomboids",
        "            tool: massage-ball",
      ]))
    let routine = try XCTUnwrap(assertClean(loaded))
    let session = Timeline(routine: routine).steps.filter { $0.kind == .hold }
    XCTAssertEqual(session.map(\.position), [.lyingOnSide])
  }

  // MARK: - Into the session

  func testEveryExpandedStepCarriesItsPosition() throws {
    let loaded = load(
      routine(steps: [
        "  - kind: block",
        "    side: both",
        "    position: at-a-wall",
        "    steps:",
        "      - kind: hold",
        "        muscle: rhomboids",
        "        tool: massage-ball",
        "        sets: 2",
        "        rest-between: 20s",
      ]))
    let timeline = Timeline(routine: try XCTUnwrap(assertClean(loaded)))
    let holds = timeline.steps.filter { $0.kind == .hold }
    XCTAssertEqual(holds.count, 4, "two sets on each side")
    XCTAssertEqual(Set(holds.map(\.position)), [.atAWall])
    XCTAssertEqual(timeline.steps.first { $0.kind == .switchSides }?.position, .atAWall)
    XCTAssertNil(timeline.steps.first?.position, "the rating before is done however the person is comfortable")
  }

  func testEachPositionSaysHowToGetThereInOneShortSentence() {
    XCTAssertEqual(BodyPosition.lyingOnBack.instruction, "Lie on your back, knees bent.")
    for position in BodyPosition.allCases {
      XCTAssertTrue(position.instruction.hasSuffix("."), position.id)
      XCTAssertLessThanOrEqual(position.instruction.count, 60, "\(position.id) must fit one line at 60 columns")
      XCTAssertFalse(position.name.isEmpty)
    }
  }

  // MARK: - Helpers

  private func stretch(position: String, file: StaticString = #filePath, line: UInt = #line) -> RoutineStep? {
    let loaded = load(
      routine(tools: "[]", steps: ["  - kind: stretch", "    muscle: rhomboids", "    position: \(position)"]))
    return assertClean(loaded, file: file, line: line)?.steps.first
  }
}
