import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// Every screen at 80×24 and at the smallest usable 60×18, compared with Golden/*.txt.
/// Record with `UNKNOT_RECORD_GOLDEN=1 swift test --filter GoldenScreenTests`, then read
/// the files: they are what a person sees.
final class GoldenScreenTests: XCTestCase {
  static let sizes = [CanvasSize.standard, CanvasSize.smallest]

  private func assertGolden(
    _ name: String, _ driver: AppDriver, sizes: [CanvasSize] = sizes, capabilities: CanvasCapabilities = .full,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    for size in sizes {
      let canvas = driver.draw(size, capabilities)
      GoldenFile.assertMatches(canvas.text, named: "\(name)-\(size.columns)x\(size.rows)", file: file, line: line)
    }
  }

  /// The tests below are written out one per screen, so a failure names its screen; this
  /// one catches a scenario added without its golden files (and records them when
  /// recording, whatever order the tests run in).
  func testEveryScenarioHasItsGoldenFiles() {
    for (name, make) in Scenario.all {
      assertGolden(name, make())
    }
  }

  // MARK: Home

  func testHomeNeck() { assertGolden("home-neck", Scenario.home()) }

  func testHomeBetweenBladesRoutines() {
    assertGolden("home-between-blades-routines", Scenario.homeBetweenBladesRoutines())
  }

  func testHomeToolFilterWithNoTools() { assertGolden("home-tool-filter-no-tools", Scenario.homeToolFilterNoTools()) }

  func testHomeHelp() { assertGolden("home-help", Scenario.homeHelp()) }

  func testMarkingWhereItHurts() { assertGolden("hurts-marking", Scenario.hurtsMarking()) }

  func testHomeWithTodaysMarks() { assertGolden("home-marked-today", Scenario.homeMarkedToday()) }

  func testHomeWithTheTrendNotice() { assertGolden("home-trend-notice", Scenario.homeTrendNotice()) }

  func testHomeWithAProgrammeShowsTodayFirst() {
    assertGolden("home-programme-today", Scenario.homeProgrammeToday())
  }

  func testTools() { assertGolden("tools", Scenario.tools()) }

  func testRoutineDetail() { assertGolden("detail-between-blades-ball", Scenario.detail()) }

  // MARK: Safety and cautions

  func testSafetyIntroduction() { assertGolden("safety-introduction", Scenario.safetyIntroduction()) }

  func testSafetyQuestion() { assertGolden("safety-question", Scenario.safetyQuestion()) }

  func testSafetyAskClinician() { assertGolden("safety-ask-clinician", Scenario.safetyAskClinician()) }

  func testSafetyOutcomeUrgent() { assertGolden("safety-outcome-urgent", Scenario.safetyOutcomeUrgent()) }

  func testSafetyOutcomeClear() { assertGolden("safety-outcome-clear", Scenario.safetyOutcomeClear()) }

  func testDetailOfThePointToolWithBleeding() {
    assertGolden("detail-point-tool-bleeding", Scenario.detailPointToolBleeding())
  }

  func testCautionsOfThePointToolWithBleeding() {
    assertGolden("cautions-point-tool-bleeding", Scenario.cautionsPointToolBleeding())
  }

  func testCautionsOfTraction() { assertGolden("cautions-cervical-traction", Scenario.cautionsTraction()) }

  // MARK: Session

  func testRatingBeforeWithNoChoice() { assertGolden("session-rating-before", Scenario.ratingBefore()) }

  func testRatingBeforeWithSixChosen() { assertGolden("session-rating-before-6", Scenario.ratingBeforeSix()) }

  func testUntimedPlacement() { assertGolden("session-untimed-placement", Scenario.untimedPlacement()) }

  func testHoldTwentySecondsIn() { assertGolden("session-hold", Scenario.hold()) }

  func testBreathingMidInhale() { assertGolden("session-breathing-inhale", Scenario.breathing()) }

  func testStrokeThreeOfEight() { assertGolden("session-strokes", Scenario.strokes()) }

  func testChinTuckHeldInTheThirdRep() { assertGolden("session-chin-tuck-hold", Scenario.chinTuckHold()) }

  func testTractionWaitingForTheTime() { assertGolden("session-traction-entry", Scenario.tractionEntry()) }

  func testPaused() { assertGolden("session-paused", Scenario.paused()) }

  func testPausedByAClockGap() { assertGolden("session-paused-clock-gap", Scenario.pausedByClockGap()) }

  func testHelpOverlay() { assertGolden("session-help", Scenario.sessionHelp()) }

  func testConfirmQuit() { assertGolden("session-confirm-quit", Scenario.confirmQuit()) }

  func testStopReasons() { assertGolden("session-stop-reasons", Scenario.stopReasons()) }

  func testJournalFailed() { assertGolden("session-journal-failed", Scenario.journalFailed()) }

  // MARK: Summary

  func testSummaryFinished() { assertGolden("summary-finished", Scenario.summaryFinished()) }

  func testSummaryAfterQuit() { assertGolden("summary-quit", Scenario.summaryQuit()) }

  func testSafetyStopAdvice() { assertGolden("summary-safety-advice", Scenario.safetyStopAdvice()) }

  // MARK: Journal

  func testHomeMarksWhatHelpedMost() { assertGolden("home-helped-most", Scenario.homeHelpedMost()) }

  func testHomeMarksWhatHelpedMostWithTheListFocused() {
    assertGolden("home-helped-most-routines", Scenario.homeHelpedMostRoutines())
  }

  func testHistory() { assertGolden("history", Scenario.history()) }

  func testHistoryScrolled() { assertGolden("history-scrolled", Scenario.historyScrolled()) }

  func testHistoryWithNoSessionsYet() { assertGolden("history-empty", Scenario.historyEmpty()) }

  func testHistoryWithoutAJournal() { assertGolden("history-no-journal", Scenario.historyNoJournal()) }

  func testSummaryBesideTheRoutinesHistory() {
    assertGolden("summary-beside-history", Scenario.summaryBesideHistory())
  }

  func testSummaryWithoutAJournal() { assertGolden("summary-no-journal", Scenario.summaryNoJournal()) }

  func testASCIIHistory() {
    assertGolden("ascii-history", Scenario.history(), capabilities: .plain)
  }

  func testASCIISummaryBesideHistory() {
    assertGolden("ascii-summary-beside-history", Scenario.summaryBesideHistory(), capabilities: .plain)
  }

  func testASCIIHomeMarks() {
    assertGolden("ascii-home-helped-most-routines", Scenario.homeHelpedMostRoutines(), capabilities: .plain)
  }

  // MARK: Terminal limits

  func testTooSmall() {
    assertGolden("too-small", Scenario.home(), sizes: [CanvasSize(rows: 15, columns: 50)])
  }

  func testASCIIHome() {
    assertGolden("ascii-home", Scenario.home(), capabilities: .plain)
  }

  func testASCIIHold() {
    assertGolden("ascii-hold", Scenario.hold(), capabilities: .plain)
  }

  // MARK: The desk check

  func testDeskCheckIntroduction() { assertGolden("cautions-desk-check", Scenario.deskCheckIntroduction()) }

  func testChecklistQuestion() { assertGolden("session-checklist-question", Scenario.checklistQuestion()) }

  func testChecklistAdvice() { assertGolden("session-checklist-advice", Scenario.checklistAdvice()) }

  func testSummaryOfAChecklist() { assertGolden("summary-checklist", Scenario.summaryChecklist()) }
}
