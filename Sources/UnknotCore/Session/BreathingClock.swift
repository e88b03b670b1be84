/// Where a breathing pattern is at a moment: which phase, and how far into it.
public enum BreathingClock {
  public struct Position: Sendable, Equatable {
    public var kind: BreathPhase.Kind
    public var index: Int
    /// Time into this phase and the phase's length, in nanoseconds.
    public var elapsed: Int64
    public var length: Int64
    /// Which cycle, from 1.
    public var cycle: Int

    /// 0 at the phase's start, 1 at its end.
    public var fraction: Double { length > 0 ? Double(elapsed) / Double(length) : 1 }
  }

  /// The phase at `active` nanoseconds into the step.
  public static func phase(of phases: [BreathPhase], at active: Int64) -> Position? {
    let cycle = Int64(phases.reduce(0) { $0 + $1.seconds }) * nanosecondsPerSecond
    guard cycle > 0, active >= 0 else { return nil }
    var offset = active % cycle
    for (index, phase) in phases.enumerated() {
      let length = Int64(phase.seconds) * nanosecondsPerSecond
      if offset < length {
        return Position(kind: phase.kind, index: index, elapsed: offset, length: length, cycle: Int(active / cycle) + 1)
      }
      offset -= length
    }
    return nil
  }
}
