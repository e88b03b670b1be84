import Foundation
import XCTest

@testable import UnknotCore
@testable import UnknotTUI

/// What the app loads as it starts (the watch's notices, put away or not) and the order a
/// marked group's routines come in, read through the app state.
final class AreaInsightsTests: XCTestCase {
  private func loaded(_ journal: RecordingJournal) throws -> AppState {
    var state = Fixture.state()
    try AreaInsights.load(into: &state, from: journal, today: Fixture.today)
    return state
  }

  private func journal(dismissedDaysAgo days: Double?) throws -> RecordingJournal {
    let journal = RecordingJournal()
    journal.trend = Fixture.neckNotEasing
    if let days {
      try journal.record(
        NoticeDismissal(
          kind: .painNotEasing, group: .neck, dismissedAt: Fixture.today.addingTimeInterval(-days * 86_400)))
    }
    return journal
  }

  func testTheNeckNoticeLoadsWhenNeverPutAway() throws {
    XCTAssertEqual(try loaded(journal(dismissedDaysAgo: nil)).notices.map(\.group), [.neck])
  }

  func testANoticePutAwayMoreThanAWeekAgoShowsAgain() throws {
    XCTAssertEqual(try loaded(journal(dismissedDaysAgo: 8)).notices.map(\.group), [.neck])
  }

  func testANoticePutAwayThisWeekStaysHidden() throws {
    XCTAssertEqual(try loaded(journal(dismissedDaysAgo: 6)).notices, [])
  }

  func testPuttingAwayAnotherGroupsNoticeHidesNotThisOne() throws {
    let journal = try journal(dismissedDaysAgo: nil)
    try journal.record(NoticeDismissal(kind: .painNotEasing, group: .chest, dismissedAt: Fixture.today))
    XCTAssertEqual(try loaded(journal).notices.map(\.group), [.neck])
  }

  // MARK: The order of a marked group's routines

  private static func routine(_ id: String, _ action: StepAction) -> LoadedEntry {
    let routine = Routine(
      id: id, title: id, summary: "A test routine.", groups: [.shoulders], targets: [.upperTrapezius],
      tools: [.massageBall], steps: [RoutineStep(action, muscle: .upperTrapezius, tool: .massageBall)])
    return LoadedEntry(routine: routine, origin: .file(path: "/fixtures/\(id).yaml"), contentHash: id)
  }

  /// In the library's order: a long hold, a short hold, a stretch (no pressure) longer
  /// than the short hold, and the routine that helped this person most.
  static let shoulderRoutines = [
    routine("long-hold", .hold(seconds: 90, pressure: PressureRegion.neckAndShoulderTops.usual)),
    routine("short-hold", .hold(seconds: 10, pressure: PressureRegion.neckAndShoulderTops.usual)),
    routine("stretch", .stretch(secondsPerRep: 30, reps: 2)),
    routine("helped", .hold(seconds: 120, pressure: PressureRegion.neckAndShoulderTops.usual)),
  ]

  func testAMarkedGroupOffersWhatHelpedFirstThenNoPressureThenShorter() {
    var state = Fixture.state(routines: Self.shoulderRoutines)
    state.helpedRanking = ["helped"]
    var driver = AppDriver(state)
    let ids = { (driver: AppDriver) in driver.state.routines(for: .shoulders).map(\.routine.id) }
    XCTAssertEqual(ids(driver), ["long-hold", "short-hold", "stretch", "helped"], "unmarked: the library's order")

    // Tops of the shoulders marked 7 on the "where it hurts" screen.
    driver.press(.character("w"), .down, .character("7"), .enter)
    XCTAssertEqual(driver.state.painToday, [.shoulders: 7])
    XCTAssertEqual(ids(driver), ["helped", "stretch", "short-hold", "long-hold"])
    // The home screen lists them in that order.
    driver.press(.down, .right)
    XCTAssertEqual(driver.home?.routineIndex, 0)
    let screen = driver.draw(.standard).text
    let lines = screen.split(separator: "\n")
    // A title is followed by the spaces before its time.
    let rows = ["helped", "stretch", "short-hold", "long-hold"].compactMap { id in
      lines.firstIndex { $0.contains(" \(id)  ") }
    }
    XCTAssertEqual(rows.count, 4, screen)
    XCTAssertEqual(rows, rows.sorted(), screen)
  }
}
