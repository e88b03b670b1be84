import UnknotCore
import XCTest

/// Pressure by region (docs/routine-format.md): gentle at the skull base, at most firm
/// on the neck and the tops of the shoulders, up to strong elsewhere; in the words a
/// hold says, the pressure a hold takes when its file gives none, and `unknot check`.
final class PressureByRegionTests: XCTestCase {
  private let rangesToTry = (1...7).flatMap { low in (low...7).map { PressureTarget(low: low, high: $0) } }

  // MARK: - The table

  func testEveryMuscleIsInExactlyOneRegion() {
    for muscle in Muscle.allCases {
      let regions = PressureRegion.all.filter { $0.muscles.contains(muscle) }
      XCTAssertEqual(regions.count, 1, "\(muscle.id) is in \(regions.map(\.id))")
    }
    XCTAssertEqual(PressureRegion.of(.suboccipitals), .skullBase)
    XCTAssertEqual(PressureRegion.of(.upperTrapezius), .neckAndShoulderTops)
    XCTAssertEqual(PressureRegion.of(.levatorScapulae), .neckAndShoulderTops)
    for muscle in [Muscle.rhomboids, .infraspinatus, .erectorSpinae, .latissimusDorsi, .pectoralisMajor] {
      XCTAssertEqual(PressureRegion.of(muscle), .back, muscle.id)
    }
  }

  func testTheLimitsAreTwoToFourAtTheSkullBaseSixOnTheNeckAndSevenElsewhere() {
    XCTAssertEqual(PressureRegion.skullBase.highest, 4)
    XCTAssertEqual(PressureRegion.neckAndShoulderTops.highest, 6)
    XCTAssertEqual(PressureRegion.back.highest, 7)
    for region in PressureRegion.all {
      XCTAssertLessThanOrEqual(region.usual.high, region.highest, region.id)
    }
  }

  // MARK: - Words on screen

  func testTheSkullBaseIsNeverStrongWhateverTheNumber() {
    for target in rangesToTry {
      let text = target.text(on: .suboccipitals)
      XCTAssertFalse(text.contains("strong"), text)
      XCTAssertFalse(text.contains("firm"), text)
      XCTAssertTrue(text.hasSuffix(": gentle, the weight of the head only"), text)
    }
    XCTAssertEqual(
      PressureTarget(low: 2, high: 4).text(on: .suboccipitals), "about 2–4 of 10: gentle, the weight of the head only")
  }

  func testTheNeckAndShoulderTopsAreAtMostFirmButComfortable() {
    for muscle in [Muscle.upperTrapezius, .levatorScapulae] {
      for target in rangesToTry {
        let words = target.words(on: muscle)
        XCTAssertFalse(words.contains("strong"), "\(muscle.id) \(target.range): \(words)")
        XCTAssertEqual(words, target.high <= 4 ? "gentle" : "firm but comfortable", "\(muscle.id) \(target.range)")
      }
    }
    XCTAssertEqual(PressureTarget(low: 4, high: 6).text(on: .upperTrapezius), "about 4–6 of 10: firm but comfortable")
  }

  func testElsewhereTheWordsFollowTheHighestNumber() {
    let expected = [
      1: "gentle", 3: "gentle", 4: "gentle", 5: "firm but comfortable", 6: "firm but comfortable",
      7: "strong, but you can breathe through it",
    ]
    for (level, words) in expected {
      XCTAssertEqual(PressureTarget(low: level, high: level).words(on: .rhomboids), words, "level \(level)")
    }
    XCTAssertEqual(PressureTarget(low: 2, high: 4).words(on: .infraspinatus), "gentle")
    XCTAssertEqual(
      PressureTarget.standard.text(on: .rhomboids), "about 5–7 of 10: strong, but you can breathe through it")
  }

  /// `pressure: 6` is one level, and reads so: "about 6 of 10", never "6–6".
  func testShowSaysASingleLevelOnce() throws {
    let loaded = load(
      routine(
        targets: "[rhomboids]", tools: "[massage-ball]",
        steps: [
          "  - kind: hold", "    position: at-a-wall", "    muscle: rhomboids", "    tool: massage-ball",
          "    pressure: 6",
        ]))
    let text = RoutineDetailReport(routine: try XCTUnwrap(assertClean(loaded)), origin: .builtIn(fileName: "t")).text()
    XCTAssertTrue(text.contains("1 min at about 6 of 10\n"), text)
    XCTAssertFalse(text.contains("6–6"), text)
  }

  func testShowSaysTheRegionsWordsInTextAndJSON() throws {
    let loaded = load(
      routine(
        targets: "[suboccipitals, upper-trapezius, rhomboids]", tools: "[cradle-tool, massage-ball]",
        steps: [
          "  - kind: hold", "    position: lying-on-back", "    muscle: suboccipitals", "    tool: cradle-tool",
          "  - kind: hold", "    position: lying-on-back", "    muscle: upper-trapezius", "    tool: cradle-tool",
          "  - kind: hold", "    position: lying-on-back", "    muscle: rhomboids", "    tool: massage-ball",
          "    pressure: 3-4",
        ]))
    let report = RoutineDetailReport(routine: try XCTUnwrap(assertClean(loaded)), origin: .builtIn(fileName: "t"))
    let text = report.text()
    XCTAssertTrue(text.contains("1 min at about 2–4 of 10\n   Pressure: gentle, the weight of the head only."), text)
    XCTAssertTrue(text.contains("1 min at about 4–6 of 10\n   Pressure: firm but comfortable."), text)
    XCTAssertTrue(text.contains("1 min at about 3–4 of 10\n   Pressure: gentle."), text)
    XCTAssertFalse(text.contains("strong"), text)
    let steps = report.document.steps.filter { $0.kind == "hold" }
    XCTAssertEqual(steps.map(\.pressure), ["2-4", "4-6", "3-4"])
    XCTAssertEqual(
      steps.map(\.pressureWords), ["gentle, the weight of the head only", "firm but comfortable", "gentle"])
    XCTAssertTrue(report.json().contains("\"pressureWords\" : \"gentle, the weight of the head only\""))
  }

  // MARK: - The pressure a hold takes when its file gives none

  func testAHoldWithoutPressureTakesItsRegionsUsualPressure() throws {
    let cases: [(muscle: String, tool: String, expected: PressureTarget)] = [
      ("suboccipitals", "cradle-tool", PressureTarget(low: 2, high: 4)),
      ("upper-trapezius", "cradle-tool", PressureTarget(low: 4, high: 6)),
      ("levator-scapulae", "massage-ball", PressureTarget(low: 4, high: 6)),
      ("rhomboids", "massage-ball", PressureTarget(low: 5, high: 7)),
      ("pectoralis-major", "massage-ball", PressureTarget(low: 5, high: 7)),
    ]
    for (muscle, tool, expected) in cases {
      let loaded = load(
        routine(
          targets: "[\(muscle)]", tools: "[\(tool)]",
          steps: ["  - kind: hold", "    position: lying-on-back", "    muscle: \(muscle)", "    tool: \(tool)"]))
      let step = try XCTUnwrap(assertClean(loaded)?.steps.first, muscle)
      XCTAssertEqual(step.action, .hold(seconds: 60, pressure: expected), muscle)
    }
  }

  // MARK: - unknot check

  private func hold(_ muscle: String, _ pressure: String, tool: String = "cradle-tool") -> LoadedRoutine {
    load(
      routine(
        targets: "[\(muscle)]", tools: "[\(tool)]",
        steps: [
          "  - kind: hold", "    position: lying-on-back", "    muscle: \(muscle)", "    tool: \(tool)",
          "    pressure: \(pressure)",
        ]))
  }

  func testCheckWarnsAboveFourAtTheSkullBaseAtThePressureValue() {
    let loaded = hold("suboccipitals", "5")
    assertDiagnostic(
      loaded, .warning, at: (13, 15),
      "pressure up to 5 on 'suboccipitals' is above 4 of 10, the most advised on the "
        + "skull base; use at most 4, such as 2-4 (gentle, the weight of the head only)")
    XCTAssertTrue(loaded.warnings.first?.message.contains(PressureRegion.source) ?? false, loaded.listing)
    XCTAssertEqual(loaded.diagnostics.count, 1, loaded.listing)
    XCTAssertNotNil(loaded.routine, "a warning does not stop the routine from loading")
  }

  func testCheckWarnsAboveSixOnTheNeckAndShoulderTops() {
    assertDiagnostic(
      hold("upper-trapezius", "5-7"), .warning, at: (13, 15),
      "pressure up to 7 on 'upper-trapezius' is above 6 of 10, the most advised on the neck and the tops of the "
        + "shoulders; use at most 6, such as 4-6 (firm but comfortable)")
    assertDiagnostic(
      hold("levator-scapulae", "  7", tool: "massage-ball"), .warning, at: (13, 17),
      "pressure up to 7 on 'levator-scapulae' is above 6 of 10")
  }

  func testCheckSaysNothingAtTheLimit() {
    assertClean(hold("suboccipitals", "4"))
    assertClean(hold("suboccipitals", "2-4"))
    assertClean(hold("upper-trapezius", "6"))
    assertClean(hold("levator-scapulae", "4-6", tool: "massage-ball"))
    assertClean(hold("rhomboids", "7", tool: "massage-ball"))
  }

  func testAboveSevenStaysAnErrorAndSuggestsTheRegionsUsualPressure() {
    let loaded = hold("suboccipitals", "6-8")
    assertDiagnostic(
      loaded, .error, at: (13, 15),
      "pressure above 7 of 10 is never advised; use at most 2-4 (gentle, the weight of the head only)")
    XCTAssertFalse(
      loaded.warnings.contains { $0.message.hasPrefix("pressure up to") },
      "no warning on top of the error: \(loaded.listing)")
  }

  // MARK: - The bundled routines

  func testEveryBundledHoldIsWithinItsRegionsLimitAndNeverSaysStrongOnTheNeck() {
    let routines = RoutineLibrary.load(RoutineSearchPath(userFolder: nil)).routines.compactMap(\.routine)
    var holds = 0
    for routine in routines {
      for step in Timeline(routine: routine).steps where step.kind == .hold {
        holds += 1
        guard let muscle = step.muscle, let pressure = step.pressure else {
          XCTFail("\(routine.id): \(step.title) has no muscle or pressure")
          continue
        }
        let region = PressureRegion.of(muscle)
        XCTAssertLessThanOrEqual(pressure.high, region.highest, "\(routine.id): \(step.title) on \(muscle.id)")
        if region != .back {
          let said = ([step.title, step.placement ?? "", pressure.text(on: muscle)] + step.cues).joined(separator: " ")
          XCTAssertFalse(said.lowercased().contains("strong"), "\(routine.id): \(said)")
        }
      }
    }
    XCTAssertGreaterThan(holds, 10, "the bundled routines hold on many muscles")
  }
}
