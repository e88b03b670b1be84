import Foundation
import UnknotCore
import XCTest

/// A programme's level sets the reps and sets of a progressing routine's exercises,
/// says so before the session, leaves everything else as written, and the safety
/// answers still apply after it.
final class ProgrammeDosingTests: XCTestCase {
  private let dose = ProgrammeDose(level: 5, reps: 12, sets: 2)

  private var routine: Routine {
    let rows = RoutineStep(
      .phasedExercise(reps: 8, phases: [ExercisePhase(.pull, seconds: 2), ExercisePhase(.release, seconds: 2)]),
      muscle: .rhomboids, tool: .resistanceBand)
    let hold = RoutineStep(
      .hold(seconds: 60, pressure: PressureTarget(low: 4, high: 6)), muscle: .rhomboids, tool: .massageBall)
    let raises = RoutineStep(.exercise(reps: 10, secondsPerRep: 4), muscle: .middleTrapezius)
    return Routine(
      id: "rows", title: "Rows", summary: "Rows.", groups: [], targets: [.rhomboids, .middleTrapezius],
      tools: [.resistanceBand, .massageBall], steps: [rows, hold, RoutineStep(.block(steps: [raises]), side: .both)])
  }

  func testEveryExerciseTakesTheLevelsRepsAndSetsAndNothingElseChanges() {
    let adapted = RoutineAdaptation.adapt(routine, answers: .none, pain: .asWritten, dose: dose)
    let steps = adapted.routine.steps
    XCTAssertEqual(
      steps[0].action,
      .phasedExercise(reps: 12, phases: [ExercisePhase(.pull, seconds: 2), ExercisePhase(.release, seconds: 2)]))
    XCTAssertEqual(steps[0].sets, 2)
    XCTAssertEqual(steps[0].restBetweenSets, ProgrammeDosing.restBetweenSets)
    XCTAssertEqual(steps[1], routine.steps[1], "a pressure hold is not an exercise")
    guard case .block(let inner) = steps[2].action else { return XCTFail("the block is gone") }
    XCTAssertEqual(inner[0].action, .exercise(reps: 12, secondsPerRep: 4), "exercises inside blocks too")
    XCTAssertEqual(
      adapted.changes.first?.what, "Level 5 of your programme: 12 reps, 2 sets in each exercise.",
      "the screen and plain mode say what changed and why")
    XCTAssertEqual(adapted.changes.first?.ruleID, ProgrammeDosing.ruleID)
    XCTAssertTrue(adapted.changes.first?.why.contains("Garber 2011") ?? false)
  }

  func testWithoutADoseTheRoutineRunsAsWritten() {
    let adapted = RoutineAdaptation.adapt(routine, answers: .none, pain: .asWritten)
    XCTAssertEqual(adapted.routine, routine)
    XCTAssertEqual(adapted.changes, [])
  }

  func testSafetyAnswersStillApplyAfterTheLevel() {
    let adapted = RoutineAdaptation.adapt(
      routine, answers: SafetyAnswers(["b-bleeding": true]), pain: .asWritten, dose: dose)
    XCTAssertEqual(adapted.routine.steps[0].sets, 2)
    XCTAssertGreaterThan(adapted.changes.count, 1, "the bleeding rule's changes follow the level's")
    XCTAssertTrue(
      adapted.routine.steps.allSatisfy {
        if case .hold(_, let pressure) = $0.action { return pressure.high <= 4 }
        return true
      })
  }

  func testOnlyTheProgressingEntriesRoutinesTakeADose() {
    let programme = ProgrammeProgressTests.programme
    let active = ActiveProgramme(
      enrolment: ProgrammeProgressTests.enrolment, programme: programme,
      today: ProgrammeProgress.today(
        programme: programme, enrolment: ProgrammeProgressTests.enrolment,
        sessions: [ProgrammeProgressTests.rows(0), ProgrammeProgressTests.rows(2)],
        now: ProgrammeProgressTests.day(3), zone: .utc))
    XCTAssertEqual(
      active.doses,
      ["rows": ProgrammeDose(level: 2, reps: 11, sets: 1), "band-rows": ProgrammeDose(level: 2, reps: 11, sets: 1)])
    XCTAssertEqual(active.phrase, "strength, 2 of 3 this week")
  }
}
