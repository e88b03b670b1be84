import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// Plain mode and the full screen are one session driver: the same person, typing the
/// same things at the same moments, leaves the same journal and hears the same cues,
/// whichever front end they use.
final class FrontEndParityTests: XCTestCase {
  static let routines = [
    "quick-shoulder", "two-sides", "every-active-kind", "chin-tucks", "box-breathing", "desk-setup-check",
  ]
  .map(Fixture.entry)
  /// What a person might type: every command word, ratings, answers, letters, nonsense.
  static let lines = [
    "p", "pause", "n", "b", "+", "-", "r", "q", "x", "?", "", "", "6", "10", "0", "s", "y", "n", "no", "yes", "y", "a",
    "h",
    "k", "12", "1:30", "zz", "1", "2", "3", "8",
  ]

  func testSeededRandomSequencesGiveTheSameJournalAndCuesInBothFrontEnds() {
    var random = SplitMix64(seed: 0x0B0E_5EED)
    var ended: [SessionOutcome: Int] = [:]
    var painChoices = 0
    var answers: [ChecklistAnswer: Int] = [:]
    for sequence in 0..<240 {
      let entry = Self.routines[Int(random.next() % UInt64(Self.routines.count))]
      var script: [ScriptedConsole.Item] = []
      for _ in 0..<(1 + Int(random.next() % 30)) {
        let seconds = Double(random.next() % 12) + (random.unit() < 0.3 ? 0.25 : 0)
        if seconds > 0 { script.append(.wait(seconds: seconds)) }
        script.append(.line(Self.lines[Int(random.next() % UInt64(Self.lines.count))]))
      }
      let label = "sequence \(sequence), \(entry.routine.id): \(script)"
      let plain = PlainSessionTests.run(entry, script: script)
      let screen = Self.fullScreen(entry, script: script)
      XCTAssertEqual(screen.journal.starts, plain.journal.starts, label)
      XCTAssertEqual(screen.journal.events, plain.journal.events, label)
      XCTAssertEqual(screen.cues, plain.cues, label)
      XCTAssertFalse(plain.journal.events.isEmpty, label)
      let record = SessionRecord.rebuild(from: plain.journal.events)
      if let outcome = record.outcome { ended[outcome, default: 0] += 1 }
      painChoices += record.painChoices.count
      for response in record.checklistAnswers { answers[response.answer, default: 0] += 1 }
      if testRun?.failureCount ?? 0 > 0 { break }
    }
    // The sequences reach every ending, so the comparison covers them all.
    XCTAssertGreaterThan(ended[.finished] ?? 0, 10, "\(ended)")
    XCTAssertGreaterThan(ended[.quit] ?? 0, 10, "\(ended)")
    XCTAssertGreaterThan(ended[.stoppedForSafety] ?? 0, 10, "\(ended)")
    XCTAssertGreaterThan(painChoices, 10, "the sequences reach the pain box and choose in it")
    // The desk check's answers, yes and no, are journaled alike by both.
    XCTAssertGreaterThan(answers[.yes] ?? 0, 10, "\(answers)")
    XCTAssertGreaterThan(answers[.no] ?? 0, 10, "\(answers)")
  }

  /// The same script on the full screen: each line arrives at its moment as the keys
  /// the person would press there; between them the loop wakes when `AppLoop` would,
  /// and each screen is drawn on a memory canvas. At the end of the script the person
  /// does what plain mode takes an end of input for.
  static func fullScreen(_ entry: LoadedEntry, script: [ScriptedConsole.Item]) -> (
    journal: RecordingJournal, cues: [Cue]
  ) {
    var driver = AppDriver(Fixture.state(routines: [entry]))
    AppReducer.start(routineID: entry.routine.id, returnTo: HomeScreen(), state: &driver.state)
    driver.press(.enter)
    var lines: [(at: Moment, line: String)] = []
    var moment = driver.now
    for item in script {
      switch item {
      case .wait(let seconds): moment = moment + Int64((seconds * 1e9).rounded())
      case .line(let line): lines.append((moment, line))
      }
    }
    let canvas = MemoryCanvas(size: .standard, capabilities: .full)
    func press(_ keys: [Key]) {
      for key in keys { driver.press(key) }
      ScreenRenderer.draw(driver.state, now: driver.now, on: canvas)
    }
    var wakes = 0
    while let session = driver.session, !session.engine.hasEnded, wakes < 1_000_000 {
      wakes += 1
      if session.overlay == .help {
        press([.escape])
        continue
      }
      guard let next = lines.first else {
        // The end of input: what plain mode does at each prompt, or time passing.
        if let keys = endOfInput(session) {
          press(keys)
        } else {
          driver.wait(seconds: Double(AppLoop.timeout(driver.state, after: driver.now) ?? 1000) / 1000, tick: 1)
        }
        continue
      }
      if let milliseconds = AppLoop.timeout(driver.state, after: driver.now),
        driver.now + Int64(milliseconds) * 1_000_000 < next.at
      {
        driver.wait(seconds: Double(milliseconds) / 1000)
        continue
      }
      // Nothing counts down before the line, or the line comes first: time passes to it.
      if next.at > driver.now {
        if AppLoop.timeout(driver.state, after: driver.now) == nil {
          driver.now = next.at
        } else {
          driver.wait(seconds: Double(next.at.since(driver.now)) / 1e9, tick: 2)
        }
        driver.send(.tick)
      }
      lines.removeFirst()
      if let keys = PlainInput.keys(for: next.line, in: driver.state) { press(keys) }
    }
    let cues = driver.effects.compactMap { effect -> Cue? in
      if case .cue(let cue) = effect { return cue }
      return nil
    }
    return (driver.journal, cues)
  }

  /// What plain mode presses when input has ended, at the prompts it reads; nil in a countdown.
  static func endOfInput(_ session: SessionScreen) -> [Key]? {
    switch session.overlay {
    case .stopReasons: return [.escape]
    case .confirmQuit: return [.character("y")]
    case .journalFailed: return [.character("n")]
    case .help: return [.escape]
    case .painChoice: return [.enter]
    case nil: break
    }
    if session.engine.isPaused { return [.character(" ")] }
    switch session.engine.currentStep.plan {
    case .rating: return [.character("s")]
    // Past the advice, then quit: the answers given are kept.
    case .checklist: return session.engine.showingAdvice ? [.enter] : [.character("q")]
    case .untimed: return [.enter]
    case .clinicianTimed where session.engine.stepLength == nil: return [.character("n")]
    default: return nil
    }
  }
}
