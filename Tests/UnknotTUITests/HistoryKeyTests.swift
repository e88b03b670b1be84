import Foundation
import XCTest

@testable import UnknotCore
@testable import UnknotTUI

/// `h` on the home screen, the history screen's keys, and how the in-memory history
/// follows the sessions that end, all through the pure reducer.
final class HistoryKeyTests: XCTestCase {
  private func historyScreen(_ driver: AppDriver) -> HistoryScreen? {
    if case .history(let screen) = driver.state.screen { return screen }
    return nil
  }

  func testHOnHomeOpensTheHistoryAndEscReturnsToTheSameHomeScreen() {
    var driver = AppDriver(Fixture.state(history: Fixture.history))
    driver.press(.down, .down, .right, .down)
    let home = driver.home
    let effects = driver.press(.character("h"))
    XCTAssertEqual(effects, [], "opening the history reads nothing: the rows are already in the state")
    XCTAssertEqual(historyScreen(driver), HistoryScreen(selected: 0, returnTo: home!))
    driver.press(.escape)
    XCTAssertEqual(driver.home, home)
  }

  func testEveryBackKeyReturnsHome() {
    for key in [Key.escape, .left, .character("b"), .character("q"), .character("h")] {
      var driver = AppDriver(Fixture.state(history: Fixture.history))
      driver.press(.character("h"), key)
      XCTAssertNotNil(driver.home, "\(key)")
      XCTAssertFalse(driver.state.isFinished, "\(key) must not quit the app")
    }
  }

  func testArrowsAndPagesMoveThroughTheSessionsAndStopAtTheEnds() {
    var driver = AppDriver(Fixture.state(history: Fixture.history))
    driver.press(.character("h"), .up)
    XCTAssertEqual(historyScreen(driver)?.selected, 0)
    driver.press(.down, .down, .character("j"))
    XCTAssertEqual(historyScreen(driver)?.selected, 3)
    driver.press(.character("k"))
    XCTAssertEqual(historyScreen(driver)?.selected, 2)
    driver.press(.pageDown)
    XCTAssertEqual(historyScreen(driver)?.selected, 12)
    driver.press(.pageDown, .pageDown, .down)
    XCTAssertEqual(historyScreen(driver)?.selected, Fixture.history.count - 1)
    driver.press(.pageUp)
    XCTAssertEqual(historyScreen(driver)?.selected, Fixture.history.count - 11)
    driver.press(.home)
    XCTAssertEqual(historyScreen(driver)?.selected, 0)
    driver.press(.end)
    XCTAssertEqual(historyScreen(driver)?.selected, Fixture.history.count - 1)
  }

  func testAnEmptyHistoryKeepsTheSelectionAtTheTop() {
    var driver = AppDriver()
    driver.press(.character("h"), .down, .pageDown, .end)
    XCTAssertEqual(historyScreen(driver)?.selected, 0)
  }

  func testTheHistoryListsTheNewestSessionFirstAndSaysWhatToDoWithoutAJournal() {
    let text = Scenario.history().draw(.standard).text
    let newest = Fixture.history.last!
    let firstRow = text.components(separatedBy: "\n")[3]
    XCTAssertTrue(firstRow.contains(newest.routineTitle), firstRow)
    XCTAssertTrue(firstRow.contains(DateText.minute(newest.startedAt, in: .utc)), firstRow)
    let unlogged = Scenario.historyNoJournal().draw(.smallest).text
    XCTAssertTrue(unlogged.contains("--no-journal"), unlogged)
  }

  // MARK: Sessions that end

  /// The quick shoulder hold to its end, rated 6 then 3.
  private func finishQuickShoulder(_ state: AppState) -> AppDriver {
    var driver = AppDriver(state)
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 40)
    driver.rate(3)
    return driver
  }

  func testAFinishedSessionJoinsTheHistoryAndTheSummaryShowsItBesideTheEarlierOnes() {
    let driver = finishQuickShoulder(
      Fixture.state(routines: Fixture.library + Fixture.handMade, history: Fixture.history))
    let row = HistoryRow(
      startedAt: Fixture.today, routineID: "quick-shoulder", routineTitle: "Quick shoulder hold",
      outcome: .finished, before: 6, after: 3)
    XCTAssertEqual(driver.state.history, Fixture.history + [row])
    let earlier = Fixture.history.filter { $0.routineID == "quick-shoulder" }
    XCTAssertEqual(driver.summary?.session, row)
    XCTAssertEqual(driver.summary?.earlier, earlier, "the earlier sessions, without this one")
  }

  func testTheNewSessionIsFirstOnTheHistoryScreenAfterGoingHome() {
    var driver = finishQuickShoulder(Fixture.state(routines: Fixture.library + Fixture.handMade))
    driver.press(.enter, .character("h"))
    let rows = driver.draw(.standard).lines
    XCTAssertTrue(rows[3].contains("Quick shoulder hold"), rows.joined(separator: "\n"))
    XCTAssertTrue(rows[3].contains("6 → 3"), rows[3])
  }

  func testWithoutLoggingNothingJoinsTheHistory() {
    let driver = finishQuickShoulder(
      Fixture.state(routines: Fixture.library + Fixture.handMade, options: AppOptions(logging: false)))
    XCTAssertEqual(driver.state.history, [])
    XCTAssertEqual(driver.summary?.logged, false)
  }

  func testAQuitSessionJoinsTheHistoryAsQuitWithItsRatingBefore() {
    var driver = AppDriver(Fixture.state(routines: Fixture.library + Fixture.handMade))
    driver.startSession("quick-shoulder")
    driver.rate(5)
    driver.press(.character("q"), .character("y"))
    XCTAssertEqual(driver.state.history.last?.outcome, .quit)
    XCTAssertEqual(driver.state.history.last?.before, 5)
    XCTAssertNil(driver.state.history.last?.after)
  }

  func testASessionWhoseLastWriteFailedNeverJoinsTheHistory() {
    var driver = AppDriver(Fixture.state(routines: Fixture.library + Fixture.handMade, history: Fixture.history))
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 40)
    // The disk fills before the rating after, the session's last write.
    driver.journal.failure = "the disk is full"
    driver.rate(3)
    XCTAssertEqual(driver.state.history, Fixture.history, "joined the history though the journal never had it")
    XCTAssertEqual(driver.summary?.logged, false)
    XCTAssertEqual(driver.summary?.record.after, 3)
  }

  /// The row is added when the journal confirms the end, not before: on the summary
  /// screen, before the confirmation arrives, the history is as it was.
  func testTheHistoryRowWaitsForTheJournalsConfirmation() {
    var state = Fixture.state(routines: Fixture.library + Fixture.handMade)
    var driver = AppDriver(state)
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 40)
    state = driver.state
    let effects =
      AppReducer.reduce(&state, .key(.character("3")), now: driver.now, today: Fixture.today)
      + AppReducer.reduce(&state, .key(.enter), now: driver.now, today: Fixture.today)
    guard case .summary = state.screen else { return XCTFail("no summary") }
    XCTAssertTrue(effects.journaled.contains { if case .sessionEnded = $0 { true } else { false } })
    XCTAssertEqual(state.history, [], "added before the journal confirmed it")
    _ = AppReducer.reduce(&state, .sessionKept, now: driver.now, today: Fixture.today)
    XCTAssertEqual(state.history.map(\.after), [3])
  }

  // MARK: What helped most

  private func statistics(_ id: String, rated: Int, meanChange: Double, share: Double = 0.5) -> JournalStatistics {
    JournalStatistics(
      subject: .routine(id: id, title: id), sessions: rated, ratedSessions: rated, stoppedForSafety: 0,
      meanBefore: 6, meanAfter: 6 + meanChange, meanChange: meanChange, shareImportantReduction: share, trend: nil)
  }

  func testEachGroupMarksItsOwnBestRoutinesFromFiveRatedSessionsAndOnlyReductions() {
    let stats = [
      statistics("chin-tucks", rated: 5, meanChange: -2),
      statistics("box-breathing", rated: 12, meanChange: -1),
      statistics("cyclic-sighing", rated: 4, meanChange: -3),  // too few sessions
      statistics("desk-posture-break", rated: 9, meanChange: 0.5),  // pain went up
      statistics("tension-headache", rated: 20, meanChange: -0.5),
      statistics("full-upper-back", rated: 20, meanChange: -0.2),
      statistics("between-blades-ball", rated: 7, meanChange: -1.5),
      statistics("chest-opening", rated: 9, meanChange: -1.2, share: 0),  // never an important reduction
    ]
    let marks = JournalInsights.helpedMost(stats, routines: Fixture.library)
    XCTAssertEqual(marks[.neck], ["chin-tucks", "box-breathing", "tension-headache"], "the best three of the group")
    XCTAssertEqual(marks[.betweenBlades], ["between-blades-ball", "full-upper-back"])
    XCTAssertEqual(marks[.chest], ["full-upper-back"], "a small reduction is marked when it is the group's best")
    XCTAssertNil(marks[.sides], "no routine of the group qualifies")
    for (_, ids) in marks {
      XCTAssertFalse(ids.contains("cyclic-sighing"))
      XCTAssertFalse(ids.contains("desk-posture-break"))
      XCTAssertFalse(ids.contains("chest-opening"))
    }
  }

  // MARK: Loading

  func testTheInitialStateLoadsTheJournalsHistoryAndMarks() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-tui-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = try SQLiteJournal(path: folder.appendingPathComponent("journal.sqlite").path)
    try JournalGenerator.generate(into: journal, days: 400, seed: 7)
    let setup = FrontEnd.Setup(
      library: FixtureRoutines.library, journal: journal, options: AppOptions(), environment: [:],
      timeZone: .zone(TimeZone(identifier: "Europe/Paris")!))
    let state = try FrontEnd.initialState(.home, setup: setup, today: Fixture.today)

    let recent = try journal.history(limit: JournalInsights.recentSessions)
    XCTAssertEqual(
      Array(state.history.suffix(recent.count)), recent.reversed().map(HistoryRow.init),
      "the latest sessions, oldest first")
    XCTAssertGreaterThanOrEqual(state.history.count, recent.count)
    for id in Set(try journal.routineTitles().keys) {
      let own = try journal.history(JournalFilter(routineID: id), limit: JournalInsights.sessionsPerRoutine)
      XCTAssertTrue(own.allSatisfy { state.history.contains(HistoryRow($0)) }, "\(id)'s last sessions")
    }
    XCTAssertEqual(state.timeZone, .zone(TimeZone(identifier: "Europe/Paris")!))
    let ranked = Set(HelpedMost.ranked(try journal.routineStatistics()).compactMap(\.routineID))
    let marked = state.helpedMost.values.reduce(Set<String>()) { $0.union($1) }
    XCTAssertFalse(marked.isEmpty, "four hundred days rank some routines")
    XCTAssertTrue(marked.isSubset(of: ranked))
  }

  func testWithoutAJournalTheInitialStateHasNoHistoryAndNoMarks() throws {
    let setup = FrontEnd.Setup(
      library: FixtureRoutines.library,
      journal: UnloggedJournal(), options: AppOptions(logging: false), environment: [:])
    let state = try FrontEnd.initialState(.home, setup: setup, today: Fixture.today)
    XCTAssertEqual(state.history, [])
    XCTAssertEqual(state.helpedMost, [:])
  }
}
