import Foundation
import XCTest

/// Screens kept as text files beside the tests (Golden/<name>.txt), compared line by line.
/// `UNKNOT_RECORD_GOLDEN=1 swift test --filter GoldenScreenTests` (re)writes them; a missing
/// file fails, so a new screen is never accepted without someone recording and reading it.
enum GoldenFile {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden", isDirectory: true)

  static let recordVariable = "UNKNOT_RECORD_GOLDEN"

  static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

  static func url(named name: String) -> URL {
    folder.appendingPathComponent(name + ".txt")
  }

  /// Compares `text` with the golden file `name`, or writes it when recording.
  static func assertMatches(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = url(named: name)
    let stored = text + "\n"
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(stored.utf8).write(to: url, options: .atomic)
      } catch {
        XCTFail("Could not record \(url.path): \(error)", file: file, line: line)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail(
        "No golden file \(url.path). Record it with `\(recordVariable)=1 swift test --filter GoldenScreenTests`, "
          + "then read it to check it is what a person should see.\nThe screen now:\n\(text)",
        file: file, line: line)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != stored else { return }
    XCTFail(
      "\(name) differs from \(url.lastPathComponent): \(difference(expected: expected, actual: stored))\n"
        + "The screen now:\n\(text)\nIf the change is intended, re-record with `\(recordVariable)=1`.",
      file: file, line: line)
  }

  /// The first line that differs, both ways, for a readable failure.
  static func difference(expected: String, actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    for index in 0..<max(old.count, new.count) {
      let was = index < old.count ? old[index] : "<no line>"
      let now = index < new.count ? new[index] : "<no line>"
      if was != now {
        return "line \(index + 1)\n  expected: \"\(was)\"\n  actual:   \"\(now)\""
      }
    }
    return "same lines, different bytes"
  }
}
