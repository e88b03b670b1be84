import XCTest

/// The test routines themselves pass `unknot check`, so a failing session test is
/// never a broken fixture.
final class FixtureCheckTests: EndToEndTestCase {
  func testTestRoutinesLoadWithoutErrors() throws {
    let folder = sandbox.routines.path
    let check = try sandbox.run(["check", folder])
    XCTAssertEqual(check.status, 0, check.transcript)
    XCTAssertTrue(check.output.contains("checked 3 files: 0 errors"), check.transcript)

    // The long routine is clean even under --strict.
    let strict = try sandbox.run(["check", "--strict", folder + "/e2e-long.yaml"])
    XCTAssertEqual(strict.status, 0, strict.transcript)
    XCTAssertTrue(strict.output.contains("0 errors, 0 warnings"), strict.transcript)

    // The 3 s holds are outside the evidence range on purpose: --strict on the whole
    // folder fails on exactly those two warnings and nothing else.
    let strictFolder = try sandbox.run(["check", "--strict", folder])
    XCTAssertEqual(strictFolder.status, 1, strictFolder.transcript)
    let problems = strictFolder.errors.split(separator: "\n")
    XCTAssertEqual(problems.count, 2, strictFolder.transcript)
    for problem in problems {
      XCTAssertTrue(problem.contains("warning: a hold of 3 s is outside the usual 30–90 s"), String(problem))
    }

    let list = try sandbox.run(["list", "--group", "between-blades", "--routines", folder])
    XCTAssertEqual(list.status, 0, list.transcript)
    for id in ["e2e-quick", "e2e-long", "e2e-speak"] {
      XCTAssertTrue(list.output.contains(id), "\(id) is not listed:\n\(list.transcript)")
    }
  }
}
