import Foundation
import XCTest

@testable import UnknotCore
@testable import UnknotTUI

/// Where it hurts today and the watch's notice, through the reducer and the in-memory journal.
final class AreaKeyTests: XCTestCase {
  func testMarkingAreasJournalsThemWithTheDayAndShowsThemAtHome() {
    var driver = AppDriver()
    driver.press(.character("w"), .character("6"), .down, .character("1"), .character("0"))
    let effects = driver.press(.enter)
    let marks = [
      PainMark(markedAt: Fixture.today, group: .neck, rating: 6),
      PainMark(markedAt: Fixture.today, group: .shoulders, rating: 10),
    ]
    XCTAssertEqual(effects, [.recordPainMarks(marks)])
    XCTAssertEqual(driver.journal.marks, marks)
    XCTAssertNotNil(driver.home)
    XCTAssertEqual(driver.state.painToday, [.neck: 6, .shoulders: 10])
    XCTAssertEqual(driver.state.markedGroups, [.neck, .shoulders])
  }

  func testLeavingWithoutSavingKeepsNothing() {
    var driver = AppDriver()
    driver.press(.character("w"), .character("6"), .escape)
    XCTAssertEqual(driver.journal.marks, [])
    XCTAssertEqual(driver.state.painToday, [:])
  }

  func testTheNoticeIsPutAwayWithDAndTheJournalKeepsThat() {
    var state = Fixture.state()
    let sessions = (0..<8).map { index in
      PainTrendWatch.Session(
        startedAt: Fixture.today.addingTimeInterval(-Double(20 - index * 2) * 86_400), muscles: [.suboccipitals],
        before: 5)
    }
    state.notices = PainTrendWatch.notices(sessions, now: Fixture.today)
    XCTAssertEqual(state.notices.map(\.group), [.neck])
    var driver = AppDriver(state)
    XCTAssertTrue(
      driver.draw(CanvasSize(rows: 24, columns: 80)).text.contains("clinician's look"),
      driver.draw(CanvasSize(rows: 24, columns: 80)).text)
    driver.press(.character("d"))
    XCTAssertEqual(
      driver.journal.dismissals, [NoticeDismissal(kind: .painNotEasing, group: .neck, dismissedAt: Fixture.today)])
    XCTAssertEqual(driver.state.notices, [])
    XCTAssertFalse(
      driver.draw(CanvasSize(rows: 24, columns: 80)).text.contains("clinician's look"),
      driver.draw(CanvasSize(rows: 24, columns: 80)).text)
  }

  func testHistoryCyclesThroughTheMarkedAreasAndAll() {
    var state = Fixture.state(history: Fixture.history)
    state.markedGroups = [.neck, .chest]
    var driver = AppDriver(state)
    driver.press(.character("h"), .character("a"))
    guard case .history(let screen) = driver.state.screen else { return XCTFail("not on the history") }
    XCTAssertEqual(screen.area, .neck)
    XCTAssertTrue(driver.state.history(for: .neck).allSatisfy { driver.state.isSession($0, for: .neck) })
    XCTAssertLessThan(driver.state.history(for: .neck).count, driver.state.history.count)
    driver.press(.character("a"), .character("a"))
    guard case .history(let back) = driver.state.screen else { return XCTFail("not on the history") }
    XCTAssertNil(back.area)
  }

  /// At 60×18 the notice and the routines cannot share the rows: the notice shows while
  /// the groups have the focus, the routines when the person goes to them.
  func testOnASmallScreenTheNoticeGivesWayToTheRoutinesWhenChoosingOne() {
    var driver = Scenario.homeTrendNotice()
    let firstRoutine = driver.state.routines(for: .neck)[0].routine.title
    let onGroups = driver.draw(.smallest).text
    XCTAssertTrue(onGroups.contains("This is not a diagnosis."), onGroups)
    driver.press(.right)
    let onRoutines = driver.draw(.smallest).text
    XCTAssertTrue(onRoutines.contains(firstRoutine), onRoutines)
    XCTAssertFalse(onRoutines.contains("not a diagnosis"), onRoutines)
    // With room for both, both show.
    let wide = driver.draw(.standard).text
    XCTAssertTrue(wide.contains("This is not a diagnosis.") && wide.contains(firstRoutine), wide)
  }
}
