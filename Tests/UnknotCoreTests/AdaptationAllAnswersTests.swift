import Foundation
import XCTest

@testable import UnknotCore

/// Every bundled routine under every combination of the six answers that shape a
/// session, as written and lighter: nothing a rule forbids is left, no hold presses
/// above its cap, and every step left out is said.
final class AdaptationAllAnswersTests: XCTestCase {
  private static let routines = RoutineLibrary.load(RoutineSearchPath(userFolder: nil)).routines.compactMap(\.routine)
  private static let questions = [
    "b-bleeding", "b-osteoporosis", "b-pregnancy", "b-injury-surgery", "b-spinal-condition", "b-flexible-joints",
  ]
  private static let neck = Set(PressureRegion.skullBase.muscles + PressureRegion.neckAndShoulderTops.muscles)

  func testTheSixAnswersAreTheOnesTheRulesFollow() {
    XCTAssertEqual(AdaptationRules.questionIDs, Set(Self.questions))
    let asked = Set(SafetyQuestions.all.map(\.id))
    XCTAssertTrue(AdaptationRules.questionIDs.isSubset(of: asked), "a rule follows a question nobody is asked")
  }

  func testNoCombinationLeavesAForbiddenStepOrAnUnsaidRemoval() {
    XCTAssertEqual(Self.routines.count, BuiltInRoutineFiles.all().count)
    for mask in 0..<(1 << Self.questions.count) {
      var answers: [String: Bool] = [:]
      for (bit, id) in Self.questions.enumerated() { answers[id] = mask & (1 << bit) != 0 }
      let yes = Set(answers.filter(\.value).keys)
      for routine in Self.routines {
        for pain in [PainAdjustment.asWritten, .lighter] {
          let adapted = RoutineAdaptation.adapt(routine, answers: SafetyAnswers(answers), pain: pain)
          check(adapted, from: routine, yes: yes, pain: pain)
        }
      }
    }
  }

  private func check(_ adapted: AdaptedRoutine, from routine: Routine, yes: Set<String>, pain: PainAdjustment) {
    let label = "\(routine.id) with \(yes.sorted()) \(pain)"
    let leaves = RoutineAdaptation.flatten(adapted.routine.steps)
    for step in leaves {
      if case .hold(_, let pressure) = step.action {
        let region = step.muscle.map(PressureRegion.of)?.highest ?? PressureTarget.maximum
        XCTAssertLessThanOrEqual(pressure.high, region, label)
        if yes.contains("b-bleeding") { XCTAssertLessThanOrEqual(pressure.high, 4, label) }
        if yes.contains("b-osteoporosis"), step.muscle == .intercostals || step.muscle == .latissimusDorsi {
          XCTAssertLessThanOrEqual(pressure.high, 4, label)
        }
        XCTAssertLessThanOrEqual(pressure.low, pressure.high, label)
      }
      if yes.contains("b-bleeding") {
        XCTAssertNotEqual(step.tool, .pointTool, label)
        XCTAssertNotEqual(step.kind, .roll, label)
      }
      if yes.contains("b-osteoporosis") {
        XCTAssertFalse([.foamRoller, .thoracicStretcher].contains(step.tool), label)
        XCTAssertNotEqual(step.kind, .traction, label)
      }
      if yes.contains("b-pregnancy") {
        XCTAssertNotEqual(step.position, .lyingOnBack, label)
      }
      if !yes.isDisjoint(with: ["b-injury-surgery", "b-spinal-condition"]) {
        XCTAssertNotEqual(step.kind, .traction, label)
        if let muscle = step.muscle, Self.neck.contains(muscle) {
          XCTAssertFalse([.hold, .strokes, .roll].contains(step.kind), label)
          XCTAssertFalse(step.kind == .place && step.tool != .none, label)
        }
      }
      if yes.contains("b-flexible-joints") {
        XCTAssertNotEqual(step.kind, .traction, label)
        if step.kind == .stretch, let muscle = step.muscle,
          [.upperTrapezius, .levatorScapulae, .suboccipitals].contains(muscle)
        {
          XCTAssertEqual(step.cues.first, AdaptationRules.midRangeCue, label)
        }
      }
    }
    // Every step that is gone is named in a change line.
    let kept = leaves.map { RoutineAdaptation.name(of: $0) }
    var left = kept
    for step in RoutineAdaptation.flatten(routine.steps) {
      let name = RoutineAdaptation.name(of: step)
      if let index = left.firstIndex(of: name) {
        left.remove(at: index)
      } else if step.alternative == nil || !yes.contains("b-pregnancy") {
        XCTAssertTrue(
          adapted.changes.contains { $0.what.contains(name) }, "\(label): '\(name)' is gone unsaid")
      }
    }
    let tools = Set(leaves.map(\.tool)).subtracting([.none])
    XCTAssertEqual(Set(adapted.routine.tools).subtracting([.none]), tools, label)
    XCTAssertEqual(
      adapted.nothingLeft,
      !leaves.contains { $0.kind.loadsTheBody || $0.kind == .breathe || $0.kind == .checklist }, label)
    if yes.isEmpty && pain == .asWritten {
      XCTAssertEqual(adapted.routine, routine, label)
      XCTAssertEqual(adapted.changes, [], label)
    }
    for change in adapted.changes where change.ruleID != RoutineTidy.ruleID {
      XCTAssertTrue(
        change.ruleID == RoutineAdaptation.lighterRuleID || AdaptationRules.rule(id: change.ruleID) != nil, label)
    }
  }
}
