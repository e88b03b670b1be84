import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// Routines and states the screen and key tests start from, the same on every run.
enum Fixture {
  /// A fixed day for safety checks and journal records: 2026-01-15 12:00 UTC.
  static let today = Date(timeIntervalSince1970: 1_768_478_400)

  /// The moment a driver starts at; any value works, zero is avoided on purpose.
  static let start = Moment.seconds(100)

  /// The tests' own copies of the bundled routines (FixtureRoutines), standing where the
  /// built-in library stands in the app, so editing Routines/ changes no screen here.
  static let library = entries(of: FixtureRoutines.library)

  /// The library the app really carries, for the test that checks the bundled routines
  /// themselves; every other test runs `library`.
  static let bundled = entries(of: RoutineLibrary.load(RoutineSearchPath(includesBuiltIn: true, userFolder: nil)))

  /// The routines in effect, as the front end takes them from the library.
  static func entries(of library: RoutineLibrary) -> [LoadedEntry] {
    library.routines.compactMap { entry in
      entry.routine.map { LoadedEntry(routine: $0, origin: entry.origin, contentHash: entry.loaded.contentHash) }
    }
  }

  static func entry(_ id: String) -> LoadedEntry {
    guard let entry = (library + handMade).first(where: { $0.routine.id == id }) else {
      preconditionFailure("no fixture routine \(id)")
    }
    return entry
  }

  /// A short routine that runs to its end in under a minute: place 10 s, hold 30 s.
  static let quickShoulder = Routine(
    id: "quick-shoulder", title: "Quick shoulder hold", summary: "A short hold on the top of the shoulder.",
    groups: [.shoulders], targets: [.upperTrapezius], tools: [.massageBall],
    steps: [
      RoutineStep(
        .place(getReadySeconds: 10), muscle: .upperTrapezius, tool: .massageBall,
        placement: "Put the ball on the top of your shoulder, on the muscle, away from the neck."),
      RoutineStep(
        .hold(seconds: 30, pressure: PressureRegion.neckAndShoulderTops.usual), muscle: .upperTrapezius,
        tool: .massageBall,
        cues: ["Let your weight sink into the ball."]),
    ])

  /// Both sides: a 5 s hold on the left, the switch, the same on the right.
  static let twoSides = Routine(
    id: "two-sides", title: "Two-sided hold", summary: "A short hold on each side.",
    groups: [.shoulders], targets: [.levatorScapulae], tools: [.massageBall],
    steps: [
      RoutineStep(
        .hold(seconds: 5, pressure: PressureRegion.neckAndShoulderTops.usual), title: "Corner of the blade",
        muscle: .levatorScapulae,
        tool: .massageBall, side: .both)
    ])

  /// One step of every kind during which the danger signs show, at the skull base and
  /// the neck where a step allows, with a stop rule of its own.
  static let everyActiveKind = Routine(
    id: "every-active-kind", title: "One of each active step", summary: "Every kind of step that loads the body.",
    groups: [.neck], targets: [.suboccipitals, .upperTrapezius, .erectorSpinae, .cervicalSpine],
    tools: [.cradleTool, .foamRoller, .heatPack, .tractionDevice],
    extraStopRules: [
      RoutineStopRule(
        text: "The knobs slide onto the side or front of your neck.",
        advice: "Lift your head off the cradle at once and rest.")
    ],
    steps: [
      RoutineStep(.rate),
      RoutineStep(
        .hold(seconds: 60, pressure: PressureTarget(low: 2, high: 4)), title: "Still pressure at the skull base",
        muscle: .suboccipitals, tool: .cradleTool),
      RoutineStep(.strokes(count: 8, secondsPerStroke: 3), muscle: .upperTrapezius, tool: .cradleTool),
      RoutineStep(.roll(seconds: 60, span: "mid back"), muscle: .erectorSpinae, tool: .foamRoller),
      RoutineStep(.stretch(secondsPerRep: 30, reps: 2), muscle: .upperTrapezius),
      RoutineStep(.exercise(reps: 10, secondsPerRep: 5), title: "Chin tucks"),
      RoutineStep(.breathe(phases: [BreathPhase(.inhale, seconds: 4), BreathPhase(.exhale, seconds: 6)], cycles: 6)),
      RoutineStep(.heat(seconds: 600), tool: .heatPack),
      RoutineStep(.traction(clinicianSettings: ["duration"]), muscle: .cervicalSpine, tool: .tractionDevice),
    ])

  static let handMade = [quickShoulder, twoSides, everyActiveKind].map {
    LoadedEntry(routine: $0, origin: .file(path: "/fixtures/\($0.id).yaml"), contentHash: "fixture-\($0.id)")
  }

  static func state(
    routines: [LoadedEntry] = library, tools: OwnedTools = OwnedTools(), options: AppOptions = AppOptions(),
    safetyDue: Bool = false, history: [HistoryRow] = [], helpedMost: [MuscleGroup: Set<String>] = [:]
  ) -> AppState {
    var state = AppState(routines: routines, ownedTools: tools, options: options, safetyDue: safetyDue)
    state.history = history
    state.helpedMost = helpedMost
    return state
  }

  /// Thirty days of sessions before `today`, oldest first, as the journal would load
  /// them: mostly finished, one quit, one stopped for safety, one interrupted; every
  /// fifth day the quick shoulder hold, for the summary's chart.
  static let history: [HistoryRow] = (1...30).reversed().map { daysAgo in
    let routines = [
      ("between-blades-ball", "Between the shoulder blades with a ball"),
      ("chin-tucks", "Chin tucks and neck stretches"),
      ("box-breathing", "Box breathing for stress"),
      ("tension-headache", "Tension headache: skull base, neck and shoulders"),
    ]
    let (id, title) = daysAgo % 5 == 0 ? ("quick-shoulder", "Quick shoulder hold") : routines[daysAgo % 4]
    let before = 4 + daysAgo % 4
    var row = HistoryRow(
      startedAt: today.addingTimeInterval(-Double(daysAgo) * 86_400 - Double(daysAgo % 3) * 3_600), routineID: id,
      routineTitle: title, outcome: .finished, before: before, after: max(0, before - 1 - daysAgo % 3))
    switch daysAgo {
    case 7:
      row.outcome = .quit
      row.after = nil
    case 11:
      row.outcome = .stoppedForSafety
      row.after = nil
    case 13:
      row.outcome = .interrupted
      row.after = nil
    case 17:
      row.after = before + 1
    default:
      break
    }
    return row
  }
}

/// Drives the app as a person does: keys, and time passing in ticks, through the
/// reducer and the effect performer both front ends use, with a journal in memory.
/// Keeps every effect so tests can read what was performed.
struct AppDriver {
  var state: AppState
  var now: Moment
  private(set) var effects: [AppEffect] = []
  /// What the journal was given; shared by copies of the driver.
  let journal = RecordingJournal()
  private let performer: EffectPerformer

  init(_ state: AppState = Fixture.state(), now: Moment = Fixture.start) {
    self.state = state
    self.now = now
    performer = EffectPerformer(journal: journal, speech: nil, toolsPath: nil, bell: {})
  }

  init(routines: [LoadedEntry], options: AppOptions = AppOptions(), safetyDue: Bool = false) {
    self.init(Fixture.state(routines: routines, options: options, safetyDue: safetyDue))
  }

  @discardableResult
  mutating func send(_ input: AppInput) -> [AppEffect] {
    let produced = performer.dispatch(input, to: &state, now: now, today: Fixture.today)
    effects += produced
    return produced
  }

  /// The effects of all the keys together.
  @discardableResult
  mutating func press(_ keys: Key...) -> [AppEffect] {
    keys.flatMap { send(.key($0)) }
  }

  /// The same driver after the keys, for building a scenario in one expression.
  func pressing(_ keys: Key...) -> AppDriver {
    var copy = self
    for key in keys { copy.press(key) }
    return copy
  }

  /// Each character as a key.
  @discardableResult
  mutating func type(_ text: String) -> [AppEffect] {
    text.flatMap { send(.key(.character($0))) }
  }

  /// Lets time pass with a tick every second, as the app loop wakes at least that often
  /// while a countdown runs (so no clock gap is seen).
  @discardableResult
  mutating func wait(seconds: Double, tick: Double = 1) -> [AppEffect] {
    var produced: [AppEffect] = []
    let end = now + Int64((seconds * 1e9).rounded())
    while now < end {
      now = min(end, now + Int64((tick * 1e9).rounded()))
      produced += send(.tick)
    }
    return produced
  }

  /// Time passes with nothing read: a suspended process or a sleeping machine.
  @discardableResult
  mutating func jump(seconds: Double) -> [AppEffect] {
    now = now + Int64((seconds * 1e9).rounded())
    return send(.tick)
  }

  // MARK: Reading the state

  var session: SessionScreen? {
    if case .session(let session) = state.screen { return session }
    return nil
  }

  var engine: SessionState? { session?.engine }

  var home: HomeScreen? {
    if case .home(let home) = state.screen { return home }
    return nil
  }

  var safety: SafetyScreen? {
    if case .safety(let safety) = state.screen { return safety }
    return nil
  }

  var summary: SummaryScreen? {
    if case .summary(let summary) = state.screen { return summary }
    return nil
  }

  /// Seconds left on the countdown now, rounded up as the screen shows them.
  var secondsLeft: Int? {
    engine?.remaining(at: now).map { Int(($0 + nanosecondsPerSecond - 1) / nanosecondsPerSecond) }
  }

  func draw(_ size: CanvasSize, _ capabilities: CanvasCapabilities = .full) -> MemoryCanvas {
    let canvas = MemoryCanvas(size: size, capabilities: capabilities)
    ScreenRenderer.draw(state, now: now, on: canvas)
    return canvas
  }

  // MARK: Getting somewhere by keys

  /// From home: select the routine's first group, move to it in the list and open its detail.
  mutating func openDetail(_ id: String, file: StaticString = #filePath, line: UInt = #line) {
    guard home != nil, let entry = state.entry(id: id), let group = entry.routine.groups.first else {
      return XCTFail("openDetail(\(id)) needs the home screen and a loaded routine", file: file, line: line)
    }
    for _ in MuscleGroup.allCases { press(.up) }
    for _ in 0..<MuscleGroup.allCases.firstIndex(of: group)! { press(.down) }
    press(.right)
    let index = state.routines(for: group).firstIndex { $0.routine.id == id }!
    for _ in 0..<index { press(.down) }
    press(.enter)
    guard case .detail(let detail) = state.screen, detail.routineID == id else {
      return XCTFail("openDetail(\(id)) did not reach its detail", file: file, line: line)
    }
  }

  /// From home: open the routine, start it and accept its cautions: the session's first step.
  /// The desk check, in no group, is started with `c`.
  mutating func startSession(_ id: String, file: StaticString = #filePath, line: UInt = #line) {
    if id == DeskCheckChange.routineID, state.entry(id: id)?.routine.groups.isEmpty == true {
      press(.character("c"))
    } else {
      openDetail(id, file: file, line: line)
      press(.enter)
    }
    guard case .cautions = state.screen else {
      return XCTFail("starting \(id) did not show its cautions", file: file, line: line)
    }
    press(state.entry(id: id)!.routine.requiresClinician ? .character("y") : .enter)
    guard session != nil else { return XCTFail("\(id) did not start", file: file, line: line) }
  }

  /// In a session: a rating typed and saved.
  mutating func rate(_ value: Int) {
    type(String(value))
    press(.enter)
  }

  /// In a session: `n` until the step at `index` shows (ratings are rated 6 on the way).
  mutating func advance(toStep index: Int, file: StaticString = #filePath, line: UInt = #line) {
    var guardCount = 0
    while let engine, engine.stepIndex < index, !engine.hasEnded, guardCount < 100 {
      if case .rating = engine.currentStep.plan { rate(6) } else { press(.character("n")) }
      guardCount += 1
    }
    if engine?.stepIndex != index {
      XCTFail("could not reach step \(index)", file: file, line: line)
    }
  }

  /// In a session: `n` until a step of this kind shows.
  mutating func advance(toKind kind: SessionStep.Kind, file: StaticString = #filePath, line: UInt = #line) {
    guard let steps = engine?.steps, let current = engine?.stepIndex,
      let index = steps.indices.first(where: { $0 >= current && steps[$0].kind == kind })
    else { return XCTFail("no \(kind) step ahead", file: file, line: line) }
    advance(toStep: index, file: file, line: line)
  }
}

extension Array where Element == AppEffect {
  var bells: Int { filter { $0 == .bell }.count }

  var spoken: [String] {
    compactMap {
      if case .speak(let text) = $0 { return text }
      return nil
    }
  }

  var journaled: [SessionEvent] {
    flatMap { effect -> [SessionEvent] in
      if case .appendToJournal(let events) = effect { return events }
      return []
    }
  }

  var safetyChecks: [SafetyCheck] {
    compactMap {
      if case .recordSafetyCheck(let check) = $0 { return check }
      return nil
    }
  }

  var beginsSession: Bool {
    contains {
      if case .beginJournalSession = $0 { return true }
      return false
    }
  }
}
