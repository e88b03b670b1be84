import ArgumentParser
import UnknotCore

/// The cost of one engine reduction: a clock observation or a command.
/// Target (issue 3): under 10 µs on average.
struct EngineCost: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "engine",
    abstract: "Measure the session engine's cost per command and per clock observation."
  )

  @Option(help: "How many reductions to time for each measurement.")
  var iterations = 200_000

  func run() throws {
    let (observe, mixed) = Self.measure(iterations: iterations)
    print(
      String(
        format: "engine: %.3f µs per clock observation, %.3f µs per command (mean of %d); target < 10 µs",
        observe, mixed, iterations))
  }

  /// Mean µs per clock observation, and per command of a mix of every kind.
  static func measure(iterations: Int) -> (observe: Double, command: Double) {
    let routine = Self.longRoutine()
    let observe = measure(routine, iterations: iterations) { _, state in
      // Answer the steps that wait for the person; otherwise just read the clock.
      if case .rating = state.currentStep.plan { return .rate(3) }
      return .observe
    }
    let mixed = measure(routine, iterations: iterations) { index, _ in
      switch index % 10 {
      case 0: .pause
      case 1: .resume
      case 2: .extend
      case 3: .shorten
      case 4: .next
      case 5: .rate(index % 11)
      case 6: .back
      case 7: .confirm
      default: .observe
      }
    }
    return (observe, mixed)
  }

  /// Mean microseconds per reduction, the clock advancing 250 ms per call; a finished
  /// session is restarted (a new state is cheap next to the reductions timed).
  static func measure(
    _ routine: Routine, iterations: Int, command: (Int, SessionState) -> SessionCommand
  ) -> Double {
    let timeline = Timeline(routine: routine)
    var state = SessionState(timeline: timeline)
    var now = Moment.zero
    _ = SessionEngine.apply(.begin, to: &state, at: now)
    let clock = ContinuousClock()
    var total = Duration.zero
    var eventCount = 0
    var index = 0
    while index < iterations {
      let batch = min(1000, iterations - index)
      let start = clock.now
      for offset in 0..<batch {
        now = now + 250_000_000
        if state.hasEnded {
          state = SessionState(timeline: timeline)
          _ = SessionEngine.apply(.begin, to: &state, at: now)
        }
        eventCount &+= SessionEngine.apply(command(index + offset, state), to: &state, at: now).count
      }
      total += start.duration(to: clock.now)
      index += batch
    }
    precondition(eventCount > 0)
    let nanos = Double(total.components.seconds) * 1e9 + Double(total.components.attoseconds) / 1e9
    return nanos / Double(iterations) / 1000
  }

  /// A long session of every timed kind, so observations cross many deadlines and cues.
  static func longRoutine() -> Routine {
    let block = RoutineStep(
      .block(steps: [
        RoutineStep(
          .place(getReadySeconds: 10), muscle: .rhomboids, tool: .massageBall, placement: "Beside the spine."),
        RoutineStep(
          .hold(seconds: 60, pressure: .standard), muscle: .rhomboids, tool: .massageBall, sets: 2,
          restBetweenSets: 20),
        RoutineStep(.strokes(count: 8, secondsPerStroke: 3), muscle: .rhomboids, tool: .massageBall),
      ]), side: .both)
    let breathing = RoutineStep(
      .breathe(
        phases: [
          BreathPhase(.inhale, seconds: 2), BreathPhase(.topUp, seconds: 1),
          BreathPhase(.exhale, seconds: 6),
        ], cycles: 20))
    let steps = Array(repeating: [block, RoutineStep(.rate), breathing, RoutineStep(.rest(seconds: 20))], count: 10)
      .flatMap { $0 }
    return Routine(
      id: "benchmark", title: "Benchmark", summary: "A long synthetic routine.", groups: [.betweenBlades],
      targets: [.rhomboids], tools: [.massageBall], steps: steps)
  }
}
