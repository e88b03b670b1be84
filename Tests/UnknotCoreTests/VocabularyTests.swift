import UnknotCore
import XCTest

/// The muscles, groups and tools as the product's domain lists them, and the names
/// people type for them.
final class VocabularyTests: XCTestCase {
  // MARK: - Muscles

  func testMusclesAreTheDomainTableInItsOrderWithItsNames() {
    let expected: [(id: String, name: String)] = [
      ("upper-trapezius", "Upper trapezius"),
      ("levator-scapulae", "Levator scapulae"),
      ("suboccipitals", "Suboccipitals"),
      ("cervical-spine", "Cervical spine (joint target, for traction only)"),
      ("rhomboids", "Rhomboids"),
      ("middle-trapezius", "Middle trapezius"),
      ("lower-trapezius", "Lower trapezius"),
      ("infraspinatus", "Infraspinatus"),
      ("erector-spinae", "Erector spinae / thoracic paraspinals"),
      ("latissimus-dorsi", "Latissimus dorsi"),
      ("pectoralis-major", "Pectoralis major"),
      ("pectoralis-minor", "Pectoralis minor"),
      ("intercostals", "Intercostals"),
    ]
    XCTAssertEqual(Muscle.allCases.map(\.id), expected.map(\.id))
    XCTAssertEqual(Muscle.allCases.map(\.name), expected.map(\.name))
  }

  func testMuscleLocationsAreTheDomainTablesPlainWords() {
    XCTAssertEqual(Muscle.upperTrapezius.location, "top of the shoulders up to the neck")
    XCTAssertEqual(
      Muscle.levatorScapulae.location, "side/back of the neck to the upper inner corner of the shoulder blade")
    XCTAssertEqual(Muscle.suboccipitals.location, "small muscles at the base of the skull")
    XCTAssertEqual(Muscle.cervicalSpine.location, "the neck's vertebrae")
    XCTAssertEqual(Muscle.rhomboids.location, "between the inner edge of the shoulder blade and the spine")
    XCTAssertEqual(Muscle.middleTrapezius.location, "across the shoulder blades, level with them")
    XCTAssertEqual(Muscle.lowerTrapezius.location, "from the lower shoulder blade down toward the mid spine")
    XCTAssertEqual(Muscle.infraspinatus.location, "the flat of the shoulder blade, below its bony ridge")
    XCTAssertEqual(Muscle.erectorSpinae.location, "the long muscles on either side of the spine")
    XCTAssertEqual(Muscle.latissimusDorsi.location, "the side of the back, from below the armpit down")
    XCTAssertEqual(Muscle.pectoralisMajor.location, "the front of the chest")
    XCTAssertEqual(Muscle.pectoralisMinor.location, "under pectoralis major, near the front of the shoulder")
    XCTAssertEqual(Muscle.intercostals.location, "between the ribs")
  }

  func testEachMuscleBelongsToTheGroupsTheDomainTableGivesIt() {
    let expected: [Muscle: [MuscleGroup]] = [
      .upperTrapezius: [.neck, .shoulders],
      .levatorScapulae: [.neck, .shoulders],
      .suboccipitals: [.neck],
      .cervicalSpine: [.neck],
      .rhomboids: [.betweenBlades],
      .middleTrapezius: [.betweenBlades],
      .lowerTrapezius: [.betweenBlades, .midBack],
      .infraspinatus: [.shoulderBlade],
      .erectorSpinae: [.midBack],
      .latissimusDorsi: [.sides],
      .pectoralisMajor: [.chest],
      .pectoralisMinor: [.chest],
      .intercostals: [.chest],
    ]
    XCTAssertEqual(expected.count, Muscle.allCases.count)
    for muscle in Muscle.allCases {
      XCTAssertEqual(muscle.groups, expected[muscle], muscle.id)
    }
  }

  func testOnlyTheCervicalSpineIsForTractionOnly() {
    XCTAssertEqual(Muscle.allCases.filter(\.isTractionOnly), [.cervicalSpine])
  }

  // MARK: - Groups

  func testGroupsComeInThePickerOrderWithTheirNames() {
    XCTAssertEqual(
      MuscleGroup.allCases.map(\.id),
      ["neck", "shoulders", "between-blades", "shoulder-blade", "mid-back", "sides", "chest"])
    XCTAssertEqual(
      MuscleGroup.allCases.map(\.name),
      [
        "Neck and skull base", "Tops of the shoulders", "Between the shoulder blades", "Shoulder blade",
        "Spine and mid back", "Sides of the back", "Chest and ribs",
      ])
  }

  func testSortingGroupsGivesThePickerOrder() {
    let shuffled: [MuscleGroup] = [.chest, .neck, .sides, .betweenBlades, .midBack, .shoulders, .shoulderBlade]
    XCTAssertEqual(shuffled.sorted(), MuscleGroup.allCases)
    XCTAssertLessThan(MuscleGroup.neck, MuscleGroup.chest)
    XCTAssertFalse(MuscleGroup.sides < MuscleGroup.sides)
  }

  func testEachGroupHoldsItsMusclesInTableOrder() {
    XCTAssertEqual(MuscleGroup.neck.muscles, [.upperTrapezius, .levatorScapulae, .suboccipitals, .cervicalSpine])
    XCTAssertEqual(MuscleGroup.shoulders.muscles, [.upperTrapezius, .levatorScapulae])
    XCTAssertEqual(MuscleGroup.betweenBlades.muscles, [.rhomboids, .middleTrapezius, .lowerTrapezius])
    XCTAssertEqual(MuscleGroup.shoulderBlade.muscles, [.infraspinatus])
    XCTAssertEqual(MuscleGroup.midBack.muscles, [.lowerTrapezius, .erectorSpinae])
    XCTAssertEqual(MuscleGroup.sides.muscles, [.latissimusDorsi])
    XCTAssertEqual(MuscleGroup.chest.muscles, [.pectoralisMajor, .pectoralisMinor, .intercostals])
  }

  // MARK: - Tools

  func testToolsAreTheDomainTableWithWhatEachIs() {
    let expected: [(id: String, what: String)] = [
      ("massage-ball", "a firm ball (lacrosse or massage ball)"),
      ("cane-massager", "a hooked cane with knobs"),
      ("cradle-tool", "a cradle-shaped trigger-point tool with fingertip-like knobs"),
      ("point-tool", "a solid elbow-like point on a stable base"),
      ("thoracic-stretcher", "an arched support with a central groove that keeps the spine free"),
      ("foam-roller", "a foam cylinder"),
      ("traction-device", "a cervical traction device with adjustable tension"),
      ("heat-pack", "a moist heat pack or heated massager"),
      ("resistance-band", "an elastic band or tubing"),
      ("none", "hands, a wall or a doorway"),
    ]
    XCTAssertEqual(Tool.allCases.map(\.id), expected.map(\.id))
    XCTAssertEqual(Tool.allCases.map(\.description), expected.map(\.what))
    for tool in Tool.allCases {
      XCTAssertFalse(tool.name.isEmpty, tool.id)
    }
  }

  func testEachToolSuitsTheTypicalTargetsTheDomainTableNames() {
    // "Pectorals" in the domain's tool table means the pectoralis major: the minor is
    // stretched in a doorway only (see testNoToolSuitsThePectoralisMinor).
    let typical: [Tool: Set<Muscle>] = [
      .massageBall: [
        .rhomboids, .upperTrapezius, .middleTrapezius, .lowerTrapezius, .infraspinatus, .levatorScapulae,
        .pectoralisMajor,
      ],
      .caneMassager: [.upperTrapezius, .middleTrapezius, .lowerTrapezius, .rhomboids, .levatorScapulae],
      .cradleTool: [.suboccipitals, .upperTrapezius, .levatorScapulae],
      .pointTool: [.rhomboids, .infraspinatus, .lowerTrapezius, .latissimusDorsi],
      .thoracicStretcher: [.erectorSpinae, .pectoralisMajor, .intercostals],
      .foamRoller: [.erectorSpinae, .latissimusDorsi],
      .tractionDevice: [.cervicalSpine],
      .resistanceBand: [.middleTrapezius, .lowerTrapezius, .rhomboids, .infraspinatus],
    ]
    for (tool, muscles) in typical {
      for muscle in muscles {
        XCTAssertTrue(tool.suits(muscle), "\(tool.id) should suit \(muscle.id)")
      }
    }
    for muscle in Muscle.allCases {
      XCTAssertTrue(Tool.heatPack.suits(muscle))
      XCTAssertTrue(Tool.none.suits(muscle))
    }
  }

  func testNoToolSuitsThePectoralisMinor() {
    let suiting = Tool.allCases.filter { $0.suitedMuscles?.contains(.pectoralisMinor) ?? false }
    XCTAssertEqual(suiting, [])
    XCTAssertNotNil(Tool.toolFreeMuscles[.pectoralisMinor])
  }

  func testNoPressureToolSuitsTheCervicalSpine() {
    let suiting = Tool.allCases.filter { $0.suitedMuscles?.contains(.cervicalSpine) ?? false }
    XCTAssertEqual(suiting, [.tractionDevice])
    XCTAssertFalse(Tool.foamRoller.suits(.cervicalSpine))
    XCTAssertFalse(Tool.massageBall.suits(.cervicalSpine))
  }

  func testToolsNeededLeaveOutNone() {
    let plain = Routine(
      id: "x", title: "X", summary: "X", groups: [], targets: [], tools: [.none, .massageBall], steps: [])
    XCTAssertEqual(plain.toolsNeeded, [.massageBall])
  }

  // MARK: - Names people type

  func testCommonShorthandFindsTheMuscleOrTool() {
    assertFound("traps", Muscle.upperTrapezius)
    assertFound("lats", Muscle.latissimusDorsi)
    assertFound("pecs", Muscle.pectoralisMajor)
    assertFound("rhomboid", Muscle.rhomboids)
    assertFound("lacrosse-ball", Tool.massageBall)
    assertFound("theracane", Tool.caneMassager)
  }

  func testTheBandAnswersToTheNamesPeopleGiveIt() {
    for name in ["theraband", "TheraBand", "elastic band", "band", "tubing", "exercise-band", "resistance band"] {
      assertFound(name, Tool.resistanceBand)
    }
  }

  func testCaseSpacesAndUnderscoresAreForgiven() {
    assertFound("Upper Trapezius", Muscle.upperTrapezius)
    assertFound("UPPER_TRAPEZIUS", Muscle.upperTrapezius)
    assertFound("  upper-trapezius  ", Muscle.upperTrapezius)
    assertFound("Lacrosse Ball", Tool.massageBall)
    assertFound("Foam_Roller", Tool.foamRoller)
    assertFound("Between Blades", MuscleGroup.betweenBlades)
    assertFound("Mid Back", MuscleGroup.midBack)
  }

  func testEveryIdFindsItself() {
    for muscle in Muscle.allCases { assertFound(muscle.id, muscle) }
    for tool in Tool.allCases { assertFound(tool.id, tool) }
    for group in MuscleGroup.allCases { assertFound(group.id, group) }
  }

  func testEveryAliasIsNormalizedAndNamesNoOtherId() {
    assertAliasesAreReachable(Muscle.self)
    assertAliasesAreReachable(Tool.self)
    assertAliasesAreReachable(MuscleGroup.self)
  }

  func testANearMissSuggestsTheNearestId() {
    assertSuggestion("rhombods", Muscle.self, "rhomboids")
    assertSuggestion("infraspinatous", Muscle.self, "infraspinatus")
    assertSuggestion("levator scapula", Muscle.self, "levator-scapulae")
    assertSuggestion("foam rollr", Tool.self, "foam-roller")
    assertSuggestion("betwen blades", MuscleGroup.self, "between-blades")
  }

  func testANearMissOfAnAliasSuggestsTheIdItStandsFor() {
    // "trapezus" is one letter from the alias "trapezius", which means the upper trapezius;
    // a person should be told the id to write, not another alias.
    assertSuggestion("trapezus", Muscle.self, "upper-trapezius")
    assertSuggestion("lacrose ball", Tool.self, "massage-ball")
    assertSuggestion("theracain", Tool.self, "cane-massager")
  }

  func testNonsenseGetsNoSuggestionButTheListOfKnownNames() {
    for typed in ["xyzzy", "qqqqqqqqqq"] {
      assertSuggestion(typed, Muscle.self, nil)
      assertSuggestion(typed, Tool.self, nil)
      assertSuggestion(typed, MuscleGroup.self, nil)
    }
    assertSuggestion("", Muscle.self, nil)
    XCTAssertEqual(
      Muscle.unknownMessage("xyzzy", suggestion: nil),
      "unknown muscle 'xyzzy'; known muscles: " + Muscle.allCases.map(\.id).joined(separator: ", "))
  }

  func testTheUnknownNameMessageOffersTheSuggestion() {
    XCTAssertEqual(
      Muscle.unknownMessage("rhombods", suggestion: "rhomboids"),
      "unknown muscle 'rhombods'; did you mean 'rhomboids'?")
    XCTAssertEqual(
      Tool.unknownMessage("bal", suggestion: "massage-ball"), "unknown tool 'bal'; did you mean 'massage-ball'?")
  }

  func testNormalizingMakesSpellingsOfOneNameEqual() {
    XCTAssertEqual(NameMatching.normalize(" Upper Trapezius\t"), "upper-trapezius")
    XCTAssertEqual(NameMatching.normalize("upper_trapezius"), "upper-trapezius")
  }

  // MARK: - Helpers

  private func assertFound<Term: Vocabulary & Equatable>(
    _ typed: String, _ expected: Term, file: StaticString = #filePath, line: UInt = #line
  ) {
    switch Term.lookup(typed) {
    case .found(let term): XCTAssertEqual(term, expected, "'\(typed)'", file: file, line: line)
    case .unknown: XCTFail("'\(typed)' should find \(expected.rawValue)", file: file, line: line)
    }
  }

  private func assertSuggestion<Term: Vocabulary>(
    _ typed: String, _ type: Term.Type, _ expected: String?, file: StaticString = #filePath, line: UInt = #line
  ) {
    switch Term.lookup(typed) {
    case .found(let term):
      XCTFail("'\(typed)' should be unknown, but found \(term.rawValue)", file: file, line: line)
    case .unknown(let suggestion):
      XCTAssertEqual(suggestion, expected, "suggestion for '\(typed)'", file: file, line: line)
    }
  }

  private func assertAliasesAreReachable<Term: Vocabulary & Equatable>(
    _ type: Term.Type, file: StaticString = #filePath, line: UInt = #line
  ) {
    let ids = Set(Term.allCases.map(\.rawValue))
    for (alias, term) in Term.aliases {
      XCTAssertEqual(NameMatching.normalize(alias), alias, "alias '\(alias)' is not normalized", file: file, line: line)
      XCTAssertFalse(ids.contains(alias), "alias '\(alias)' hides an id", file: file, line: line)
      assertFound(alias, term, file: file, line: line)
    }
  }
}
