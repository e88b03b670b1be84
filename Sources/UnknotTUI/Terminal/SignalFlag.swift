import Synchronization

/// The one piece of global mutable state: the last SIGINT, SIGTERM or SIGHUP
/// received, set from a signal handler and read by the app loop, which saves the
/// session and restores the terminal itself (ncurses' own handler would just exit).
enum SignalFlag {
  static let received = Atomic<Int32>(0)

  /// The signal received since the last call, if any.
  static func take() -> Int32? {
    let value = received.exchange(0, ordering: .acquiringAndReleasing)
    return value == 0 ? nil : value
  }
}
