import Foundation
import UnknotTUI

/// Whether the full-screen interface can run here, and running it with a clear
/// message when it cannot.
enum Interactive {
  static func isAvailable(environment: [String: String]) -> Bool {
    unavailableReason(environment: environment) == nil
  }

  /// Why the full screen cannot run here, in words that say what to do.
  static func unavailableReason(environment: [String: String]) -> Terminal.OpenError? {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return .notATerminal }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .dumbTerminal }
    return nil
  }

  static func run(_ start: FrontEnd.Start, setup: FrontEnd.Setup) throws -> Int32 {
    do {
      return try FrontEnd.run(start, setup: setup)
    } catch let error as Terminal.OpenError {
      throw CommandLineError(error.description)
    }
  }
}
