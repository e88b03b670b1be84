import UnknotCore
import XCTest

/// An exercise's rep written as phases (tuck, hold, release), and every mistake in
/// one at the line and column to fix. The first step starts on line 9 (see `header`).
final class ExercisePhaseParsingTests: XCTestCase {
  private func chinTucks(_ lines: [String]) -> String {
    routine(
      targets: "[suboccipitals]", tools: "[]",
      // The position comes last, so the lines tested keep their numbers.
      steps: ["  - kind: exercise", "    muscle: suboccipitals", "    reps: 10"] + lines + ["    position: sitting"])
  }

  func testAnExerciseRepCanBeWrittenAsPhases() {
    let loaded = load(
      chinTucks([
        "    phases:",
        "      - {phase: tuck, duration: 2s}",
        "      - {phase: Hold, duration: 5}",
        "      - {phase: release, duration: 2s}",
      ]))
    let step = assertClean(loaded)?.steps.first
    let phases = [
      ExercisePhase(.tuck, seconds: 2), ExercisePhase(.hold, seconds: 5), ExercisePhase(.release, seconds: 2),
    ]
    XCTAssertEqual(step?.action, .phasedExercise(reps: 10, phases: phases))
    XCTAssertEqual(step?.kind, .exercise)
  }

  func testEveryPhaseWordReadsAsItself() {
    for kind in ExercisePhase.Kind.allCases {
      let loaded = load(chinTucks(["    phases: [{phase: \(kind.rawValue), duration: 3s}]"]))
      XCTAssertEqual(
        assertClean(loaded)?.steps.first?.action, .phasedExercise(reps: 10, phases: [ExercisePhase(kind, seconds: 3)]))
    }
  }

  func testTempoAndPhasesTogetherIsAnErrorOnTempo() {
    let loaded = load(chinTucks(["    tempo: 5s", "    phases: [{phase: hold, duration: 5s}]"]))
    assertDiagnostic(loaded, .error, at: (12, 5), "give either 'tempo' or 'phases', not both")
    XCTAssertEqual(loaded.errors.count, 1, loaded.listing)
  }

  func testAnUnknownPhaseSuggestsTheNearestWord() {
    let typo = load(chinTucks(["    phases: [{phase: tuk, duration: 2s}, {phase: hold, duration: 5s}]"]))
    assertDiagnostic(typo, .error, at: (12, 22), "unknown exercise phase 'tuk'; did you mean 'tuck'?")
    let synonym = load(
      chinTucks(["    phases:", "      - {phase: up, duration: 2s}", "      - {phase: down, duration: 2s}"]))
    assertDiagnostic(synonym, .error, at: (13, 17), "unknown exercise phase 'up'; did you mean 'lift'?")
    assertDiagnostic(synonym, .error, at: (14, 17), "unknown exercise phase 'down'; did you mean 'lower'?")
  }

  func testAPhaseWithNothingNearListsTheWords() {
    let loaded = load(chinTucks(["    phases: [{phase: wiggle, duration: 2s}]"]))
    assertDiagnostic(
      loaded, .error, at: (12, 22),
      "unknown exercise phase 'wiggle'; use one of: tuck, lift, pull, squeeze, hold, release, lower")
  }

  func testAPhaseMustLastFromOneToTwentySeconds() {
    let long = load(chinTucks(["    phases: [{phase: hold, duration: 21s}]"]))
    assertDiagnostic(long, .error, at: (12, 38), "an exercise phase of 21 s is outside 1–20 s")
    let none = load(chinTucks(["    phases: [{phase: hold, duration: 0s}]"]))
    assertDiagnostic(none, .error, at: (12, 38), "an exercise phase of 0 s is outside 1–20 s")
    XCTAssertNotNil(assertClean(load(chinTucks(["    phases: [{phase: hold, duration: 20s}]"]))))
  }

  func testAPhaseNeedsBothItsWordAndItsDuration() {
    let loaded = load(
      chinTucks(["    phases:", "      - {phase: tuck}", "      - {phase: hold, duration: 5s, reps: 2}"]))
    assertDiagnostic(loaded, .error, at: (13, 9), "an exercise phase needs 'phase' and 'duration'")
    assertDiagnostic(loaded, .error, at: (14, 37), "unknown key 'reps' in an exercise phase")
  }

  func testAnEmptyPhaseListIsAnError() {
    let loaded = load(chinTucks(["    phases: []"]))
    assertDiagnostic(loaded, .error, at: (12, 5), "'phases' is empty; list the parts of one rep")
  }

  func testPhasesCountTowardsTheHourLimit() {
    // 100 reps of 40 s is 4000 s: over the hour no step may last.
    let loaded = load(
      routine(
        targets: "[suboccipitals]", tools: "[]",
        steps: [
          "  - kind: exercise", "    muscle: suboccipitals", "    reps: 100",
          "    phases: [{phase: lift, duration: 20s}, {phase: lower, duration: 20s}]", "    position: sitting",
        ]))
    assertDiagnostic(loaded, .error, at: (9, 5), "this step lasts 66 min 40 s with its sets")
  }
}
