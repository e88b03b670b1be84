import Foundation
import UnknotCore

/// Everything the front end shows, as a value: views draw it, `AppReducer` changes it.
public struct AppState: Sendable {
  /// The routines that loaded, with where they came from.
  public var routines: [LoadedEntry]
  public var ownedTools: OwnedTools
  public var options: AppOptions
  /// Whether the safety check must be asked before the next session.
  public var safetyDue: Bool
  public var screen: Screen
  /// One line of news at the bottom of the screen, cleared by the next key.
  public var status: String?
  /// The app should end after this pass.
  public var isFinished = false
  /// The person's recent sessions from the journal, oldest first, and each routine's
  /// last few however old: loaded at start, then kept up to date by the reducer as
  /// sessions end. Empty without a journal.
  public var history: [HistoryRow] = []
  /// For each muscle group, the routines that have helped the person most by their
  /// own ratings (HelpedMost), marked on the home screen. Worked out once at start.
  public var helpedMost: [MuscleGroup: Set<String>] = [:]
  /// The clock history dates are shown in: the person's own in the app.
  public var timeZone = DisplayZone.utc
  /// The answers of the last safety check that shape a session (`RoutineAdaptation`):
  /// loaded at start, replaced when a check completes.
  public var safetyAnswers: SafetyAnswers = .none
  /// The active programme's dose by routine id, applied before the safety answers'
  /// changes (`RoutineAdaptation`); empty without a programme.
  public var programmeDoses: [String: ProgrammeDose] = [:]
  /// The programme being followed, with its sessions so far: a session that ends here
  /// joins it, and `programmeToday` and `programmeDoses` are worked out again.
  public var programme: ProgrammeTracker?
  /// Today in the programme, for the home screen's "Today"; nil without a programme.
  public var programmeToday: ProgrammeToday?

  // MARK: Where it hurts today, and the watch over weeks (issue 12)

  /// Today's marked areas with their ratings: loaded at start, kept current as the
  /// person saves new ones. A marked group's routines come in `MarkedAreaOrder`.
  public var painToday: [MuscleGroup: Int] = [:]
  /// Every group the person has ever marked, in the groups' order: the history filter's choices.
  public var markedGroups: [MuscleGroup] = []
  /// The watch over weeks' notices not put away this week; the home screen shows the first.
  public var notices: [PainTrendWatch.Notice] = []
  /// HelpedMost's ranking of routine ids, best first, for the order of a marked group.
  public var helpedRanking: [String] = []

  public init(
    routines: [LoadedEntry], ownedTools: OwnedTools, options: AppOptions, safetyDue: Bool,
    screen: Screen = .home(HomeScreen())
  ) {
    self.routines = routines
    self.ownedTools = ownedTools
    self.options = options
    self.safetyDue = safetyDue
    self.screen = screen
  }

  /// The routines the home screen offers for a group, after the tool filter.
  public func routines(for group: MuscleGroup) -> [LoadedEntry] {
    let offered = routines.filter { entry in
      entry.routine.groups.contains(group) && (!ownedTools.filterOn || ownedTools.allows(entry.routine))
    }
    return inMarkedOrder(offered, for: group)
  }

  public func entry(id: String) -> LoadedEntry? {
    routines.first { $0.routine.id == id }
  }
}

/// A routine ready to run, with the hash of the bytes it was loaded from.
public struct LoadedEntry: Sendable, Equatable {
  public var routine: Routine
  public var origin: RoutineOrigin
  public var contentHash: String

  public init(routine: Routine, origin: RoutineOrigin, contentHash: String) {
    self.routine = routine
    self.origin = origin
    self.contentHash = contentHash
  }
}

/// How the person started unknot.
public struct AppOptions: Sendable, Equatable {
  /// No terminal bell.
  public var quiet: Bool
  /// Speak step titles and cues (when a speech program is installed).
  public var speak: Bool
  /// Whether sessions are written to the journal.
  public var logging: Bool

  public init(quiet: Bool = false, speak: Bool = false, logging: Bool = true) {
    self.quiet = quiet
    self.speak = speak
    self.logging = logging
  }
}

/// Which screen is showing, with its own state.
public enum Screen: Sendable {
  case home(HomeScreen)
  case tools(ToolsScreen)
  case detail(DetailScreen)
  case safety(SafetyScreen)
  case cautions(CautionsScreen)
  case session(SessionScreen)
  case summary(SummaryScreen)
  case help(HelpScreen)
  case history(HistoryScreen)
  /// `w` on the home screen: mark where it hurts today.
  case hurts(HurtsScreen)
}

public struct HomeScreen: Sendable, Equatable {
  public enum Focus: Sendable, Equatable { case groups, routines }
  public var group: MuscleGroup = .neck
  public var focus: Focus = .groups
  public var routineIndex = 0

  public init(group: MuscleGroup = .neck, focus: Focus = .groups, routineIndex: Int = 0) {
    self.group = group
    self.focus = focus
    self.routineIndex = routineIndex
  }
}

public struct ToolsScreen: Sendable, Equatable {
  public var index = 0
  public var returnTo: HomeScreen

  public init(index: Int = 0, returnTo: HomeScreen) {
    self.index = index
    self.returnTo = returnTo
  }

  /// The tools a person can own (`none` is always at hand).
  public static let choices = Tool.allCases.filter { $0 != .none }
}

public struct DetailScreen: Sendable, Equatable {
  public var routineID: String
  public var scroll = 0
  public var returnTo: HomeScreen

  public init(routineID: String, scroll: Int = 0, returnTo: HomeScreen) {
    self.routineID = routineID
    self.scroll = scroll
    self.returnTo = returnTo
  }
}

public struct SafetyScreen: Sendable, Equatable {
  public enum Purpose: Sendable, Equatable {
    /// Asked before this routine starts; it starts only if the check allows.
    case beforeRoutine(String)
    /// `s` on the home screen.
    case onDemand
    /// `unknot safety`: the program ends with the check.
    case standalone
  }

  public enum Stage: Sendable, Equatable {
    case introduction
    case question(Int)
    /// A section B sign: has a clinician agreed?
    case askClinician
    case outcome(SafetyCheck.Outcome)
  }

  public var purpose: Purpose
  public var stage: Stage = .introduction
  public var answers: [String: Bool] = [:]
  public var returnTo: HomeScreen

  public init(purpose: Purpose, returnTo: HomeScreen = HomeScreen()) {
    self.purpose = purpose
    self.returnTo = returnTo
  }
}

public struct CautionsScreen: Sendable, Equatable {
  public var routineID: String
  /// A rating given before another routine the person left for this gentler one: it
  /// stands as this session's rating before, not asked twice.
  public var carriedRating: Int?
  /// How many cautions are scrolled past, on a small screen.
  public var scroll = 0
  public var returnTo: HomeScreen

  public init(routineID: String, returnTo: HomeScreen = HomeScreen()) {
    self.routineID = routineID
    self.returnTo = returnTo
  }
}

/// A guided session in progress.
public struct SessionScreen: Sendable {
  public enum Overlay: Sendable, Equatable {
    case help
    case confirmQuit
    case stopReasons
    /// The journal failed: continue without logging only if the person agrees.
    case journalFailed(String)
    /// Pain rose between steps, or was high before the start: how to go on
    /// (`painOptions`; the engine waits on the rating until the person chooses).
    case painChoice
  }

  public var entry: LoadedEntry
  public var engine: SessionState
  /// Open over the step; while it is, the countdown waits (paused for the overlay).
  public var overlay: Overlay?
  /// The highlighted line of the stop box, counted over all its choices.
  public var stopChoice = 0
  /// The value being chosen in a rating step.
  public var ratingChoice: Int?
  /// What the pain box offers, in order: the engine's choices, and before the start
  /// at 8 or more the gentler routines for the same group. The first is the default.
  public var painOptions: [PainChoice] = []
  /// The highlighted line of the pain box.
  public var painChoiceIndex = 0
  /// The kind word for pain that eased is said once a session.
  public var easeNoted = false
  /// Typed digits for the traction time ("12" or "12:30").
  public var tractionEntry = ""
  /// Every journal event so far, for the summary and for rebuilding the record.
  public var events: [SessionEvent] = []
  public var returnTo: HomeScreen
  /// The wall-clock date the session began, as the journal dates it.
  public var startedAt: Date

  public init(
    entry: LoadedEntry, engine: SessionState, returnTo: HomeScreen = HomeScreen(),
    startedAt: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.entry = entry
    self.engine = engine
    self.returnTo = returnTo
    self.startedAt = startedAt
  }

  public var record: SessionRecord { SessionRecord.rebuild(from: events) }
}

public struct SummaryScreen: Sendable {
  public var entry: LoadedEntry
  public var record: SessionRecord
  /// The session's outcome was a stop for safety: the advice shows first.
  public var showingSafetyAdvice: Bool
  /// What the person was doing when they stopped for safety, and when: what to tell
  /// the people who help, on the urgent screen.
  public var stoppedDuring: String?
  public var stoppedAt: Date?
  public var returnTo: HomeScreen
  /// Whether it was written to the journal.
  public var logged: Bool
  /// This session as history lists it.
  public var session: HistoryRow
  /// The routine's earlier sessions in the journal, oldest first, to show this one beside.
  public var earlier: [HistoryRow]

  public init(
    entry: LoadedEntry, record: SessionRecord, showingSafetyAdvice: Bool, returnTo: HomeScreen, logged: Bool,
    session: HistoryRow, earlier: [HistoryRow] = []
  ) {
    self.entry = entry
    self.record = record
    self.showingSafetyAdvice = showingSafetyAdvice
    self.returnTo = returnTo
    self.logged = logged
    self.session = session
    self.earlier = earlier
  }
}

public struct HelpScreen: Sendable {
  public var returnTo: HomeScreen

  public init(returnTo: HomeScreen) {
    self.returnTo = returnTo
  }
}

/// The person's recent sessions, newest at the top; `selected` is the highlighted one.
public struct HistoryScreen: Sendable, Equatable {
  public var selected = 0
  public var returnTo: HomeScreen
  /// Only sessions of routines for this marked area; nil for all.
  public var area: MuscleGroup?

  public init(selected: Int = 0, returnTo: HomeScreen) {
    self.selected = selected
    self.returnTo = returnTo
  }
}
