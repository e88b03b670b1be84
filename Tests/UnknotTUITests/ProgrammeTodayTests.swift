import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// The home screen's "Today" follows the programme as sessions end in the app, and the
/// level's dose moves with it, without reading the journal again.
final class ProgrammeTodayTests: XCTestCase {
  func testAStrengthSessionKeptHereCountsTowardsTheWeekAndItsLevel() throws {
    var driver = Scenario.homeProgrammeToday(postureBreakDone: true)
    XCTAssertTrue(
      driver.draw(CanvasSize(rows: 24, columns: 80), .full).text.contains("Today: strength, 1 of 3 this week"),
      driver.draw(CanvasSize(rows: 24, columns: 80), .full).text)
    // Two good strength days in a row move the level up; the second was yesterday.
    XCTAssertEqual(driver.state.programmeDoses["band-mid-back-strength"]?.level, 2)

    try keep(routine: "band-mid-back-strength", before: 3, highest: 3, in: &driver)
    // Strength is done today: the posture break was too, and mobility is not due on
    // this day of the week, so nothing is left for today.
    let today = try XCTUnwrap(driver.state.programmeToday)
    let strength = try XCTUnwrap(today.entries.first { $0.label == "strength" })
    XCTAssertTrue(strength.doneToday)
    XCTAssertEqual(strength.doneThisWeek, 2)
    XCTAssertFalse(
      driver.draw(CanvasSize(rows: 24, columns: 80), .full).text.contains("1 of 3 this week"),
      driver.draw(CanvasSize(rows: 24, columns: 80), .full).text)
    // The first good session at level 2: one more moves it up.
    XCTAssertEqual(driver.state.programmeDoses["band-mid-back-strength"]?.level, 2)
    XCTAssertEqual(strength.goodInARow, 1)
  }

  func testASessionWhosePainRoseStepsTheLevelBack() throws {
    var driver = Scenario.homeProgrammeToday(postureBreakDone: true)
    try keep(routine: "bodyweight-mid-back-strength", before: 2, highest: 5, in: &driver)
    XCTAssertEqual(driver.state.programmeDoses["band-mid-back-strength"]?.level, 1)
    XCTAssertEqual(driver.state.programmeDoses["bodyweight-mid-back-strength"]?.level, 1)
  }

  func testARoutineOutsideTheProgrammeChangesNothing() throws {
    var driver = Scenario.homeProgrammeToday(postureBreakDone: true)
    let before = driver.state.programmeToday
    try keep(routine: "box-breathing", before: 4, highest: 3, in: &driver)
    XCTAssertEqual(driver.state.programmeToday, before)
  }

  func testGOpensTheNextRoutineOfTheDay() {
    var driver = Scenario.homeProgrammeToday()
    XCTAssertTrue(
      driver.draw(CanvasSize(rows: 24, columns: 80), .full).text.contains("Today (g): posture break, 0 of 7 this week"))
    driver.press(.character("g"))
    guard case .detail(let detail) = driver.state.screen else {
      return XCTFail("g did not open a routine: \(driver.state.screen)")
    }
    XCTAssertEqual(detail.routineID, "desk-posture-break")
  }

  func testWithTheToolFilterGChoosesTheDaysRoutineForTheToolsOwned() {
    // The bundled routines, where strength is a band or body weight.
    let bundled = Fixture.entries(of: RoutineLibrary.load(RoutineSearchPath(includesBuiltIn: true, userFolder: nil)))
    func opened(owning tools: Set<Tool>, filterOn: Bool) -> String? {
      var state = Fixture.state(routines: bundled, tools: OwnedTools(tools: tools, filterOn: filterOn))
      state.programme = Fixture.deskWorkerWeekTwo
      AppReducer.refreshProgramme(&state, today: Fixture.today)
      var driver = AppDriver(state)
      driver.press(.character("g"))
      guard case .detail(let detail) = driver.state.screen else { return nil }
      return detail.routineID
    }
    XCTAssertEqual(opened(owning: [], filterOn: true), "bodyweight-mid-back-strength")
    XCTAssertEqual(opened(owning: [.resistanceBand], filterOn: true), "band-mid-back-strength")
    // Without the filter, the programme's first choice.
    XCTAssertEqual(opened(owning: [], filterOn: false), "band-mid-back-strength")
  }

  func testGDoesNothingWhenTodaysRoutineIsNotLoaded() {
    // Strength is next, but neither of its routines is among these fixtures.
    var driver = Scenario.homeProgrammeToday(postureBreakDone: true)
    XCTAssertFalse(driver.draw(CanvasSize(rows: 24, columns: 80), .full).text.contains("(g)"))
    driver.press(.character("g"))
    guard case .home = driver.state.screen else { return XCTFail("g left home: \(driver.state.screen)") }
  }

  func testWithoutAProgrammeTheHomeScreenHasNoToday() {
    let driver = AppDriver(Fixture.state(history: Fixture.history))
    XCTAssertNil(driver.state.programmeToday)
    XCTAssertFalse(driver.draw(CanvasSize(rows: 24, columns: 80), .full).text.contains("Today:"))
  }

  /// A finished session of `routine` on its summary, then the journal's confirmation.
  private func keep(routine: String, before: Int, highest: Int, in driver: inout AppDriver) throws {
    var record = SessionRecord()
    record.routineID = routine
    record.outcome = .finished
    record.ratings = [
      SessionEvent.Rating(value: before, stepIndex: 0, moment: .before, muscle: nil, side: nil, at: .seconds(1)),
      SessionEvent.Rating(value: highest, stepIndex: 5, moment: .after, muscle: nil, side: nil, at: .seconds(300)),
    ]
    let entry = try XCTUnwrap(Fixture.library.first)
    let row = HistoryRow(
      startedAt: Fixture.today.addingTimeInterval(-600), routineID: routine, routineTitle: routine,
      outcome: .finished, before: before, after: highest)
    driver.state.screen = .summary(
      SummaryScreen(
        entry: entry, record: record, showingSafetyAdvice: false, returnTo: HomeScreen(), logged: true, session: row))
    _ = driver.send(.sessionKept)
    driver.state.screen = .home(HomeScreen())
  }
}
