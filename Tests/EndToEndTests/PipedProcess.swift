import ChildProcesses
import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program running with pipes that a test talks to as it goes: lines written when
/// the test chooses, output gathered as it arrives, a signal sent at a chosen moment.
/// (`runProcess` is for programs given all their input at once and run to the end.)
final class PipedProcess {
  /// How a finished process ended, and everything it wrote.
  struct Ending {
    /// The exit status, or nil when a signal ended it.
    var status: Int32?
    /// The signal that ended it, if one did.
    var signal: Int32?
    var output: String
    var errors: String
    /// The process outlived the wait and was killed.
    var timedOut: Bool

    var transcript: String {
      let end = signal.map { "killed by signal \($0)" } ?? "status \(status ?? -1)"
      return "\(end)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(output)\n--- stderr\n\(errors)"
    }
  }

  private let child: ChildProcess
  private let output: GrowingOutput
  private let errors: GrowingOutput

  init(_ executable: URL, _ arguments: [String], environment: [String: String], directory: URL) throws {
    // A line written after the program died must fail with EPIPE, not end the test run.
    ignoreBrokenPipes()
    child = try ChildProcess(
      [executable.path] + arguments, environment: environment, directory: directory.path, input: .pipe,
      output: .pipe, errors: .pipe)
    output = GrowingOutput(child.output)
    errors = GrowingOutput(child.errors)
  }

  var pid: pid_t { child.pid }

  /// What it has written to standard output so far.
  var outputSoFar: String { output.text }

  /// Writes lines to its standard input (they wait in the pipe until it reads them).
  /// Once it is gone (EPIPE), what it did not read is for the test to judge from its output.
  func feed(_ lines: [String]) {
    child.write(Array(lines.map { $0 + "\n" }.joined().utf8))
  }

  /// Waits until its output satisfies `condition`; fails the test, showing the output,
  /// when `timeout` passes first.
  @discardableResult
  func waitForOutput(
    _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
    until condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let text = output.text
      if condition(text) { return text }
      if Date() > deadline {
        XCTFail(
          "timed out after \(timeout) s waiting for \(what); the output was:\n\(text)\n--- stderr\n\(errors.text)",
          file: file, line: line)
        throw EndToEndError("timed out waiting for \(what)")
      }
      // Fine-grained: tests kill at moments a few milliseconds after a line.
      usleep(500)
    }
  }

  func deliver(_ signal: Int32) {
    child.send(signal)
  }

  /// Closes its input and waits for it to end (SIGKILL past `timeout`); then its
  /// output is complete.
  func finish(timeout: TimeInterval = 10) -> Ending {
    child.closeInput()
    let (ending, timedOut) = child.waitOrKill(after: timeout)
    return Ending(
      status: ending.exitStatus, signal: ending.signal, output: output.wait(), errors: errors.wait(),
      timedOut: timedOut)
  }
}

/// A pipe's bytes, gathered on a background queue as they arrive.
private final class GrowingOutput: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ descriptor: Int32?) {
    guard let descriptor else {
      done.signal()
      return
    }
    // The ChildProcess owns the descriptor; PipedProcess keeps it until `wait()` returns.
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    DispatchQueue.global().async {
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        self.lock.lock()
        self.data.append(chunk)
        self.lock.unlock()
      }
      self.done.signal()
    }
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: data, as: UTF8.self)
  }

  /// Everything, once the writer has closed the pipe.
  func wait() -> String {
    done.wait()
    done.signal()
    return text
  }
}
