import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// Plain mode runs on the full screen's reducer and says what it says: the pressure
/// in its region's words, the change before → after by the same rule, a line per
/// milestone from the engine's cues, and a box's pause as the box's.
final class PlainSessionTests: XCTestCase {
  static let skullBaseHold = LoadedEntry(
    routine: Routine(
      id: "skull-base-hold", title: "Skull base hold", summary: "One short hold at the skull base.",
      groups: [.neck], targets: [.suboccipitals], tools: [.cradleTool],
      steps: [
        RoutineStep(
          .hold(seconds: 90, pressure: PressureRegion.skullBase.usual), muscle: .suboccipitals, tool: .cradleTool)
      ]), origin: .file(path: "/fixtures/skull.yaml"), contentHash: "skull")

  struct Run {
    var status: Int32
    var lines: [String]
    var journal: RecordingJournal
    var cues: [Cue]
    var transcript: String { lines.joined(separator: "\n") }
  }

  /// Plain mode on `entry` from its start (the safety check when `safetyDue`), with a manual clock.
  static func run(
    _ entry: LoadedEntry, script: [ScriptedConsole.Item], safetyDue: Bool = false, options: AppOptions = AppOptions(),
    journal: RecordingJournal = RecordingJournal()
  ) -> Run {
    let clock = ManualClock(Fixture.start)
    let console = ScriptedConsole(script, clock: clock)
    var state = Fixture.state(routines: [entry], options: options, safetyDue: safetyDue)
    AppReducer.start(routineID: entry.routine.id, returnTo: HomeScreen(), state: &state)
    let loop = PlainLoop(
      state: state, clocks: Clocks(session: clock, today: { Fixture.today }),
      performer: EffectPerformer(journal: journal, speech: nil, toolsPath: nil, bell: {}), console: console.console,
      signalPending: { nil })
    let status = loop.run()
    return Run(status: status, lines: console.written, journal: journal, cues: loop.cues)
  }

  func testTheSkullBaseHoldIsGentleAndAOnePointFallIsWithinTheUsualVariation() {
    let run = Self.run(Self.skullBaseHold, script: [.line("1"), .wait(seconds: 100), .line("0")])
    XCTAssertEqual(run.status, 0, run.transcript)
    XCTAssertTrue(run.lines.contains("  Press about 2–4 of 10: gentle, the weight of the head only."), run.transcript)
    XCTAssertFalse(run.transcript.lowercased().contains("strong"), run.transcript)
    XCTAssertTrue(
      run.lines.contains("Pain before → after: 1 → 0, −1, −100% (within the usual day-to-day variation)."),
      run.transcript)
  }

  func testTwoPointsAndThirtyPercentIsAModerateReduction() {
    // 9 before a routine that presses asks first: 2 is the full routine, as written.
    let run = Self.run(Self.skullBaseHold, script: [.line("9"), .line("2"), .wait(seconds: 100), .line("6")])
    XCTAssertTrue(run.lines.contains("Pain before → after: 9 → 6, −3, −33% (a moderate reduction)."), run.transcript)
    XCTAssertTrue(run.lines.contains("  Saved: 9 (severe)."), run.transcript)
    XCTAssertTrue(run.lines.contains("Pain was 9 before the start; you chose the full routine."), run.transcript)
  }

  /// The halfway line comes from the engine's cue, once, and no line is written a second.
  func testMilestonesComeFromTheEnginesCuesNeverEverySecond() {
    let run = Self.run(Self.skullBaseHold, script: [.line("5"), .wait(seconds: 100), .line("4")])
    XCTAssertEqual(run.lines.filter { $0.hasPrefix("  Halfway") }, ["  Halfway: 0:45 left."], run.transcript)
    XCTAssertEqual(run.lines.filter { $0 == "  Last seconds." }.count, 1, run.transcript)
    XCTAssertEqual(run.cues.filter { $0 == .halfway }.count, 1)
    XCTAssertLessThan(run.lines.count, 40, run.transcript)
    XCTAssertEqual(
      SessionRecord.rebuild(from: run.journal.events).outcome, .finished,
      "the 90 s hold ran out without a pause nobody asked for")
    XCTAssertFalse(run.journal.events.contains { if case .paused = $0 { true } else { false } })
  }

  /// x during a hold lists the signs and pauses for the box, not as the person's pause;
  /// Enter alone goes back and the hold continues.
  func testTheStopListPausesAsAnOverlayAndEnterAloneGoesOn() {
    let run = Self.run(
      Self.skullBaseHold,
      script: [
        .line("5"), .wait(seconds: 10), .line("x"), .wait(seconds: 30), .line(""), .wait(seconds: 100), .line("4"),
      ])
    XCTAssertTrue(run.lines.contains("  a  Sudden dizziness"), run.transcript)
    XCTAssertTrue(run.lines.contains("Not stopped."), run.transcript)
    let pauses = SessionRecord.rebuild(from: run.journal.events).pauses
    XCTAssertEqual(pauses.map(\.reason), [.overlay])
    XCTAssertEqual(pauses.first.flatMap { $0.resumedAt?.since($0.at) }, 30 * nanosecondsPerSecond)
    XCTAssertEqual(run.status, 0, run.transcript)
  }

  func testAStopForADangerSignGivesTheAdviceAndExitsWithOne() {
    let run = Self.run(Self.skullBaseHold, script: [.line("5"), .wait(seconds: 3), .line("x"), .line("a")])
    XCTAssertEqual(run.status, 1, run.transcript)
    XCTAssertTrue(run.lines.contains("GET URGENT MEDICAL HELP NOW."), run.transcript)
    XCTAssertTrue(run.lines.contains("You stopped for: sudden dizziness."), run.transcript)
    XCTAssertEqual(SessionRecord.rebuild(from: run.journal.events).outcome, .stoppedForSafety)
  }

  /// The safety check when due, dated by the injected day, then the session.
  func testTheSafetyCheckIsAskedWhenDueAndDatedByTheInjectedDay() {
    let answers = SafetyQuestions.all.map { _ in ScriptedConsole.Item.line("n") }
    let run = Self.run(
      Self.skullBaseHold, script: answers + [.line("6"), .wait(seconds: 100), .line("3")], safetyDue: true)
    XCTAssertEqual(run.journal.checks.map(\.outcome), [.clear])
    XCTAssertEqual(run.journal.checks.first?.date, Fixture.today)
    XCTAssertEqual(run.journal.starts.first?.startedAt, Fixture.today)
    XCTAssertTrue(run.lines.contains("Session complete."), run.transcript)
  }

  func testAnUnfinishedSafetyCheckStartsNothing() {
    let run = Self.run(Self.skullBaseHold, script: [.line("n")], safetyDue: true)
    XCTAssertEqual(run.status, 1, run.transcript)
    XCTAssertEqual(run.journal.starts, [])
    XCTAssertTrue(run.lines.contains("  The safety check was not finished, so no session started."), run.transcript)
  }

  /// A failed write asks once; n ends the session unlogged, and nothing claims it was kept.
  func testAFailedWriteAsksOnceAndNEndsTheSession() {
    let run = Self.run(
      Fixture.entry("quick-shoulder"), script: [.line("6"), .line("n")],
      journal: FailingAfterFirstAppend())
    XCTAssertEqual(run.lines.filter { $0 == "Continue without logging this session? (y/n)" }.count, 1, run.transcript)
    XCTAssertTrue(run.lines.contains("Session ended early."), run.transcript)
    XCTAssertEqual(run.lines.last, "Not logged: this session was not written to your journal.", run.transcript)
    XCTAssertFalse(run.transcript.contains("Saved:"), run.transcript)
  }

  /// Regression test; the bug was: paused, then skipped ahead to the rating after, plain
  /// mode said "type p to continue" and p did nothing there, so the session could never end.
  func testARatingReachedWhilePausedContinuesWithPAndTakesTheRating() {
    let run = Self.run(
      Fixture.entry("box-breathing"), script: [.line("s"), .line("p"), .line("n"), .line("p"), .line("3")])
    XCTAssertEqual(run.status, 0, run.transcript)
    let record = SessionRecord.rebuild(from: run.journal.events)
    XCTAssertEqual(record.outcome, .finished, run.transcript)
    XCTAssertEqual(record.after, 3, run.transcript)
  }
}
