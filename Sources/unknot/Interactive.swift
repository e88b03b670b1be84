import Foundation
import UnknotTUI

/// Whether the full-screen interface can run here, and running it with a clear
/// message when it cannot.
enum Interactive {
  static func isAvailable(environment: [String: String]) -> Bool {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
    return true
  }

  static func run(_ start: FrontEnd.Start, setup: FrontEnd.Setup) throws -> Int32 {
    do {
      return try FrontEnd.run(start, setup: setup)
    } catch let error as Terminal.OpenError {
      throw CommandLineError(error.description)
    }
  }
}
