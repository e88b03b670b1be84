import Foundation
import UnknotCore

/// Plain mode (`--plain`): the same reducer, effects and journal as the full screen,
/// read as lines and told as lines, for screen readers and pipes. What differs is only
/// how input arrives (a typed line becomes the keys the full screen would get) and
/// how the state is shown (`PlainNarrator`).
public enum PlainFrontEnd {
  /// Runs plain mode from `start`; returns the exit status: 0 when the session ran
  /// (finished or quit) or the check allows sessions, 1 when nothing started or the
  /// session stopped for safety, 128+signal when a signal ended it.
  public static func run(
    _ start: FrontEnd.Start, setup: FrontEnd.Setup, clocks: Clocks = .system(), console: PlainConsole = .standard()
  ) throws -> Int32 {
    var state = try FrontEnd.initialState(start, setup: setup, today: clocks.today())
    let speech = FrontEnd.findSpeech(setup, state: &state)
    let performer = EffectPerformer(
      journal: setup.journal, speech: speech, toolsPath: nil,
      // A bell character in a pipe or a screen reader's stream is noise, not a cue.
      bell: {})
    SignalHandlers.installEndingHandlers()
    defer { SignalHandlers.restoreDefaults() }
    let loop = PlainLoop(state: state, clocks: clocks, performer: performer, console: console)
    return loop.run()
  }
}
