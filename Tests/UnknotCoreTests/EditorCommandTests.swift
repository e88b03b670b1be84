import Foundation
import XCTest

@testable import UnknotCore

/// `$VISUAL` and `$EDITOR` as a shell would split a simple command, and the check an
/// edited routine passes before it replaces the file.
final class EditorCommandTests: XCTestCase {
  func testTheEditorIsSplitIntoWordsAsAShellWould() {
    let table: [(String, [String]?)] = [
      ("nano", ["nano"]),
      ("code --wait", ["code", "--wait"]),
      ("  vim   -n  ", ["vim", "-n"]),
      ("'/opt/My Editor/edit' -w", ["/opt/My Editor/edit", "-w"]),
      ("\"/opt/My Editor/edit\" -w", ["/opt/My Editor/edit", "-w"]),
      ("/opt/My\\ Editor/edit", ["/opt/My Editor/edit"]),
      ("emacs -nw --eval '(setq x \"y\")'", ["emacs", "-nw", "--eval", "(setq x \"y\")"]),
      ("\"a\\\"b\" \"c\\d\"", ["a\"b", "c\\d"]),
      ("''", [""]),
      ("vim 'unclosed", nil),
      ("vim \"unclosed", nil),
      ("vim \\", nil),
    ]
    for (text, expected) in table {
      XCTAssertEqual(EditorCommand.split(text), expected, text)
    }
  }

  func testVisualComesFirstThenEditorAndNeitherSaysHowToSetOne() {
    let table: [([String: String], EditorCommand?)] = [
      (["VISUAL": "code --wait", "EDITOR": "vi"], EditorCommand(words: ["code", "--wait"], variable: "VISUAL")),
      (["VISUAL": "  ", "EDITOR": "vi"], EditorCommand(words: ["vi"], variable: "EDITOR")),
      (["EDITOR": "nano"], EditorCommand(words: ["nano"], variable: "EDITOR")),
      ([:], nil),
    ]
    for (environment, expected) in table {
      switch EditorCommand.from(environment: environment) {
      case .success(let command): XCTAssertEqual(command, expected)
      case .failure(let problem):
        XCTAssertNil(expected)
        XCTAssertEqual(problem, .notSet)
        XCTAssertTrue(problem.description.contains("export VISUAL=nano"), problem.description)
      }
    }
    guard case .failure(let problem) = EditorCommand.from(environment: ["VISUAL": "vim 'x\u{1B}[2J"]) else {
      return XCTFail("an unclosed quote was accepted")
    }
    XCTAssertFalse(problem.description.contains("\u{1B}"), "the value is shown, never sent")
    XCTAssertTrue(problem.description.contains("VISUAL="), problem.description)
  }

  func testAnEditedFileIsCheckedAtItsRealPathWithTheFolderAroundIt() {
    let folder = "/home/someone/.config/unknot/routines"
    let other = "\(folder)/my-neck.yaml"
    let edited = "\(folder)/my-back.yaml"
    let library = RoutineLibrary(entries: [
      RoutineLibrary.Entry(
        origin: .file(path: other),
        loaded: RoutineLoader.load(
          bytes: Array(StarterRoutine.text(muscle: .upperTrapezius, tool: .caneMassager, id: "my-neck").utf8),
          path: other, fileStem: "my-neck"), layer: 1),
      RoutineLibrary.Entry(
        origin: .file(path: edited),
        loaded: RoutineLoader.load(
          bytes: Array(StarterRoutine.text(muscle: .rhomboids, tool: .massageBall, id: "my-back").utf8),
          path: edited, fileStem: "my-back"), layer: 1),
    ])
    let clean = StarterRoutine.text(muscle: .rhomboids, tool: .pointTool, id: "my-back")
    XCTAssertEqual(RoutineEditCheck.diagnostics(of: Array(clean.utf8), at: edited, in: library), [])

    // The id of another routine in the same folder is an error on the edited file.
    let taken = StarterRoutine.text(muscle: .rhomboids, tool: .pointTool, id: "my-neck")
    let diagnostics = RoutineEditCheck.diagnostics(of: Array(taken.utf8), at: edited, in: library)
    XCTAssertTrue(diagnostics.allSatisfy { $0.file == edited }, "\(diagnostics)")
    XCTAssertTrue(
      diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("duplicate routine id 'my-neck'") },
      diagnostics.map(\.description).joined(separator: "\n"))

    // A built-in id is not a duplicate: the copy in the folder replaces it.
    let builtIn = RoutineLibrary.load(RoutineSearchPath(userFolder: nil))
    let copy = StarterRoutine.text(muscle: .rhomboids, tool: .massageBall, id: "between-blades-ball")
    XCTAssertEqual(
      RoutineEditCheck.diagnostics(of: Array(copy.utf8), at: "\(folder)/between-blades-ball.yaml", in: builtIn), [])
  }
}
