import Foundation
import UnknotCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines in and out for plain mode: unbuffered output, so a line appears the moment
/// it is written even into a pipe, and line input that reports the end of input.
public struct PlainConsole {
  public var write: (String) -> Void
  public var readLine: () -> String?
  /// Sleeps up to this many nanoseconds; returns a line typed meanwhile. Only a person
  /// at a terminal is read during a countdown: redirected input is kept for the prompts.
  public var waitForLine: (Int64) -> String?

  public init(
    write: @escaping (String) -> Void, readLine: @escaping () -> String?, waitForLine: @escaping (Int64) -> String?
  ) {
    self.write = write
    self.readLine = readLine
    self.waitForLine = waitForLine
  }

  public static func standard() -> PlainConsole {
    let interactive = isatty(STDIN_FILENO) == 1
    let read = { Swift.readLine(strippingNewline: true) }
    return PlainConsole(
      write: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }, readLine: read,
      waitForLine: { nanoseconds in
        let milliseconds = Int32(clamping: (nanoseconds + 999_999) / 1_000_000)
        guard interactive else {
          poll(nil, 0, milliseconds)
          return nil
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return nil }
        return read()
      })
  }

  /// Every line goes out through the one escaping function: routine text can never drive the terminal.
  func say(_ line: String) { write(UnsafeCharacters.visible(line)) }

  /// Asks until the answer is yes or no; nil at the end of input.
  func askYesNo(_ question: String) -> Bool? {
    while true {
      say(question + " (y/n)")
      guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
      if ["y", "yes"].contains(answer) { return true }
      if ["n", "no"].contains(answer) { return false }
      say("Please answer y or n.")
    }
  }
}
