import CNcursesw

/// If the program crashes while curses owns the terminal, puts the terminal back
/// before the crash is reported: the saved line settings (echo, line mode), the
/// cursor shown, the normal screen. Only async-signal-safe calls are made in the
/// handler; the previous handler (Swift's backtracer) then runs as before.
enum CrashRestore {
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

  /// Written once in `arm`, before curses starts, and only read afterwards.
  private final class Snapshot: @unchecked Sendable {
    var settings = termios()
    var haveSettings = false
    /// Cursor visible, attributes off, leave the alternate screen.
    let resetSequence: [UInt8] = Array("\u{1B}[?25h\u{1B}[0m\u{1B}[?1049l\r\n".utf8)
    var previous: [Int32: sigaction] = [:]
  }

  nonisolated(unsafe) private static var snapshot = Snapshot()

  static func arm() {
    let saved = Snapshot()
    saved.haveSettings = tcgetattr(STDIN_FILENO, &saved.settings) == 0
    for signalNumber in crashSignals {
      saved.previous[signalNumber] = Platform.handle(signalNumber, flags: Platform.resetHandlerFlag) { received in
        CrashRestore.handle(received)
      }
    }
    snapshot = saved
  }

  static func disarm() {
    for (signalNumber, previous) in snapshot.previous {
      Platform.restore(signalNumber, to: previous)
    }
    snapshot.previous = [:]
  }

  private static func handle(_ received: Int32) {
    let saved = snapshot
    if saved.haveSettings {
      var settings = saved.settings
      tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }
    saved.resetSequence.withUnsafeBytes { bytes in
      _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count)
    }
    // Hand the signal to whoever had it before (the Swift backtracer, or the default).
    if let previous = saved.previous[received] {
      Platform.restore(received, to: previous)
    } else {
      signal(received, SIG_DFL)
    }
    raise(received)
  }
}
