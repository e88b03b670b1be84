import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// Plain mode says what the full screen says: the pressure in its region's words, and
/// the change before → after by the same rule.
final class PlainSessionTests: XCTestCase {
  /// What plain mode wrote, and the lines it will read.
  private final class Lines: @unchecked Sendable {
    var written: [String] = []
    var input: [String]

    init(input: [String]) {
      self.input = input
    }
  }

  /// One 1 s hold at the skull base, rated before and after as `ratings` says.
  private func run(ratings: [String]) throws -> [String] {
    let folder = NSTemporaryDirectory() + "unknot-plain-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let journal = try SQLiteJournal(path: folder + "/journal.sqlite")
    try journal.record(SafetyCheck(date: Date(), answers: [:], outcome: .clear))
    let routine = Routine(
      id: "skull-base-hold", title: "Skull base hold", summary: "One short hold at the skull base.",
      groups: [.neck], targets: [.suboccipitals], tools: [.cradleTool],
      steps: [
        RoutineStep(
          .hold(seconds: 1, pressure: PressureRegion.skullBase.usual), muscle: .suboccipitals, tool: .cradleTool)
      ])
    let lines = Lines(input: ratings)
    let console = PlainConsole(
      write: { lines.written.append($0) },
      readLine: { lines.input.isEmpty ? nil : lines.input.removeFirst() }, inputIsInteractive: false)
    let session = PlainSession(
      entry: LoadedEntry(routine: routine, origin: .file(path: "/fixtures/skull.yaml"), contentHash: "skull"),
      journal: journal, options: AppOptions(quiet: true), console: console)
    XCTAssertEqual(session.run(), 0, lines.written.joined(separator: "\n"))
    return lines.written
  }

  func testTheSkullBaseHoldIsGentleAndAOnePointFallIsWithinTheUsualVariation() throws {
    let lines = try run(ratings: ["1", "0"])
    let transcript = lines.joined(separator: "\n")
    XCTAssertTrue(lines.contains("  Press about 2–4 of 10: gentle, the weight of the head only."), transcript)
    XCTAssertFalse(transcript.lowercased().contains("strong"), transcript)
    XCTAssertTrue(
      lines.contains("Pain before → after: 1 → 0, −1, −100% (within the usual day-to-day variation)."), transcript)
  }

  func testTwoPointsAndThirtyPercentIsAModerateReduction() throws {
    let lines = try run(ratings: ["9", "6"])
    XCTAssertTrue(
      lines.contains("Pain before → after: 9 → 6, −3, −33% (a moderate reduction)."), lines.joined(separator: "\n"))
  }
}
