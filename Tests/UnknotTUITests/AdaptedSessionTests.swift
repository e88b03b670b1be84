import UnknotCore
import XCTest

@testable import UnknotTUI

/// The safety answers on record shape what a session runs, and a routine with nothing
/// left cannot start.
final class AdaptedSessionTests: XCTestCase {
  private func driver(_ yes: String) -> AppDriver {
    var state = Fixture.state()
    state.safetyAnswers = SafetyAnswers([yes: true])
    return AppDriver(state)
  }

  func testNothingLeftOffersNoBeginAndEnterDoesNotStart() {
    var driver = driver("b-bleeding")
    driver.openDetail("between-blades-point-tool")
    driver.press(.enter)
    guard case .cautions = driver.state.screen else { return XCTFail("not on Before you start") }
    XCTAssertFalse(KeyTable.hints(driver.state).contains { $0.label.contains("begin") })
    driver.press(.enter, .character("y"))
    guard case .cautions = driver.state.screen else { return XCTFail("the routine started") }
  }

  func testASessionUnderBleedingPressesAtMostFourAndHasNoPointTool() {
    var driver = driver("b-bleeding")
    driver.openDetail("full-upper-back")
    driver.press(.enter, .enter)
    guard case .session(let session) = driver.state.screen else { return XCTFail("no session") }
    let steps = session.engine.steps
    XCTAssertFalse(steps.isEmpty)
    XCTAssertTrue(steps.allSatisfy { ($0.pressure?.high ?? 0) <= 4 })
    XCTAssertFalse(steps.contains { $0.tool == .pointTool || $0.kind == .roll })
    XCTAssertEqual(session.entry.routine.id, "full-upper-back", "the journal still names the routine as written")
  }

  func testACompletedCheckReplacesTheAnswers() {
    var driver = AppDriver(Fixture.state(safetyDue: true))
    driver.press(.character("s"), .enter)
    for question in SafetyQuestions.all {
      driver.press(.character(question.id == "b-pregnancy" ? "y" : "n"))
    }
    driver.press(.character("y"))
    XCTAssertEqual(driver.state.safetyAnswers, SafetyAnswers(["b-pregnancy": true]))
  }
}
