// The C library, re-exported for the terminal code, and the one thing about it that
// differs in shape between Linux and macOS: where sigaction keeps its handler.
// Everything else platform-specific is listed in docs/porting.md.
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Darwin)
  @_exported import Darwin
#endif

enum Platform {
  /// SA_RESETHAND as sigaction's flags field wants it (Glibc imports the macro as
  /// UInt32). Computed, not a stored global: no one-time initializer at start-up.
  static var resetHandlerFlag: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND)) }

  /// Installs `handler` for `signalNumber` with an empty mask and `flags`, and returns
  /// the action it replaced. Inlined, so start-up runs no function that
  /// Sources/unknot/startup-order.txt does not place (README, "Performance").
  @inline(__always)
  @discardableResult
  static func handle(
    _ signalNumber: Int32, flags: Int32, with handler: @convention(c) (Int32) -> Void
  ) -> sigaction {
    var action = sigaction()
    #if os(Linux)
      action.__sigaction_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    var previous = sigaction()
    sigaction(signalNumber, &action, &previous)
    return previous
  }

  /// Puts back an action `handle` returned.
  @inline(__always)
  static func restore(_ signalNumber: Int32, to action: sigaction) {
    var action = action
    sigaction(signalNumber, &action, nil)
  }
}
