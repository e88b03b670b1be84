import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// What the journal and the tools file answer reaches the person through the reducer:
/// a failed save is said on screen, a box's pause is the box's, and a failing journal
/// asks its question once.
final class EffectPerformerTests: XCTestCase {
  func testASafetyCheckThatCouldNotBeSavedIsSaidOnTheScreen() {
    var driver = AppDriver()
    driver.journal.failure = "the disk is full"
    driver.press(.character("s"), .enter)
    for _ in SafetyQuestions.all { driver.press(.character("n")) }
    XCTAssertEqual(driver.state.status, "The safety check could not be saved: /memory/journal.sqlite: the disk is full")
    XCTAssertTrue(words(driver.draw(.standard)).contains("could not be saved"))
  }

  func testTheToolsFileThatCouldNotBeWrittenIsNamed() {
    // No one, root included, can make a folder in /proc.
    let path = "/proc/unknot-nowhere/tools"
    let performer = EffectPerformer(journal: RecordingJournal(), speech: nil, toolsPath: path, bell: {})
    var state = Fixture.state()
    let effects = performer.dispatch(.key(.character("t")), to: &state, now: Fixture.start, today: Fixture.today)
    XCTAssertEqual(effects.count, 1, "the save, and nothing from the failure")
    XCTAssertEqual(state.status, "Your tools could not be saved to \(path).")
    XCTAssertTrue(state.ownedTools.filterOn, "the filter is on for this run all the same")
  }

  func testTheHelpBoxPausesAsAnOverlayAndClosingItResumes() {
    var driver = AppDriver(routines: Fixture.handMade)
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 2)
    driver.press(.character("?"))
    XCTAssertEqual(driver.engine?.status, .paused(.overlay))
    driver.wait(seconds: 5)
    driver.press(.character("z"))
    XCTAssertEqual(driver.engine?.status, .running)
    XCTAssertTrue(driver.journal.events.contains { if case .paused(.overlay, _) = $0 { true } else { false } })
    XCTAssertFalse(driver.journal.events.contains { if case .paused(.person, _) = $0 { true } else { false } })
    XCTAssertEqual(SessionRecord.rebuild(from: driver.journal.events).pauses.map(\.reason), [.overlay])
  }

  func testAFailingJournalAsksOnceAndWritesNothingAfterTheAnswer() {
    var driver = AppDriver(routines: Fixture.handMade)
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.journal.failure = "the disk is full"
    driver.press(.enter)  // in position: the hold's start cannot be written
    guard case .journalFailed = driver.session?.overlay else { return XCTFail("not asked") }
    let written = driver.journal.events.count
    driver.press(.character("y"))
    XCTAssertNil(driver.session?.overlay, "asked again")
    XCTAssertEqual(driver.state.options.logging, false)
    let appendsAfter = driver.press(.character("r")).journaled
    XCTAssertEqual(appendsAfter, [], "written after the person chose to go on unlogged")
    XCTAssertEqual(driver.journal.events.count, written)
  }

  private func words(_ canvas: MemoryCanvas) -> String {
    canvas.lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
  }
}
