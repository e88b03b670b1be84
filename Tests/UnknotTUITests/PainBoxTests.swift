import UnknotCore
import XCTest

@testable import UnknotTUI

/// The pain box as a person meets it on the full screen: chosen by number, by the
/// highlight, and never lost under another box.
final class PainBoxTests: XCTestCase {
  /// Between the shoulder blades with the ball, 3 before and 6 at the first rating between.
  func risen() -> AppDriver { Scenario.painRose() }

  func testTheBoxOpensWithTheFirstChoiceHighlightedAndEnterTakesIt() throws {
    var driver = risen()
    let session = try XCTUnwrap(driver.session)
    XCTAssertEqual(session.overlay, .painChoice)
    XCTAssertEqual(session.painOptions.first, .lighter)
    let index = session.engine.stepIndex
    driver.press(.enter)
    XCTAssertNil(driver.session?.overlay)
    XCTAssertEqual(driver.engine?.stepIndex, index + 1)
    XCTAssertEqual(driver.session?.record.painChoices.map(\.choice), [.lighter])
  }

  func testDownThenEnterTakesTheSecondLineAsItsNumberWould() throws {
    var byArrow = risen()
    var byNumber = risen()
    byArrow.press(.down)
    byArrow.press(.enter)
    byNumber.press(.character("2"))
    let second = try XCTUnwrap(risen().session?.painOptions[1])
    for driver in [byArrow, byNumber] {
      XCTAssertEqual(SessionRecord.rebuild(from: driver.journal.events).painChoices.map(\.choice), [second])
    }
  }

  func testANumberWithNoLineSaysWhichNumbersThereAre() {
    var driver = risen()
    driver.press(.character("9"))
    XCTAssertEqual(driver.session?.overlay, .painChoice)
    XCTAssertEqual(driver.state.status, "Choose a line from 1 to \(driver.session?.painOptions.count ?? 0).")
  }

  func testAJournalFailureOverTheBoxGivesTheQuestionBackAfterItIsAnswered() {
    var driver = risen()
    driver.send(.journalFailed("the disk is full"))
    XCTAssertEqual(driver.session?.overlay, .journalFailed("the disk is full"))
    driver.press(.character("y"))
    XCTAssertEqual(driver.session?.overlay, .painChoice, "the session cannot go on until pain is answered")
    driver.press(.enter)
    XCTAssertNil(driver.session?.overlay)
  }

  func testAFallOfTwoIsSaidKindlyOnceASession() {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    driver.rate(6)
    var eased: [String] = []
    while let engine = driver.engine, !engine.hasEnded {
      if case .rating(.between) = engine.currentStep.plan {
        driver.rate(3)
        if let status = driver.state.status { eased.append(status) }
      } else if case .rating = engine.currentStep.plan {
        driver.rate(3)
      } else {
        driver.press(.character("n"))
      }
    }
    XCTAssertEqual(eased, ["Your pain has eased from 6 to 3. Good: keep the pressure where it is."])
  }

  func testXAndQOpenTheirBoxesOverThePainBoxAndGoingBackGivesItBack() {
    var driver = risen()
    driver.press(.character("x"))
    XCTAssertEqual(driver.session?.overlay, .stopReasons)
    driver.press(.escape)
    XCTAssertEqual(driver.session?.overlay, .painChoice)
    driver.press(.character("q"))
    XCTAssertEqual(driver.session?.overlay, .confirmQuit)
    driver.press(.character("n"))
    XCTAssertEqual(driver.session?.overlay, .painChoice)
    driver.press(.character("q"))
    driver.press(.character("y"))
    XCTAssertEqual(SessionRecord.rebuild(from: driver.journal.events).outcome, .quit)
  }

  func testLighterIsOfferedOnceASession() {
    var driver = risen()
    driver.press(.character("1"))
    while let engine = driver.engine, !engine.hasEnded, engine.painCheck == nil {
      if case .rating(.between) = engine.currentStep.plan {
        driver.rate(7)
      } else if case .rating = engine.currentStep.plan {
        driver.rate(2)
      } else {
        driver.press(.character("n"))
      }
    }
    XCTAssertEqual(driver.engine?.painCheck?.to, 7, "the pain rose again")
    XCTAssertFalse(driver.session?.painOptions.contains(.lighter) ?? true, "already lighter: 2 points below as written")
  }
}
