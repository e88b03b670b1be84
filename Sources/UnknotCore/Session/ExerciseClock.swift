/// Where a phased exercise is at a moment: which rep, which phase, how far into it.
/// Unlike breathing, the pattern stops after its count: an extended step gives the
/// person more time, never a rep beyond the ones the routine asks for.
public enum ExerciseClock {
  public struct Position: Sendable, Equatable {
    public var kind: ExercisePhase.Kind
    public var index: Int
    /// Time into this phase and the phase's length, in nanoseconds.
    public var elapsed: Int64
    public var length: Int64
    /// Which rep, from 1.
    public var repetition: Int

    /// 0 at the phase's start, 1 at its end.
    public var fraction: Double { length > 0 ? Double(elapsed) / Double(length) : 1 }
  }

  /// The phase at `active` nanoseconds into the step; nil before it or after the last rep.
  public static func phase(of phases: [ExercisePhase], count: Int, at active: Int64) -> Position? {
    let rep = Int64(ExercisePhase.repetitionSeconds(phases)) * nanosecondsPerSecond
    guard rep > 0, active >= 0, active < rep * Int64(count) else { return nil }
    var offset = active % rep
    for (index, phase) in phases.enumerated() {
      let length = Int64(phase.seconds) * nanosecondsPerSecond
      if offset < length {
        return Position(
          kind: phase.kind, index: index, elapsed: offset, length: length, repetition: Int(active / rep) + 1)
      }
      offset -= length
    }
    return nil
  }

  /// When the first phase after `after` begins, if one does before the last rep ends.
  public static func nextPhaseStart(of phases: [ExercisePhase], count: Int, after: Int64) -> Int64? {
    let rep = Int64(ExercisePhase.repetitionSeconds(phases)) * nanosecondsPerSecond
    guard rep > 0 else { return nil }
    let repStart = max(0, after) / rep * rep
    var boundary = repStart
    for phase in phases {
      if boundary > after { break }
      boundary += Int64(phase.seconds) * nanosecondsPerSecond
    }
    // Past the rep's last phase, `boundary` is the next rep's start.
    return boundary < rep * Int64(count) ? boundary : nil
  }
}
