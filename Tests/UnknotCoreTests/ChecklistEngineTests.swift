import UnknotCore
import XCTest

/// The engine asks a checklist's items one at a time: a yes moves on, a no shows the
/// item's advice until the person goes on, back changes an answer, the last ends the step.
final class ChecklistEngineTests: XCTestCase {
  private let items = EngineFixtures.deskItems
  private func deskCheck() -> EngineDriver {
    var driver = EngineDriver(EngineFixtures.routine([RoutineStep(.checklist(items: items))], id: "desk"))
    driver.send(.begin, at: .zero)
    return driver
  }

  func testYesMovesOnNoWaitsOnTheAdviceAndTheLastEndsTheSession() {
    var driver = deskCheck()
    XCTAssertEqual(driver.state.currentChecklistItem, items[0], "no pain rating comes first")
    driver.send(.answer(.yes), at: EngineTime.s(2))
    XCTAssertEqual(driver.state.currentChecklistItem, items[1])
    driver.send(.answer(.no), at: EngineTime.s(4))
    XCTAssertTrue(driver.state.showingAdvice)
    XCTAssertEqual(driver.state.currentChecklistItem, items[1], "the advice is the item's, before the next")
    XCTAssertFalse(SessionEngine.accepts(.answer(.yes), in: driver.state), "read the advice first")
    driver.send(.confirm, at: EngineTime.s(9))
    XCTAssertEqual(driver.state.currentChecklistItem, items[2])
    driver.send(.answer(.yes), at: EngineTime.s(10))
    XCTAssertEqual(driver.state.status, .ended(.finished))
    let record = SessionRecord.rebuild(from: driver.events)
    XCTAssertEqual(record.checklistAnswers.map(\.answer), [.yes, .no, .yes])
    XCTAssertEqual(record.checklistAnswers.map(\.at), [EngineTime.s(2), EngineTime.s(4), EngineTime.s(10)])
    XCTAssertEqual(record.toChange, [items[1]])
    XCTAssertEqual(record.steps.map(\.ending), [.completed])
    XCTAssertEqual(record.ratings, [])
  }

  func testANoToTheLastItemEndsTheStepOnlyAfterTheAdvice() {
    var driver = deskCheck()
    driver.send(.answer(.yes), at: .zero)
    driver.send(.answer(.yes), at: .zero)
    driver.send(.answer(.no), at: .zero)
    XCTAssertEqual(driver.state.status, .running)
    XCTAssertTrue(driver.state.showingAdvice)
    driver.send(.confirm, at: EngineTime.s(1))
    XCTAssertEqual(driver.state.status, .ended(.finished))
  }

  func testBackReasksTheItemAndTheLaterAnswerCounts() {
    var driver = deskCheck()
    driver.send(.answer(.no), at: .zero)
    driver.send(.back, at: .zero)
    XCTAssertFalse(driver.state.showingAdvice)
    XCTAssertEqual(driver.state.currentChecklistItem, items[0])
    driver.send(.answer(.yes), at: .zero)
    driver.send(.back, at: .zero)
    XCTAssertEqual(driver.state.currentChecklistItem, items[0], "back from the second item asks the first again")
    driver.send(.answer(.no), at: .zero)
    let record = SessionRecord.rebuild(from: driver.events)
    XCTAssertEqual(record.checklistAnswers.map(\.answer), [.no, .yes, .no], "every answer kept")
    XCTAssertEqual(record.toChange, [items[0]])
  }

  func testAnAnswerOutsideAChecklistIsRefused() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
    let before = driver.state
    driver.send(.answer(.yes), at: .zero)
    XCTAssertEqual(driver.state, before)
    XCTAssertTrue(driver.events.last?.engineIsRejection ?? false)
  }

  func testNextSkipsTheRestOfTheChecklistAndKeepsTheAnswersGiven() {
    var driver = EngineFixtures.driver(EngineFixtures.restsAroundChecklist, atStep: 2)
    driver.send(.answer(.no), at: .zero)
    driver.send(.next, at: .zero)
    XCTAssertEqual(driver.state.currentStep.kind, .rest)
    let record = SessionRecord.rebuild(from: driver.events)
    XCTAssertEqual(record.checklistAnswers.count, 1)
    XCTAssertEqual(record.steps.first { $0.kind == .checklist }?.ending, .skipped)
  }
}
