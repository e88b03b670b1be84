import Foundation

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
  /// Whether input is a person at a terminal (then keys are read during countdowns).
  public var inputIsInteractive: Bool

  public init(write: @escaping (String) -> Void, readLine: @escaping () -> String?, inputIsInteractive: Bool) {
    self.write = write
    self.readLine = readLine
    self.inputIsInteractive = inputIsInteractive
  }

  public static func standard() -> PlainConsole {
    PlainConsole(
      write: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
      readLine: { Swift.readLine(strippingNewline: true) },
      inputIsInteractive: isatty(STDIN_FILENO) == 1)
  }

  func say(_ line: String) { write(line) }

  /// Asks until the answer is yes or no; nil at the end of input.
  func askYesNo(_ question: String) -> Bool? {
    while true {
      write(question + " (y/n)")
      guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
      if ["y", "yes"].contains(answer) { return true }
      if ["n", "no"].contains(answer) { return false }
      write("Please answer y or n.")
    }
  }
}
