import Foundation
import UnknotCore
import XCTest

/// The programme format speaks as routine files do: every problem in one pass, each
/// as `PATH:LINE:COL: severity: message` saying what to do.
final class ProgrammeFormatTests: XCTestCase {
  /// A small library of the programme tests' own: two strength routines, one without
  /// any exercise step.
  static let routines: [String: Routine] = {
    let exercise = RoutineStep(.exercise(reps: 8, secondsPerRep: 3), muscle: .rhomboids)
    let hold = RoutineStep(.hold(seconds: 60, pressure: PressureTarget(low: 4, high: 6)), muscle: .rhomboids)
    func routine(_ id: String, _ steps: [RoutineStep]) -> Routine {
      Routine(
        id: id, title: "Routine \(id)", summary: "For tests.", groups: [], targets: [.rhomboids], tools: [],
        steps: steps)
    }
    return [
      "rows": routine("rows", [exercise]),
      "band-rows": routine("band-rows", [RoutineStep(.block(steps: [exercise]), sets: 2)]),
      "ball-holds": routine("ball-holds", [hold]),
      "walk": routine("walk", [exercise]),
    ]
  }()

  private func load(_ text: String, path: String = "plan.yaml", stem: String? = nil) -> LoadedProgramme {
    ProgrammeLoader.load(bytes: Array(text.utf8), path: path, fileStem: stem, routines: Self.routines)
  }

  private let good = """
    format: 1
    id: plan
    title: A plan
    summary: Rows and holds.
    weeks: 4
    sources: ["ACSM position stand, Garber 2011"]
    schedule:
      - routines: [rows, band-rows]
        label: strength
        times-per-week: 3
        progression: true
      - routine: ball-holds
        days: [mon, Thursday]
      - routine: walk
        label: monthly walk
        days: daily
        weeks: [1, 4]
    progression:
      reps: {from: 10, to: 12, step: 1}
      sets: {from: 1, to: 2}

    """

  func testAGoodProgrammeLoadsCleanWithItsScheduleAndLadder() throws {
    let loaded = load(good, stem: "plan")
    XCTAssertEqual(loaded.diagnostics, [], loaded.diagnostics.map(\.description).joined(separator: "\n"))
    let programme = try XCTUnwrap(loaded.programme)
    XCTAssertEqual(programme.weeks, 4)
    XCTAssertEqual(programme.schedule.map(\.label), ["strength", "ball-holds", "monthly walk"])
    XCTAssertEqual(programme.schedule[0].days, .timesPerWeek(3))
    XCTAssertEqual(programme.schedule[1].days, .weekdays([.mon, .thu]))
    XCTAssertEqual(programme.schedule[2].inWeeks, [1, 4])
    XCTAssertFalse(programme.schedule[2].runs(inWeek: 2))
    XCTAssertEqual(
      programme.progression?.levels.map(\.text),
      ["10 reps, 1 set", "11 reps, 1 set", "12 reps, 1 set", "10 reps, 2 sets", "11 reps, 2 sets", "12 reps, 2 sets"])
  }

  func testEveryProblemIsReportedAtItsLineAndColumnWithWhatToDo() {
    let text = """
      format: 1
      id: Bad_id
      title: A bad programme
      summary: It has problems.
      weeks: 60
      colour: blue
      schedule:
        - routine: rowz
          days: [mon, funday]
        - routines: [rows, ball-holds]
          times-per-week: 3
          progression: true
        - routine: walk
          days: daily
          times-per-week: 2
        - routine: rows
          label: again
          days: daily
        - routine: band-rows
      progression:
        reps: {from: 15, to: 10}
        sets: {from: 1, to: 12}

      """
    XCTAssertEqual(
      load(text).diagnostics.map(\.description),
      [
        "plan.yaml:1:1: warning: the programme names no sources; add 'sources' saying where its plan and doses come from",
        "plan.yaml:2:5: error: 'Bad_id' is not a valid id; use lower-case letters, digits and hyphens (at most 64)",
        "plan.yaml:5:8: error: 'weeks' is 60; it must be from 1 to 52",
        "plan.yaml:6:1: error: unknown key 'colour' in a programme; known keys: format, id, title, summary, weeks, "
          + "sources, schedule, progression",
        "plan.yaml:8:14: error: no routine with the id 'rowz'; did you mean 'rows'?",
        "plan.yaml:9:17: error: 'funday' is not a day; write daily, or a list of mon, tue, wed, thu, fri, sat, sun",
        "plan.yaml:10:5: error: an entry with several routines needs a 'label' saying what they are for, such as "
          + "'strength'",
        "plan.yaml:12:5: error: the routine 'ball-holds' has no exercise step, so a level would change nothing in "
          + "it; remove 'progression: true' or name a routine with exercise steps",
        "plan.yaml:15:5: error: write either 'days' or 'times-per-week', not both",
        "plan.yaml:16:14: error: the routine 'rows' is already in the schedule at line 10, column 16; a routine may "
          + "appear in one entry only, so its sessions count once",
        "plan.yaml:19:5: error: this entry does not say when it is due; add 'days: daily', 'days: [mon, wed, fri]' "
          + "or 'times-per-week: 3'",
        "plan.yaml:21:24: error: 'reps' goes from 15 down to 10; 'from' must not be more than 'to'",
        "plan.yaml:22:23: error: 'sets.to' is 12; it must be from 1 to 10",
      ])
    XCTAssertNil(load(text).programme)
  }

  func testProgressionWithoutALadderAndALadderNoEntryUsesAreCaught() {
    let noLadder = good.replacingOccurrences(
      of: "progression:\n  reps: {from: 10, to: 12, step: 1}\n  sets: {from: 1, to: 2}\n", with: "")
    XCTAssertEqual(
      load(noLadder).diagnostics.map(\.description),
      [
        "plan.yaml:1:1: error: an entry has 'progression: true' but the programme has no 'progression'; add one "
          + "with 'reps: {from: 10, to: 15, step: 1}' and 'sets: {from: 1, to: 3}'"
      ])
    let unused = good.replacingOccurrences(of: "    progression: true\n", with: "")
    XCTAssertEqual(
      load(unused).diagnostics.map(\.description),
      [
        "plan.yaml:17:1: warning: no schedule entry has 'progression: true', so 'progression' changes nothing; "
          + "add 'progression: true' to the strength entry or remove it"
      ])
  }

  func testWeeksOutsideTheProgrammeAndDosesOutsideTheSourceAreNamed() {
    let text =
      good
      .replacingOccurrences(of: "weeks: [1, 4]", with: "weeks: [1, 5]")
      .replacingOccurrences(of: "{from: 10, to: 12, step: 1}", with: "{from: 5, to: 20, step: 1}")
    XCTAssertEqual(
      load(text).diagnostics.map(\.description),
      [
        "plan.yaml:17:16: error: 'weeks' is 5; it must be from 1 to 4",
        "plan.yaml:19:9: warning: reps from 5 to 20 go outside the 8 to 15 the ACSM advises (Garber 2011); keep "
          + "to it unless your source says otherwise",
      ])
  }

  func testUnsafeCharactersAndBrokenYAMLSpeakAsForRoutines() {
    let escape = good.replacingOccurrences(of: "label: strength", with: "label: \"str\\e[31mength\"")
    XCTAssertEqual(
      load(escape).diagnostics.map(\.description),
      [
        "plan.yaml:9:12: error: 'label' contains an escape character (a terminal escape sequence could start "
          + "here), written as an escape in quoted text; delete it"
      ])
    XCTAssertEqual(
      load("").diagnostics.map(\.description),
      [
        "plan.yaml:1:1: error: the file is empty; a programme needs at least format, id, title, summary, weeks "
          + "and schedule"
      ])
    XCTAssertTrue(
      load("schedule: [\n").diagnostics.first?.description.hasPrefix("plan.yaml:2:1: error: YAML syntax error")
        ?? false, "\(load("schedule: [\n").diagnostics)")
  }

  func testTheSameIDTwiceInOneFolderIsAnError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("programmes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = good.replacingOccurrences(of: "      - routine: walk\n", with: "")
    for name in ["a.yaml", "b.yaml"] {
      try clean.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    // Without a routine library, the ids of routines are not checked.
    let library = ProgrammeLibrary.load(userFolder: folder.path, routines: nil, includesBuiltIn: false)
    XCTAssertEqual(library.programmes.count, 1)
    XCTAssertTrue(
      library.diagnostics.contains {
        $0.description.hasSuffix(
          "b.yaml:2:5: error: duplicate programme id 'plan': also defined at \(folder.path)/a.yaml:2:5. "
            + "Give this programme another id")
      }, library.diagnostics.map(\.description).joined(separator: "\n"))
  }
}

/// `unknot check FOLDER` reads a programme beside the routines it names as a programme.
final class ProgrammeCheckTests: XCTestCase {
  func testACheckedFolderReadsProgrammesAsProgrammesAgainstTheRoutinesBesideThem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try simpleRoutine(id: "mine").write(
      to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let programme = """
      format: 1
      id: my-plan
      title: My plan
      summary: Mine, daily.
      weeks: 2
      sources: [test]
      schedule:
        - routine: mine
          days: daily
        - routine: desk-posture-break
          days: [mon]

      """
    try programme.write(to: folder.appendingPathComponent("my-plan.yaml"), atomically: true, encoding: .utf8)
    XCTAssertTrue(ProgrammeLoader.looksLikeProgramme(Array(programme.utf8)))
    XCTAssertFalse(ProgrammeLoader.looksLikeProgramme(Array(simpleRoutine(id: "mine").utf8)))

    let alone = CheckReport.paths([folder.path])
    XCTAssertEqual(alone.fileCount, 2)
    XCTAssertEqual(
      alone.diagnostics.map(\.description),
      [
        "\(folder.path)/my-plan.yaml:10:14: error: no routine with the id 'desk-posture-break'. Run `unknot list` to see the routines"
      ])
    let withLibrary = CheckReport.paths(
      [folder.path], searchPath: RoutineLibrary.load(RoutineSearchPath(userFolder: nil)))
    XCTAssertEqual(withLibrary.diagnostics, [], withLibrary.diagnostics.map(\.description).joined(separator: "\n"))
  }
}

/// Damaged copies of a programme, as `MutationFuzzTests` makes of routines: the loader
/// always returns, and a refused file has an error at a real place in it.
final class ProgrammeMutationTests: XCTestCase {
  func testMutatedProgrammesNeverCrashAndEveryRefusalIsExplained() throws {
    let original = try XCTUnwrap(BuiltInProgrammeFiles.all().first { $0.name == "desk-worker.yaml" }).bytes
    var master = SplitMix64(seed: 0x7072_6F67)
    var refused = 0
    for _ in 0..<1_500 {
      let seed = master.next()
      var rng = SplitMix64(seed: seed)
      let bytes = MutationFuzzTests.mutate(original, rng: &rng)
      let loaded = ProgrammeLoader.load(bytes: bytes, path: "desk-worker.yaml", routines: nil)
      guard loaded.programme == nil else { continue }
      refused += 1
      let lines = MutationFuzzTests.lineCount(bytes)
      XCTAssertTrue(
        loaded.diagnostics.contains { $0.severity == .error }, "seed 0x\(String(seed, radix: 16)): refused silently")
      for diagnostic in loaded.diagnostics {
        XCTAssertTrue(
          (1...lines + 1).contains(diagnostic.line) && diagnostic.column >= 1,
          "seed 0x\(String(seed, radix: 16)): \(diagnostic) is not a place in the file")
      }
    }
    // The mutations must damage files, and not every one beyond reading.
    XCTAssertGreaterThan(refused, 300, "only \(refused) of 1500 mutated files were refused")
    XCTAssertLessThan(refused, 1_500, "no mutated file loaded at all")
  }
}
