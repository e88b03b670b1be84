import Foundation
import Synchronization
import XCTest

@testable import UnknotCore

// Routine files in these tests are written line by line, so the line and column of
// every key and value can be read straight off the test.

/// Joins lines into a file's text, with the final line break an editor would add.
func yaml(_ lines: [String]) -> String {
  lines.joined(separator: "\n") + "\n"
}

/// Eight fixed lines that open a routine: the first step is always on line 9.
func header(targets: String = "[rhomboids]", tools: String = "[massage-ball]") -> [String] {
  [
    "format: 1",  // 1
    "id: test",  // 2
    "title: Test routine",  // 3
    "summary: A routine written for a test.",  // 4
    "targets: \(targets)",  // 5
    "tools: \(tools)",  // 6
    "sources: [A test source]",  // 7
    "steps:",  // 8
  ]
}

/// A whole routine: the fixed header, then the given step lines from line 9 on.
func routine(targets: String = "[rhomboids]", tools: String = "[massage-ball]", steps: [String]) -> String {
  yaml(header(targets: targets, tools: tools) + steps)
}

/// A clean routine with one default hold, for folder and report tests.
func simpleRoutine(id: String, title: String = "A simple routine") -> String {
  yaml([
    "format: 1",
    "id: \(id)",
    "title: \(title)",
    "summary: One pressure hold between the shoulder blades.",
    "targets: [rhomboids]",
    "tools: [massage-ball]",
    "sources: [A test source]",
    "steps:",
    "  - kind: hold",
    "    muscle: rhomboids",
    "    tool: massage-ball",
    "    position: at-a-wall",
  ])
}

/// The step lines with `position:` added to each step that loads the body and names
/// none, for tests about other keys that must load clean. It goes right after the
/// step's `kind` line, so the lines below it move down one.
func positioned(_ steps: [String], _ position: String = "at-a-wall") -> [String] {
  var result: [String] = []
  for (index, line) in steps.enumerated() {
    result.append(line)
    let trimmed = line.drop { $0 == " " }
    guard trimmed.hasPrefix("- kind: "), let kind = StepKind(rawValue: String(trimmed.dropFirst(8))),
      kind.loadsTheBody
    else { continue }
    let keyIndent = String(repeating: " ", count: line.count - trimmed.count + 2)
    let ownLines = steps[(index + 1)...].prefix { $0.hasPrefix(keyIndent) }
    if !ownLines.contains(where: { $0.hasPrefix(keyIndent + "position:") }) {
      result.append(keyIndent + "position: " + position)
    }
  }
  return result
}

func load(_ text: String, path: String = "test.yaml", fileStem: String? = nil) -> LoadedRoutine {
  RoutineLoader.load(bytes: Array(text.utf8), path: path, fileStem: fileStem)
}

func load(bytes: [UInt8], path: String = "test.yaml") -> LoadedRoutine {
  RoutineLoader.load(bytes: bytes, path: path)
}

func builtIn(_ name: String, _ text: String) -> BuiltInRoutineFile {
  BuiltInRoutineFile(name: name, bytes: Array(text.utf8))
}

extension LoadedRoutine {
  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

  /// The routine's steps, or none when it did not load.
  var steps: [RoutineStep] { routine?.steps ?? [] }

  var listing: String {
    diagnostics.isEmpty ? "(no diagnostics)" : diagnostics.map(\.description).joined(separator: "\n")
  }
}

/// Asserts that the file loaded with no diagnostic at all, and returns the routine.
@discardableResult
func assertClean(
  _ loaded: LoadedRoutine, file: StaticString = #filePath, line: UInt = #line
) -> Routine? {
  XCTAssertNotNil(loaded.routine, "the routine did not load", file: file, line: line)
  XCTAssertEqual(loaded.diagnostics, [], loaded.listing, file: file, line: line)
  return loaded.routine
}

/// Asserts a diagnostic of this severity at exactly this place whose message starts with `message`.
func assertDiagnostic(
  _ loaded: LoadedRoutine, _ severity: Diagnostic.Severity, at position: (line: Int, column: Int),
  _ message: String, file: StaticString = #filePath, line: UInt = #line
) {
  let found = loaded.diagnostics.contains {
    $0.severity == severity && $0.line == position.line && $0.column == position.column
      && $0.message.hasPrefix(message)
  }
  XCTAssertTrue(
    found,
    "expected \(severity) at \(position.line):\(position.column) starting \"\(message)\"; got:\n\(loaded.listing)",
    file: file, line: line)
  if severity == .error {
    XCTAssertNil(loaded.routine, "a file with an error must not load", file: file, line: line)
  }
}

// MARK: - Files on disk

extension XCTestCase {
  /// A fresh folder, removed when the test ends.
  func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "unknot-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    addTeardownBlock {
      try? FileManager.default.removeItem(atPath: path)
    }
    return path
  }
}

func write(_ text: String, to path: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func write(bytes: [UInt8], to path: String) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Runs `work` on another thread and gives its result, or nil when it has not finished
/// within `seconds`: a hang becomes a test failure instead of a stuck test run.
func finishes<T: Sendable>(within seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
  let result = Mutex<T?>(nil)
  let done = DispatchSemaphore(value: 0)
  Thread.detachNewThread {
    let value = work()
    result.withLock { $0 = value }
    done.signal()
  }
  guard done.wait(timeout: .now() + seconds) == .success else { return nil }
  return result.withLock { $0 }
}

// MARK: - Seeded randomness

extension StopReason {
  /// Every danger sign a person can pick, and a routine's own rule: each kind of stop.
  static let everyKind: [StopReason] =
    DangerSign.offered.map { .sign($0) } + [.routineRule(RoutineStopRule(text: "The ball slides onto the spine."))]
}
