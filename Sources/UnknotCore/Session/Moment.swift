/// A point on a monotonic clock, in nanoseconds from an arbitrary origin.
/// Sessions compare moments; they never read wall-clock time.
public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var nanoseconds: Int64

  public init(nanoseconds: Int64) {
    self.nanoseconds = nanoseconds
  }

  public static func seconds(_ seconds: Double) -> Moment {
    Moment(nanoseconds: Int64((seconds * 1e9).rounded()))
  }

  public static let zero = Moment(nanoseconds: 0)

  public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

  public static func + (moment: Moment, nanoseconds: Int64) -> Moment {
    Moment(nanoseconds: moment.nanoseconds + nanoseconds)
  }

  /// Nanoseconds from `earlier` to this moment.
  public func since(_ earlier: Moment) -> Int64 { nanoseconds - earlier.nanoseconds }

  public var description: String { "\(Double(nanoseconds) / 1e9) s" }
}

/// Nanoseconds per second, for readable arithmetic.
public let nanosecondsPerSecond: Int64 = 1_000_000_000

/// Where the current moment comes from: the system's monotonic clock in the app, a
/// manual clock in tests.
public protocol SessionClock: Sendable {
  func now() -> Moment
}

/// The system clock that keeps counting while the machine sleeps (ContinuousClock,
/// CLOCK_BOOTTIME on Linux): a closed lid shows up as a gap, which the engine turns
/// into an automatic pause instead of silently finishing a hold.
public struct SystemClock: SessionClock {
  private let origin: ContinuousClock.Instant

  public init() {
    origin = ContinuousClock.now
  }

  public func now() -> Moment {
    let elapsed = origin.duration(to: ContinuousClock.now).components
    return Moment(nanoseconds: elapsed.seconds * nanosecondsPerSecond + elapsed.attoseconds / 1_000_000_000)
  }
}
