import Foundation
import XCTest

@testable import UnknotCore

/// What `unknot show ID --as-me` prints for the answers kept with the last safety check.
final class AdaptationReportTests: XCTestCase {
  private static let library = RoutineLibrary.load(RoutineSearchPath(userFolder: nil))
  private let now = Date(timeIntervalSince1970: 1_800_000_000)

  private func report(_ id: String, check: SafetyCheck?) throws -> AdaptationReport {
    let entry = try XCTUnwrap(Self.library.entries.first { $0.routine?.id == id })
    return AdaptationReport(routine: try XCTUnwrap(entry.routine), origin: entry.origin, check: check, now: now)
  }

  private func check(_ yes: String..., daysAgo: Double = 1, outcome: SafetyCheck.Outcome = .clinicianAgreed)
    -> SafetyCheck
  {
    SafetyCheck(
      date: now.addingTimeInterval(-daysAgo * 86_400),
      answers: Dictionary(uniqueKeysWithValues: yes.map { ($0, true) }),
      outcome: outcome)
  }

  func testBleedingOnThePointToolRoutineSaysWhyNothingIsLeft() throws {
    let report = try report("between-blades-point-tool", check: check("b-bleeding"))
    // Lines joined again, as a person reads them.
    let text = report.text().replacingOccurrences(of: "\n    ", with: " ")
    XCTAssertTrue(report.nothingLeft)
    XCTAssertTrue(text.contains("Changed for you:"), text)
    XCTAssertTrue(text.contains("Both sides: Pressure hold on the rhomboids with the point tool on a base is"), text)
    XCTAssertTrue(text.contains("Why: You take blood thinners or have a bleeding disorder: no point tool"), text)
    XCTAssertTrue(text.hasSuffix(AdaptationReport.nothingLeftText + "\n"), text)
    XCTAssertFalse(text.contains("5–7"), "no step with its written pressure is listed")
  }

  func testBleedingOnTheFullSessionListsTheCappedPressure() throws {
    let text = try report("full-upper-back", check: check("b-bleeding")).text()
      .replacingOccurrences(of: "\n    ", with: " ")
    XCTAssertFalse(text.contains("Pressure: about 5–7"), text)
    XCTAssertTrue(text.contains("presses at 4 of 10, not 5–7"), text)
  }

  func testNoAnswerThatShapesASessionSaysNothingChanges() throws {
    let text = try report("between-blades-ball", check: check("b-night-pain")).text()
    XCTAssertTrue(text.hasSuffix("\n" + AdaptationReport.nothingChangesText + "\n"), text)
  }

  func testWithoutACheckTheRoutineIsAsWrittenAndSaysSo() throws {
    let report = try report("between-blades-point-tool", check: nil)
    XCTAssertFalse(report.nothingLeft)
    XCTAssertTrue(report.text().hasPrefix("No safety check is on record"))
    XCTAssertTrue(report.text().contains("point-tool"))
    let due = try self.report("between-blades-point-tool", check: check("b-bleeding", daysAgo: 40))
    XCTAssertFalse(due.nothingLeft)
    XCTAssertTrue(due.text().hasPrefix("Your last safety check is due again"))
  }

  func testACheckThatAdvisedAClinicianFirstIsNotCalledDueAgain() throws {
    let stopped = try report("between-blades-point-tool", check: check("b-bleeding", outcome: .seeDoctor))
    XCTAssertEqual(stopped.basis, .checkStopped)
    XCTAssertTrue(stopped.text().hasPrefix("Your last safety check advised seeing a clinician first"), stopped.text())
    XCTAssertFalse(stopped.text().contains("due again"))
  }

  func testJSONCarriesTheChangesAndTheRoutine() throws {
    let json = try report("thoracic-extension-roller", check: check("b-pregnancy")).json()
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    XCTAssertEqual(object["basis"] as? String, "answers")
    XCTAssertEqual(object["nothingLeft"] as? Bool, false)
    let changes = try XCTUnwrap(object["changes"] as? [[String: Any]])
    XCTAssertTrue(changes.allSatisfy { $0["rule"] as? String == "pregnancy" })
    let routine = try XCTUnwrap(object["routine"] as? [String: Any])
    let steps = try XCTUnwrap(routine["steps"] as? [[String: Any]])
    XCTAssertFalse(steps.contains { $0["position"] as? String == "lying-on-back" })
  }
}
