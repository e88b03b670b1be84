import Foundation
import XCTest

@testable import UnknotCore

/// The quick composer must build exactly the tree Yams builds — every text, style,
/// tag and place — or decline and leave the file to Yams. Checked on the bundled
/// routines, on hand-written YAML of every shape, and on thousands of damaged copies.
final class YAMLComposerTests: XCTestCase {
  /// Fails when the composer builds a tree Yams would not, or differs from Yams's.
  private func assertAgrees(_ text: String, _ what: @autoclosure () -> String, line: UInt = #line) -> Bool {
    let yams = Result { try YAMLComposer.composeWithYams(text) }
    switch YAMLComposer.compose(text) {
    case .declined:
      return false
    case .composed(let node):
      switch yams {
      case .success(let expected):
        if let difference = Self.difference(node, expected) {
          XCTFail("\(what()): \(difference)", line: line)
        }
      case .failure(let error):
        XCTFail("\(what()): composed a tree where Yams fails with \(error)", line: line)
      }
      return true
    }
  }

  /// Where two trees first differ, as a path a person can follow; nil when equal.
  static func difference(_ ours: YAMLNode?, _ yams: YAMLNode?, at path: String = "root") -> String? {
    switch (ours, yams) {
    case (nil, nil): return nil
    case (.scalar(let a)?, .scalar(let b)?):
      return a == b ? nil : "\(path): \(a) but Yams has \(b)"
    case (.sequence(let a)?, .sequence(let b)?):
      guard a.mark == b.mark, a.count == b.count else {
        return "\(path): sequence \(a.mark), \(a.count) items, Yams \(b.mark), \(b.count)"
      }
      for (index, (x, y)) in zip(a, b).enumerated() {
        if let found = difference(x, y, at: "\(path)[\(index)]") { return found }
      }
      return nil
    case (.mapping(let a)?, .mapping(let b)?):
      guard a.mark == b.mark, a.count == b.count else {
        return "\(path): mapping \(a.mark), \(a.count) pairs, Yams \(b.mark), \(b.count)"
      }
      for (index, (x, y)) in zip(a, b).enumerated() {
        if let found = difference(x.key, y.key, at: "\(path).key\(index)")
          ?? difference(x.value, y.value, at: "\(path).\(x.key.string ?? "?")")
        {
          return found
        }
      }
      return nil
    default:
      return "\(path): \(String(describing: ours).prefix(80)) but Yams has \(String(describing: yams).prefix(80))"
    }
  }

  func testEveryBundledRoutineIsComposedQuicklyAndAsYamsComposesIt() {
    for file in BuiltInRoutineFiles.all() {
      let text = String(decoding: file.bytes, as: UTF8.self)
      XCTAssertTrue(assertAgrees(text, file.name), "\(file.name) was left to Yams")
    }
  }

  func testYAMLOfEveryShapeAgreesOrIsLeftToYams() {
    var composed: [String] = [
      "", "a: 1", "---\na: 1\n...\n", "a: 'quoted'\nb: \"double \\u00e9\"\nc: plain text\n",
      "text: |\n  one\n  two\nfolded: >\n  three\n  four\n", "list: [a, b, {c: d}]\nmap: {x: 1, y: [2, 3]}\n",
      "- a\n- - b\n  - c\n- d: e\n  f: g\n", "a: &x {k: v}\nb: *x\nc: *x\n", "n: !!str 12\nm: !custom thing\n",
      "empty:\nnull: ~\n'': blank key\n", "# a comment only\na: 1 # and after\n", "a: \"tab\\there\"\n",
      "é: ünïcode → –\n", "a:\n  - b: 1\n    c: [x, y]\n  - {d: 2}\n",
    ]
    let manyKeys = (0..<40).map { "key\($0): \($0)\n" }.joined()
    composed.append(manyKeys)
    for text in composed {
      XCTAssertTrue(assertAgrees(text, text.debugDescription), "\(text.debugDescription) was left to Yams")
    }
    // Errors and shapes that Yams decides and words: the composer must decline them.
    let declined = [
      "a: 1\na: 2\n", "a: [1\n", "- a\n---\n- b\n", "? [a, b]\n: c\n", "a: *nowhere\n", "a: b: c\n", "{a: 1, a: 2}",
      "\"unterminated\n", "a: &x [*x]\n", manyKeys + "key3: again\n",
      manyKeys.replacingOccurrences(of: "key39", with: "key2"),
    ]
    for text in declined {
      XCTAssertFalse(assertAgrees(text, text.debugDescription), "\(text.debugDescription) was not left to Yams")
    }
  }

  func testThousandsOfDamagedRoutinesAgreeWithYams() {
    let pieces = [
      ":", ": ", "-", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "|", ">", "'", "\"", "#", "? ", ",",
      "\n", "\n  ", "\n- ", "    ", "---\n", "<<: *a\n", "é", "–",
    ]
    var random = SplitMix64(seed: 0xC0_3405E)
    var composed = 0
    var total = 0
    for file in BuiltInRoutineFiles.all() {
      let original = String(decoding: file.bytes, as: UTF8.self)
      for _ in 0..<150 {
        var scalars = Array(original.unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 3)) {
          let at = Int(random.next() % UInt64(scalars.count + 1))
          if random.next() % 3 == 0, at < scalars.count {
            scalars.removeSubrange(at..<min(scalars.count, at + 1 + Int(random.next() % 6)))
          } else {
            scalars.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))].unicodeScalars, at: at)
          }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        total += 1
        if assertAgrees(text, "\(file.name), damaged: \(text.debugDescription)") { composed += 1 }
      }
    }
    // Both sides must be exercised, or the comparison proves little.
    XCTAssertGreaterThan(composed, total / 4)
    XCTAssertLessThan(composed, total)
  }
}
