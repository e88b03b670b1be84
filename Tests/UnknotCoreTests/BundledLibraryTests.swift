import Foundation
import UnknotCore
import XCTest

/// The routines compiled into the binary from Routines/: all clean under --strict, and
/// together covering every muscle, every tool and each relief strategy of domain.md.
final class BundledLibraryTests: XCTestCase {
  private static let library = RoutineLibrary.load(RoutineSearchPath(userFolder: nil))

  private var routines: [Routine] { Self.library.routines.compactMap(\.routine) }

  private func routine(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Routine {
    try XCTUnwrap(routines.first { $0.id == id }, "no bundled routine '\(id)'", file: file, line: line)
  }

  func testEveryBundledFileLoadsWithNoErrorsAndNoWarnings() {
    let files = BuiltInRoutineFiles.all()
    XCTAssertEqual(Self.library.entries.count, files.count)
    XCTAssertEqual(
      Self.library.diagnostics, [], Self.library.diagnostics.map(\.description).joined(separator: "\n"))
    XCTAssertEqual(Self.library.broken.count, 0)
    XCTAssertEqual(routines.count, files.count, "every file is its own routine")
    let report = CheckReport(library: Self.library)
    XCTAssertEqual(report.exitCode(strict: true), 0, report.summary)
  }

  func testThereAreAtLeastFourteenRoutines() {
    XCTAssertGreaterThanOrEqual(routines.count, 14)
  }

  func testEveryMuscleIsTheTargetOfSomeRoutine() {
    let reached = Set(routines.flatMap(\.targets))
    for muscle in Muscle.allCases {
      XCTAssertTrue(reached.contains(muscle), "no routine targets \(muscle.id)")
    }
  }

  func testEveryToolIsUsedBySomeStep() {
    let used = Set(routines.flatMap { allSteps($0.steps) }.map(\.tool))
    for tool in Tool.allCases {
      XCTAssertTrue(used.contains(tool), "no step uses \(tool.id)")
    }
  }

  /// The tool uses the article unknot is built from names, each in some routine: the
  /// point tool on the infraspinatus and the latissimus, the cane on the rhomboids,
  /// the cradle on the levator scapulae, and the arched stretcher for the ribs with
  /// breathing.
  func testTheSeedsToolUsesAreEachInSomeRoutine() {
    let uses: [(Tool, Muscle, StepKind)] = [
      (.pointTool, .infraspinatus, .hold), (.pointTool, .latissimusDorsi, .hold), (.caneMassager, .rhomboids, .hold),
      (.cradleTool, .levatorScapulae, .hold),
    ]
    let steps = routines.flatMap { allSteps($0.steps) }
    for (tool, muscle, kind) in uses {
      XCTAssertTrue(
        steps.contains { $0.tool == tool && $0.muscle == muscle && $0.kind == kind },
        "no \(kind.rawValue) of the \(tool.id) on the \(muscle.id)")
    }
    let ribs = routines.filter { routine in
      let steps = allSteps(routine.steps)
      return steps.contains { $0.tool == .thoracicStretcher }
        && steps.contains { $0.kind == .breathe && $0.muscle == .intercostals }
    }
    XCTAssertFalse(ribs.isEmpty, "no routine breathes into the ribs over the arched stretcher")
  }

  /// The placements the clinical read-through corrected.
  func testPlacementsKeepOffBonyPointsAndNameTheRightLandmarks() throws {
    let cradle = try routine("tension-headache")
    let shoulders = allSteps(cradle.steps).first { $0.kind == .place && $0.muscle == .upperTrapezius }
    XCTAssertTrue(
      shoulders?.placement?.contains("sits in the gap between the knobs, never on a knob") ?? false,
      shoulders?.placement ?? "no placement")
    let cane = allSteps(try routine("shoulder-tops-cane").steps)
    let strokes = cane.first { $0.kind == .strokes && $0.muscle == .upperTrapezius }
    XCTAssertTrue(strokes?.placement?.contains("stop before the bony tip") ?? false, strokes?.placement ?? "")
    for step in routines.flatMap({ allSteps($0.steps) }) where step.kind == .place {
      if step.muscle == .levatorScapulae, let placement = step.placement, placement.contains("corner") {
        XCTAssertTrue(placement.contains("just above the upper inner corner"), placement)
      }
      if step.muscle == .middleTrapezius, let placement = step.placement {
        XCTAssertFalse(placement.contains("middle of the shoulder blade"), placement)
      }
    }
  }

  func testEveryGroupHasARoutine() {
    let listed = Set(routines.flatMap(\.groups))
    for group in MuscleGroup.allCases {
      XCTAssertTrue(listed.contains(group), "no routine is listed under \(group.id)")
    }
  }

  func testThereIsAPostureBreakThatFitsInThreeMinutes() throws {
    let breakRoutine = try routine("desk-posture-break")
    let timeline = Timeline(routine: breakRoutine)
    XCTAssertLessThanOrEqual(timeline.plannedSeconds, 180)
    XCTAssertGreaterThan(timeline.plannedSeconds, 0)
    XCTAssertFalse(timeline.hasOpenEndedSteps, "a work break should not wait on the person")
    XCTAssertEqual(breakRoutine.toolsNeeded, [], "a break at the desk needs no tools")
  }

  func testThereIsABreathingRoutineForStress() {
    let breathing = routines.filter { routine in
      !routine.steps.isEmpty && routine.steps.allSatisfy { $0.kind == .breathe } && routine.toolsNeeded.isEmpty
    }
    XCTAssertFalse(breathing.isEmpty, "no routine made only of breathing")
  }

  func testSomeRoutineWarmsWithHeatBeforeAPressureHold() {
    let heatThenHold = routines.filter { routine in
      let kinds = allSteps(routine.steps).map(\.kind)
      guard let heat = kinds.firstIndex(of: .heat) else { return false }
      return kinds[(heat + 1)...].contains(.hold)
    }
    XCTAssertFalse(heatThenHold.isEmpty, "no routine has heat followed by a hold")
  }

  func testTractionRoutinesRequireAClinician() throws {
    let traction = routines.filter { allSteps($0.steps).contains { $0.kind == .traction } }
    XCTAssertFalse(traction.isEmpty, "no routine has a traction step")
    for routine in traction {
      XCTAssertTrue(routine.requiresClinician, routine.id)
    }
    XCTAssertTrue(try routine("cervical-traction").requiresClinician)
  }

  func testTheFullUpperBackSessionTakesAboutTwentyMinutes() throws {
    let seconds = Timeline(routine: try routine("full-upper-back")).plannedSeconds
    XCTAssertGreaterThanOrEqual(seconds, 18 * 60)
    XCTAssertLessThanOrEqual(seconds, 22 * 60)
  }

  func testEveryRoutineNamesItsSources() {
    for routine in routines {
      XCTAssertFalse(routine.sources.isEmpty, "\(routine.id) names no sources")
    }
  }

  func testNoBundledHoldPressesAboveSeven() {
    for routine in routines {
      for step in allSteps(routine.steps) {
        if case .hold(_, let pressure) = step.action {
          XCTAssertLessThanOrEqual(pressure.high, PressureTarget.maximum, routine.id)
        }
      }
    }
  }

  /// docs/evidence.md: chin tucks are 10 reps, each tucked, held 5 s, then released.
  func testEveryChinTuckIsTuckedHeldFiveSecondsThenReleased() {
    var found: [String] = []
    for routine in routines {
      for step in allSteps(routine.steps) {
        let titled = step.title?.localizedCaseInsensitiveContains("chin tuck") ?? false
        guard case .exercise = step.kind, titled else { continue }
        found.append(routine.id)
        guard case .phasedExercise(let reps, let phases) = step.action else {
          XCTFail("\(routine.id): the chin tucks are not written as phases")
          continue
        }
        XCTAssertEqual(phases.map(\.kind), [.tuck, .hold, .release], routine.id)
        XCTAssertEqual(phases.first { $0.kind == .hold }?.seconds, 5, routine.id)
        // The desk break has room for 5 (its YAML says why); every other routine does all 10.
        XCTAssertEqual(reps, routine.id == "desk-posture-break" ? 5 : 10, routine.id)
        let placement = step.placement?.lowercased() ?? ""
        for word in ["tuck", "hold", "release"] {
          XCTAssertTrue(placement.contains(word), "\(routine.id): the placement does not say '\(word)'")
        }
        XCTAssertTrue(
          routine.sources.contains(
            "Leeds Community Healthcare NHS, neck exercises: chin tucks 10 reps, each held 5 s, then released"),
          "\(routine.id): \(routine.sources)")
      }
    }
    XCTAssertEqual(found.sorted(), ["chin-tucks", "desk-posture-break", "full-upper-back"])
  }

  func testTheEmbeddedFilesAreTheFilesInRoutinesByteForByte() throws {
    let folder = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Routines")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .sorted()
    let embedded = BuiltInRoutineFiles.all()
    XCTAssertEqual(embedded.map(\.name).sorted(), names)
    for file in embedded {
      let onDisk = try Data(contentsOf: folder.appendingPathComponent(file.name))
      XCTAssertEqual(file.bytes, [UInt8](onDisk), "\(file.name) differs from Routines/\(file.name); rebuild")
    }
  }

  func testEveryStepThatLoadsTheBodyHasAPosition() {
    for routine in routines {
      for step in allSteps(routine.steps) where step.kind.loadsTheBody {
        XCTAssertNotNil(
          step.position, "\(routine.id): a \(step.kind.rawValue) step (\(step.title ?? "untitled")) has none")
      }
      for step in Timeline(routine: routine).steps {
        if let kind = StepKind(rawValue: step.kind.rawValue), kind.loadsTheBody {
          XCTAssertNotNil(step.position, "\(routine.id): session step '\(step.title)' has no position")
        }
      }
    }
  }

  /// The positions match what the placements say: the cradle under the skull base and
  /// the roller under the back are done lying on the back, the lats roller on the side,
  /// ball work against a wall, doorway stretches standing.
  func testPositionsMatchThePlacements() throws {
    func positions(_ id: String, _ muscle: Muscle, _ kind: StepKind) throws -> Set<BodyPosition?> {
      Set(allSteps(try routine(id).steps).filter { $0.muscle == muscle && $0.kind == kind }.map(\.position))
    }
    XCTAssertEqual(try positions("tension-headache", .suboccipitals, .hold), [.lyingOnBack])
    XCTAssertEqual(try positions("thoracic-extension-roller", .erectorSpinae, .exercise), [.lyingOnBack])
    XCTAssertEqual(try positions("thoracic-stretcher-arch", .erectorSpinae, .stretch), [.lyingOnBack])
    XCTAssertEqual(try positions("between-blades-point-tool", .rhomboids, .hold), [.lyingOnBack])
    XCTAssertEqual(try positions("lats-foam-roller", .latissimusDorsi, .roll), [.lyingOnSide])
    XCTAssertEqual(try positions("infraspinatus-ball-wall", .infraspinatus, .hold), [.atAWall])
    XCTAssertEqual(try positions("between-blades-ball", .rhomboids, .strokes), [.atAWall])
    XCTAssertEqual(try positions("chest-opening", .pectoralisMajor, .hold), [.atAWall])
    XCTAssertEqual(try positions("chest-opening", .pectoralisMinor, .stretch), [.standing])
    XCTAssertEqual(try positions("desk-posture-break", .suboccipitals, .exercise), [.sitting])
    XCTAssertEqual(try positions("heat-then-shoulder-ball", .upperTrapezius, .heat), [.sitting])
  }

  /// Each caution rule reaches some bundled routine, and no bundled routine copies a
  /// rule's caution into its own list (the rule adds it; `check` would warn).
  func testEveryCautionRuleReachesSomeRoutineAndNoneIsCopiedByHand() {
    var reached: Set<String> = []
    for routine in routines {
      let rules = CautionRules.rules(for: routine.steps)
      reached.formUnion(rules.map(\.id))
      for caution in routine.cautions {
        XCTAssertNil(CautionRules.rule(repeatedBy: caution, among: rules), "\(routine.id): \(caution)")
      }
    }
    XCTAssertEqual(reached, Set(CautionRules.all.map(\.id)))
  }

  func testTheNeckRoutinesWarnOfTheDangerSignsAndTheHeatRoutineOfTheSkin() throws {
    for id in ["tension-headache", "chin-tucks", "shoulder-tops-cane", "cervical-traction", "desk-posture-break"] {
      XCTAssertTrue(RoutineCautions.of(try routine(id)).contains { $0.origin == .rule("neck-danger-signs") }, id)
    }
    XCTAssertTrue(RoutineCautions.of(try routine("heat-then-shoulder-ball")).contains { $0.origin == .rule("heat") })
    XCTAssertFalse(
      RoutineCautions.of(try routine("box-breathing")).contains { $0.origin != .routine },
      "breathing loads nothing: no rule caution")
  }

  /// Every step, with the steps of blocks in their place.
  private func allSteps(_ steps: [RoutineStep]) -> [RoutineStep] {
    steps.flatMap { step -> [RoutineStep] in
      if case .block(let inner) = step.action { return [step] + allSteps(inner) }
      return [step]
    }
  }

  /// The strength routines are strength work, so a high rating before a massage never
  /// offers them as gentler; the mobility routines and chin tucks stay gentle.
  func testStrengthRoutinesAreStrengthWorkAndMobilityIsNot() throws {
    for id in ["band-mid-back-strength", "bodyweight-mid-back-strength"] {
      let steps = Timeline(routine: try routine(id)).steps
      XCTAssertTrue(steps.contains(where: RemainingSteps.strengthens), id)
    }
    for id in ["thoracic-open-book", "gentle-mobility", "chin-tucks", "desk-posture-break"] {
      let steps = Timeline(routine: try routine(id)).steps
      XCTAssertFalse(steps.contains(where: RemainingSteps.strengthens), id)
    }
  }

  /// Strength exercises follow the ACSM dose: 8–15 slow reps in one set, each rep about
  /// 2 s out and 2 s back, done in a named position.
  func testStrengthExercisesUseTheACSMDose() {
    let steps = routines.flatMap { Timeline(routine: $0).steps }.filter(RemainingSteps.strengthens)
    XCTAssertGreaterThanOrEqual(steps.count, 8, "band and bodyweight exercises, both sides")
    for step in steps {
      guard case .phasedRepetitions(let phases, let count) = step.plan else {
        XCTFail("\(step.title): each rep should be told as phases")
        continue
      }
      XCTAssertTrue((8...15).contains(count), "\(step.title): \(count) reps")
      XCTAssertEqual(step.setCount, 1, "\(step.title): one set to start")
      let out = phases.first { [.lift, .pull].contains($0.kind) }
      let back = phases.first { [.lower, .release].contains($0.kind) }
      XCTAssertEqual(out?.seconds, 2, "\(step.title): about 2 s out")
      XCTAssertEqual(back?.seconds, 2, "\(step.title): about 2 s back")
      XCTAssertNotNil(step.position, step.title)
    }
  }
}
