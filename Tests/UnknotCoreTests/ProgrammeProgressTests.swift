import Foundation
import UnknotCore
import XCTest

/// Progression on simulated journals: levels rise with steady good sessions, never on
/// a day pain rose or after a stop for safety (and step back then), missed days never
/// progress, a long gap steps back, and paused time does not count.
final class ProgrammeProgressTests: XCTestCase {
  /// Monday 5 January 2026, 08:00 UTC.
  static let start = Date(timeIntervalSince1970: 1_767_600_000)

  static func day(_ number: Double, hour: Double = 0) -> Date {
    start.addingTimeInterval(number * 86_400 + hour * 3_600)
  }

  static let programme = Programme(
    id: "plan", title: "A plan", summary: "For tests.", weeks: 4,
    schedule: [
      ProgrammeEntry(routineIDs: ["rows", "band-rows"], label: "strength", days: .timesPerWeek(3), progresses: true),
      ProgrammeEntry(routineIDs: ["walk"], label: "walk", days: .daily),
      ProgrammeEntry(routineIDs: ["stretch"], label: "stretch", days: .weekdays([.mon, .wed])),
      ProgrammeEntry(routineIDs: ["desk-check"], label: "desk check", days: .timesPerWeek(1), inWeeks: [1, 4]),
    ],
    progression: ProgressionLadder(reps: 10...12, repsStep: 1, sets: 1...2))

  static let enrolment = ProgrammeEnrolment(
    programmeID: "plan", programmeTitle: "A plan", contentHash: "0", startedAt: start)

  /// A strength session on a day: good (finished, pain steady) unless told otherwise.
  static func rows(
    _ day: Double, _ outcome: JournalOutcome = .finished, before: Int? = 3, highest: Int? = 3, rose: Bool = false,
    routine: String = "rows"
  ) -> ProgrammeSession {
    ProgrammeSession(
      routineID: routine, startedAt: Self.day(day, hour: 1), outcome: outcome, before: before, highest: highest,
      painRoseChoice: rose)
  }

  struct Case {
    var name: String
    var sessions: [ProgrammeSession]
    var now: Double
    var pauses: [ProgrammePause] = []
    var level: Int
    var change: ProgrammeToday.LevelChange?
    var goodInARow = 0
  }

  static let cases: [Case] = [
    Case(name: "no sessions yet", sessions: [], now: 0.5, level: 1),
    Case(
      name: "steady: two good sessions in a row move up a level, each time",
      sessions: [0, 2, 4, 7, 9, 11].map { rows($0) }, now: 11.5, level: 4, change: .movedUp),
    Case(
      name: "any routine of the entry counts", sessions: [rows(0), rows(2, routine: "band-rows")], now: 3, level: 2,
      change: .movedUp),
    Case(
      name: "a day counts once however many sessions it has", sessions: [rows(0), rows(0.1), rows(0.2)], now: 1,
      level: 1, goodInARow: 1),
    Case(
      name: "the top level is kept, not passed", sessions: (0..<16).map { rows(Double($0)) }, now: 16, level: 6,
      change: .movedUp),
    Case(
      name: "pain rising by 2 steps back a level, and nothing more counts that day",
      sessions: [rows(0), rows(2), rows(4, highest: 5), rows(4.2)], now: 5, level: 1,
      change: .steppedBackAfterPainRose(day(4, hour: 1))),
    Case(
      name: "after the bad day the row starts again", sessions: [rows(0), rows(2), rows(4, highest: 5), rows(6)],
      now: 6.5, level: 1, change: .steppedBackAfterPainRose(day(4, hour: 1)), goodInARow: 1),
    Case(
      name: "a rise of 1 is not pain rising", sessions: [rows(0, highest: 4), rows(2, highest: 4)], now: 3, level: 2,
      change: .movedUp),
    Case(
      name: "choosing in the pain box because pain rose steps back", sessions: [rows(0), rows(2), rows(4, rose: true)],
      now: 5, level: 1, change: .steppedBackAfterPainRose(day(4, hour: 1))),
    Case(
      name: "a stop for safety steps back", sessions: [rows(0), rows(2), rows(4), rows(6), rows(7, .stoppedForSafety)],
      now: 8, level: 2, change: .steppedBackAfterSafetyStop(day(7, hour: 1))),
    Case(
      name: "never below level 1", sessions: [rows(0, .stoppedForSafety), rows(1, highest: 9)], now: 2, level: 1,
      change: .steppedBackAfterPainRose(day(1, hour: 1))),
    Case(
      name: "a quit session breaks the row", sessions: [rows(0), rows(1, .quit), rows(2)], now: 3, level: 1,
      goodInARow: 1),
    Case(
      name: "missed days never progress anything", sessions: [rows(0)], now: 10, level: 1, goodInARow: 1),
    Case(
      name: "two weeks without a session steps back (unknot's cautious choice)", sessions: [rows(0), rows(2)],
      now: 16.5, level: 1, change: .steppedBackAfterGap),
    Case(
      name: "thirteen days is not yet a long gap", sessions: [rows(0), rows(2)], now: 15, level: 2, change: .movedUp),
    Case(
      name: "paused time does not count towards a long gap, and sessions while paused do not count",
      sessions: [rows(0), rows(2), rows(10), rows(12)], now: 21,
      pauses: [ProgrammePause(pausedAt: day(3), resumedAt: day(20))], level: 2, change: .movedUp),
  ]

  func testTheLevelFollowsTheRuleOnEverySimulatedJournal() {
    for example in Self.cases {
      var enrolment = Self.enrolment
      enrolment.pauses = example.pauses
      let today = ProgrammeProgress.today(
        programme: Self.programme, enrolment: enrolment, sessions: example.sessions, now: Self.day(example.now),
        zone: .utc)
      let strength = today.entries[0]
      XCTAssertEqual(strength.dose?.level, example.level, example.name)
      XCTAssertEqual(strength.levelChange, example.change, example.name)
      XCTAssertEqual(strength.goodInARow, example.goodInARow, example.name)
      XCTAssertNil(today.entries[1].dose, "an entry without progression has no level: \(example.name)")
    }
  }

  func testTheLevelsDoseAddsRepsThenASetWithRepsBackAtTheBottom() {
    let ladder = Self.programme.progression!
    XCTAssertEqual(ladder.dose(atLevel: 3), ProgrammeDose(level: 3, reps: 12, sets: 1))
    XCTAssertEqual(ladder.dose(atLevel: 4), ProgrammeDose(level: 4, reps: 10, sets: 2))
    XCTAssertEqual(ladder.dose(atLevel: 99), ProgrammeDose(level: 6, reps: 12, sets: 2))
    XCTAssertEqual(
      ProgressionLadder(reps: 10...15, repsStep: 2, sets: 1...1).levels.map(\.reps), [10, 12, 14, 15],
      "the top of the range is always a level")
  }

  private func today(_ sessions: [ProgrammeSession], now: Double, pauses: [ProgrammePause] = []) -> ProgrammeToday {
    var enrolment = Self.enrolment
    enrolment.pauses = pauses
    return ProgrammeProgress.today(
      programme: Self.programme, enrolment: enrolment, sessions: sessions, now: Self.day(now), zone: .utc)
  }

  func testTodaysPlanSaysWhatIsDueAndDoneAndTheWeeksProgress() {
    // Wednesday of week 2: strength twice this week, a walk done this morning.
    let plan = today(
      [
        Self.rows(7), Self.rows(8),
        ProgrammeSession(routineID: "walk", startedAt: Self.day(9, hour: 1), outcome: .finished),
      ],
      now: 9.5)
    XCTAssertEqual(plan.state, .active)
    XCTAssertEqual(plan.week, 2)
    let byLabel = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.label, $0) })
    XCTAssertEqual(byLabel["strength"]?.dueToday, true)
    XCTAssertEqual(byLabel["strength"]?.doneThisWeek, 2)
    XCTAssertEqual(byLabel["strength"]?.plannedThisWeek, 3)
    XCTAssertEqual(byLabel["walk"]?.doneToday, true)
    XCTAssertEqual(byLabel["stretch"]?.dueToday, true, "Wednesday is a stretch day")
    XCTAssertEqual(byLabel["desk check"]?.plannedThisWeek, 0, "the desk check runs in weeks 1 and 4 only")
    XCTAssertEqual(byLabel["desk check"]?.dueToday, false)
    XCTAssertEqual(ProgrammeTodayText.phrase(plan), "strength, 2 of 3 this week")

    // Thursday: strength done three times this week is no longer due; no stretch.
    let thursday = today([Self.rows(7), Self.rows(8), Self.rows(9)], now: 10.5)
    XCTAssertEqual(thursday.entries[0].dueToday, false)
    XCTAssertEqual(thursday.entries[2].dueToday, false)
    XCTAssertEqual(ProgrammeTodayText.phrase(thursday), "walk, 0 of 7 this week")
  }

  func testAQuitOrStoppedSessionIsNotDone() {
    let plan = today([Self.rows(0, .quit), Self.rows(0.1, .stoppedForSafety)], now: 0.5)
    XCTAssertEqual(plan.entries[0].doneToday, false)
    XCTAssertEqual(plan.entries[0].doneThisWeek, 0)
  }

  func testPausedTimeDoesNotCountTowardsTheWeeks() {
    // Paused for three weeks after the first: on day 25 it is still week 1... then 2.
    let pause = ProgrammePause(pausedAt: Self.day(5), resumedAt: Self.day(26))
    XCTAssertEqual(today([], now: 27, pauses: [pause]).week, 1)
    XCTAssertEqual(today([], now: 28.5, pauses: [pause]).week, 2)
    let paused = today([], now: 10, pauses: [ProgrammePause(pausedAt: Self.day(5))])
    XCTAssertEqual(paused.state, .paused)
    XCTAssertFalse(paused.entries.contains(where: \.dueToday), "nothing is due while paused")
    XCTAssertNil(paused.dose(forRoutine: "rows"), "a paused programme does not set doses")
    XCTAssertEqual(ProgrammeTodayText.phrase(paused), "A plan is paused")
  }

  func testTheProgrammeEndsAfterItsWeeksAndSaysSoKindly() {
    let done = today([Self.rows(0), Self.rows(2)], now: 28.5)
    XCTAssertEqual(done.state, .finished)
    XCTAssertEqual(done.week, 4)
    XCTAssertNil(done.dose(forRoutine: "rows"))
    XCTAssertEqual(ProgrammeTodayText.phrase(done), "A plan is finished, well done")
    XCTAssertEqual(
      ProgrammeTodayText.lines(done, enrolment: Self.enrolment, zone: .utc).first,
      "You have finished the 4 weeks of A plan. Well done.")
  }

  func testTheLinesOfTodaysPlanNameTheLevelAndWhy() {
    let plan = today([Self.rows(0), Self.rows(2), Self.rows(4, highest: 6)], now: 4.5)
    XCTAssertEqual(
      ProgrammeTodayText.lines(plan, enrolment: Self.enrolment, zone: .utc),
      [
        "A plan: week 1 of 4.",
        // A session in which pain rose still counts as done: the level carries the caution.
        "  Done today: strength (rows or band-rows), 3 of 3 this week.",
        "    Level 1 of 6: 10 reps, 1 set. Back a level: your pain rose by 2 or more on 2026-01-09.",
        "  To do today: walk (walk), 0 of 7 this week.",
        "  Not today: stretch (stretch), 0 of 2 this week.",
        "  To do today: desk check (desk-check), 0 of 1 this week.",
      ])
  }

  func testTheProgrammesEndMovesWithPausesAndLeaving() {
    var enrolment = Self.enrolment
    XCTAssertEqual(ProgrammeProgress.end(of: Self.programme, enrolment: enrolment, now: Self.day(1)), Self.day(28))
    enrolment.pauses = [ProgrammePause(pausedAt: Self.day(3), resumedAt: Self.day(5))]
    XCTAssertEqual(ProgrammeProgress.end(of: Self.programme, enrolment: enrolment, now: Self.day(6)), Self.day(30))
    enrolment.leftAt = Self.day(10)
    XCTAssertEqual(ProgrammeProgress.end(of: Self.programme, enrolment: enrolment, now: Self.day(12)), Self.day(10))
  }
}
