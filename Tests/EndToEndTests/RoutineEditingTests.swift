import Foundation
import UnknotCore
import XCTest

/// `unknot new` and `unknot edit` as a person uses them, with shell scripts standing in
/// for the editor: a valid save replaces the file, a broken one never does, and the
/// choice after errors is asked on the terminal.
final class RoutineEditingTests: EndToEndTestCase {
  private var userFolder: String { sandbox.environment["XDG_CONFIG_HOME"]! + "/unknot/routines" }
  private let id = "my-rhomboids-massage-ball"
  private var routineFile: String { userFolder + "/" + id + ".yaml" }

  /// An editor script: the file to edit is its last argument, as with `code --wait FILE`.
  private func editor(_ name: String, _ body: String) throws -> String {
    try sandbox.writeScript(name, "#!/bin/sh\nfor file in \"$@\"; do :; done\n" + body + "\n").path
  }

  /// Retitles the routine: a valid save.
  private func validEditor() throws -> String {
    try editor("valid-editor", "sed -i 's/^title: .*/title: \"Edited by the test\"/' \"$file\"")
  }

  /// Misspells a key: a save with an error.
  private func brokenEditor() throws -> String {
    try editor("broken-editor", "sed -i 's/^summary:/sumary:/' \"$file\"")
  }

  /// Breaks the file on the first run and mends it (and retitles it) on the second.
  private func brokenThenValidEditor() throws -> String {
    let count = sandbox.path("editor-runs")
    return try editor(
      "broken-then-valid",
      """
      runs=$(cat \(count) 2>/dev/null || echo 0); runs=$((runs + 1)); echo $runs > \(count)
      if [ $runs = 1 ]; then sed -i 's/^summary:/sumary:/' "$file"
      else sed -i 's/^sumary:/summary:/; s/^title: .*/title: "Fixed on the second try"/' "$file"; fi
      """)
  }

  private func writeStarter(file: StaticString = #filePath, line: UInt = #line) throws -> Data {
    let result = try sandbox.run(["new", "--muscle", "rhomboids", "--tool", "massage-ball"])
    XCTAssertEqual(result.status, 0, result.transcript, file: file, line: line)
    return try XCTUnwrap(FileManager.default.contents(atPath: routineFile), result.transcript, file: file, line: line)
  }

  private func leftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: userFolder).filter { $0.hasPrefix(".") }
  }

  private func mode(_ path: String) throws -> Int {
    try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  /// A shell wide enough that paths do not wrap.
  private func wideShell(environment: [String: String] = [:]) throws -> Tmux {
    let tmux = try startTmux(["bash", "--norc", "--noprofile"], width: 250, height: 50, environment: environment)
    try tmux.waitFor("the shell prompt") { $0.contains("e2e$") }
    return tmux
  }

  // MARK: - unknot new

  func testNewWritesAStarterThatPassesCheckStrictAndNeverOverwrites() throws {
    let result = try sandbox.run(["new", "--muscle", "rhomboids", "--tool", "massage-ball"])
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertTrue(result.output.contains("Wrote a starter routine, '\(id)', to \(routineFile)."), result.transcript)
    XCTAssertEqual(try mode(routineFile), 0o600)
    let check = try sandbox.run(["check", "--strict", routineFile])
    XCTAssertEqual(check.status, 0, check.transcript)
    XCTAssertTrue(check.output.contains("checked 1 file: 0 errors, 0 warnings"), check.transcript)
    // On the search path, under its id.
    let show = try sandbox.run(["show", id])
    XCTAssertEqual(show.status, 0, show.transcript)
    XCTAssertTrue(show.output.contains("Rhomboids with a massage ball"), show.transcript)

    let before = try Data(contentsOf: URL(fileURLWithPath: routineFile))
    // Aliases as elsewhere; the derived id moves on to a free one.
    let again = try sandbox.run(["new", "--muscle", "rhomboid", "--tool", "lacrosse-ball"])
    XCTAssertEqual(again.status, 0, again.transcript)
    XCTAssertTrue(again.output.contains("'\(id)-2'"), again.transcript)
    // A typed id in use is refused.
    let taken = try sandbox.run(["new", "--muscle", "infraspinatus", id])
    XCTAssertEqual(taken.status, 1, taken.transcript)
    XCTAssertTrue(taken.errors.contains("Run `unknot edit \(id)` to change it, or choose another id"), taken.transcript)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: routineFile)), before)
  }

  func testEveryMuscleWithEveryToolThatReachesItPassesCheckStrict() throws {
    for (muscle, tool) in StarterRoutine.pairs {
      let result = try sandbox.run(["new", "--muscle", muscle.id, "--tool", tool.id])
      XCTAssertEqual(result.status, 0, "\(muscle.id) × \(tool.id)\n\(result.transcript)")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: userFolder).filter { $0.hasSuffix(".yaml") }
    XCTAssertEqual(files.count, StarterRoutine.pairs.count)
    let check = try sandbox.run(["check", "--strict", userFolder])
    XCTAssertEqual(check.status, 0, check.transcript)
    XCTAssertTrue(check.output.contains("checked \(files.count) files: 0 errors, 0 warnings"), check.transcript)
  }

  func testNewNamesAMisspelledMuscleAndAToolThatDoesNotSuit() throws {
    let typo = try sandbox.run(["new", "--muscle", "rhombods"])
    XCTAssertEqual(typo.status, 1, typo.transcript)
    XCTAssertTrue(typo.errors.contains("unknown muscle 'rhombods'; did you mean 'rhomboids'?"), typo.transcript)
    let unsuited = try sandbox.run(["new", "--muscle", "pec-minor", "--tool", "ball"])
    XCTAssertNotEqual(unsuited.status, 0, unsuited.transcript)
    XCTAssertTrue(unsuited.errors.contains("stretched in a doorway only"), unsuited.transcript)
    XCTAssertTrue(unsuited.errors.contains("use --tool none"), unsuited.transcript)
    XCTAssertFalse(FileManager.default.fileExists(atPath: userFolder + "/my-pectoralis-minor-massage-ball.yaml"))
  }

  func testNewOnATerminalWithNoEditorSaysHowToSetOneAndWhereTheFileIs() throws {
    let tmux = try wideShell()
    try tmux.typeLine(sandbox.commandLine(["new", "--muscle", "rhomboids", "--tool", "massage-ball"]))
    try tmux.waitForText(
      "no editor is set. Set VISUAL or EDITOR", "export VISUAL=nano",
      "Then run `unknot edit \(id)`. The file is \(routineFile).")
    XCTAssertTrue(FileManager.default.fileExists(atPath: routineFile))
  }

  func testNewOnATerminalOpensTheEditorSplitIntoWords() throws {
    // `$VISUAL` may carry arguments, as `code --wait` does: the script checks it got them.
    let editor = try editor(
      "waiting-editor",
      "[ \"$1\" = --wait ] || exit 3\nsed -i 's/^title: .*/title: \"Edited by the test\"/' \"$file\"")
    let tmux = try wideShell(environment: ["VISUAL": editor + " --wait"])
    try tmux.typeLine(sandbox.commandLine(["new", "--muscle", "rhomboids", "--tool", "massage-ball"]))
    try tmux.waitForText("Saved \(routineFile).")
    let text = try String(contentsOfFile: routineFile, encoding: .utf8)
    XCTAssertTrue(text.contains("title: \"Edited by the test\""), text)
    XCTAssertEqual(try leftovers(), [])
  }

  // MARK: - unknot edit

  func testAValidSaveReplacesTheFile() throws {
    _ = try writeStarter()
    let result = try sandbox.run(["edit", id], environment: ["VISUAL": try validEditor()])
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertTrue(result.output.contains("Saved \(routineFile)."), result.transcript)
    let text = try String(contentsOfFile: routineFile, encoding: .utf8)
    XCTAssertTrue(text.contains("title: \"Edited by the test\""), text)
    XCTAssertEqual(try mode(routineFile), 0o600)
    XCTAssertEqual(try leftovers(), [], "the copy to edit is removed")
  }

  func testAnUnchangedFileSaysNothingChanged() throws {
    let before = try writeStarter()
    let result = try sandbox.run(["edit", id], environment: ["EDITOR": "true"])
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertTrue(result.output.contains("No changes: \(routineFile) is as it was."), result.transcript)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: routineFile)), before)
  }

  func testABrokenSaveThenKeepLeavesTheOldFileByteForByte() throws {
    let before = try writeStarter()
    let tmux = try wideShell(environment: ["VISUAL": try brokenEditor()])
    try tmux.typeLine(sandbox.commandLine(["edit", id]))
    let screen = try tmux.waitForText("(e) edit again, or (k) keep the previous version?")
    // The diagnostics name the real file, not the copy, with line and column.
    XCTAssertTrue(
      screen.contains("\(routineFile):17:1: error: unknown key 'sumary' in a routine; did you mean 'summary'?"), screen)
    XCTAssertFalse(screen.contains(".unknot-edit-"), screen)
    try tmux.typeLine("x")
    try tmux.waitForText("Please type e or k.")
    try tmux.typeLine("k")
    try tmux.waitForText("Kept the previous version of \(routineFile); the edit is discarded.")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: routineFile)), before)
    XCTAssertEqual(try leftovers(), [])
  }

  func testABrokenSaveThenAFixReplacesTheFile() throws {
    _ = try writeStarter()
    let tmux = try wideShell(environment: ["VISUAL": try brokenThenValidEditor()])
    try tmux.typeLine(sandbox.commandLine(["edit", id]))
    try tmux.waitForText("(e) edit again, or (k) keep the previous version?")
    try tmux.typeLine("e")
    try tmux.waitForText("Saved \(routineFile).")
    let text = try String(contentsOfFile: routineFile, encoding: .utf8)
    XCTAssertTrue(text.contains("title: \"Fixed on the second try\""), text)
    XCTAssertTrue(text.contains("\nsummary:"), "the second run edits the first run's copy")
    XCTAssertEqual(try String(contentsOfFile: sandbox.path("editor-runs"), encoding: .utf8), "2\n")
  }

  func testABrokenSaveWithNoTerminalKeepsThePreviousVersionAndSaysSo() throws {
    let before = try writeStarter()
    let result = try sandbox.run(["edit", id], environment: ["VISUAL": try brokenEditor()])
    XCTAssertEqual(result.status, 1, result.transcript)
    XCTAssertTrue(
      result.errors.contains(
        "The edit has 2 errors and there is no terminal to ask on: kept the previous version of \(routineFile)"),
      result.transcript)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: routineFile)), before)
  }

  func testEditWithNoEditorSaysHowToSetOneAndWhereTheFileIs() throws {
    let before = try writeStarter()
    let result = try sandbox.run(["edit", id])
    XCTAssertEqual(result.status, 1, result.transcript)
    XCTAssertTrue(result.errors.contains("no editor is set. Set VISUAL or EDITOR"), result.transcript)
    XCTAssertTrue(result.errors.contains("The routine's file is \(routineFile)."), result.transcript)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: routineFile)), before)
  }

  func testEditingABuiltInRoutineCopiesItFirstAndTheCopyReplacesIt() throws {
    let copy = userFolder + "/between-blades-ball.yaml"
    let result = try sandbox.run(["edit", "between-blades-ball"], environment: ["VISUAL": try validEditor()])
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertTrue(
      result.output.contains("'between-blades-ball' is built in: copied it to \(copy). Your copy now replaces"),
      result.transcript)
    XCTAssertTrue(result.output.contains("Saved \(copy)."), result.transcript)
    let original = try String(
      contentsOf: UnknotBinary.package.appendingPathComponent("Routines/between-blades-ball.yaml"), encoding: .utf8)
    let edited = try String(contentsOfFile: copy, encoding: .utf8)
    XCTAssertEqual(
      edited,
      original.replacingOccurrences(
        of: "title: Between the shoulder blades with a ball", with: "title: \"Edited by the test\""))
    let show = try sandbox.run(["show", "between-blades-ball"])
    XCTAssertTrue(show.output.contains("Edited by the test"), show.transcript)
  }

  func testABrokenCopyOfABuiltInRoutineIsOpenedToBeFixed() throws {
    let copy = userFolder + "/between-blades-ball.yaml"
    let original = try String(
      contentsOf: UnknotBinary.package.appendingPathComponent("Routines/between-blades-ball.yaml"), encoding: .utf8)
    try FileManager.default.createDirectory(atPath: userFolder, withIntermediateDirectories: true)
    try original.replacingOccurrences(of: "\nsummary:", with: "\nsumary:").write(
      toFile: copy, atomically: true, encoding: .utf8)
    let fixer = try editor("fixer", "sed -i 's/^sumary:/summary:/' \"$file\"")
    let result = try sandbox.run(["edit", "between-blades-ball"], environment: ["VISUAL": fixer])
    XCTAssertEqual(result.status, 0, result.transcript)
    XCTAssertFalse(result.output.contains("is built in"), result.transcript)
    XCTAssertTrue(result.output.contains("Saved \(copy)."), result.transcript)
    XCTAssertEqual(try String(contentsOfFile: copy, encoding: .utf8), original)
  }
}
