import UnknotCore
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `kill -9` at many random moments of sessions that all write one journal: at
/// start-up, while a rating is being saved, during the steps and as the session ends,
/// in plain mode and on the full screen. After every kill the journal passes SQLite's
/// integrity check and holds every rating unknot had confirmed (the next line or
/// screen appears only once a rating is committed), and every later start closes the
/// killed sessions as interrupted without losing a rating.
final class KillAtRandomMomentsTests: EndToEndTestCase {
  /// The seed when UNKNOT_E2E_SEED is not set: the same kill moments on every run.
  private static let defaultSeed: UInt64 = 20_251_126

  /// Where in a session a kill strikes.
  private enum Moment: String, CaseIterable {
    case startUp = "start-up"
    case ratingBefore = "the rating before"
    case gettingIntoPosition = "getting into position"
    case ratingBetween = "the rating between steps"
    case hold = "the hold"
    case ratingAfter = "the rating after"
    case end = "the end"
  }

  /// A session to kill: plain lines through pipes, or the full screen under tmux.
  private enum Front: String {
    case plain
    case screen = "full screen"
  }

  /// What a session had shown when it died.
  private struct Shown {
    /// SIGKILL ended it (not its own exit just before).
    var killed: Bool
    /// The ratings it had confirmed, in order: before, between, after.
    var ratings: [Int]
    /// It had got past opening the journal (which closes earlier killed sessions).
    var openedJournal: Bool
    /// Its summary had appeared, so its end was written.
    var finished: Bool
    var transcript: String
  }

  /// The journal as read after a kill.
  private struct Journal {
    /// Each session's ratings, "moment value", in order.
    var ratings: [Int: [String]] = [:]
    /// Each session's outcome, "open" while it has no end.
    var outcomes: [Int: String] = [:]
  }

  func testKillDashNineAtRandomMomentsKeepsTheJournalIntactWithEveryConfirmedRating() throws {
    try sandbox.addRoutine("e2e-brief.yaml", TestRoutines.brief)
    try sandbox.recordSafetyCheck()
    let seed = TestSeed.value(default: Self.defaultSeed)
    let replay = TestSeed.replay(seed)
    var random = SplitMix64(seed: seed)

    // Every moment three times in plain mode, and four on the full screen: 25 kills.
    let plain = Moment.allCases.flatMap { moment in Array(repeating: (Front.plain, moment), count: 3) }
    let screen = [Moment.startUp, .ratingBefore, .hold, .end].map { (Front.screen, $0) }
    var schedule = (plain + screen).shuffled(using: &random)
    let planned = schedule.count

    var journal = try readJournal(context: "before the first kill (\(replay))")
    var kills: [Moment: Int] = [:]
    var index = 0
    while index < schedule.count {
      let (front, moment) = schedule[index]
      index += 1
      // Ratings that never ask about pain (PainRules): under 7 before, then no rise of 2
      // and under 8 between, so the kill lands in the flow the schedule names.
      let before = Int.random(in: 0...6, using: &random)
      let between = Int.random(in: 0...min(7, before + 1), using: &random)
      let ratings = [before, between, Int.random(in: 0...10, using: &random)]
      let shown: Shown
      do {
        switch front {
        case .plain:
          shown = try killPlainSession(at: moment, ratings: ratings, random: &random)
        case .screen:
          shown = try killScreenSession(at: moment, ratings: ratings, random: &random)
        }
      } catch {
        XCTFail("kill \(index) of \(schedule.count), at \(moment.rawValue) (\(front.rawValue)): \(error); \(replay)")
        throw error
      }
      if shown.killed {
        kills[moment, default: 0] += 1
      } else if schedule.count < 2 * planned {
        // The plain session ended on its own a moment before the kill (after the last
        // rating its end takes a few milliseconds): one more kill, at the same moment
        // while none has struck there yet, else at one before the end.
        let again = kills[moment] == nil ? moment : Moment.allCases.dropLast(2).randomElement(using: &random)!
        schedule.append((.plain, again))
      }
      let context =
        "kill \(index) of \(schedule.count), at \(moment.rawValue) (\(front.rawValue)), ratings \(ratings); "
        + "\(replay)\n\(shown.transcript)"
      let now = try readJournal(context: context)
      check(shown, before: journal, after: now, context: context)
      journal = now
    }

    let total = kills.values.reduce(0, +)
    XCTAssertGreaterThanOrEqual(total, 20, "only \(total) sessions were killed, by moment \(kills) (\(replay))")
    for moment in Moment.allCases {
      XCTAssertGreaterThan(kills[moment] ?? 0, 0, "no session was killed at \(moment.rawValue) (\(replay))")
    }

    // A last session, run to its end: it closes the last killed one, and nothing stays open.
    let last = try sandbox.run(
      ["start", "e2e-brief", "--plain"] + sandbox.sessionOptions, input: .lines(["4", "", "3", "2"]))
    XCTAssertEqual(last.status, 0, last.transcript)
    let final = try readJournal(context: "after a last whole session (\(replay))")
    check(
      Shown(killed: false, ratings: [4, 3, 2], openedJournal: true, finished: true, transcript: last.transcript),
      before: journal, after: final, context: "the last whole session (\(replay))")
    for (session, outcome) in final.outcomes {
      XCTAssertTrue(
        ["finished", "interrupted"].contains(outcome), "session \(session) ended as \(outcome) (\(replay))")
    }
  }

  // MARK: Killing

  /// A plain session answered line by line as it asks, killed at `moment`.
  private func killPlainSession(at moment: Moment, ratings: [Int], random: inout SplitMix64) throws -> Shown {
    let session = try PipedProcess(
      sandbox.binary, ["start", "e2e-brief", "--plain"] + sandbox.sessionOptions, environment: sandbox.environment,
      directory: sandbox.root)
    func count(_ text: String, _ output: String) -> Int { output.components(separatedBy: text).count - 1 }
    let question = "Type a number from 0 to 10"
    // Each answer once its question is out: before, in position, between, after.
    let answers: [(cue: String, isAsked: (String) -> Bool, line: String, moment: Moment)] = [
      ("the rating before", { count(question, $0) >= 1 }, String(ratings[0]), .ratingBefore),
      ("the placement", { $0.contains("Press Enter when you are in position.") }, "", .gettingIntoPosition),
      ("the rating between", { count(question, $0) >= 2 }, String(ratings[1]), .ratingBetween),
      ("the rating after", { count(question, $0) >= 3 }, String(ratings[2]), .ratingAfter),
    ]
    // How long after its cue the kill strikes. Start-up takes about 40 ms to the first
    // question, saving a rating or a step change 1-3 ms, the hold 1 s; the summary and
    // closing the journal take a few milliseconds after the last rating is saved.
    var window: ClosedRange<Double> = 0...0.05
    for answer in answers where moment != .startUp {
      try session.waitForOutput(answer.cue, until: answer.isAsked)
      session.feed([answer.line])
      if answer.moment == moment {
        window = 0...0.003
        break
      }
      if answer.moment == .ratingBetween, moment == .hold {
        try session.waitForOutput("the hold") { $0.contains("Pressure hold —") }
        window = 0...1
        break
      }
    }
    if moment == .end {
      try session.waitForOutput("the rating after to be saved") { count("Saved:", $0) >= 3 }
      window = 0...0.002
    }
    // This pause chooses the moment of the kill; it waits for nothing.
    Thread.sleep(forTimeInterval: Double.random(in: window, using: &random))
    session.deliver(SIGKILL)
    let ending = session.finish()
    // Whatever it printed, it printed before it died: "Saved: N" follows the commit.
    let saved = ending.output.matches(of: #/Saved: (\d+) /#).compactMap { Int($0.output.1) }
    return Shown(
      killed: ending.signal == SIGKILL, ratings: saved, openedJournal: !ending.output.isEmpty,
      finished: ending.output.contains("Session complete."), transcript: ending.transcript)
  }

  /// A full-screen session in a fresh 80×24 tmux pane, killed at `moment`.
  private func killScreenSession(at moment: Moment, ratings: [Int], random: inout SplitMix64) throws -> Shown {
    // The pane's bash says nothing of the kill (its own stderr goes nowhere) and puts
    // the exit status in the bottom-right corner without a newline, so the screen unknot
    // left is not scrolled: a shell's "Killed" line, or tmux's "Pane is dead", would
    // push the header out of sight.
    let script =
      #"exec 3>&2 2>/dev/null; "$0" "$@" 2>&3 3>&-; printf '\0337\033[24;70HEXIT=%s\0338' "$?"; exec sleep 600"#
    let tmux = try startTmux(
      ["bash", "--norc", "--noprofile", "-c", script, sandbox.binary.path, "start", "e2e-brief"]
        + sandbox.sessionOptions)
    defer { tmux.kill() }
    func rate(_ value: Int) throws {
      try tmux.send(contentsOf: String(value).map(String.init) + ["Enter"])
    }
    let pid = try waitForUnknot(under: try tmux.panePID())
    let window: ClosedRange<Double>
    if moment == .startUp {
      window = 0...0.1
    } else {
      try tmux.waitForText("Before you start: E2E brief session")
      try tmux.send("Enter")
      try tmux.waitForText("How much pain do you have right now?", "step 1 of 5")
      try rate(ratings[0])
      // The rating's save takes milliseconds; at the end the summary stays until a key.
      window = moment == .hold ? 0...1 : moment == .end ? 0...0.3 : 0...0.03
      if moment != .ratingBefore {
        try tmux.waitForText("GET INTO POSITION")
        try tmux.send("Enter")
        try tmux.waitForText("How do your rhomboids feel now?", "step 3 of 5")
        try rate(ratings[1])
        try tmux.waitForText("PRESSURE HOLD", "step 4 of 5")
        if moment != .hold {
          try tmux.waitForText("How much pain do you have right now?", "step 5 of 5")
          try rate(ratings[2])
        }
      }
    }
    // This pause chooses the moment of the kill; it waits for nothing.
    Thread.sleep(forTimeInterval: Double.random(in: window, using: &random))
    kill(pid, SIGKILL)
    let exit = #/EXIT=([0-9]+)/#
    let screen = try tmux.waitFor("the exit status after the kill") { $0.contains(exit) }
    // The shell ran after unknot died, so everything unknot drew is on the screen; and
    // a screen after a rating's is drawn only once the rating is committed.
    let step = screen.firstMatch(of: #/step (\d) of 5/#).flatMap { Int($0.output.1) } ?? 0
    let finished = screen.contains("Session complete")
    let confirmed = finished ? 3 : step >= 4 ? 2 : step >= 2 ? 1 : 0
    return Shown(
      killed: screen.firstMatch(of: exit)?.output.1 == "\(128 + SIGKILL)", ratings: Array(ratings.prefix(confirmed)),
      openedJournal: moment != .startUp || screen.contains("Before you start") || step > 0, finished: finished,
      transcript: tmux.framed(screen))
  }

  /// The unknot the pane's shell started, as soon as it runs.
  private func waitForUnknot(under shell: pid_t) throws -> pid_t {
    var found: pid_t?
    try eventually("unknot to start") {
      found = childProcesses(of: shell).first { commandLine(of: $0).first?.hasSuffix("/unknot") == true }
      return found != nil
    }
    return found!
  }

  // MARK: The journal

  private func readJournal(context: String, file: StaticString = #filePath, line: UInt = #line) throws -> Journal {
    let text = try sandbox.query(
      """
      PRAGMA integrity_check;
      SELECT 'session', id, CASE WHEN ended_at IS NULL THEN 'open' ELSE outcome END FROM sessions ORDER BY id;
      SELECT 'rating', session_id, moment, coalesce(value, 'skipped') FROM ratings_named
        ORDER BY session_id, ordinal;
      """)
    var journal = Journal()
    var integrity: [String] = []
    for row in text.split(separator: "\n").map(String.init) {
      let fields = row.split(separator: "|").map(String.init)
      if fields.first == "session", fields.count == 3, let id = Int(fields[1]) {
        journal.outcomes[id] = fields[2]
      } else if fields.first == "rating", fields.count == 4, let id = Int(fields[1]) {
        journal.ratings[id, default: []].append("\(fields[2]) \(fields[3])")
      } else {
        integrity.append(row)
      }
    }
    XCTAssertEqual(integrity, ["ok"], "PRAGMA integrity_check after \(context)", file: file, line: line)
    return journal
  }

  /// The journal after a session against the journal before it and what the session showed.
  private func check(
    _ shown: Shown, before: Journal, after: Journal, context: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    // Nothing kept before is lost or changed.
    for (session, ratings) in before.ratings {
      XCTAssertEqual(
        after.ratings[session] ?? [], ratings, "session \(session)'s ratings changed after \(context)", file: file,
        line: line)
    }
    let earlier = before.outcomes.keys.max() ?? 0
    let new = after.outcomes.keys.filter { $0 > earlier }.sorted()
    XCTAssertLessThanOrEqual(new.count, 1, "more than one new session after \(context)", file: file, line: line)
    let confirmed = zip(["before", "between", "after"], shown.ratings).map { "\($0) \($1)" }
    if !confirmed.isEmpty {
      guard let session = new.first else {
        return XCTFail(
          "ratings \(confirmed) were confirmed, but no session was kept: \(context)", file: file, line: line)
      }
      // Every confirmed rating; at most one more, saved in the instant before the kill.
      let kept = after.ratings[session] ?? []
      XCTAssertEqual(
        Array(kept.prefix(confirmed.count)), confirmed, "the ratings kept after \(context)", file: file, line: line)
      XCTAssertLessThanOrEqual(kept.count, confirmed.count + 1, "ratings kept: \(kept), after \(context)")
      if shown.finished {
        XCTAssertEqual(after.outcomes[session], "finished", "the outcome after \(context)", file: file, line: line)
      }
    }
    // Opening the journal closed every session killed before.
    if shown.openedJournal {
      for session in before.outcomes.keys {
        let outcome = after.outcomes[session] ?? "missing"
        XCTAssertTrue(
          ["finished", "interrupted"].contains(outcome),
          "session \(session) is \(outcome) after the next start opened the journal: \(context)", file: file,
          line: line)
      }
    }
  }
}
