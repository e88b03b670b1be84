import Foundation
import UnknotCore

/// Every clock the front ends read, injected together: the monotonic clock sessions
/// run on, and the wall clock that dates safety checks and journal records. Nothing
/// on the reducer path, nor plain mode, reads a clock any other way, so a test with
/// a manual clock and a fixed day sees exactly what a person would.
public struct Clocks: Sendable {
  public var session: any SessionClock
  private let wall: @Sendable () -> Date

  public init(session: any SessionClock, today: @escaping @Sendable () -> Date) {
    self.session = session
    wall = today
  }

  /// The system's clocks, for the program itself.
  public static func system() -> Clocks {
    Clocks(session: SystemClock(), today: { Date() })
  }

  public func now() -> Moment { session.now() }

  public func today() -> Date { wall() }
}
