import UnknotCore
import XCTest

/// Every command in every kind of state: it either does what the spec says, or it is
/// rejected and nothing changes but the passing of time.
final class EngineCommandTableTests: XCTestCase {
  /// Every command, with in-range and out-of-range values.
  static let commands: [SessionCommand] =
    [
      .observe, .begin, .pause, .pauseForOverlay, .resume, .next, .back, .extend, .shorten, .released, .confirm,
      .rate(0), .rate(10), .rate(-1), .rate(11), .skipRating,
      .setClinicianTime(seconds: 600), .setClinicianTime(seconds: 0), .setClinicianTime(seconds: 3601),
      .quit, .answer(.yes), .answer(.no),
      .respondToPain(.lighter), .respondToPain(.skipPressure), .respondToPain(.stop), .respondToPain(.asWritten),
      .respondToPain(.gentlerRoutine("box-breathing")),
    ] + StopReason.everyKind.map { .stopSignal($0) }

  /// A name for a command with its value, for the tables below.
  static func key(_ command: SessionCommand) -> String {
    switch command {
    case .rate(let value): "rate(\(value))"
    case .setClinicianTime(let seconds): "clinician(\(seconds))"
    case .stopSignal(let reason): "stop(\(reason.code))"
    case .respondToPain(let choice): "pain(\(choice.word))"
    case .answer(let answer): "answer(\(answer.rawValue))"
    default: command.name
    }
  }

  static let anyMoment = Set(["observe", "quit"] + StopReason.everyKind.map { "stop(\($0.code))" })
  static let countdown: Set<String> = ["pause", "pause-for-overlay", "next", "back", "extend", "shorten"]
  static let rating: Set<String> = ["rate(0)", "rate(10)", "skip-rating"]
  static let answers: Set<String> = ["answer(yes)", "answer(no)"]

  struct Case {
    var name: String
    var driver: EngineDriver
    var accepted: Set<String>
  }

  /// The states, each reached at moment zero; the command arrives 1.5 s later.
  static func cases() -> [Case] {
    let routine = EngineFixtures.everyKind
    func at(_ index: Int) -> EngineDriver { EngineFixtures.driver(routine, atStep: index) }
    func sent(_ driver: EngineDriver, _ commands: SessionCommand...) -> EngineDriver {
      var driver = driver
      for command in commands { driver.send(command, at: .zero) }
      return driver
    }
    var finished = at(15)
    finished.send(.rate(2), at: .zero)
    return [
      Case(name: "not started", driver: EngineDriver(routine), accepted: ["observe", "begin", "quit"]),
      Case(name: "rating before", driver: at(0), accepted: anyMoment.union(rating)),
      Case(name: "untimed placement", driver: at(1), accepted: anyMoment.union(["next", "confirm"])),
      Case(name: "get-ready placement", driver: at(2), accepted: anyMoment.union(countdown).union(["confirm"])),
      Case(name: "hold", driver: at(3), accepted: anyMoment.union(countdown).union(["released"])),
      Case(name: "switch sides", driver: at(4), accepted: anyMoment.union(countdown)),
      Case(
        name: "traction waiting for the clinician's time", driver: at(6),
        accepted: anyMoment.union(["next", "back", "clinician(600)"])),
      Case(
        name: "traction counting down", driver: sent(at(6), .setClinicianTime(seconds: 120)),
        accepted: anyMoment.union(["pause", "pause-for-overlay", "next", "back"])),
      Case(name: "strokes", driver: at(7), accepted: anyMoment.union(countdown)),
      Case(name: "breathing", driver: at(8), accepted: anyMoment.union(countdown)),
      Case(name: "heat", driver: at(9), accepted: anyMoment.union(countdown)),
      Case(name: "rest", driver: at(10), accepted: anyMoment.union(countdown)),
      Case(name: "rating between", driver: at(11), accepted: anyMoment.union(rating).union(["back"])),
      Case(name: "roll", driver: at(12), accepted: anyMoment.union(countdown)),
      Case(name: "stretch", driver: at(13), accepted: anyMoment.union(countdown)),
      Case(name: "exercise", driver: at(14), accepted: anyMoment.union(countdown)),
      Case(name: "rating after", driver: at(15), accepted: anyMoment.union(rating).union(["back"])),
      Case(
        name: "paused hold", driver: sent(at(3), .pause),
        accepted: anyMoment.union(["resume", "next", "back", "extend", "shorten", "released"])),
      Case(
        name: "paused traction countdown", driver: sent(at(6), .setClinicianTime(seconds: 120), .pause),
        accepted: anyMoment.union(["resume", "next", "back"])),
      Case(name: "ended by quitting", driver: sent(at(5), .quit), accepted: ["observe"]),
      Case(name: "ended for safety", driver: sent(at(5), .stopSignal(.sign(.suddenDizziness))), accepted: ["observe"]),
      Case(name: "finished", driver: finished, accepted: ["observe"]),
      // 10 between steps, with nothing left to make lighter and no more pressure on
      // the rated muscle: carry on, or stop.
      Case(
        name: "pain rose between steps", driver: sent(at(11), .rate(10)),
        accepted: anyMoment.union(["pain(as-written)", "pain(stop)"])),
      Case(
        name: "high pain before the start", driver: sent(at(0), .rate(10)),
        accepted: anyMoment.union(["pain(lighter)", "pain(as-written)", "pain(gentler-routine)"])),
      // A checklist waits for answers: nothing counts down, so no pause and no ±15 s.
      Case(
        name: "checklist, first item", driver: checklist(), accepted: anyMoment.union(answers).union(["next", "back"])),
      Case(
        name: "checklist, second item", driver: sent(checklist(), .answer(.yes)),
        accepted: anyMoment.union(answers).union(["next", "back"])),
      Case(
        name: "checklist, advice after a no", driver: sent(checklist(), .answer(.no)),
        accepted: anyMoment.union(["next", "back", "confirm"])),
      Case(
        name: "checklist, advice after the last item",
        driver: sent(checklist(), .answer(.yes), .answer(.yes), .answer(.no)),
        accepted: anyMoment.union(["next", "back", "confirm"])),
    ]
  }

  /// The checklist of `EngineFixtures.restsAroundChecklist`, its first item asked.
  static func checklist() -> EngineDriver { EngineFixtures.driver(EngineFixtures.restsAroundChecklist, atStep: 2) }

  func testTheFixturesReachTheStatesTheTableNames() {
    let cases = Self.cases()
    let kinds = cases.map { $0.driver.state.hasEnded ? nil : $0.driver.state.currentStep.kind }
    XCTAssertEqual(
      kinds,
      [
        .rate, .rate, .place, .place, .hold, .switchSides, .traction, .traction, .strokes, .breathe, .heat, .rest,
        .rate, .roll, .stretch, .exercise, .rate, .hold, .traction, nil, nil, nil, .rate, .rate, .checklist,
        .checklist, .checklist, .checklist,
      ])
    XCTAssertEqual(cases[25].driver.state.checklistItem, 1)
    XCTAssertEqual(cases[26].driver.state.showingAdvice, true)
    XCTAssertEqual(cases[27].driver.state.checklistItem, 2)
    XCTAssertEqual(cases[27].driver.state.showingAdvice, true)
    XCTAssertEqual(cases[22].driver.state.painCheck?.kind, .rose)
    XCTAssertEqual(cases[23].driver.state.painCheck?.kind, .highBefore)
    XCTAssertEqual(cases[0].driver.state.status, .notStarted)
    XCTAssertEqual(cases[17].driver.state.status, .paused(.person))
    XCTAssertEqual(cases[19].driver.state.status, .ended(.quit))
    XCTAssertEqual(cases[20].driver.state.status, .ended(.stoppedForSafety))
    XCTAssertEqual(cases[21].driver.state.status, .ended(.finished))
  }

  func testEveryCommandInEveryStateDoesItsDocumentedEffectOrIsRejectedWithoutChangingAnything() {
    let now = EngineTime.ms(1500)
    for testCase in Self.cases() {
      var observed = testCase.driver.state
      let observeEvents = SessionEngine.apply(.observe, to: &observed, at: now)
      for command in Self.commands {
        let key = Self.key(command)
        let label = "\(testCase.name), \(key)"
        let (after, events) = SessionEngine.reduce(testCase.driver.state, command, at: now)
        if testCase.accepted.contains(key) {
          XCTAssertEqual(events.engineRejections, [], label)
          checkEffect(of: command, observed: observed, after: after, events: events, at: now, label: label)
        } else {
          XCTAssertEqual(after, observed, "a rejected command changed the state: \(label)")
          XCTAssertEqual(events.count, observeEvents.count + 1, label)
          XCTAssertEqual(Array(events.dropLast()), observeEvents, label)
          if case .rejected(let rejected, let reason) = events.last {
            XCTAssertEqual(rejected, command, label)
            XCTAssertFalse(reason.isEmpty, label)
          } else {
            XCTFail("expected a rejection: \(label); got \(events)")
          }
        }
      }
    }
  }

  /// What an accepted command must have done, judged against the state that only saw
  /// time pass (`observed`).
  func checkEffect(
    of command: SessionCommand, observed: SessionState, after: SessionState, events: [SessionEvent], at now: Moment,
    label: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let index = observed.stepIndex
    let step = observed.currentStep
    let ends = events.engineStepEnds
    func assertEnded(_ ending: StepEnding) {
      XCTAssertEqual(ends.map(\.index), [index], label, file: file, line: line)
      XCTAssertEqual(ends.map(\.ending), [ending], label, file: file, line: line)
      XCTAssertEqual(ends.map(\.at), [now], label, file: file, line: line)
      XCTAssertEqual(ends.map(\.activeNanoseconds), [observed.stepActive(at: now)], label, file: file, line: line)
    }
    func assertMovedOn() {
      if index + 1 < observed.steps.count {
        XCTAssertEqual(after.stepIndex, index + 1, label, file: file, line: line)
        XCTAssertEqual(after.stepStart, now, label, file: file, line: line)
        XCTAssertEqual(after.stepActive(at: now), 0, label, file: file, line: line)
      } else {
        XCTAssertEqual(after.status, .ended(.finished), label, file: file, line: line)
      }
    }
    /// Past the item asked: the next one, or the step's end after the last.
    func checkNextItem() {
      guard case .checklist(let items) = step.plan else { return XCTFail(label, file: file, line: line) }
      XCTAssertFalse(after.showingAdvice, label, file: file, line: line)
      if observed.checklistItem + 1 < items.count {
        XCTAssertEqual(ends, [], label, file: file, line: line)
        XCTAssertEqual(after.stepIndex, index, label, file: file, line: line)
        XCTAssertEqual(after.checklistItem, observed.checklistItem + 1, label, file: file, line: line)
      } else {
        assertEnded(.completed)
        assertMovedOn()
      }
    }
    switch command {
    case .observe:
      XCTAssertEqual(after, observed, label, file: file, line: line)
    case .begin:
      XCTAssertEqual(after.status, .running, label, file: file, line: line)
      XCTAssertEqual(after.stepIndex, 0, label, file: file, line: line)
      XCTAssertEqual(after.startedAt, now, label, file: file, line: line)
      let planned = Timeline(routine: EngineFixtures.everyKind).plannedSeconds
      XCTAssertEqual(
        events.first,
        .sessionStarted(routineID: "every-kind", stepCount: observed.steps.count, plannedSeconds: planned, at: now),
        label, file: file, line: line)
    case .pause:
      XCTAssertEqual(after.status, .paused(.person), label, file: file, line: line)
      XCTAssertEqual(after.pausedAt, now, label, file: file, line: line)
      XCTAssertEqual(events, [.paused(reason: .person, at: now)], label, file: file, line: line)
      XCTAssertEqual(
        after.remaining(at: now + 30 * engineSecond), observed.remaining(at: now), "the countdown stopped: \(label)",
        file: file, line: line)
    case .pauseForOverlay:
      XCTAssertEqual(after.status, .paused(.overlay), label, file: file, line: line)
      XCTAssertEqual(
        events, [.paused(reason: .overlay, at: now)], "journaled as the overlay's: \(label)", file: file, line: line)
    case .resume:
      XCTAssertEqual(after.status, .running, label, file: file, line: line)
      XCTAssertNil(after.pausedAt, label, file: file, line: line)
      XCTAssertEqual(events, [.resumed(at: now)], label, file: file, line: line)
      XCTAssertEqual(
        after.pausedTotal, observed.pausedTotal + now.since(observed.pausedAt ?? now), label, file: file, line: line)
      XCTAssertEqual(after.remaining(at: now), observed.remaining(at: now), label, file: file, line: line)
    case .next:
      assertEnded(.skipped)
      assertMovedOn()
    case .back where observed.currentChecklistItem != nil && (observed.showingAdvice || observed.checklistItem > 0):
      // Within the checklist: the advice goes back to its question, an item to the one before.
      XCTAssertEqual(ends, [], label, file: file, line: line)
      XCTAssertEqual(after.stepIndex, index, label, file: file, line: line)
      XCTAssertFalse(after.showingAdvice, label, file: file, line: line)
      XCTAssertEqual(
        after.checklistItem, observed.showingAdvice ? observed.checklistItem : observed.checklistItem - 1, label,
        file: file, line: line)
      XCTAssertEqual(events, [], "going back changes no answer already kept: \(label)", file: file, line: line)
    case .back:
      let previous = observed.steps[..<index].lastIndex { !$0.plan.engineIsRating }
      assertEnded(.wentBack)
      XCTAssertEqual(after.stepIndex, previous, label, file: file, line: line)
      XCTAssertEqual(after.stepStart, now, label, file: file, line: line)
      XCTAssertEqual(after.stepActive(at: now), 0, label, file: file, line: line)
      let planned = after.currentStep.plan.seconds.map { Int64($0) * engineSecond }
      XCTAssertEqual(after.remaining(at: now), planned, "the step restarts in full: \(label)", file: file, line: line)
    case .extend:
      XCTAssertEqual(
        after.stepLength, observed.stepLength.map { $0 + 15 * engineSecond }, label, file: file, line: line)
      XCTAssertEqual(
        events, [.adjusted(stepIndex: index, byNanoseconds: 15 * engineSecond, at: now)], label, file: file, line: line)
    case .shorten:
      let remaining = observed.remaining(at: now) ?? 0
      let expected = max(5 * engineSecond, remaining - 15 * engineSecond)
      XCTAssertEqual(after.remaining(at: now), expected, label, file: file, line: line)
      XCTAssertEqual(
        events, [.adjusted(stepIndex: index, byNanoseconds: expected - remaining, at: now)], label, file: file,
        line: line)
    case .released:
      XCTAssertEqual(events.first, .cue(.knotReleased, at: now), label, file: file, line: line)
      assertEnded(.releasedEarly)
      assertMovedOn()
    case .confirm where observed.currentChecklistItem != nil:
      checkNextItem()
    case .confirm:
      assertEnded(.completed)
      assertMovedOn()
    case .answer(let answer):
      guard let item = observed.currentChecklistItem else { return XCTFail(label, file: file, line: line) }
      XCTAssertEqual(
        events.first, .checklistAnswered(.init(stepIndex: index, item: item, answer: answer, at: now)), label,
        file: file, line: line)
      if answer == .no {
        XCTAssertEqual(ends, [], "the advice shows before anything else: \(label)", file: file, line: line)
        XCTAssertTrue(after.showingAdvice, label, file: file, line: line)
        XCTAssertEqual(after.checklistItem, observed.checklistItem, label, file: file, line: line)
      } else {
        checkNextItem()
      }
    case .rate(let value):
      guard case .rating(let moment) = step.plan else { return XCTFail(label, file: file, line: line) }
      let rating = SessionEvent.Rating(
        value: value, stepIndex: index, moment: moment, muscle: step.muscle, side: step.side, at: now)
      XCTAssertEqual(events.first, .ratingGiven(rating), label, file: file, line: line)
      let rest = observed.steps[(index + 1)...]
      let asks =
        switch moment {
        case .before:
          PainRules.atStart(rating: value, routineHasPressure: RemainingSteps.anyPressure(rest)) != .asWritten
        case .between: PainRules.hasRisen(before: observed.beforeRating, now: value)
        case .after: false
        }
      if asks {
        XCTAssertEqual(ends, [], "the rating waits for a choice: \(label)", file: file, line: line)
        XCTAssertEqual(after.stepIndex, index, label, file: file, line: line)
        XCTAssertEqual(after.painCheck?.to, value, label, file: file, line: line)
      } else {
        assertEnded(.completed)
        assertMovedOn()
      }
    case .respondToPain(let choice):
      XCTAssertNil(after.painCheck, label, file: file, line: line)
      guard case .painChoice(let response) = events.first else { return XCTFail(label, file: file, line: line) }
      XCTAssertEqual(response.choice, choice, label, file: file, line: line)
      XCTAssertEqual(response.to, observed.painCheck?.to, label, file: file, line: line)
      switch choice {
      case .stop: XCTAssertEqual(after.status, .ended(.stoppedForSafety), label, file: file, line: line)
      case .gentlerRoutine: XCTAssertEqual(after.status, .ended(.quit), label, file: file, line: line)
      case .lighter, .skipPressure, .asWritten:
        assertEnded(.completed)
        assertMovedOn()
      }
    case .skipRating:
      guard case .rating(let moment) = step.plan else { return XCTFail(label, file: file, line: line) }
      let rating = SessionEvent.Rating(
        value: nil, stepIndex: index, moment: moment, muscle: step.muscle, side: step.side, at: now)
      XCTAssertEqual(events.first, .ratingSkipped(rating), label, file: file, line: line)
      assertEnded(.skipped)
      assertMovedOn()
    case .setClinicianTime(let seconds):
      XCTAssertEqual(after.remaining(at: now), Int64(seconds) * engineSecond, label, file: file, line: line)
      XCTAssertEqual(
        events, [.clinicianTimeSet(stepIndex: index, seconds: seconds, at: now)], label, file: file, line: line)
    case .stopSignal(let reason):
      XCTAssertEqual(after.status, .ended(.stoppedForSafety), label, file: file, line: line)
      XCTAssertEqual(events.first, .stoppedForSafety(reason: reason, at: now), label, file: file, line: line)
      XCTAssertEqual(after.endedAt, now, label, file: file, line: line)
      assertEnded(.interrupted)
      XCTAssertTrue(events.contains(.sessionEnded(outcome: .stoppedForSafety, at: now)), label, file: file, line: line)
    case .quit:
      XCTAssertEqual(after.status, .ended(.quit), label, file: file, line: line)
      XCTAssertEqual(after.endedAt, now, label, file: file, line: line)
      XCTAssertTrue(events.contains(.sessionEnded(outcome: .quit, at: now)), label, file: file, line: line)
      if observed.status == .notStarted {
        XCTAssertEqual(ends, [], label, file: file, line: line)
      } else {
        assertEnded(.interrupted)
      }
    }
  }

  /// What the front end asks before offering a key is what the table says.
  func testAcceptsAgreesWithTheTableInEveryState() {
    for testCase in Self.cases() {
      var state = testCase.driver.state
      _ = SessionEngine.apply(.observe, to: &state, at: EngineTime.ms(1500))
      for command in Self.commands where command != .observe {
        XCTAssertEqual(
          SessionEngine.accepts(command, in: state), testCase.accepted.contains(Self.key(command)),
          "\(testCase.name), \(Self.key(command))")
      }
    }
  }

  func testNoCommandAtAnyMomentCrashesOrLeavesTheStepIndexOutOfRange() {
    // Every command, at the very moment each state was reached and far later.
    for testCase in Self.cases() {
      for moment in [Moment.zero, EngineTime.s(1), EngineTime.s(4000)] {
        for command in Self.commands {
          let (after, _) = SessionEngine.reduce(testCase.driver.state, command, at: moment)
          XCTAssertTrue(after.steps.indices.contains(after.stepIndex), "\(testCase.name), \(Self.key(command))")
        }
      }
    }
  }
}
