import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// The desk check in plain mode: each question as a line ending "(y/n)", the advice
/// printed after a no, "n" meaning no (never next), and the summary's what to change.
final class ChecklistPlainTests: XCTestCase {
  static let desk = Fixture.entry("desk-setup-check")

  func testEachQuestionIsAskedWithYNAndANoPrintsItsAdvice() {
    let run = PlainSessionTests.run(
      Self.desk, script: ["y", "n", "", "y", "y", "yes", "y", "no", "", "y"].map { .line($0) })
    XCTAssertEqual(run.status, 0, run.transcript)
    XCTAssertTrue(
      run.lines.contains("1 of 8. Is the top of your screen at or a little below eye level? (y/n)"), run.transcript)
    XCTAssertTrue(
      run.lines.contains { $0.hasPrefix("  What to change: Move the screen, or your chair") }, run.transcript)
    // No pain rating and no danger signs: the checklist works no muscle.
    XCTAssertFalse(run.transcript.contains("0 = no pain"), run.transcript)
    XCTAssertFalse(run.transcript.contains("Type x and Enter to stop"), run.transcript)
    XCTAssertTrue(run.lines.contains("Desk setup check — 8 questions."), run.transcript)
    XCTAssertTrue(run.lines.contains("What to change (2 of 8):"), run.transcript)
    XCTAssertTrue(
      run.lines.contains { $0.hasPrefix("- Sit back in the chair, and adjust the backrest") }, run.transcript)
    let record = SessionRecord.rebuild(from: run.journal.events)
    XCTAssertEqual(record.outcome, .finished)
    XCTAssertEqual(record.ratings, [], "a checklist alone asks no pain rating")
    XCTAssertEqual(record.checklistAnswers.map(\.answer), [.yes, .no, .yes, .yes, .yes, .yes, .no, .yes])
    XCTAssertEqual(record.toChange.map(\.id), ["screen-distance", "back-supported"])
  }

  /// b after a no goes back to the question; the changed answer is the one that counts,
  /// and both are kept.
  func testBackAfterANoAsksAgainAndTheLaterAnswerCounts() {
    let run = PlainSessionTests.run(
      Self.desk, script: ["n", "b", "y", "y", "y", "y", "y", "y", "y", "y"].map { .line($0) })
    let record = SessionRecord.rebuild(from: run.journal.events)
    XCTAssertEqual(record.checklistAnswers.map(\.answer).prefix(2), [.no, .yes])
    XCTAssertEqual(record.checklistAnswers.count, 9, "every answer is kept")
    XCTAssertEqual(record.toChange, [])
    XCTAssertTrue(run.lines.contains("All 8 answers were yes: nothing to change."), run.transcript)
    XCTAssertEqual(
      run.lines.filter { $0.hasPrefix("1 of 8.") }.count, 2, "the first question is asked again\n\(run.transcript)")
  }

  /// Input that ends midway quits, kept as quit with the answers given so far.
  func testTheEndOfInputQuitsAndKeepsTheAnswersGiven() {
    let run = PlainSessionTests.run(Self.desk, script: ["y", "n"].map { .line($0) })
    let record = SessionRecord.rebuild(from: run.journal.events)
    XCTAssertEqual(record.outcome, .quit, run.transcript)
    XCTAssertEqual(record.checklistAnswers.map(\.item.id), ["screen-height", "screen-distance"])
  }

  /// A line that is no answer says what to type, and asks the same question again.
  func testALineThatIsNoAnswerSaysWhatToType() {
    let run = PlainSessionTests.run(Self.desk, script: ["maybe"].map { .line($0) })
    XCTAssertTrue(run.lines.contains("  Please type y for yes or n for no."), run.transcript)
  }
}
