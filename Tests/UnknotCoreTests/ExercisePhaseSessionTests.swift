import XCTest

@testable import UnknotCore

/// A phased exercise in a session: its plan, the phase a person is in at each moment,
/// the cues they hear at the exact moments due, and the journal keeping those cues.
final class ExercisePhaseSessionTests: XCTestCase {
  /// tuck 2 s, hold 5 s, release 2 s: a 9 s rep.
  static let chinTuck = [
    ExercisePhase(.tuck, seconds: 2), ExercisePhase(.hold, seconds: 5), ExercisePhase(.release, seconds: 2),
  ]

  /// Rating, `reps` chin tucks, rating: the tucks run from the moment the first rating is given.
  private func chinTucks(reps: Int) -> Routine {
    EngineFixtures.routine([RoutineStep(.phasedExercise(reps: reps, phases: Self.chinTuck), muscle: .suboccipitals)])
  }

  /// The phase and rep cues so far, each with its moment: "hold 2000 ms".
  private func tuckCues(_ driver: EngineDriver) -> [String] {
    driver.cues.compactMap { timed in
      switch timed.cue {
      case .exercisePhase(let kind): "\(kind.rawValue) \(timed.at.nanoseconds / 1_000_000) ms"
      case .repetition(let number): "rep \(number) \(timed.at.nanoseconds / 1_000_000) ms"
      default: nil
      }
    }
  }

  // MARK: - Plan

  func testThePlanKeepsThePhasesAndTheRepCount() {
    let steps = Timeline(routine: chinTucks(reps: 10)).steps
    XCTAssertEqual(steps.map(\.kind), [.rate, .exercise, .rate])
    XCTAssertEqual(steps[1].plan, .phasedRepetitions(phases: Self.chinTuck, count: 10))
    XCTAssertEqual(steps[1].plan.seconds, 90, "10 reps of 2 + 5 + 2 s")
    XCTAssertEqual(steps[1].title, "Exercise")
  }

  // MARK: - The clock

  func testTheClockPlacesEveryMomentInItsRepAndPhase() {
    func at(_ milliseconds: Int64) -> String? {
      ExerciseClock.phase(of: Self.chinTuck, count: 2, at: milliseconds * 1_000_000).map {
        "rep \($0.repetition) \($0.kind.rawValue) +\($0.elapsed / 1_000_000) ms"
      }
    }
    XCTAssertEqual(at(0), "rep 1 tuck +0 ms")
    XCTAssertEqual(at(1999), "rep 1 tuck +1999 ms")
    XCTAssertEqual(at(2000), "rep 1 hold +0 ms")
    XCTAssertEqual(at(6500), "rep 1 hold +4500 ms")
    XCTAssertEqual(at(7000), "rep 1 release +0 ms")
    XCTAssertEqual(at(9000), "rep 2 tuck +0 ms")
    XCTAssertEqual(at(17_999), "rep 2 release +1999 ms")
    XCTAssertNil(at(18_000), "no third rep")
    XCTAssertNil(at(-1))
    XCTAssertEqual(ExerciseClock.phase(of: Self.chinTuck, count: 2, at: 4_500_000_000)?.fraction, 0.5)
  }

  // MARK: - Cues

  func testEachPhaseIsCuedAsItBeginsAndTheSecondRepIsCounted() {
    var driver = EngineFixtures.begun(chinTucks(reps: 2), at: .zero)
    driver.observe(every: 300_000_000, until: EngineTime.s(19))
    XCTAssertEqual(
      tuckCues(driver),
      [
        "tuck 0 ms", "hold 2000 ms", "release 7000 ms",
        "rep 2 9000 ms", "tuck 9000 ms", "hold 11000 ms", "release 16000 ms",
      ])
    XCTAssertEqual(driver.stepEnds.first { $0.index == 1 }?.at, EngineTime.s(18))
    // The countdown's last three seconds still sound beside the phases.
    XCTAssertEqual(
      driver.cues.filter { if case .countdown = $0.cue { true } else { false } }.map(\.at),
      [15, 16, 17].map { EngineTime.s($0) })
  }

  func testCuesKeepTheirMomentsWhenTheClockIsReadLate() {
    var late = EngineFixtures.begun(chinTucks(reps: 2), at: .zero)
    for second: Int64 in [1, 3, 4, 6, 8, 10, 12, 14, 16, 18] {
      late.send(.observe, at: EngineTime.s(second))
    }
    XCTAssertEqual(
      tuckCues(late),
      [
        "tuck 0 ms", "hold 2000 ms", "release 7000 ms",
        "rep 2 9000 ms", "tuck 9000 ms", "hold 11000 ms", "release 16000 ms",
      ])
  }

  func testPausingMidHoldDelaysTheReleaseByThePause() {
    var driver = EngineFixtures.begun(chinTucks(reps: 2), at: .zero)
    driver.observe(every: 500_000_000, until: EngineTime.s(4))
    driver.send(.pause, at: EngineTime.s(4))
    XCTAssertNil(SessionEngine.nextChange(driver.state, after: EngineTime.s(10)), "nothing is due while paused")
    driver.send(.resume, at: EngineTime.s(34))
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.s(34)).exercisePhase?.kind, .hold)
    driver.observe(every: 500_000_000, until: EngineTime.s(49))
    XCTAssertEqual(
      tuckCues(driver),
      [
        "tuck 0 ms", "hold 2000 ms", "release 37000 ms",
        "rep 2 39000 ms", "tuck 39000 ms", "hold 41000 ms", "release 46000 ms",
      ])
  }

  func testGoingBackStartsTheRepsAgainFromTheFirstTuck() {
    var driver = EngineFixtures.begun(chinTucks(reps: 2), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(12))
    driver.send(.next, at: EngineTime.s(12))
    driver.send(.back, at: EngineTime.s(13))
    XCTAssertEqual(driver.state.stepIndex, 1)
    XCTAssertEqual(Array(tuckCues(driver).suffix(1)), ["tuck 13000 ms"])
    XCTAssertEqual(SessionProgress(driver.state, at: EngineTime.s(13)).repetition, 1)
  }

  func testExtendingGivesTimeButNoRepBeyondTheCount() {
    var driver = EngineFixtures.begun(chinTucks(reps: 2), at: .zero)
    driver.send(.extend, at: EngineTime.s(1))
    driver.observe(every: engineSecond, until: EngineTime.s(30))
    let after = SessionProgress(driver.state, at: EngineTime.s(30))
    XCTAssertNil(after.exercisePhase, "no phase once both reps are done")
    XCTAssertEqual(after.repetition, 2)
    XCTAssertEqual(after.repetitionCount, 2)
    driver.observe(every: engineSecond, until: EngineTime.s(34))
    XCTAssertEqual(driver.stepEnds.first { $0.index == 1 }?.at, EngineTime.s(33))
    XCTAssertEqual(
      tuckCues(driver),
      [
        "tuck 0 ms", "hold 2000 ms", "release 7000 ms",
        "rep 2 9000 ms", "tuck 9000 ms", "hold 11000 ms", "release 16000 ms",
      ])
  }

  // MARK: - What the screen is given

  func testTheProgressGivesThePhaseTheRepAndHowFarThroughThePhase() {
    var driver = EngineFixtures.begun(chinTucks(reps: 10), at: .zero)
    driver.observe(every: engineSecond, until: EngineTime.s(22))
    let shown = SessionProgress(driver.state, at: EngineTime.s(22))
    XCTAssertEqual(shown.exercisePhase?.kind, .hold)
    XCTAssertEqual(shown.exercisePhase?.repetition, 3)
    XCTAssertEqual(shown.exercisePhase?.fraction, 0.4, "2 s into a 5 s hold")
    XCTAssertEqual(shown.repetition, 3)
    XCTAssertEqual(shown.repetitionCount, 10)
    XCTAssertNil(shown.breath)
  }

  // MARK: - The journal

  func testEveryExercisePhaseCueRoundTripsThroughTheJournal() {
    let at = EngineTime.s(9)
    for kind in ExercisePhase.Kind.allCases {
      let event = SessionEvent.cue(.exercisePhase(kind), at: at)
      let payload = JournalEventCodec.json(JournalEventCodec.payload(of: event))
      XCTAssertTrue(payload.contains("exercise-phase:\(kind.rawValue)"), payload)
      XCTAssertEqual(JournalEventCodec.event(kind: JournalEventCodec.kind(of: event), at: at, payload: payload), event)
    }
    XCTAssertNil(JournalEventCodec.cue(from: "exercise-phase:wiggle"))
  }
}
