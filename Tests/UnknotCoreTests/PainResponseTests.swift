import UnknotCore
import XCTest

/// Sessions that respond to pain: the rule at its edges, and what each choice does to
/// the steps still to come, as the person would see them.
final class PainResponseTests: XCTestCase {
  /// Rating before · place (ball, rhomboids) · hold left · switch · hold right ·
  /// rating between (rhomboids) · strokes (upper trapezius) · roll · stretch · rating after.
  static let pressing = EngineFixtures.routine(
    [
      RoutineStep(.place(getReadySeconds: 10), muscle: .rhomboids, tool: .massageBall),
      RoutineStep(.hold(seconds: 60, pressure: .standard), muscle: .rhomboids, tool: .massageBall, side: .both),
      RoutineStep(.rate, muscle: .rhomboids),
      RoutineStep(.hold(seconds: 90, pressure: .standard), muscle: .rhomboids, tool: .massageBall, side: .both),
      RoutineStep(.strokes(count: 10, secondsPerStroke: 3), muscle: .upperTrapezius, tool: .caneMassager),
      RoutineStep(.roll(seconds: 90, span: nil), muscle: .erectorSpinae, tool: .foamRoller),
      RoutineStep(.stretch(secondsPerRep: 30, reps: 2), muscle: .rhomboids),
    ], id: "pressing")

  /// A driver rated `before`, walked to the rating between steps.
  func atBetweenRating(before: Int?) -> EngineDriver {
    var driver = EngineDriver(Self.pressing)
    driver.send(.begin, at: .zero)
    if let before { driver.send(.rate(before), at: .zero) } else { driver.send(.skipRating, at: .zero) }
    while driver.state.currentStep.plan != .rating(.between) { driver.send(.next, at: .zero) }
    return driver
  }

  // MARK: - The rule at its edges

  func testARiseOfOneAsksNothingAndARiseOfTwoAsks() {
    XCTAssertFalse(PainRules.hasRisen(before: 3, now: 4))
    XCTAssertTrue(PainRules.hasRisen(before: 3, now: 5))
    XCTAssertFalse(PainRules.hasRisen(before: 5, now: 5))
    XCTAssertFalse(PainRules.hasRisen(before: 6, now: 2))
  }

  func testSevenAfterFiveOrSixAsksNothingButEightAlwaysAsks() {
    XCTAssertFalse(PainRules.hasRisen(before: 6, now: 7))
    XCTAssertTrue(PainRules.hasRisen(before: 7, now: 8))
    XCTAssertTrue(PainRules.hasRisen(before: 9, now: 8))
    XCTAssertTrue(PainRules.hasRisen(before: nil, now: 8))
    XCTAssertFalse(PainRules.hasRisen(before: nil, now: 7))
  }

  func testAFallOfTwoIsWorthAKindWordAndAFallOfOneIsNot() {
    XCTAssertTrue(PainRules.hasEased(before: 6, now: 4))
    XCTAssertFalse(PainRules.hasEased(before: 6, now: 5))
    XCTAssertFalse(PainRules.hasEased(before: nil, now: 0))
  }

  func testHighPainBeforeTheStartMattersOnlyForRoutinesThatPress() {
    XCTAssertEqual(PainRules.atStart(rating: 6, routineHasPressure: true), .asWritten)
    XCTAssertEqual(PainRules.atStart(rating: 7, routineHasPressure: true), .startLighter)
    XCTAssertEqual(PainRules.atStart(rating: 8, routineHasPressure: true), .offerGentler)
    XCTAssertEqual(PainRules.atStart(rating: 10, routineHasPressure: false), .asWritten)
  }

  // MARK: - In a session

  func testARiseOfOneBetweenStepsGoesStraightOn() {
    var driver = atBetweenRating(before: 3)
    let index = driver.state.stepIndex
    driver.send(.rate(4), at: .zero)
    XCTAssertNil(driver.state.painCheck)
    XCTAssertEqual(driver.state.stepIndex, index + 1)
  }

  func testARiseOfTwoWaitsForAChoiceAndOffersLighterSkipAndStop() throws {
    var driver = atBetweenRating(before: 3)
    let index = driver.state.stepIndex
    driver.send(.rate(5), at: .zero)
    let check = try XCTUnwrap(driver.state.painCheck)
    XCTAssertEqual(check.kind, .rose)
    XCTAssertEqual(check.from, 3)
    XCTAssertEqual(check.to, 5)
    XCTAssertEqual(check.muscle, .rhomboids)
    XCTAssertEqual(check.choices, [.lighter, .skipPressure, .stop])
    XCTAssertEqual(driver.state.stepIndex, index, "the rating stays on screen until the person chooses")
    XCTAssertTrue(driver.rejected(driver.send(.next, at: .zero)))
    XCTAssertTrue(driver.rejected(driver.send(.rate(2), at: .zero)))
  }

  func testEightAfterASkippedBeforeRatingStillAsks() {
    var driver = atBetweenRating(before: nil)
    driver.send(.rate(8), at: .zero)
    XCTAssertEqual(driver.state.painCheck?.from, nil)
    XCTAssertEqual(driver.state.painCheck?.to, 8)
  }

  func testLighterLowersEveryRemainingHoldByTwoAndShortensItsTime() throws {
    var driver = atBetweenRating(before: 3)
    let index = driver.state.stepIndex
    let before = Array(driver.state.steps[(index + 1)...])
    driver.send(.rate(6), at: .zero)
    driver.send(.respondToPain(.lighter), at: .zero)
    let after = Array(driver.state.steps[(index + 1)...])
    XCTAssertEqual(after.count, before.count)
    for (old, new) in zip(before, after) where old.kind == .hold {
      XCTAssertEqual(new.pressure, PressureTarget(low: 3, high: 5))
      XCTAssertEqual(new.plan, .timed(seconds: 30))
    }
    let strokes = try XCTUnwrap(after.first { $0.kind == .strokes })
    XCTAssertEqual(strokes.plan, .repetitions(count: 6, secondsEach: 3))
    let roll = try XCTUnwrap(after.first { $0.kind == .roll })
    XCTAssertEqual(roll.plan, .timed(seconds: 30))
    let stretch = try XCTUnwrap(after.first { $0.kind == .stretch })
    XCTAssertEqual(stretch.plan, .repetitions(count: 2, secondsEach: 30), "stretches stay as written")
    XCTAssertEqual(driver.state.stepIndex, index + 1, "the session goes on at the next step")
    XCTAssertEqual(driver.state.currentStep.pressure, PressureTarget(low: 3, high: 5))
    XCTAssertEqual(
      driver.record.painChoices.map(\.sentence), ["Pain rose from 3 to 6 at step \(index + 1); you chose lighter."])
  }

  func testLighterNeverPressesFirmerThanWritten() {
    XCTAssertEqual(LighterDose.pressure(PressureTarget(low: 1, high: 3)), PressureTarget(low: 1, high: 2))
    XCTAssertEqual(LighterDose.pressure(PressureTarget(low: 1, high: 1)), PressureTarget(low: 1, high: 1))
  }

  func testLighterNeverGoesBelowTwo() {
    XCTAssertEqual(LighterDose.pressure(PressureTarget(low: 2, high: 4)), PressureTarget(low: 2, high: 2))
    XCTAssertEqual(LighterDose.pressure(PressureTarget(low: 4, high: 6)), PressureTarget(low: 2, high: 4))
    XCTAssertEqual(
      LighterDose.pressure(LighterDose.pressure(PressureTarget(low: 5, high: 7))), PressureTarget(low: 2, high: 3))
  }

  func testSkippingThePressureLeavesOutThatMusclesHoldsButKeepsItsStretchAndOtherMuscles() {
    var driver = atBetweenRating(before: 3)
    let index = driver.state.stepIndex
    driver.send(.rate(6), at: .zero)
    driver.send(.respondToPain(.skipPressure), at: .zero)
    let rest = driver.state.steps[(index + 1)...]
    XCTAssertFalse(rest.contains { $0.kind == .hold && $0.muscle == .rhomboids })
    XCTAssertFalse(rest.contains { $0.kind == .switchSides }, "no switch to a side with nothing left")
    XCTAssertTrue(rest.contains { $0.kind == .stretch && $0.muscle == .rhomboids })
    XCTAssertTrue(rest.contains { $0.kind == .strokes && $0.muscle == .upperTrapezius })
    XCTAssertEqual(driver.state.currentStep.kind, .strokes)
  }

  func testStopEndsTheSessionForSafetyWithTheAdviceForPainThatRises() {
    var driver = atBetweenRating(before: 3)
    driver.send(.rate(7), at: .zero)
    driver.send(.respondToPain(.stop), at: .zero)
    XCTAssertEqual(driver.state.status, .ended(.stoppedForSafety))
    XCTAssertEqual(driver.record.stopReason, .sign(.risingPain))
    XCTAssertEqual(driver.record.painChoices.first?.choice, .stop)
  }

  func testAChoiceNotOfferedIsRefused() {
    var driver = atBetweenRating(before: 3)
    driver.send(.rate(6), at: .zero)
    XCTAssertTrue(driver.rejected(driver.send(.respondToPain(.gentlerRoutine("box-breathing")), at: .zero)))
    XCTAssertTrue(driver.rejected(driver.send(.respondToPain(.asWritten), at: .zero)))
    XCTAssertNotNil(driver.state.painCheck)
  }

  func testSevenBeforeAPressingRoutineAsksAndLighterIsTheDefault() throws {
    var driver = EngineDriver(Self.pressing)
    driver.send(.begin, at: .zero)
    driver.send(.rate(7), at: .zero)
    let check = try XCTUnwrap(driver.state.painCheck)
    XCTAssertEqual(check.kind, .highBefore)
    XCTAssertEqual(check.choices.first, .lighter)
    XCTAssertTrue(check.choices.contains(.asWritten))
    XCTAssertTrue(driver.rejected(driver.send(.respondToPain(.gentlerRoutine("box-breathing")), at: .zero)))
    driver.send(.respondToPain(.asWritten), at: .zero)
    XCTAssertEqual(driver.state.steps, Timeline(routine: Self.pressing).steps, "the full routine, as written")
  }

  func testEightBeforeTheStartMayLeaveForAGentlerRoutine() {
    var driver = EngineDriver(Self.pressing)
    driver.send(.begin, at: .zero)
    driver.send(.rate(8), at: .zero)
    driver.send(.respondToPain(.gentlerRoutine("box-breathing")), at: .zero)
    XCTAssertEqual(driver.state.status, .ended(.quit))
    XCTAssertEqual(
      driver.record.painChoices.first?.sentence,
      "Pain was 8 before the start; you chose a gentler routine (box-breathing).")
  }

  func testHighPainBeforeABreathingRoutineAsksNothing() {
    var driver = EngineDriver(
      EngineFixtures.routine([RoutineStep(.breathe(phases: EngineFixtures.threePhaseBreath, cycles: 3))]))
    driver.send(.begin, at: .zero)
    driver.send(.rate(9), at: .zero)
    XCTAssertNil(driver.state.painCheck)
  }
}

extension EngineDriver {
  /// Whether these events are one rejection and nothing else.
  func rejected(_ events: [SessionEvent]) -> Bool {
    events.count == 1 && events[0].engineIsRejection
  }
}

/// The choice outlives the session's event log: the journal keeps it as a row.
final class PainChoiceJournalTests: JournalTestCase {
  func testAChoiceIsKeptInTheJournalAfterTheSessionEnds() throws {
    var driver = EngineDriver(PainResponseTests.pressing)
    driver.send(.begin, at: .zero)
    driver.send(.rate(3), at: .zero)
    while driver.state.currentStep.plan != .rating(.between) { driver.send(.next, at: .zero) }
    let ratingStep = driver.state.stepIndex
    driver.send(.rate(6), at: EngineTime.s(2))
    driver.send(.respondToPain(.skipPressure), at: EngineTime.s(4))
    driver.send(.quit, at: EngineTime.s(5))
    let path = journalPath()
    let journal = try open(path)
    let session = try journal.beginSession(JournalFixtures.start(routine: PainResponseTests.pressing))
    try journal.append(driver.events, to: session)
    XCTAssertEqual(
      try rows(path, "SELECT pain_check, rating_from, rating_to, step_index, muscle, choice FROM pain_choices"),
      [["rose", "3", "6", String(ratingStep), "rhomboids", "skip-pressure"]])
    XCTAssertEqual(try number(path, "SELECT count(*) FROM events"), 0, "the log is gone, the choice is not")
  }

  /// A session through the real engine: 3 before, 6 between, lighter, then quit.
  func journalWithAChoice(_ path: String) throws -> SQLiteJournal {
    var driver = EngineDriver(PainResponseTests.pressing)
    driver.send(.begin, at: .zero)
    driver.send(.rate(3), at: .zero)
    while driver.state.currentStep.plan != .rating(.between) { driver.send(.next, at: .zero) }
    driver.send(.rate(6), at: EngineTime.s(2))
    driver.send(.respondToPain(.lighter), at: EngineTime.s(4))
    driver.send(.quit, at: EngineTime.s(5))
    let journal = try open(path)
    let session = try journal.beginSession(JournalFixtures.start(routine: PainResponseTests.pressing))
    try journal.append(driver.events, to: session)
    return journal
  }

  func testExportAndImportCarryTheChoice() throws {
    let exported = try journalWithAChoice(journalPath("source.sqlite")).exportJSON()
    XCTAssertTrue(String(decoding: exported, as: UTF8.self).contains("\"painChoices\""))
    let targetPath = journalPath("target.sqlite")
    let target = try open(targetPath)
    XCTAssertEqual(try target.importJSON(exported, source: "backup.json").sessionsAdded, 1)
    XCTAssertEqual(
      try rows(targetPath, "SELECT pain_check, rating_from, rating_to, choice FROM pain_choices"),
      [["rose", "3", "6", "lighter"]])
    XCTAssertEqual(try target.exportJSON(), exported)
  }

  func testImportRefusesAChoiceItDoesNotKnowOrARatingOutOfRangeAndImportsNothing() throws {
    let document = try journalWithAChoice(journalPath("source.sqlite")).exportDocument()
    var unknownChoice = document
    unknownChoice.sessions[0].painChoices?[0].choice = "harder"
    var outOfRange = document
    outOfRange.sessions[0].painChoices?[0].to = 11
    for (edited, expected) in [(unknownChoice, "the choice 'harder'"), (outOfRange, "the rating 'to'")] {
      let targetPath = journalPath("target-\(expected.count).sqlite")
      let target = try open(targetPath)
      XCTAssertThrowsError(try target.importJSON(try JSONEncoder().encode(edited), source: "/tmp/edited.json")) {
        error in
        let message = (error as? JournalError)?.message ?? ""
        for part in [expected, "sessions[0].painChoices[0]", "Nothing was imported"] {
          XCTAssertTrue(message.contains(part), "'\(part)' in: \(message)")
        }
        XCTAssertFalse(message.contains("CHECK constraint"), message)
      }
      XCTAssertEqual(try number(targetPath, "SELECT count(*) FROM sessions"), 0)
    }
  }
}
