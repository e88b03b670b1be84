import Foundation
import XCTest

@testable import UnknotCore

/// The routine `unknot new` writes: for every muscle and every tool that reaches it,
/// a file `unknot check --strict` passes with nothing to say, made from the tables.
final class StarterRoutineTests: XCTestCase {
  private func load(_ muscle: Muscle, _ tool: Tool) -> (text: String, loaded: LoadedRoutine) {
    let id = StarterRoutine.suggestedID(muscle: muscle, tool: tool)
    let text = StarterRoutine.text(muscle: muscle, tool: tool, id: id)
    let path = "/home/someone/.config/unknot/routines/\(id).yaml"
    return (text, RoutineLoader.load(bytes: Array(text.utf8), path: path, fileStem: id))
  }

  func testEveryMuscleAndEveryToolThatReachesItPassesCheckStrict() throws {
    XCTAssertGreaterThan(StarterRoutine.pairs.count, 40)
    for (muscle, tool) in StarterRoutine.pairs {
      let (text, loaded) = load(muscle, tool)
      let diagnostics = loaded.diagnostics.map(\.description).joined(separator: "\n")
      XCTAssertEqual(loaded.diagnostics, [], "\(muscle.id) × \(tool.id):\n\(diagnostics)\n\(text)")
      let routine = try XCTUnwrap(loaded.routine, "\(muscle.id) × \(tool.id) did not load")
      XCTAssertEqual(routine.id, StarterRoutine.suggestedID(muscle: muscle, tool: tool))
      XCTAssertEqual(routine.targets, [muscle])
      XCTAssertEqual(routine.tools, tool == .none ? [] : [tool])
      XCTAssertFalse(routine.sources.isEmpty)
      // The same check `unknot check --strict FILE` runs, duplicate ids and all.
      let library = RoutineLibrary(entries: [
        RoutineLibrary.Entry(origin: .file(path: "\(routine.id).yaml"), loaded: loaded, layer: 1)
      ])
      XCTAssertEqual(CheckReport(library: library).exitCode(strict: true), 0)
    }
  }

  func testEveryMuscleIsReachedByAtLeastOneTool() {
    for muscle in Muscle.allCases {
      XCTAssertTrue(Tool.allCases.contains { StarterRoutine.reaches($0, muscle) }, muscle.id)
    }
  }

  func testWhatIsReachedFollowsTheCatalogue() {
    let table: [(Tool, Muscle, Bool)] = [
      (.massageBall, .rhomboids, true),
      (.massageBall, .erectorSpinae, false),
      (.thoracicStretcher, .erectorSpinae, true),
      // Pressure, strokes and rolling are refused on the neck's vertebrae: traction only.
      (.none, .cervicalSpine, false),
      (.heatPack, .cervicalSpine, false),
      (.tractionDevice, .cervicalSpine, true),
      // The pectoralis minor is stretched in a doorway only.
      (.massageBall, .pectoralisMinor, false),
      (.heatPack, .pectoralisMinor, false),
      (.none, .pectoralisMinor, true),
      (.resistanceBand, .infraspinatus, true),
      (.resistanceBand, .upperTrapezius, false),
      (.heatPack, .upperTrapezius, true),
    ]
    for (tool, muscle, expected) in table {
      XCTAssertEqual(StarterRoutine.reaches(tool, muscle), expected, "\(tool.id) on \(muscle.id)")
    }
  }

  func testEveryMuscleABandSuitsHasAnExercise() {
    for muscle in Tool.resistanceBand.suitedMuscles ?? [] {
      XCTAssertNotNil(StarterExercise.forMuscle[muscle], muscle.id)
    }
  }

  func testWhatIsLeftOutIsFilledIn() throws {
    let table: [(Muscle?, Tool?, Muscle, Tool)] = [
      (nil, nil, .rhomboids, .massageBall),
      (.suboccipitals, nil, .suboccipitals, .cradleTool),
      (.cervicalSpine, nil, .cervicalSpine, .tractionDevice),
      (.pectoralisMinor, nil, .pectoralisMinor, .none),
      (.latissimusDorsi, nil, .latissimusDorsi, .pointTool),
      (nil, .foamRoller, .erectorSpinae, .foamRoller),
      (nil, .tractionDevice, .cervicalSpine, .tractionDevice),
      (nil, Tool.none, .upperTrapezius, .none),
    ]
    for (muscle, tool, expectedMuscle, expectedTool) in table {
      let chosen = try StarterRoutine.choose(muscle: muscle, tool: tool).get()
      XCTAssertEqual(chosen.muscle, expectedMuscle)
      XCTAssertEqual(chosen.tool, expectedTool)
    }
  }

  func testAToolThatDoesNotSuitIsRefusedNamingTheToolsThatDo() {
    guard case .failure(let refusal) = StarterRoutine.choose(muscle: .erectorSpinae, tool: .massageBall) else {
      return XCTFail("a massage ball on the erector spinae was accepted")
    }
    XCTAssertEqual(
      refusal.description,
      "unknot has no starter for the erector-spinae with the massage-ball: the tool does not suit it."
        + " For the erector-spinae, use --tool thoracic-stretcher, foam-roller, heat-pack, none")
    guard case .failure(let minor) = StarterRoutine.choose(muscle: .pectoralisMinor, tool: .massageBall) else {
      return XCTFail("a tool on the pectoralis minor was accepted")
    }
    XCTAssertTrue(minor.description.contains("stretched in a doorway only"), minor.description)
    XCTAssertTrue(minor.description.hasSuffix("use --tool none"), minor.description)
  }

  func testTheIDIsDerivedAndNeverTakesOneInUse() {
    XCTAssertEqual(StarterRoutine.suggestedID(muscle: .rhomboids, tool: .massageBall), "my-rhomboids-massage-ball")
    XCTAssertEqual(StarterRoutine.suggestedID(muscle: .rhomboids, tool: .none), "my-rhomboids-stretch")
    let taken: Set = ["my-rhomboids-massage-ball", "my-rhomboids-massage-ball-2"]
    XCTAssertEqual(
      StarterRoutine.freeID(muscle: .rhomboids, tool: .massageBall) { taken.contains($0) },
      "my-rhomboids-massage-ball-3")
    XCTAssertEqual(
      StarterRoutine.freeID(muscle: .infraspinatus, tool: .massageBall) { taken.contains($0) },
      "my-infraspinatus-massage-ball")
  }

  func testTheHoldPressesAtTheRegionsUsualLevel() throws {
    let table: [(Muscle, Tool, PressureTarget)] = [
      (.suboccipitals, .cradleTool, PressureTarget(low: 2, high: 4)),
      (.upperTrapezius, .caneMassager, PressureTarget(low: 4, high: 6)),
      (.rhomboids, .massageBall, PressureTarget(low: 5, high: 7)),
    ]
    for (muscle, tool, expected) in table {
      let routine = try XCTUnwrap(load(muscle, tool).loaded.routine)
      let holds = routine.steps.flatMap(Self.flatten).compactMap { step -> PressureTarget? in
        guard case .hold(_, let pressure) = step.action else { return nil }
        return pressure
      }
      XCTAssertEqual(holds, [expected], "\(muscle.id) × \(tool.id)")
    }
  }

  func testTheSkullBaseGetsStillPressureOnlyAndASideBlockOnlyWhereThereAreSides() {
    let cradle = load(.suboccipitals, .cradleTool).text
    XCTAssertFalse(cradle.contains("kind: strokes"))
    XCTAssertFalse(cradle.contains("side: both"), "the skull base is in the middle of the body")
    let ball = load(.rhomboids, .massageBall).text
    XCTAssertTrue(ball.contains("kind: strokes"))
    XCTAssertTrue(ball.contains("side: both"))
  }

  func testEveryKeyIsExplainedAndEveryLineFitsEightyColumns() {
    for (muscle, tool) in StarterRoutine.pairs {
      let text = load(muscle, tool).text
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for line in lines {
        XCTAssertLessThanOrEqual(line.count, 80, "\(muscle.id) × \(tool.id): \(line)")
      }
      for key in ["format:", "id:", "title:", "summary:", "targets:", "tools:", "cautions:", "sources:", "steps:"] {
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key) }) else {
          XCTFail("\(muscle.id) × \(tool.id): no \(key)")
          continue
        }
        XCTAssertTrue(lines[index - 1].hasPrefix("#"), "\(muscle.id) × \(tool.id): no comment above \(key)")
      }
      // Each step key, the first time it is written: a note after it or a comment above.
      let stepKeys = Set(
        lines.compactMap { line -> String? in
          let trimmed = line.drop { $0 == " " || $0 == "-" }
          guard line.hasPrefix("  "), !trimmed.hasPrefix("#"), !trimmed.hasPrefix("{"),
            let colon = trimmed.firstIndex(of: ":")
          else { return nil }
          let key = String(trimmed[..<colon])
          return key.allSatisfy { $0.isLowercase || $0 == "-" } ? key : nil
        })
      for key in stepKeys {
        let index = lines.firstIndex { $0.drop { $0 == " " || $0 == "-" }.hasPrefix(key + ":") }!
        let explained =
          lines[index].contains("  # ") || lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
        XCTAssertTrue(explained, "\(muscle.id) × \(tool.id): '\(key)' is not explained:\n\(lines[index])")
      }
    }
  }

  func testWhereNoToolTouchesTheMuscleTheCautionsSayHowToStretchNotWhereTheToolGoes() throws {
    for (muscle, tool) in StarterRoutine.pairs {
      let technique = StarterTechnique.of(tool, on: muscle)
      guard [.heat, .band, .stretchOnly].contains(technique) else { continue }
      let routine = try XCTUnwrap(load(muscle, tool).loaded.routine)
      XCTAssertTrue(routine.cautions.contains(StarterStretch.caution), "\(muscle.id) × \(tool.id)")
      XCTAssertFalse(routine.cautions.contains { $0.contains("the tool") }, "\(muscle.id) × \(tool.id)")
    }
  }

  func testHeatLiesAcrossBothSidesAtOnce() throws {
    let routine = try XCTUnwrap(load(.upperTrapezius, .heatPack).loaded.routine)
    let heat = try XCTUnwrap(routine.steps.first)
    XCTAssertEqual(heat.kind, .heat)
    XCTAssertEqual(heat.side, .middle, "fifteen minutes once, not on each side")
  }

  static func flatten(_ step: RoutineStep) -> [RoutineStep] {
    if case .block(let inner) = step.action { return inner.flatMap(flatten) }
    return [step]
  }
}
