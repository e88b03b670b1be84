import CNcursesw

/// Installs the program's signal handlers. Must run before curses starts: ncurses
/// installs its own SIGINT/SIGTERM handlers only for signals still at their default.
enum SignalHandlers {
  /// Signals that end the program gracefully: the loop saves and restores first.
  static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  static func installEndingHandlers() {
    for signalNumber in endingSignals {
      // No SA_RESTART: the signal must wake a blocked wget_wch.
      Platform.handle(signalNumber, flags: 0) { received in
        SignalFlag.received.store(received, ordering: .releasing)
      }
    }
  }

  /// Puts the default actions back, for after the terminal is restored.
  static func restoreDefaults() {
    for signalNumber in endingSignals {
      signal(signalNumber, SIG_DFL)
    }
  }
}
