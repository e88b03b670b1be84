import Foundation
import XCTest

/// Every text the command line prints goes through `TerminalOutput` (Sources/unknot),
/// which makes each line visible: no command writes to the terminal any other way, and
/// the reports only build text, never print it. Read from the sources, so a new
/// `print(` anywhere fails here rather than in a stranger's terminal.
final class TerminalOutputPathTests: XCTestCase {
  /// <package>/Tests/UnknotCoreTests/this file → <package>/Sources.
  private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

  /// The ways a Swift program can write to standard output or standard error.
  private static let writers = [
    "print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs(", "fwrite(", "putchar(", "puts(",
    "write(STDOUT_FILENO", "write(STDERR_FILENO", "debugPrint(", "dump(",
  ]

  private func swiftFiles(in folder: String) throws -> [URL] {
    let root = Self.sources.appendingPathComponent(folder)
    let names = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: root.path))
    return names.filter { $0.hasSuffix(".swift") }.sorted().map { root.appendingPathComponent($0) }
  }

  /// Lines that write, comments left out.
  private func writingLines(_ file: URL) throws -> [String] {
    try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init).filter { line in
      let code = line.trimmingCharacters(in: .whitespaces)
      return !code.hasPrefix("//") && Self.writers.contains { code.contains($0) }
    }
  }

  func testTheCommandsWriteOnlyThroughTerminalOutput() throws {
    let files = try swiftFiles(in: "unknot")
    XCTAssertGreaterThan(files.count, 20, "the command sources were found")
    for file in files where file.lastPathComponent != "TerminalOutput.swift" {
      XCTAssertEqual(try writingLines(file), [], file.lastPathComponent)
    }
    // isatty(STDOUT_FILENO) asks; it does not write.
    let own = try writingLines(Self.sources.appendingPathComponent("unknot/TerminalOutput.swift"))
    XCTAssertFalse(own.isEmpty, "TerminalOutput itself writes")
  }

  func testTheReportsAndTheJournalNeverPrint() throws {
    for folder in ["UnknotCore/Reports", "UnknotCore/Journal", "UnknotCore/Insights", "UnknotCore/Programmes"] {
      for file in try swiftFiles(in: folder) {
        XCTAssertEqual(try writingLines(file), [], "\(folder)/\(file.lastPathComponent)")
      }
    }
  }
}
