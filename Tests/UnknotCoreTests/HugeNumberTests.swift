import UnknotCore
import XCTest

/// Numbers too big for any routine are reported as errors, never an arithmetic
/// overflow (which would crash `unknot check` and, here, the whole test run).
final class HugeNumberTests: XCTestCase {
  func testAnEnormousNumberOfHoursIsAnErrorNotACrash() {
    let loaded = load(
      routine(steps: [
        "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "    duration: 9999999999999999h",
      ]))
    XCTAssertNil(loaded.routine)
    XCTAssertTrue(
      loaded.diagnostics.contains { $0.severity == .error && $0.line == 12 && $0.column == 15 },
      loaded.diagnostics.map(\.description).joined(separator: "\n"))
  }

  func testTheLargestWholeNumberAsABreathingDurationIsAnErrorNotACrash() {
    let loaded = load(
      routine(
        tools: "[]",
        steps: [
          "  - kind: breathe", "    muscle: rhomboids", "    phases: [{phase: inhale, duration: 4s}]",
          "    duration: 9223372036854775807",
        ]))
    XCTAssertNil(loaded.routine)
    XCTAssertTrue(loaded.diagnostics.contains { $0.message.contains("over 1 hour") }, "\(loaded.diagnostics)")
  }

  func testAHugeBreathingDurationInSetsIsAnErrorNotACrash() {
    let loaded = load(
      routine(
        tools: "[]",
        steps: [
          "  - kind: breathe", "    muscle: rhomboids", "    phases: [{phase: inhale, duration: 4s}]",
          "    duration: 999999999999999999", "    sets: 10",
        ]))
    XCTAssertNil(loaded.routine)
    XCTAssertTrue(loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics)")
  }

  func testAnHourOfBreathingIsClean() {
    // The control case: the same file with a sensible number loads without a word.
    let loaded = load(
      routine(
        tools: "[]",
        steps: [
          "  - kind: breathe", "    muscle: rhomboids", "    phases: [{phase: inhale, duration: 4s}]",
          "    duration: 1h",
        ]))
    XCTAssertNotNil(loaded.routine)
    XCTAssertEqual(loaded.diagnostics, [])
  }
}
