import Foundation
import UnknotCore
import XCTest

/// The one version, everywhere a person or a bug report reads it; the man page in
/// step with the commands; completion scripts for each shell. (.ci/check-install
/// installs all of them and uses them as installed.)
final class VersionAndManualTests: EndToEndTestCase {
  private static let manualPage = UnknotBinary.package.appendingPathComponent("docs/man/unknot.1")

  func testVersionPrintsTheVersionAndExitsZero() throws {
    let result = try sandbox.run(["--version"])
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertEqual(result.output, UnknotVersion.current + "\n", result.transcript)
    XCTAssertEqual(result.errors, "", result.transcript)
  }

  func testTheJSONExportNamesTheVersionThatWroteIt() throws {
    let journal = sandbox.path("generated.sqlite")
    let generated = try sandbox.run(["generate-journal", "--days", "3", "--journal", journal])
    XCTAssertEqual(generated.status, 0, generated.transcript)
    let exported = try sandbox.run(["export", "--format", "json", "--journal", journal])
    XCTAssertEqual(exported.status, 0, exported.transcript)
    let document = try JSONSerialization.jsonObject(with: exported.stdout) as? [String: Any]
    XCTAssertEqual(document?["unknotVersion"] as? String, UnknotVersion.current, exported.transcript)
    XCTAssertEqual(document?["version"] as? Int, JournalExportDocument.formatVersion, exported.transcript)
  }

  /// Every command `unknot --help` lists has its entry in docs/man/unknot.1, and the
  /// page's footer names this version. (.ci/check-man-page compares the whole page
  /// with a fresh one; this says which command is missing.)
  func testTheManualPageDescribesEveryCommandAndTheVersion() throws {
    let page = try String(contentsOf: Self.manualPage, encoding: .utf8)
    XCTAssertTrue(
      page.contains("\n.Os unknot \(UnknotVersion.current)\n"),
      "docs/man/unknot.1 does not carry version \(UnknotVersion.current): run `make man` and commit the page")
    let help = try sandbox.run(["--help"])
    XCTAssertEqual(help.status, 0, help.transcript)
    let commands = Self.listedCommands(help.output)
    XCTAssertTrue(commands.contains("start") && commands.contains("export"), help.output)
    for command in commands {
      XCTAssertTrue(
        page.contains("\n.It Em \(command)\n"),
        "docs/man/unknot.1 has no entry for `unknot \(command)`: run `make man` and commit the page")
    }
  }

  /// bash, zsh and fish each get a script that completes unknot's commands; the bash
  /// one is also checked by bash itself.
  func testCompletionScriptsNameTheCommandsForEachShell() throws {
    for shell in ["bash", "zsh", "fish"] {
      let result = try sandbox.run(["--generate-completion-script", shell])
      XCTAssertEqual(result.status, 0, result.transcript)
      XCTAssertTrue(result.output.contains("unknot"), "\(shell):\n\(result.transcript)")
      for command in ["start", "history", "export"] {
        XCTAssertTrue(result.output.contains(command), "\(shell) completion lacks \(command):\n\(result.output)")
      }
    }
    let bash = try sandbox.run(["--generate-completion-script", "bash"])
    let script = sandbox.path("unknot.bash")
    try bash.stdout.write(to: URL(fileURLWithPath: script))
    let syntax = try runProcess(
      URL(fileURLWithPath: "/bin/bash"), ["-n", script], environment: sandbox.environment, directory: sandbox.root,
      input: .devNull, timeout: 10)
    XCTAssertEqual(syntax.status, 0, syntax.transcript)
  }

  /// The names in the SUBCOMMANDS section of `unknot --help`: lines indented by two
  /// spaces (continuation lines of a description are indented further).
  private static func listedCommands(_ help: String) -> [String] {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
    return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
      guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLowercase else { return nil }
      return line.split(separator: " ").first.map(String.init)
    }
  }
}
