import Foundation
import XCTest

@testable import UnknotCore

/// The safety check asks about every sign of the reference's A and B lists, and the
/// journal keeps each answer with the check's date, for the export and for later use.
final class SafetyQuestionTests: JournalTestCase {
  func testEverySignHasItsQuestionInTheRightSection() {
    let expected: [(String, SafetyQuestions.Section, String)] = [
      ("a-sudden-headache", .urgent, "sudden, severe headache unlike any"),
      ("a-effort-chest", .urgent, "chest, arm or jaw pain, or breathlessness, when you exert yourself"),
      ("a-neuro", .urgent, "double vision, slurred speech, trouble swallowing"),
      ("b-spinal-condition", .seeDoctor, "disc herniation or prolapse, spinal stenosis, scoliosis, or a spinal fusion"),
      ("b-flexible-joints", .seeDoctor, "connective-tissue disorder"),
      ("b-osteoporosis", .seeDoctor, "osteoporosis"),
      ("b-bleeding", .seeDoctor, "blood thinners"),
      ("b-pregnancy", .seeDoctor, "pregnant"),
      ("b-injury-surgery", .seeDoctor, "neck surgery"),
    ]
    for (id, section, words) in expected {
      guard let question = SafetyQuestions.all.first(where: { $0.id == id }) else {
        XCTFail("no question \(id)")
        continue
      }
      XCTAssertEqual(question.section, section, id)
      XCTAssertTrue(question.text.contains(words), "\(id): \(question.text)")
      XCTAssertTrue(question.text.hasSuffix("?"), id)
    }
    XCTAssertEqual(Set(SafetyQuestions.all.map(\.id)).count, SafetyQuestions.all.count, "ids are unique")
    XCTAssertFalse(
      SafetyQuestions.all.contains { $0.id == "b-history" }, "the old id meant osteoporosis too: not reused")
    let urgent = SafetyQuestions.all.prefix { $0.section == .urgent }
    XCTAssertEqual(urgent.count, SafetyQuestions.all.filter { $0.section == .urgent }.count, "section A comes first")
  }

  func testEachAnswerIsKeptWithTheCheckAndItsDateAndExported() throws {
    let journal = try open(journalPath())
    let date = Date(timeIntervalSince1970: 1_767_000_000)
    var answers: [String: Bool] = [:]
    for (index, question) in SafetyQuestions.all.enumerated() {
      answers[question.id] = question.section == .seeDoctor && index % 2 == 0
    }
    answers["b-flexible-joints"] = true
    answers["b-spinal-condition"] = true
    try journal.record(SafetyCheck(date: date, answers: answers, outcome: .clinicianAgreed))
    let latest = try XCTUnwrap(journal.latestSafetyCheck())
    XCTAssertEqual(latest.answers, answers)
    XCTAssertEqual(latest.date, date)
    XCTAssertEqual(latest.outcome, .clinicianAgreed)

    let exported = try journal.exportDocument().safetyChecks
    XCTAssertEqual(exported.count, 1)
    XCTAssertEqual(exported.first?.answers, answers)
    XCTAssertEqual(exported.first?.checkedAt, "2025-12-29T09:20:00.000Z")
    XCTAssertEqual(exported.first?.outcome, "clinician-agreed")
  }
}
