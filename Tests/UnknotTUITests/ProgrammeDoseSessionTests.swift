import UnknotCore
import XCTest

@testable import UnknotTUI

/// A session of a progressing programme routine runs the level's reps and sets, and
/// "Before you start" says so; other routines run as written.
final class ProgrammeDoseSessionTests: XCTestCase {
  private func driver() -> AppDriver {
    var state = Fixture.state()
    state.programmeDoses = ["chin-tucks": ProgrammeDose(level: 3, reps: 12, sets: 2)]
    return AppDriver(state)
  }

  private func chinTuckSteps(_ driver: AppDriver) -> [SessionStep] {
    guard case .session(let session) = driver.state.screen else { return [] }
    return session.engine.steps.filter {
      if case .phasedRepetitions = $0.plan { return $0.title == "Chin tucks" }
      return false
    }
  }

  func testTheLevelsDoseRunsAndBeforeYouStartSaysWhy() {
    var driver = driver()
    driver.openDetail("chin-tucks")
    XCTAssertTrue(
      driver.state.beforeYouStart(driver.state.entry(id: "chin-tucks")!).contains {
        $0.text == "- Level 3 of your programme: 12 reps, 2 sets in each exercise."
      })
    driver.press(.enter, .enter)
    let steps = chinTuckSteps(driver)
    XCTAssertEqual(steps.count, 2, "two sets")
    for step in steps {
      guard case .phasedRepetitions(_, let count) = step.plan else { return XCTFail("not counted reps") }
      XCTAssertEqual(count, 12)
    }
  }

  func testARoutineOutsideTheProgrammeRunsAsWritten() {
    var driver = driver()
    driver.openDetail("desk-posture-break")
    XCTAssertFalse(
      driver.state.beforeYouStart(driver.state.entry(id: "desk-posture-break")!).contains {
        $0.text.contains("of your programme")
      })
    let asWritten = RoutineAdaptation.adapt(
      driver.state.entry(id: "desk-posture-break")!.routine, answers: .none, pain: .asWritten)
    XCTAssertEqual(driver.state.adapted(driver.state.entry(id: "desk-posture-break")!), asWritten)
  }
}
