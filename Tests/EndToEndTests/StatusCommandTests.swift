import Foundation
import XCTest

/// `unknot status` as a tmux status bar runs it: one line, exit 0; a broken config
/// file is named with its line and column.
final class StatusCommandTests: EndToEndTestCase {
  func testStatusPrintsOneLineAndExitsZero() throws {
    let result = try sandbox.run(["status"])
    XCTAssertFalse(result.timedOut, result.transcript)
    XCTAssertEqual(result.status, 0, result.transcript)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(lines.count, 2, result.transcript)
    XCTAssertTrue(
      lines[0] == "break due" || lines[0] == "no break needed" || lines[0].hasPrefix("break in "), result.transcript)
  }

  func testAMisspelledConfigKeyIsNamedWithItsPlace() throws {
    let folder = sandbox.environment["XDG_CONFIG_HOME"]! + "/unknot"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data("break-evry: 30m\n".utf8).write(to: URL(fileURLWithPath: folder + "/config.yaml"))
    let result = try sandbox.run(["status"])
    XCTAssertNotEqual(result.status, 0, result.transcript)
    XCTAssertTrue(
      result.errors.contains(
        "config.yaml:1:1: error: unknown key 'break-evry' in the config file; did you mean 'break-every'?"),
      result.transcript)
  }
}
