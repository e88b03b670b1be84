import Synchronization

/// A clock that moves only when told to: for tests and benchmarks.
public final class ManualClock: SessionClock {
  private let current: Mutex<Moment>

  public init(_ start: Moment = .zero) {
    current = Mutex(start)
  }

  public func now() -> Moment { current.withLock { $0 } }

  public func advance(seconds: Double) {
    advance(nanoseconds: Int64((seconds * 1e9).rounded()))
  }

  public func advance(nanoseconds: Int64) {
    current.withLock { $0 = $0 + nanoseconds }
  }
}
