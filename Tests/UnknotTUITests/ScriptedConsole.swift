import Foundation
import UnknotCore

@testable import UnknotTUI

/// A person at plain mode, from a script: lines they type, and pauses between them,
/// which move a manual clock. Lines typed during a countdown are read as a person at
/// a terminal types them.
final class ScriptedConsole {
  enum Item: Equatable {
    case line(String)
    case wait(seconds: Double)
  }

  let clock: ManualClock
  private(set) var written: [String] = []
  private var script: [Item]
  private var waitLeft: Int64 = 0

  init(_ script: [Item], clock: ManualClock) {
    self.script = script
    self.clock = clock
  }

  var console: PlainConsole {
    PlainConsole(
      write: { self.written.append($0) }, readLine: { self.readLine() }, waitForLine: { self.waitForLine($0) })
  }

  var transcript: String { written.joined(separator: "\n") }

  /// Blocks until the next line, letting the script's pauses pass; nil at the end.
  private func readLine() -> String? {
    while let item = script.first {
      script.removeFirst()
      switch item {
      case .line(let line):
        return line
      case .wait(let seconds):
        clock.advance(nanoseconds: remaining(seconds))
        waitLeft = 0
      }
    }
    return nil
  }

  /// Sleeps up to `nanoseconds`, or less when a line is typed first.
  private func waitForLine(_ nanoseconds: Int64) -> String? {
    guard let item = script.first else {
      clock.advance(nanoseconds: nanoseconds)
      return nil
    }
    switch item {
    case .line(let line):
      script.removeFirst()
      return line
    case .wait(let seconds):
      let left = remaining(seconds)
      let slept = min(left, nanoseconds)
      clock.advance(nanoseconds: slept)
      if slept == left {
        script.removeFirst()
        waitLeft = 0
      } else {
        waitLeft = left - slept
      }
      return nil
    }
  }

  /// What is left of the pause at the head of the script.
  private func remaining(_ seconds: Double) -> Int64 {
    waitLeft > 0 ? waitLeft : Int64((seconds * 1e9).rounded())
  }
}
