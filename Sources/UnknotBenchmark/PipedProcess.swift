import ChildProcesses
import Foundation

/// A child process talked to through pipes, line by line, as a person at a plain-mode
/// session would: its standard output is read as it comes, its input written on cue.
final class PipedProcess {
  private let child: ChildProcess
  private var buffer: [UInt8] = []

  init(_ arguments: [String], environment: [String: String]) throws {
    do {
      child = try ChildProcess(arguments, environment: environment, input: .pipe, output: .pipe)
    } catch {
      throw ProcessTiming.Failure(description: error.description)
    }
  }

  /// The next line the child wrote, without its newline; nil at end of output.
  func readLine() -> String? {
    guard let output = child.output else { return nil }
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return line
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = read(output, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        guard !buffer.isEmpty else { return nil }
        defer { buffer.removeAll() }
        return String(decoding: buffer, as: UTF8.self)
      }
      buffer += chunk[..<count]
    }
  }

  func write(_ text: String) {
    child.write(Array(text.utf8))
  }

  /// Closes its input and waits for the child; returns its status as a shell reports it.
  func wait() -> Int32 {
    child.closeInput()
    return child.wait().shellStatus
  }
}
