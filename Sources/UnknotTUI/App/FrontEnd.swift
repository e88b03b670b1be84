import Foundation
import UnknotCore

/// Starts the full-screen interface: gathers routines, tools, the journal's safety
/// state, history and marks, and speech; opens the terminal, and runs the loop.
public enum FrontEnd {
  /// Where the interface opens.
  public enum Start: Sendable, Equatable {
    case home
    /// `unknot start ID`: straight to the routine, after the safety check when due.
    case routine(String)
    /// `unknot safety`.
    case safetyCheck
  }

  public struct Setup {
    public var library: RoutineLibrary
    public var journal: any SessionJournal
    public var options: AppOptions
    public var environment: [String: String]
    /// The clock history dates are shown in.
    public var timeZone: DisplayZone
    /// The programme being followed, read from the journal: the home screen's "Today",
    /// and the reps and sets its level gives a session (worked out as the app opens).
    public var programme: ProgrammeTracker?

    public init(
      library: RoutineLibrary, journal: any SessionJournal, options: AppOptions, environment: [String: String],
      timeZone: DisplayZone = .local, programme: ProgrammeTracker? = nil
    ) {
      self.library = library
      self.journal = journal
      self.options = options
      self.environment = environment
      self.timeZone = timeZone
      self.programme = programme
    }
  }

  /// The state the interface opens in, without touching the terminal.
  public static func initialState(_ start: Start, setup: Setup, today: Date) throws(JournalError) -> AppState {
    let entries = setup.library.routines.compactMap { entry -> LoadedEntry? in
      guard let routine = entry.routine else { return nil }
      return LoadedEntry(routine: routine, origin: entry.origin, contentHash: entry.loaded.contentHash)
    }
    let latest = try setup.journal.latestSafetyCheck()
    var state = AppState(
      routines: entries, ownedTools: OwnedTools.load(path: OwnedTools.defaultPath(environment: setup.environment)),
      options: setup.options, safetyDue: SafetyCheck.isDue(latest: latest, now: today))
    state.timeZone = setup.timeZone
    state.safetyAnswers = SafetyAnswers(check: latest, now: today)
    state.programme = setup.programme
    AppReducer.refreshProgramme(&state, today: today)
    try JournalInsights.load(into: &state, from: setup.journal)
    try AreaInsights.load(into: &state, from: setup.journal, today: today)
    switch start {
    case .home:
      break
    case .routine(let id):
      AppReducer.start(routineID: id, returnTo: HomeScreen(), state: &state)
    case .safetyCheck:
      state.screen = .safety(SafetyScreen(purpose: .standalone))
    }
    return state
  }

  /// Runs the interface; returns the exit status. Throws when it cannot start.
  public static func run(_ start: Start, setup: Setup, clocks: Clocks = .system()) throws -> Int32 {
    var state = try initialState(start, setup: setup, today: clocks.today())
    let speech = findSpeech(setup, state: &state)
    let terminal = try Terminal.open(environment: setup.environment)
    let performer = EffectPerformer(
      journal: setup.journal, speech: speech, toolsPath: OwnedTools.defaultPath(environment: setup.environment),
      bell: { terminal.bell() })
    let loop = AppLoop(terminal: terminal, state: state, clocks: clocks, performer: performer)
    return loop.run()
  }

  /// The speech program for --speak; without one the first screen says how to get it.
  static func findSpeech(_ setup: Setup, state: inout AppState) -> SpeechOutput? {
    guard setup.options.speak else { return nil }
    let speech = SpeechOutput.find(environment: setup.environment)
    if speech == nil { state.status = SpeechOutput.missingMessage }
    return speech
  }
}
