import UnknotCore
import XCTest

/// The checklist step kind in a routine file: what loads, and every mistake named at
/// its line and column. The header is lines 1–8 and the step starts on line 9.
final class ChecklistParsingTests: XCTestCase {
  /// A checklist-only routine: no targets, no tools.
  private func checklist(_ items: [String], extra: [String] = []) -> LoadedRoutine {
    load(routine(targets: "[]", tools: "[]", steps: ["  - kind: checklist"] + extra + ["    items:"] + items))
  }

  private let screen = [
    "      - id: screen-height",  // 11
    "        question: Is the top of your screen at eye level?",  // 12
    "        advice: Raise the screen until the top line is at your eyes.",  // 13
  ]

  func testAChecklistLoadsWithItsItemsInOrderAndNoTargets() throws {
    let loaded = checklist(
      screen + [
        "      - id: feet-flat", "        question: Are your feet flat?", "        advice: Use a footrest.",
        "        fixed: Your feet now rest flat.",
      ])
    let routine = try XCTUnwrap(assertClean(loaded))
    guard case .checklist(let items) = routine.steps.first?.action else { return XCTFail(loaded.listing) }
    XCTAssertEqual(items.map(\.id), ["screen-height", "feet-flat"])
    XCTAssertEqual(items[1].fixed, "Your feet now rest flat.")
    XCTAssertNil(items[0].fixed)
    XCTAssertTrue(routine.isChecklistOnly)
    XCTAssertEqual(routine.targets, [])
    XCTAssertEqual(routine.questionsText, "2 questions")
    // No pain rating brackets a routine of questions alone.
    XCTAssertEqual(Timeline(routine: routine).steps.map(\.kind), [.checklist])
  }

  func testAnItemWithoutAdviceIsRefusedAtTheItem() {
    let loaded = checklist(["      - id: screen-height", "        question: Is the screen at eye level?"])
    assertDiagnostic(loaded, .error, at: (11, 9), "this checklist item has no 'advice'; add it")
  }

  func testADuplicateIdIsRefusedAtTheSecondOne() {
    let loaded = checklist(screen + screen)
    assertDiagnostic(
      loaded, .error, at: (14, 13), "the item id 'screen-height' is used twice in this checklist (first at line 11)")
  }

  func testAnIdThatIsNotKebabCaseIsRefused() {
    let loaded = checklist(["      - id: Screen_Height"] + screen.dropFirst())
    assertDiagnostic(loaded, .error, at: (11, 13), "'Screen_Height' is not a valid item id")
  }

  func testAnUnknownItemKeySuggestsTheNearestOne() {
    let loaded = checklist(screen + ["        advise: Typo."])
    assertDiagnostic(loaded, .error, at: (14, 9), "unknown key 'advise'")
  }

  func testAKeyOtherStepsTakeIsRefusedWithTheReason() {
    let loaded = checklist(screen, extra: ["    muscle: rhomboids"])
    assertDiagnostic(loaded, .error, at: (10, 5), "'muscle' does not apply to a checklist step")
  }

  func testAnEmptyListAndAMissingListAreRefused() {
    assertDiagnostic(
      load(routine(targets: "[]", tools: "[]", steps: ["  - kind: checklist", "    items: []"])), .error,
      at: (10, 12), "'items' is empty")
    assertDiagnostic(
      load(routine(targets: "[]", tools: "[]", steps: ["  - kind: checklist", "    title: Desk"])), .error,
      at: (9, 5), "a checklist step needs 'items'")
  }

  func testMoreThanTwentyItemsAreRefused() {
    let items = (1...21).flatMap { number in
      ["      - id: item-\(number)", "        question: Question \(number)?", "        advice: Advice \(number)."]
    }
    assertDiagnostic(checklist(items), .error, at: (11, 7), "a checklist has 21 items; at most 20 are asked")
  }

  func testAnEscapeSequenceInAQuestionIsRefused() {
    let loaded = checklist([
      "      - id: screen-height", "        question: \"Is it \\e[31mred?\"", "        advice: Fine.",
    ])
    XCTAssertFalse(loaded.errors.isEmpty, loaded.listing)
    XCTAssertEqual(loaded.errors.first?.line, 12, loaded.listing)
    XCTAssertNil(loaded.routine)
  }

  /// Empty targets are allowed only where nothing works a muscle.
  func testEmptyTargetsBesideAHoldAreStillAnError() {
    let loaded = load(
      routine(
        targets: "[]", tools: "[massage-ball]",
        steps: ["  - kind: checklist", "    items:"] + screen + [
          "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball",
        ]))
    XCTAssertTrue(loaded.errors.contains { $0.message.hasPrefix("'targets' is empty") }, loaded.listing)
  }
}
