import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

extension EndToEndTestCase {
  /// Starts the long e2e routine under tmux in dash, rates 6 before, runs to its hold
  /// and kills unknot with SIGKILL, as a crash or the OOM killer would; returns once
  /// the shell has reported the kill. Returns the shell and the command it ran.
  func killTheLongSessionAtItsHold() throws -> (tmux: Tmux, command: String) {
    try sandbox.recordSafetyCheck()
    let tmux = try startShell(.dash)
    let command = sandbox.commandLine(["start", "e2e-long"] + sandbox.sessionOptions)
    try tmux.typeLine("clear; \(command); echo \"EXIT=$?\"")
    try tmux.runToTheHold(of: "E2E long hold", rating: 6)
    let pid = try tmux.unknotPID()
    XCTAssertEqual(kill(pid, SIGKILL), 0)
    try tmux.waitFor("the shell to report the kill") { Tmux.showsExitStatus($0) }
    return (tmux, command)
  }
}
