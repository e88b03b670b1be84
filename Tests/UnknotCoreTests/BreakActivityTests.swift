import XCTest

@testable import UnknotCore

/// Break reminders from polls of the last input time: typing on, stepping away, a
/// routine finished, quiet hours.
final class BreakActivityTests: XCTestCase {
  static let start = 1_750_000_000.0

  /// Polls every `poll` seconds from `from` to `to` (seconds after start); input is
  /// given by `input` (seconds after start, or nil for none yet). Returns how many
  /// reminders were given and the last verdict.
  private func run(
    from: Double = 0, to: Double, poll: Double = 10, state: inout BreakActivity,
    settings: BreakSettings = BreakSettings(), finished: Double? = nil, minuteOfDay: Int = 12 * 60,
    input: (Double) -> Double?
  ) -> (reminders: Int, last: BreakActivity.Verdict) {
    var reminders = 0
    var last = BreakActivity.Verdict.away
    var t = from
    while t <= to {
      let observation = BreakActivity.Observation(
        now: Self.start + t, lastInput: input(t).map { Self.start + $0 },
        lastSessionFinished: finished.map { Self.start + $0 }, minuteOfDay: minuteOfDay)
      let (next, verdict) = BreakActivity.step(state, observation, settings: settings)
      state = next
      last = verdict
      if case .due(true) = verdict { reminders += 1 }
      t += poll
    }
    return (reminders, last)
  }

  func testTypingContinuouslyPastThirtyMinutesRemindsOnce() {
    var state = BreakActivity()
    let early = run(to: 29 * 60, state: &state) { $0 }
    XCTAssertEqual(early.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(early.last), "break in 1 min")
    let later = run(from: 29 * 60 + 10, to: 50 * 60, state: &state) { $0 }
    XCTAssertEqual(later.reminders, 1)
    XCTAssertEqual(BreakActivity.statusLine(later.last), "break due")
  }

  func testFiveMinutesIdleIsABreakAndResetsTheCount() {
    var state = BreakActivity()
    // Typing 20 minutes, 5 minutes away, then typing 20 more: no reminder.
    let result = run(to: 45 * 60, state: &state) { t in
      t < 20 * 60 ? t : (t < 25 * 60 ? 20 * 60 - 10 : t)
    }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(result.last), "break in 10 min")
  }

  func testFourMinutesFiftyNineIdleIsNotABreak() {
    var state = BreakActivity()
    // Typing to 20:00, nothing until 24:59, typing again, polled each second. The idle
    // minutes do not count, but neither do they reset: 20 minutes before, 20 s of the
    // keyboard window, and 10:01 after make 30:21 by 35:40.
    let result = run(to: 35 * 60 + 40, poll: 1, state: &state) { t in
      t <= 20 * 60 ? t : (t < 24 * 60 + 59 ? 20 * 60 : t)
    }
    XCTAssertEqual(result.reminders, 1)
    // Had the 4:59 been a break, the count would have started again at 24:59.
    var fresh = BreakActivity()
    let afterBreak = run(to: 35 * 60 + 40, poll: 1, state: &fresh) { t in
      t <= 20 * 60 ? t : (t < 25 * 60 ? 20 * 60 : t)
    }
    XCTAssertEqual(afterBreak.reminders, 0)
  }

  func testAMinuteWithoutTypingIsSilentAfterOneKeyPress() {
    // `remind --every 1m` started with one Enter, then nothing typed for two minutes.
    var state = BreakActivity()
    let settings = BreakSettings(every: 60)
    let result = run(to: 120, poll: 7.5, state: &state, settings: settings) { _ in 0 }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertLessThanOrEqual(state.activeSeconds, BreakActivity.keyboardWindow)
  }

  func testAMinuteOfTypingRemindsWithEightSecondAccessTimes() {
    // The kernel moves a terminal's access time only in 8-second steps: typing from
    // 0:00 on shows as input at 0, 8, 16, … The reminder comes after about a minute.
    var state = BreakActivity()
    let settings = BreakSettings(every: 60)
    let early = run(to: 52.5, poll: 7.5, state: &state, settings: settings) { t in (t / 8).rounded(.down) * 8 }
    XCTAssertEqual(early.reminders, 0)
    let later = run(from: 60, to: 75, poll: 7.5, state: &state, settings: settings) { t in
      (t / 8).rounded(.down) * 8
    }
    XCTAssertEqual(later.reminders, 1)
  }

  func testReadingWithoutTypingDoesNotCount() {
    // A key every 4 minutes for an hour: never 5 minutes idle, but hardly at the keyboard.
    var state = BreakActivity()
    let result = run(to: 60 * 60, poll: 7.5, state: &state) { t in (t / 240).rounded(.down) * 240 }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(result.last), "break in 25 min")
  }

  func testASuspendedMachineDoesNotCountItsSleep() {
    // Typing 10 minutes, the lid closed for an hour (no polls), then typing again.
    var state = BreakActivity()
    _ = run(to: 10 * 60, poll: 7.5, state: &state) { $0 }
    let result = run(from: 70 * 60, to: 75 * 60, poll: 7.5, state: &state) { $0 }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(result.last), "break in 25 min")
  }

  func testAGapSeenOnlyBetweenPollsStillCounts() {
    // Polls a minute apart: input stops at 10:00 and resumes at 15:00 exactly.
    var state = BreakActivity()
    let result = run(to: 35 * 60, poll: 60, state: &state) { t in
      t <= 10 * 60 ? t : (t < 15 * 60 ? 10 * 60 : t)
    }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(result.last), "break in 10 min")
  }

  func testAFinishedSessionResetsTheCount() {
    var state = BreakActivity()
    _ = run(to: 25 * 60, state: &state) { $0 }
    // A routine finished at 25:00; typing goes on to 50:00.
    let result = run(from: 25 * 60 + 10, to: 50 * 60, state: &state, finished: 25 * 60) { $0 }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(result.last), "break in 5 min")
  }

  func testASessionEndingInTheFutureIsNotBelieved() {
    var state = BreakActivity()
    let result = run(to: 35 * 60, state: &state, finished: 3 * 86_400) { $0 }
    XCTAssertEqual(result.reminders, 1)
  }

  func testQuietHoursSuppressTheReminder() {
    var state = BreakActivity()
    let settings = BreakSettings(quietHours: QuietHours.parse("22:00-07:00"))
    let result = run(to: 40 * 60, state: &state, settings: settings, minuteOfDay: 23 * 60) { $0 }
    XCTAssertEqual(result.reminders, 0)
    XCTAssertEqual(BreakActivity.statusLine(result.last), "break due")
  }

  func testQuietHoursWrapPastMidnight() throws {
    let quiet = try XCTUnwrap(QuietHours.parse("22:00-07:00"))
    XCTAssertTrue(quiet.contains(minuteOfDay: 23 * 60))
    XCTAssertTrue(quiet.contains(minuteOfDay: 6 * 60 + 59))
    XCTAssertFalse(quiet.contains(minuteOfDay: 7 * 60))
    XCTAssertFalse(quiet.contains(minuteOfDay: 12 * 60))
    XCTAssertNil(QuietHours.parse("25:00-07:00"))
    XCTAssertNil(QuietHours.parse("22:00"))
  }

  func testNoTerminalMeansAway() {
    let (_, verdict) = BreakActivity.step(
      BreakActivity(), .init(now: Self.start, lastInput: nil), settings: BreakSettings())
    XCTAssertEqual(BreakActivity.statusLine(verdict), "no break needed")
  }
}
