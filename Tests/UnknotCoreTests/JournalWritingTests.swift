import Foundation
import GRDB
import Synchronization
import XCTest

@testable import UnknotCore

#if canImport(Glibc)
  import Glibc
#endif

/// Writing sessions: rows that match the engine's record, modes, sessions whose process
/// died, sessions still running elsewhere, and two writers at once.
final class JournalWritingTests: JournalTestCase {
  func testASessionsRowsMatchItsRecord() throws {
    let path = journalPath()
    let journal = try open(path)
    let start = JournalFixtures.start()
    let events = JournalFixtures.singleHoldSession(before: 6, after: 3)
    let record = SessionRecord.rebuild(from: events)
    let id = try journal.beginSession(start)
    // One append per event, as the front end does.
    for event in events {
      try journal.append([event], to: id)
    }

    let summary = try XCTUnwrap(journal.history().first)
    XCTAssertEqual(summary.id, id)
    XCTAssertEqual(summary.outcome, .finished)
    XCTAssertEqual(summary.before, 6)
    XCTAssertEqual(summary.after, 3)
    XCTAssertEqual(summary.change?.text(), "6 → 3, −3, −50%")
    XCTAssertEqual(summary.startedAt, JournalTime.date(milliseconds: JournalTime.milliseconds(start.startedAt)))
    XCTAssertEqual(
      summary.endedAt.map(JournalTime.milliseconds), JournalTime.milliseconds(start.date(of: record.endedAt!)))
    XCTAssertEqual(summary.muscles, [.rhomboids])
    XCTAssertEqual(summary.activeMilliseconds, JournalTime.milliseconds(nanoseconds: record.activeNanoseconds))
    XCTAssertEqual(summary.pausedMilliseconds, JournalTime.milliseconds(nanoseconds: record.pausedNanoseconds))
    XCTAssertEqual(summary.pausedMilliseconds, 10_000)

    let steps = try rows(path, "SELECT step_index, kind, ending, actual_ms FROM steps_named ORDER BY ordinal")
    XCTAssertEqual(
      steps,
      record.steps.map { step in
        [
          "\(step.index)", step.kind.rawValue, step.ending?.rawValue,
          "\(JournalTime.milliseconds(nanoseconds: step.activeNanoseconds))",
        ]
      })
    let ratings = try rows(path, "SELECT moment, value, skipped FROM ratings_named ORDER BY ordinal")
    XCTAssertEqual(ratings, record.ratings.map { [$0.moment.rawValue, $0.value.map(String.init), "0"] })
    XCTAssertEqual(
      try rows(path, "SELECT reason, at IS NOT NULL, resumed_at - at FROM pauses"), [["person", "1", "10000"]])
    XCTAssertEqual(try rows(path, "SELECT planned_seconds FROM sessions"), [["\(record.plannedSeconds)"]])
    // The session ended: the rows hold everything, the event log is gone.
    XCTAssertEqual(try number(path, "SELECT count(*) FROM events"), 0)
  }

  func testEveryEventIsLoggedAsItHappensAndRebuildsTheRecord() throws {
    let path = journalPath()
    let journal = try open(path)
    let events = JournalFixtures.abandonedSession()
    let id = try journal.beginSession(JournalFixtures.start())
    try journal.append(Array(events.prefix(5)), to: id)
    try journal.append(Array(events.dropFirst(5)), to: id)

    let logged = try rows(path, "SELECT seq, kind, at, payload FROM events ORDER BY seq")
    XCTAssertEqual(logged.count, events.count)
    XCTAssertEqual(logged.map { $0[0] }, (0..<events.count).map { "\($0)" })
    XCTAssertEqual(logged.map { $0[1] }, events.map(JournalEventCodec.kind(of:)))
    let start = JournalFixtures.start()
    let rebuilt = logged.compactMap { row -> SessionEvent? in
      let at = row[2].flatMap { Int64($0) }.map {
        Moment(nanoseconds: ($0 - JournalTime.milliseconds(start.startedAt)) * 1_000_000)
      }
      return JournalEventCodec.event(kind: row[1]!, at: at, payload: row[3]!)
    }
    XCTAssertEqual(SessionRecord.rebuild(from: rebuilt), SessionRecord.rebuild(from: events))
  }

  func testEveryKindOfEventRoundTripsThroughItsPayload() {
    let at = Moment(nanoseconds: 42_000_000)
    let rating = SessionEvent.Rating(
      value: 4, stepIndex: 3, moment: .between, muscle: .levatorScapulae, side: .left, at: at)
    var skipped = rating
    skipped.value = nil
    var events: [SessionEvent] = [
      .sessionStarted(routineID: "tension-headache", stepCount: 9, plannedSeconds: 420, at: at),
      .stepStarted(.init(index: 2, kind: .hold, muscle: .upperTrapezius, side: .right, plannedSeconds: 60, at: at)),
      .stepStarted(.init(index: 3, kind: .traction, muscle: nil, side: nil, plannedSeconds: nil, at: at)),
      .stepEnded(
        .init(
          index: 2, ending: .releasedEarly, activeNanoseconds: 41_999_999_999, adjustedNanoseconds: -15_000_000_000,
          at: at)),
      .paused(reason: .person, at: at), .paused(reason: .clockGap(nanoseconds: 3_600_000_000_001), at: at),
      .resumed(at: at), .adjusted(stepIndex: 2, byNanoseconds: 15_000_000_000, at: at),
      .clinicianTimeSet(stepIndex: 3, seconds: 600, at: at), .ratingGiven(rating), .ratingSkipped(skipped),
      .stoppedForSafety(reason: .sign(.numbness), at: at), .sessionEnded(outcome: .stoppedForSafety, at: at),
      .cue(.halfway, at: at), .cue(.knotReleased, at: at), .cue(.sessionEnd, at: at),
    ]
    events += [
      Cue.stepStart(index: 1), .countdown(secondsLeft: 3), .switchSides(to: .left), .breathPhase(.topUp),
      .repetition(2), .stepEnd(index: 4),
    ].map { SessionEvent.cue($0, at: at) }
    for event in events {
      let payload = JournalEventCodec.json(JournalEventCodec.payload(of: event))
      XCTAssertEqual(
        JournalEventCodec.event(kind: JournalEventCodec.kind(of: event), at: at, payload: payload), event, payload)
    }
    let rejected = SessionEvent.rejected(command: .rate(11), reason: "ratings go from 0 to 10")
    XCTAssertEqual(JournalEventCodec.payload(of: rejected).reason, "ratings go from 0 to 10")
    XCTAssertNil(JournalEventCodec.event(kind: "rejected", at: nil, payload: "{}"))
    XCTAssertNil(JournalEventCodec.event(kind: "rating-given", at: at, payload: "not json"))
  }

  func testANewJournalAndItsFolderAreTheOwnersAlone() throws {
    let data = folder + "/data"
    let path = data + "/unknot/journal.sqlite"
    written.append(path)
    let journal = try open(path)
    let id = try journal.beginSession(JournalFixtures.start())
    try journal.append(JournalFixtures.abandonedSession(), to: id)

    func mode(_ path: String) -> mode_t {
      var info = stat()
      XCTAssertEqual(stat(path, &info), 0, path)
      return info.st_mode & 0o777
    }
    XCTAssertEqual(mode(data), 0o700)
    XCTAssertEqual(mode(data + "/unknot"), 0o700)
    for file in [path, path + "-wal", path + "-shm", path + "-live"] {
      XCTAssertEqual(mode(file), 0o600, file)
    }
  }

  func testAnExistingJournalKeepsTheModesItsOwnerGaveIt() throws {
    let path = journalPath()
    _ = try open(path)
    XCTAssertEqual(chmod(path, 0o640), 0)
    _ = try open(path)
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0)
    XCTAssertEqual(info.st_mode & 0o777, 0o640)
  }

  func testASessionWhoseProcessDiedIsMarkedInterruptedAndKeepsItsRatings() throws {
    let path = journalPath()
    let events = JournalFixtures.abandonedSession(before: 6)
    do {
      // The front end is gone without a word: no end, no quit.
      let journal = try open(path)
      let id = try journal.beginSession(JournalFixtures.start())
      try journal.append(events, to: id)
    }
    let journal = try open(path)
    let second = try journal.beginSession(JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(3600)))
    try journal.append(JournalFixtures.singleHoldSession(), to: second)

    let history = try journal.history()
    XCTAssertEqual(history.map(\.outcome), [.finished, .interrupted])
    let interrupted = history[1]
    XCTAssertEqual(interrupted.before, 6)
    XCTAssertNil(interrupted.after)
    let lastEvent = events.compactMap(\.moment).max()!
    XCTAssertEqual(
      interrupted.endedAt.map(JournalTime.milliseconds),
      JournalTime.milliseconds(JournalFixtures.start().date(of: lastEvent)))
    XCTAssertEqual(
      try rows(path, "SELECT moment, value FROM ratings_named WHERE session_id = \(interrupted.id.rawValue)"),
      [["before", "6"]])
    XCTAssertEqual(
      try rows(path, "SELECT ending FROM steps_named WHERE session_id = \(interrupted.id.rawValue) ORDER BY ordinal")
        .last,
      ["interrupted"])
    // Its events stay, as the evidence of what happened.
    XCTAssertEqual(
      try number(path, "SELECT count(*) FROM events WHERE session_id = \(interrupted.id.rawValue)"), Int64(events.count)
    )
    XCTAssertEqual(try journal.markInterruptedSessions(), 0)
  }

  func testASessionRunningInAnotherJournalIsNotMarkedInterrupted() throws {
    let path = journalPath()
    let first = try open(path)
    let running = try first.beginSession(JournalFixtures.start())
    try first.append(JournalFixtures.abandonedSession(), to: running)

    let second = try open(path)
    XCTAssertEqual(try second.markInterruptedSessions(), 0)
    _ = try second.beginSession(JournalFixtures.start(at: JournalFixtures.morning.addingTimeInterval(60)))
    XCTAssertNil(try first.history().last?.outcome)
    try first.append([.sessionEnded(outcome: .quit, at: EngineTime.s(40))], to: running)
    XCTAssertEqual(try first.history().last?.outcome, .quit)
  }

  /// Another process holds the session's lock, as a running unknot would.
  func testASessionLockedByAnotherProcessIsNotMarkedInterrupted() throws {
    // python3 (in the image) holds the lock: the test needs a second process, not a thread.
    XCTAssertTrue(
      FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
      "this test needs /usr/bin/python3 to hold a lock from another process")
    let path = journalPath()
    let id: JournalSessionID
    do {
      let journal = try open(path)
      id = try journal.beginSession(JournalFixtures.start())
    }
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    let script = """
      import fcntl, os, sys, time
      fd = os.open(sys.argv[1], os.O_RDWR)
      fcntl.lockf(fd, fcntl.LOCK_EX, 1, int(sys.argv[2]))
      print("locked", flush=True)
      time.sleep(30)
      """
    holder.arguments = ["-c", script, path + "-live", "\(id.rawValue)"]
    let output = Pipe()
    holder.standardOutput = output
    try holder.run()
    defer {
      holder.terminate()
      holder.waitUntilExit()
    }
    _ = output.fileHandleForReading.readData(ofLength: 7)

    let journal = try open(path)
    XCTAssertEqual(try journal.markInterruptedSessions(), 0)
    holder.terminate()
    holder.waitUntilExit()
    XCTAssertEqual(try journal.markInterruptedSessions(), 1)
  }

  func testTwoJournalsOnOneFileWriteInParallelWithoutLosingAnything() throws {
    let path = journalPath()
    _ = try open(path)
    let perWriter = 200
    let errors = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { writer in
      do throws(JournalError) {
        let journal = try SQLiteJournal(path: path)
        let start = JournalFixtures.start(
          title: "Writer \(writer)", at: JournalFixtures.morning.addingTimeInterval(Double(writer)))
        let id = try journal.beginSession(start)
        for index in 0..<perWriter {
          let rating = SessionEvent.Rating(
            value: index % 11, stepIndex: index, moment: .between, muscle: nil, side: nil,
            at: Moment(nanoseconds: Int64(index) * 1_000_000))
          try journal.append([.ratingGiven(rating)], to: id)
        }
        try journal.append([.sessionEnded(outcome: .finished, at: EngineTime.s(1))], to: id)
      } catch {
        errors.withLock { $0.append(error.description) }
      }
    }
    XCTAssertEqual(errors.withLock { $0 }, [])
    XCTAssertEqual(
      try rows(
        path,
        "SELECT routine_title, count(r.ordinal), outcome FROM sessions s JOIN ratings r ON r.session_id = s.id "
          + "GROUP BY s.id ORDER BY routine_title"
      ),
      [["Writer 0", "\(perWriter)", "finished"], ["Writer 1", "\(perWriter)", "finished"]])
  }

  func testSafetyChecksAreKeptAndTheLatestIsFound() throws {
    let path = journalPath()
    let journal = try open(path)
    XCTAssertNil(try journal.latestSafetyCheck())
    let first = SafetyCheck(
      date: JournalFixtures.morning, answers: ["a-chest-pain": false, "b-pregnancy": true], outcome: .clinicianAgreed)
    let second = SafetyCheck(
      date: JournalFixtures.morning.addingTimeInterval(86_400 * 31), answers: ["a-accident": false], outcome: .clear)
    try journal.record(second)
    try journal.record(first)
    let latest = try XCTUnwrap(journal.latestSafetyCheck())
    XCTAssertEqual(latest.outcome, .clear)
    XCTAssertEqual(latest.answers, ["a-accident": false])
    XCTAssertEqual(JournalTime.milliseconds(latest.date), JournalTime.milliseconds(second.date))
    XCTAssertEqual(
      try rows(path, "SELECT answers FROM safety_checks ORDER BY checked_at").first,
      [#"{"a-chest-pain":false,"b-pregnancy":true}"#])
  }

  func testEventsForASessionNotBegunHereAreRefused() throws {
    let journal = try open(journalPath())
    XCTAssertThrowsError(try journal.append([.resumed(at: .zero)], to: JournalSessionID(99))) { error in
      XCTAssertTrue("\(error)".contains("not begun through this journal"), "\(error)")
    }
  }

  func testTheDefaultPathFollowsXDG() {
    XCTAssertEqual(
      JournalLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/home/a"]),
      "/data/unknot/journal.sqlite")
    XCTAssertEqual(
      JournalLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"]),
      "/home/a/.local/share/unknot/journal.sqlite")
    XCTAssertEqual(
      JournalLocation.defaultPath(environment: ["HOME": "/home/a"]), "/home/a/.local/share/unknot/journal.sqlite")
    XCTAssertNil(JournalLocation.defaultPath(environment: [:]))
  }
}
