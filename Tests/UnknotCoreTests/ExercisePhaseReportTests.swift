import Foundation
import UnknotCore
import XCTest

/// What `unknot show` says about an exercise written as phases, as text and as JSON.
final class ExercisePhaseReportTests: XCTestCase {
  private func report() throws -> RoutineDetailReport {
    let loaded = load(
      routine(
        targets: "[suboccipitals]", tools: "[]",
        steps: [
          "  - kind: exercise", "    title: Chin tucks", "    muscle: suboccipitals", "    reps: 10", "    phases:",
          "      - {phase: tuck, duration: 2s}", "      - {phase: hold, duration: 5s}",
          "      - {phase: release, duration: 2s}", "    position: sitting",
        ]))
    let routine = try XCTUnwrap(assertClean(loaded))
    return RoutineDetailReport(routine: routine, origin: .file(path: "/r/test.yaml"))
  }

  func testTheTextGivesTheRepsAndEachPhaseWithItsTime() throws {
    let text = try report().text()
    XCTAssertTrue(
      text.contains("2. Chin tucks — suboccipitals, sitting — 10 reps of tuck 2 s, hold 5 s, release 2 s\n"), text)
    XCTAssertTrue(text.contains("Total: 1 min 30 s"), text)
  }

  func testTheJSONListsThePhasesInOrderBesideTheCountAndTheRepLength() throws {
    let value = try JSONSerialization.jsonObject(with: Data(report().json().utf8))
    let steps = try XCTUnwrap((value as? [String: Any])?["steps"] as? [[String: Any]])
    let tucks = steps[1]
    XCTAssertEqual(tucks["kind"] as? String, "exercise")
    XCTAssertEqual(tucks["count"] as? Int, 10)
    XCTAssertEqual(tucks["secondsEach"] as? Int, 9)
    XCTAssertEqual(tucks["seconds"] as? Int, 90)
    let phases = try XCTUnwrap(tucks["phases"] as? [[String: Any]])
    XCTAssertEqual(phases.compactMap { $0["phase"] as? String }, ["tuck", "hold", "release"])
    XCTAssertEqual(phases.compactMap { $0["seconds"] as? Int }, [2, 5, 2])
    XCTAssertNil(steps[0]["phases"], "a rating has no phases")
  }
}
