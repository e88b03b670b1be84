import Foundation
import UnknotCore
import XCTest

/// The programmes compiled into the binary from Routines/programmes/: all clean under
/// --strict against the bundled routines, and the three the issue names.
final class BundledProgrammeTests: XCTestCase {
  private static let routines = RoutineLibrary.load(RoutineSearchPath(userFolder: nil))
  private static let library = ProgrammeLibrary.load(userFolder: nil, routines: routines)

  private func programme(_ id: String) throws -> Programme {
    try XCTUnwrap(Self.library.programme(id), "no bundled programme '\(id)'")
  }

  func testEveryBundledProgrammeLoadsWithNoErrorsAndNoWarnings() {
    XCTAssertEqual(Self.library.entries.count, BuiltInProgrammeFiles.all().count)
    XCTAssertEqual(
      Self.library.diagnostics, [], Self.library.diagnostics.map(\.description).joined(separator: "\n"))
    XCTAssertEqual(Self.library.programmes.count, 3)
    let report = CheckReport(library: Self.routines, programmes: Self.library)
    XCTAssertEqual(report.exitCode(strict: true), 0, report.summary)
  }

  func testTheDeskWorkerProgrammeHasDailyBreaksStrengthThreeTimesAWeekAndMobility() throws {
    let desk = try programme("desk-worker")
    XCTAssertEqual(desk.weeks, 6)
    XCTAssertEqual(desk.entry(forRoutine: "desk-posture-break")?.days, .daily)
    let strength = try XCTUnwrap(desk.entry(forRoutine: "bodyweight-mid-back-strength"))
    XCTAssertEqual(strength.days, .timesPerWeek(3))
    XCTAssertTrue(strength.progresses)
    XCTAssertTrue(strength.routineIDs.contains("band-mid-back-strength"), "a band or body weight, as owned")
    XCTAssertNotNil(desk.entry(forRoutine: "gentle-mobility"))
  }

  func testTheHeadacheAndShoulderBladeProgrammesRunFourAndSixWeeks() throws {
    XCTAssertEqual(try programme("tension-headache-weeks").weeks, 4)
    XCTAssertEqual(try programme("between-shoulder-blades").weeks, 6)
  }

  func testEveryLadderStaysWithinTheACSMsRange() {
    for programme in Self.library.programmes.compactMap(\.programme) {
      guard let ladder = programme.progression else { continue }
      XCTAssertGreaterThanOrEqual(ladder.reps.lowerBound, 8, programme.id)
      XCTAssertLessThanOrEqual(ladder.reps.upperBound, 15, programme.id)
      XCTAssertEqual(ladder.sets.lowerBound, 1, "one set to start: \(programme.id)")
      XCTAssertLessThanOrEqual(ladder.sets.upperBound, 4, programme.id)
    }
  }
}
