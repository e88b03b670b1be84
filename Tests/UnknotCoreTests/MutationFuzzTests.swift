import Foundation
import UnknotCore
import XCTest

/// Thousands of damaged copies of the fixture routines (the tests' own, so a seed
/// replays the same inputs whatever happens to Routines/): whatever the bytes, the loader
/// returns, and a file it refuses comes with an error pointing at a real place in it.
/// The generator is seeded, so a failure names the seed that reproduces it.
final class MutationFuzzTests: XCTestCase {
  private static let punctuation = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", "&", "&a ", "*", "*a", "!", "!!str ", "|", ">", "'", "\"", "#",
    "? ", ",", "%", "@", "`", "\\", "\n", "\n  ", "\n- ", "    ", "\t", "---\n", "...\n", "<<: *a\n",
  ].map { Array($0.utf8) }

  private static let controls: [[UInt8]] = [
    [0x00], [0x1B], [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0x07], [0x0D], [0x09], [0x7F], [0xC2, 0x9B],
    [0xE2, 0x80, 0xAE], [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xE2, 0x80, 0xA8],
  ]

  func testThousandsOfMutatedRoutinesNeverCrashAndEveryRefusalIsExplained() {
    let files = FixtureRoutines.all()
    XCTAssertFalse(files.isEmpty, "no fixture routines in \(FixtureRoutines.folder.path)")
    let perFile = (6_000 + files.count - 1) / max(1, files.count)
    var master = SplitMix64(seed: 0x756E_6B6E_6F74)
    var loads = 0
    var refused = 0
    var failures = 0
    for file in files {
      for _ in 0..<perFile {
        let seed = master.next()
        var rng = SplitMix64(seed: seed)
        let bytes = Self.mutate(file.bytes, rng: &rng)
        let loaded = RoutineLoader.load(bytes: bytes, path: file.name)
        loads += 1
        if loaded.routine == nil { refused += 1 }
        if let problem = Self.problem(with: loaded, bytes: bytes, path: file.name) {
          failures += 1
          if failures <= 10 {
            XCTFail("\(file.name), mutation seed 0x\(String(seed, radix: 16)): \(problem)\n\(loaded.listing)")
          }
        }
      }
    }
    XCTAssertEqual(failures, 0, "\(failures) of \(loads) mutated files broke a rule")
    XCTAssertGreaterThanOrEqual(loads, 6_000)
    // The mutations must actually damage files, or this test proves nothing.
    XCTAssertGreaterThan(refused, loads / 3, "only \(refused) of \(loads) mutated files were refused")
    XCTAssertLessThan(refused, loads, "no mutated file loaded at all")
  }

  func testRandomTokenSoupNeverCrashes() {
    var rng = SplitMix64(seed: 0x5EED)
    let words = ["format", "id", "steps", "kind", "hold", "block", "side", "both", "duration", "1", "60s", "x"]
      .map { Array($0.utf8) }
    for round in 0..<400 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 1...80, using: &rng) {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: bytes += words.randomElement(using: &rng)!
        case 1: bytes += Self.punctuation.randomElement(using: &rng)!
        default: bytes += Self.controls.randomElement(using: &rng)!
        }
      }
      let loaded = RoutineLoader.load(bytes: bytes, path: "soup.yaml")
      if let problem = Self.problem(with: loaded, bytes: bytes, path: "soup.yaml") {
        XCTFail("round \(round): \(problem)\n\(loaded.listing)")
        return
      }
    }
  }

  // MARK: - The rules every load keeps

  /// What is wrong with this result, or nil when it keeps every rule.
  private static func problem(with loaded: LoadedRoutine, bytes: [UInt8], path: String) -> String? {
    if loaded.routine == nil && loaded.errors.isEmpty {
      return "refused without an error"
    }
    if loaded.routine != nil && !loaded.errors.isEmpty {
      return "loaded despite an error"
    }
    let lastLine = lineCount(bytes) + 1
    for diagnostic in loaded.diagnostics {
      if diagnostic.line < 1 || diagnostic.column < 1 {
        return "a diagnostic before the start of the file: \(diagnostic)"
      }
      if diagnostic.line > lastLine {
        return "a diagnostic on line \(diagnostic.line) of a file of \(lastLine - 1) lines: \(diagnostic)"
      }
      if diagnostic.file != path {
        return "a diagnostic names another file: \(diagnostic)"
      }
    }
    let places = loaded.diagnostics.map { [$0.line, $0.column] }
    if places != places.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      return "diagnostics are not in file order"
    }
    return nil
  }

  /// Lines as an editor counts them: LF, CR LF, a lone CR, and the Unicode line and
  /// paragraph separators each end one.
  static func lineCount(_ bytes: [UInt8]) -> Int {
    var breaks = 0
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A: breaks += 1
      case 0x0D where index + 1 >= bytes.count || bytes[index + 1] != 0x0A: breaks += 1
      case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
        breaks += 1
      default: break
      }
      index += 1
    }
    return breaks + 1
  }

  // MARK: - Mutations

  static func mutate(_ original: [UInt8], rng: inout SplitMix64) -> [UInt8] {
    var bytes = original
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      guard !bytes.isEmpty else { break }
      let at = Int.random(in: 0...bytes.count, using: &rng)
      switch Int.random(in: 0..<9, using: &rng) {
      case 0:
        let end = min(bytes.count, at + Int.random(in: 1...8, using: &rng))
        bytes.removeSubrange(min(at, end)..<end)
      case 1:
        bytes.insert(
          contentsOf: (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) },
          at: at)
      case 2:
        if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
      case 3:
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let a = Int.random(in: 0..<lines.count, using: &rng)
        let b = Int.random(in: 0..<lines.count, using: &rng)
        lines.swapAt(a, b)
        bytes = Array(lines.joined(separator: [0x0A]))
      case 4:
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let a = Int.random(in: 0..<lines.count, using: &rng)
        lines.insert(lines[a], at: Int.random(in: 0...lines.count, using: &rng))
        bytes = Array(lines.joined(separator: [0x0A]))
      case 5, 6:
        bytes.insert(contentsOf: punctuation.randomElement(using: &rng)!, at: at)
      case 7:
        bytes.insert(contentsOf: controls.randomElement(using: &rng)!, at: at)
      default:
        bytes.removeSubrange(at...)
      }
    }
    return bytes
  }
}
