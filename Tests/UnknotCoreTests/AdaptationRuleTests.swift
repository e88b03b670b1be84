import Foundation
import XCTest

@testable import UnknotCore

/// Each safety answer's rule on the bundled routines, what counts as answers, and the
/// `alternative` key of a routine file.
final class AdaptationRuleTests: XCTestCase {
  private static let routines = RoutineLibrary.load(RoutineSearchPath(userFolder: nil)).routines.compactMap(\.routine)

  private func bundled(_ id: String) throws -> Routine {
    try XCTUnwrap(Self.routines.first { $0.id == id })
  }

  private func adapt(_ id: String, _ yes: String..., pain: PainAdjustment = .asWritten) throws -> AdaptedRoutine {
    RoutineAdaptation.adapt(
      try bundled(id), answers: SafetyAnswers(Dictionary(uniqueKeysWithValues: yes.map { ($0, true) })), pain: pain)
  }

  private func holds(_ adapted: AdaptedRoutine) -> [PressureTarget] {
    RoutineAdaptation.flatten(adapted.routine.steps).compactMap {
      if case .hold(_, let pressure) = $0.action { return pressure }
      return nil
    }
  }

  // MARK: - answers

  func testOnlyAnswersOfACheckThatLetsSessionsStartAndIsCurrentCount() {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let answers = ["b-bleeding": true, "b-pregnancy": false, "b-night-pain": true]
    let agreed = SafetyCheck(date: now.addingTimeInterval(-86_400), answers: answers, outcome: .clinicianAgreed)
    XCTAssertEqual(SafetyAnswers(check: agreed, now: now).yes, ["b-bleeding"], "only yes answers a rule follows")
    let stale = SafetyCheck(date: now.addingTimeInterval(-31 * 86_400), answers: answers, outcome: .clinicianAgreed)
    XCTAssertEqual(SafetyAnswers(check: stale, now: now), .none)
    let stopped = SafetyCheck(date: now, answers: answers, outcome: .seeDoctor)
    XCTAssertEqual(SafetyAnswers(check: stopped, now: now), .none)
    XCTAssertEqual(SafetyAnswers(check: nil, now: now), .none)
    XCTAssertTrue(SafetyAnswers.none.isEmpty)
  }

  // MARK: - each rule

  func testBleedingLeavesNothingOfThePointToolRoutineAndSaysWhy() throws {
    let adapted = try adapt("between-blades-point-tool", "b-bleeding")
    XCTAssertTrue(adapted.nothingLeft)
    XCTAssertFalse(RoutineAdaptation.flatten(adapted.routine.steps).contains { $0.tool == .pointTool })
    XCTAssertTrue(
      adapted.changes.contains {
        $0.what == "Both sides: Pressure hold on the rhomboids with the point tool on a base is left out."
          && $0.why.hasPrefix("You take blood thinners or have a bleeding disorder: no point tool (")
      })
  }

  func testBleedingCapsEveryHoldAtFourAndLeavesOutRolling() throws {
    let adapted = try adapt("full-upper-back", "b-bleeding")
    XCTAssertFalse(adapted.nothingLeft)
    XCTAssertFalse(holds(adapted).isEmpty)
    XCTAssertTrue(holds(adapted).allSatisfy { $0.high <= 4 })
    XCTAssertFalse(RoutineAdaptation.flatten(adapted.routine.steps).contains { $0.kind == .roll })
    XCTAssertTrue(adapted.changes.contains { $0.what.contains("presses at 4 of 10, not 5–7") })
  }

  func testOsteoporosisLeavesOutTheRollerButKeepsStretchesAndBreathing() throws {
    let roller = try adapt("thoracic-extension-roller", "b-osteoporosis")
    XCTAssertTrue(roller.nothingLeft)
    let ribs = try adapt("ribs-stretcher-breathing", "b-osteoporosis")
    XCTAssertFalse(ribs.nothingLeft, "the breathing stays")
    XCTAssertEqual(RoutineAdaptation.flatten(ribs.routine.steps).map(\.kind), [.breathe, .rest, .rate])
    XCTAssertEqual(ribs.routine.tools, [])
    let traction = try adapt("cervical-traction", "b-osteoporosis")
    XCTAssertTrue(traction.nothingLeft)
  }

  func testPregnancySwapsInTheSittingVersionsAndLeavesOutWhatHasNone() throws {
    let adapted = try adapt("thoracic-extension-roller", "b-pregnancy")
    let steps = RoutineAdaptation.flatten(adapted.routine.steps)
    XCTAssertFalse(steps.contains { $0.position == .lyingOnBack })
    XCTAssertEqual(steps.filter { $0.kind == .exercise }.map(\.position), [.sitting, .sitting, .sitting])
    XCTAssertEqual(adapted.routine.tools, [], "the chair needs no tool")
    XCTAssertTrue(
      adapted.changes.contains {
        $0.what == "Extensions, level 1 is done sitting instead: Sitting extensions, level 1."
      })
    XCTAssertTrue(adapted.changes.contains { $0.what.hasSuffix("is left out: there is no other way to do it.") })
    let cradle = try adapt("tension-headache", "b-pregnancy")
    XCTAssertFalse(RoutineAdaptation.flatten(cradle.routine.steps).contains { $0.tool == .cradleTool })
    XCTAssertFalse(cradle.nothingLeft, "the sitting stretches stay")
  }

  func testInjuryOrSpinalConditionLeavesOutNeckPressureAndTraction() throws {
    for answer in ["b-injury-surgery", "b-spinal-condition"] {
      let adapted = try adapt("tension-headache", answer)
      let steps = RoutineAdaptation.flatten(adapted.routine.steps)
      XCTAssertFalse(steps.contains { $0.kind == .hold }, answer)
      XCTAssertEqual(steps.filter { $0.kind == .stretch }.count, 2, "stretches are not pressure")
      XCTAssertTrue(try adapt("cervical-traction", answer).nothingLeft, answer)
    }
  }

  func testFlexibleJointsKeepNeckStretchesToMidRangeAndSaysSo() throws {
    let adapted = try adapt("tension-headache", "b-flexible-joints")
    let stretches = RoutineAdaptation.flatten(adapted.routine.steps).filter { $0.kind == .stretch }
    XCTAssertEqual(stretches.map { $0.cues.first }, [AdaptationRules.midRangeCue, AdaptationRules.midRangeCue])
    XCTAssertTrue(
      adapted.changes.contains {
        $0.what == "Both sides: Stretch the side of the neck goes only to a gentle, mid-range stretch."
      })
    XCTAssertTrue(try adapt("cervical-traction", "b-flexible-joints").nothingLeft)
  }

  func testLighterPainSaysSoOnceAndPressesTwoLower() throws {
    let adapted = try adapt("between-blades-ball", pain: .lighter)
    XCTAssertEqual(adapted.changes.map(\.ruleID), [RoutineAdaptation.lighterRuleID])
    let written = RoutineAdaptation.adapt(try bundled("between-blades-ball"), answers: .none, pain: .asWritten)
    XCTAssertEqual(zip(holds(adapted), holds(written)).map { $1.high - $0.high }, holds(written).map { _ in 2 })
    let breathing = try adapt("box-breathing", pain: .lighter)
    XCTAssertEqual(breathing.changes, [], "no pressure, nothing lighter to say")
  }

  func testBothSidesOfTheSameChangeAreSaidOnce() {
    let changes = SidedChange.grouped([
      SidedChange(side: .left, ruleID: "bleeding", what: "A is left out.", why: "W."),
      SidedChange(side: .right, ruleID: "bleeding", what: "A is left out.", why: "W."),
      SidedChange(side: .left, ruleID: "bleeding", what: "B is left out.", why: "W."),
    ])
    XCTAssertEqual(changes.map(\.what), ["Both sides: A is left out.", "Left: B is left out."])
  }

  // MARK: - the alternative key

  private let lyingHold = [
    "  - kind: hold",  // 9
    "    muscle: erector-spinae",  // 10
    "    tool: foam-roller",  // 11
    "    position: lying-on-back",  // 12
    "    alternative:",  // 13
  ]

  func testAnAlternativeIsReadLikeAStepAndTakesTheSide() throws {
    let loaded = load(
      routine(
        targets: "[erector-spinae]", tools: "[foam-roller]",
        steps: lyingHold + [
          "      kind: stretch",
          "      muscle: erector-spinae",
          "      position: sitting",
        ]))
    let step = try XCTUnwrap(assertClean(loaded)?.steps.first)
    XCTAssertEqual(step.alternative?.kind, .stretch)
    XCTAssertEqual(step.alternative?.position, .sitting)
  }

  func testAnAlternativeLyingOnTheBackIsAnErrorAtIt() {
    let loaded = load(
      routine(
        targets: "[erector-spinae]", tools: "[foam-roller]",
        steps: lyingHold + [
          "      kind: stretch",  // 14
          "      muscle: erector-spinae",
          "      position: lying-on-back",
        ]))
    assertDiagnostic(loaded, .error, at: (14, 7), "an 'alternative' is for someone who should not lie on their back")
  }

  func testAnAlternativeBlockIsAnError() {
    let loaded = load(
      routine(
        targets: "[erector-spinae]", tools: "[foam-roller]",
        steps: lyingHold + [
          "      kind: block",  // 14
          "      steps: []",
        ]))
    assertDiagnostic(loaded, .error, at: (14, 7), "an 'alternative' is one step, not a block")
  }

  func testAnAlternativeIsCheckedLikeAnyStep() {
    let loaded = load(
      routine(
        targets: "[erector-spinae]", tools: "[foam-roller]",
        steps: lyingHold + [
          "      kind: stretch",  // 14
          "      muscle: rhomboids",  // 15
          "      position: sitting",
        ]))
    assertDiagnostic(loaded, .error, at: (15, 15), "'rhomboids' is not in the routine's 'targets'")
  }

  func testAnAlternativeOnAStepNotLyingOnTheBackIsNeverUsed() {
    let loaded = load(
      routine(
        targets: "[erector-spinae]", tools: "[foam-roller]",
        steps: [
          "  - kind: stretch",  // 9
          "    muscle: erector-spinae",
          "    position: sitting",
          "    alternative:",  // 12
          "      kind: stretch",
          "      muscle: erector-spinae",
          "      position: standing",
        ]))
    assertDiagnostic(loaded, .warning, at: (12, 5), "this step is not done lying on the back")
  }
}
