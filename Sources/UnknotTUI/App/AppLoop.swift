import Foundation
import UnknotCore

/// The loop: draw, sleep until the next visible change or a key, dispatch, perform
/// the effects. It is the only place where the terminal, the clock, the journal and
/// the speech program meet the pure reducer.
public final class AppLoop {
  private let terminal: Terminal
  private let clock: any SessionClock
  private let journal: any SessionJournal
  private let speech: SpeechOutput?
  private let toolsPath: String?
  public private(set) var state: AppState
  private var journalSession: JournalSessionID?
  private var pendingFailure: String?
  /// Phase bars move smoothly: redraw this often while a breathing or phased exercise step runs.
  static let breathingFrame: Int64 = 250_000_000

  public init(
    terminal: Terminal, state: AppState, clock: any SessionClock, journal: any SessionJournal,
    speech: SpeechOutput?, toolsPath: String?
  ) {
    self.terminal = terminal
    self.state = state
    self.clock = clock
    self.journal = journal
    self.speech = speech
    self.toolsPath = toolsPath
  }

  /// Runs until the person quits or a signal arrives; returns the exit status.
  public func run() -> Int32 {
    var exitStatus: Int32 = 0
    defer { terminal.restore() }
    while !state.isFinished {
      let now = clock.now()
      ScreenRenderer.draw(state, now: now, on: terminal.canvas)
      terminal.refresh()
      let input: AppInput
      switch terminal.readInput(timeoutMilliseconds: timeout(after: now)) {
      case .key(let key): input = .key(key)
      case .resize, .timeout: input = .tick
      case .signal(let number):
        input = .terminate
        exitStatus = 128 + number
      }
      dispatch(input)
      if let failure = pendingFailure {
        pendingFailure = nil
        dispatch(.journalFailed(failure))
      }
    }
    return exitStatus
  }

  /// Milliseconds until something on screen changes; nil to wait for a key.
  func timeout(after now: Moment) -> Int? {
    guard case .session(let session) = state.screen, session.overlay == nil else { return nil }
    guard var due = SessionEngine.nextChange(session.engine, after: now) else { return nil }
    switch session.engine.currentStep.plan {
    case .breathing, .phasedRepetitions:
      due = min(due, now + Self.breathingFrame)
    default:
      break
    }
    // One millisecond past the change, so the new second is what gets drawn.
    let nanoseconds = max(0, due.since(now))
    return Int((nanoseconds + 999_999) / 1_000_000) + 1
  }

  private func dispatch(_ input: AppInput) {
    let effects = AppReducer.reduce(&state, input, now: clock.now(), today: Date())
    for effect in effects {
      perform(effect)
    }
  }

  private func perform(_ effect: AppEffect) {
    switch effect {
    case .bell:
      terminal.bell()
    case .speak(let text):
      speech?.say(text)
    case .beginJournalSession(let start):
      guard state.options.logging else { return }
      do {
        journalSession = try journal.beginSession(start)
      } catch {
        pendingFailure = error.description
      }
    case .appendToJournal(let events):
      guard state.options.logging, let session = journalSession else { return }
      do {
        try journal.append(events, to: session)
      } catch {
        pendingFailure = error.description
      }
    case .recordSafetyCheck(let check):
      do {
        try journal.record(check)
      } catch {
        state.status = "The safety check could not be saved: \(error.description)"
      }
    case .saveOwnedTools(let tools):
      guard let toolsPath else { return }
      do {
        try tools.save(path: toolsPath)
      } catch {
        state.status = "Your tools could not be saved to \(toolsPath)."
      }
    case .stopLogging:
      journalSession = nil
      // The person has answered the question about a failed write. The pause that came
      // with the question failed to be written too; that stale failure must not ask again.
      pendingFailure = nil
    }
  }
}
