import Foundation
import UnknotCore

/// The full-screen loop: draw, sleep until the next visible change or a key, and hand
/// the input to the effect performer, which runs the reducer and performs its effects.
/// The loop itself never changes the state.
public final class AppLoop {
  private let terminal: Terminal
  private let clocks: Clocks
  private let performer: EffectPerformer
  public private(set) var state: AppState
  /// Phase bars move smoothly: redraw this often while a breathing or phased exercise step runs.
  static let breathingFrame: Int64 = 250_000_000

  public init(terminal: Terminal, state: AppState, clocks: Clocks, performer: EffectPerformer) {
    self.terminal = terminal
    self.state = state
    self.clocks = clocks
    self.performer = performer
  }

  /// Runs until the person quits or a signal arrives; returns the exit status.
  public func run() -> Int32 {
    var exitStatus: Int32 = 0
    defer { terminal.restore() }
    while !state.isFinished {
      let now = clocks.now()
      ScreenRenderer.draw(state, now: now, on: terminal.canvas)
      terminal.refresh()
      let input: AppInput
      switch terminal.readInput(timeoutMilliseconds: Self.timeout(state, after: now)) {
      case .key(let key): input = .key(key)
      case .resize, .timeout: input = .tick
      case .signal(let number):
        input = .terminate
        exitStatus = 128 + number
      }
      performer.dispatch(input, to: &state, now: clocks.now(), today: clocks.today())
    }
    return exitStatus
  }

  /// Milliseconds until something on screen changes; nil to wait for a key.
  static func timeout(_ state: AppState, after now: Moment) -> Int? {
    guard case .session(let session) = state.screen, session.overlay == nil else { return nil }
    guard var due = SessionEngine.nextChange(session.engine, after: now) else { return nil }
    switch session.engine.currentStep.plan {
    case .breathing, .phasedRepetitions:
      due = min(due, now + breathingFrame)
    default:
      break
    }
    // One millisecond past the change, so the new second is what gets drawn.
    let nanoseconds = max(0, due.since(now))
    return Int((nanoseconds + 999_999) / 1_000_000) + 1
  }
}
