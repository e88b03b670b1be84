import Foundation
import XCTest

@testable import UnknotCore

/// The JSON that `list --format json` and `show --format json` print, as another
/// program would read it, and the list's filters.
final class ReportJSONTests: XCTestCase {
  private let ballBetween = simpleRoutine(id: "ball-between", title: "Ball between the blades")
  private let neckStretch = yaml([
    "format: 1",
    "id: neck-stretch",
    "title: Neck stretch",
    "summary: A stretch for the top of the shoulder.",
    "targets: [upper-trapezius]",
    "tools: []",
    "sources: [A test source]",
    "steps:",
    "  - kind: stretch",
    "    muscle: upper-trapezius",
    "    side: both",
  ])
  private let roller = yaml([
    "format: 1",
    "id: roller",
    "title: Mid back roller",
    "summary: Rolling the mid back.",
    "targets: [erector-spinae]",
    "tools: [foam-roller]",
    "sources: [A test source]",
    "steps:",
    "  - kind: roll",
    "    muscle: erector-spinae",
    "    tool: foam-roller",
    "    duration: 90s",
  ])

  private var library: RoutineLibrary {
    RoutineLibrary.load(
      RoutineSearchPath(userFolder: nil),
      builtInFiles: [
        builtIn("ball-between.yaml", ballBetween), builtIn("neck-stretch.yaml", neckStretch),
        builtIn("roller.yaml", roller),
      ])
  }

  // MARK: - list

  func testTheListJSONHasOneObjectPerRoutineWithItsFields() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "mine", title: "My routine"), to: user + "/mine.yaml")
    let library = RoutineLibrary.load(
      RoutineSearchPath(userFolder: user), builtInFiles: [builtIn("roller.yaml", roller)])

    let rows = try decodeArray(RoutineListReport(library: library).json())
    XCTAssertEqual(rows.count, 2)
    let mine = try XCTUnwrap(rows.first { $0["id"] as? String == "mine" })
    XCTAssertEqual(mine["title"] as? String, "My routine")
    XCTAssertEqual(mine["groups"] as? [String], ["between-blades"])
    XCTAssertEqual(mine["muscles"] as? [String], ["rhomboids"])
    XCTAssertEqual(mine["tools"] as? [String], ["massage-ball"])
    XCTAssertEqual(mine["totalSeconds"] as? Int, 60, "one default hold of 60 s")
    XCTAssertEqual(mine["origin"] as? String, user + "/mine.yaml")

    let builtInRow = try XCTUnwrap(rows.first { $0["id"] as? String == "roller" })
    XCTAssertEqual(builtInRow["origin"] as? String, "built-in")
    XCTAssertEqual(builtInRow["groups"] as? [String], ["mid-back"])
    XCTAssertEqual(builtInRow["muscles"] as? [String], ["erector-spinae"])
    XCTAssertEqual(builtInRow["tools"] as? [String], ["foam-roller"])
    XCTAssertEqual(builtInRow["totalSeconds"] as? Int, 90)
    for row in rows {
      for key in ["id", "title", "groups", "muscles", "tools", "totalSeconds", "origin"] {
        XCTAssertNotNil(row[key], "every row has '\(key)'")
      }
    }
  }

  func testTheListJSONIsSortedById() throws {
    let rows = try decodeArray(RoutineListReport(library: library).json())
    XCTAssertEqual(rows.compactMap { $0["id"] as? String }, ["ball-between", "neck-stretch", "roller"])
  }

  func testAnEmptyListIsAnEmptyJSONArray() throws {
    let report = RoutineListReport(library: library, filter: .init(muscle: .intercostals))
    XCTAssertEqual(try decodeArray(report.json()).count, 0)
    XCTAssertTrue(report.table().hasPrefix("No routines match."))
  }

  func testTheListFiltersByGroup() {
    XCTAssertEqual(ids(.init(group: .betweenBlades)), ["ball-between"])
    XCTAssertEqual(ids(.init(group: .neck)), ["neck-stretch"])
    XCTAssertEqual(ids(.init(group: .shoulders)), ["neck-stretch"], "the upper trapezius is in two groups")
    XCTAssertEqual(ids(.init(group: .midBack)), ["roller"])
    XCTAssertEqual(ids(.init(group: .chest)), [])
  }

  func testTheListFiltersByMuscle() {
    XCTAssertEqual(ids(.init(muscle: .rhomboids)), ["ball-between"])
    XCTAssertEqual(ids(.init(muscle: .erectorSpinae)), ["roller"])
    XCTAssertEqual(ids(.init(muscle: .infraspinatus)), [])
  }

  func testTheListFiltersByTool() {
    XCTAssertEqual(ids(.init(tool: .foamRoller)), ["roller"])
    XCTAssertEqual(ids(.init(tool: .massageBall)), ["ball-between"])
    XCTAssertEqual(ids(.init(tool: Tool.none)), ["neck-stretch"], "'none' finds the routines that need no tool")
  }

  func testListFiltersCombine() {
    XCTAssertEqual(ids(.init(group: .midBack, tool: .foamRoller)), ["roller"])
    XCTAssertEqual(ids(.init(group: .midBack, tool: .massageBall)), [])
  }

  // MARK: - show

  func testTheDetailJSONListsEveryExpandedStep() throws {
    let loaded = load(
      routine(
        steps: [
          "  - kind: block",
          "    side: both",
          "    position: at-a-wall",
          "    steps:",
          "      - kind: place",
          "        muscle: rhomboids",
          "        tool: massage-ball",
          "        placement: Beside the spine.",
          "      - kind: hold",
          "        muscle: rhomboids",
          "        tool: massage-ball",
        ]))
    let routine = try XCTUnwrap(assertClean(loaded))
    let json = try decodeObject(RoutineDetailReport(routine: routine, origin: .builtIn(fileName: "test.yaml")).json())

    XCTAssertEqual(json["id"] as? String, "test")
    XCTAssertEqual(json["title"] as? String, "Test routine")
    XCTAssertEqual(json["origin"] as? String, "built-in")
    XCTAssertEqual(json["totalSeconds"] as? Int, 60 + 10 + 60, "a hold a side and the switch between")
    let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
    XCTAssertEqual(
      steps.compactMap { $0["kind"] as? String }, ["rate", "place", "hold", "switch-sides", "place", "hold", "rate"])
    XCTAssertEqual(steps.compactMap { $0["number"] as? Int }, Array(1...7))

    let leftHold = steps[2]
    XCTAssertEqual(leftHold["muscle"] as? String, "rhomboids")
    XCTAssertEqual(leftHold["tool"] as? String, "massage-ball")
    XCTAssertEqual(leftHold["side"] as? String, "left")
    XCTAssertEqual(leftHold["seconds"] as? Int, 60)
    XCTAssertEqual(leftHold["pressure"] as? String, "5-7")
    XCTAssertEqual(leftHold["position"] as? String, "at-a-wall", "the block's position is its steps'")

    let switchSides = steps[3]
    XCTAssertEqual(switchSides["side"] as? String, "right")
    XCTAssertEqual(switchSides["seconds"] as? Int, 10)
    XCTAssertEqual(steps[5]["side"] as? String, "right")

    XCTAssertEqual(steps[0]["rating"] as? String, "before")
    XCTAssertEqual(steps[6]["rating"] as? String, "after")
    XCTAssertEqual(steps[0]["tool"] as? String, "none")
    XCTAssertTrue(isMissing(steps[0]["muscle"]), "a session rating names no muscle")
    XCTAssertTrue(isMissing(steps[0]["side"]))
    XCTAssertNil(steps[0]["position"], "a rating is done however the person is comfortable")

    let untimedPlace = steps[1]
    XCTAssertTrue(isMissing(untimedPlace["seconds"]), "an untimed placement has no planned seconds")
    XCTAssertEqual(untimedPlace["placement"] as? String, "Beside the spine.")
  }

  func testTheDetailJSONCountsRepetitionsAndSets() throws {
    let loaded = load(
      routine(
        tools: "[]",
        steps: positioned([
          "  - kind: stretch", "    muscle: rhomboids", "    reps: 3", "    sets: 2", "    rest-between: 15s",
        ])))
    let routine = try XCTUnwrap(assertClean(loaded))
    let json = try decodeObject(RoutineDetailReport(routine: routine, origin: .file(path: "/r/test.yaml")).json())
    XCTAssertEqual(json["origin"] as? String, "/r/test.yaml")
    XCTAssertEqual(json["totalSeconds"] as? Int, 2 * 3 * 30 + 15)
    let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
    XCTAssertEqual(steps.compactMap { $0["kind"] as? String }, ["rate", "stretch", "rest", "stretch", "rate"])
    XCTAssertEqual(steps[1]["count"] as? Int, 3)
    XCTAssertEqual(steps[1]["secondsEach"] as? Int, 30)
    XCTAssertEqual(steps[1]["seconds"] as? Int, 90)
    XCTAssertEqual(steps[1]["set"] as? Int, 1)
    XCTAssertEqual(steps[3]["set"] as? Int, 2)
    XCTAssertEqual(steps[3]["setCount"] as? Int, 2)
  }

  func testTheDetailJSONGivesEachCautionItsOrigin() throws {
    let lines =
      header()
      + ["  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    position: lying-on-back"]
    let loaded = load(yaml(lines.prefix(7) + ["cautions: [Keep the ball off the spine.]"] + lines.suffix(from: 7)))
    let routine = try XCTUnwrap(assertClean(loaded))
    let report = RoutineDetailReport(routine: routine, origin: .builtIn(fileName: "test.yaml"))
    let json = try decodeObject(report.json())
    let cautions = try XCTUnwrap(json["cautions"] as? [[String: Any]])
    XCTAssertEqual(cautions.compactMap { $0["origin"] as? String }, ["rule", "rule", "routine"])
    XCTAssertEqual(cautions.compactMap { $0["rule"] as? String }, ["blood-thinners", "pregnancy"])
    XCTAssertEqual(cautions[1]["about"] as? String, "a step lying on the back")
    XCTAssertEqual(
      cautions[1]["text"] as? String,
      "If you are pregnant, ask a clinician first. After about 20 weeks, lie on your side instead.")
    XCTAssertNotNil(cautions[0]["source"] as? String, "a rule's caution names its source")
    XCTAssertEqual(cautions[2]["text"] as? String, "Keep the ball off the spine.")
    XCTAssertTrue(isMissing(cautions[2]["rule"]), "the routine's own caution names no rule")
    let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
    XCTAssertEqual(steps[1]["position"] as? String, "lying-on-back")

    let text = report.text()
    XCTAssertTrue(text.contains("(added by rule, for pressure from a tool)"), text)
    XCTAssertTrue(text.contains("! Keep the ball off the spine."), text)
    XCTAssertTrue(text.contains("Pressure hold — rhomboids, massage-ball, lying on your back — 1 min"), text)
    let pregnancy = try XCTUnwrap(text.range(of: "If you are pregnant"))
    let own = try XCTUnwrap(text.range(of: "Keep the ball off the spine."))
    XCTAssertLessThan(pregnancy.lowerBound, own.lowerBound, "rule-made cautions come first")
  }

  func testTheDetailJSONCarriesTheClinicianSettings() throws {
    let loaded = load(
      routine(
        targets: "[cervical-spine]", tools: "[traction-device]",
        steps: ["  - kind: traction", "    clinician-settings: [duration, tension]", "    position: lying-on-back"]))
    let routine = try XCTUnwrap(assertClean(loaded))
    let json = try decodeObject(RoutineDetailReport(routine: routine, origin: .builtIn(fileName: "t.yaml")).json())
    XCTAssertEqual(json["requiresClinician"] as? Bool, true)
    let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
    XCTAssertEqual(steps[1]["kind"] as? String, "traction")
    XCTAssertEqual(steps[1]["clinicianSettings"] as? [String], ["duration", "tension"])
    XCTAssertTrue(isMissing(steps[1]["seconds"]), "the clinician's time is not known in advance")
    let text = RoutineDetailReport(routine: routine, origin: .builtIn(fileName: "t.yaml")).text()
    XCTAssertTrue(text.contains("Only with your clinician's agreement and settings."), text)
    XCTAssertTrue(text.contains("plus the steps that take as long as you need"), text)
    XCTAssertTrue(text.contains("Traction — cervical-spine, traction-device, lying on your back — "), text)
  }

  // MARK: - Helpers

  private func ids(_ filter: RoutineListReport.Filter) -> [String] {
    RoutineListReport(library: library, filter: filter).rows.map(\.id)
  }

  private func decodeArray(_ json: String) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try XCTUnwrap(value as? [[String: Any]], "not an array of objects: \(json)")
  }

  private func decodeObject(_ json: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try XCTUnwrap(value as? [String: Any], "not an object: \(json)")
  }

  /// Absent or JSON null: either way, no value.
  private func isMissing(_ value: Any?) -> Bool {
    value == nil || value is NSNull
  }
}
