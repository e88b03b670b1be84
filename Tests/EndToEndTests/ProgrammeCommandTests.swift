import Foundation
import XCTest

/// `unknot programme` as a person uses it: start a programme of their own, see today's
/// plan, do a session at the level's dose, see it done, pause, resume, leave.
final class ProgrammeCommandTests: EndToEndTestCase {
  private let programme = """
    format: 1
    id: e2e-plan
    title: E2E plan
    summary: Chin tucks every day for the end-to-end tests.
    weeks: 2
    sources: [test]
    schedule:
      - routine: e2e-tucks
        label: tucks
        days: daily
        progression: true
    progression:
      reps: {from: 3, to: 4}
      sets: {from: 1, to: 1}

    """

  private let routine = """
    format: 1
    id: e2e-tucks
    title: E2E chin tucks
    summary: Quick chin tucks for the end-to-end tests.
    targets: [suboccipitals]
    tools: []
    sources: [test]
    steps:
      - kind: exercise
        title: Chin tucks
        muscle: suboccipitals
        reps: 2
        phases:
          - {phase: tuck, duration: 1s}
          - {phase: release, duration: 1s}

    """

  @discardableResult
  private func run(_ arguments: [String], status: Int32 = 0) throws -> ProcessResult {
    let result = try sandbox.run(arguments + sandbox.sessionOptions)
    XCTAssertEqual(result.status, status, result.transcript)
    return result
  }

  func testStartSeeTodayDoASessionAtTheLevelPauseResumeAndLeave() throws {
    try sandbox.addRoutine("e2e-tucks.yaml", routine)
    let folder = sandbox.environment["XDG_CONFIG_HOME"]! + "/unknot/programmes"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try programme.write(toFile: folder + "/e2e-plan.yaml", atomically: true, encoding: .utf8)

    // The person's programme is checked like a routine, in the same voice.
    let check = try sandbox.run(["check", "--routines", sandbox.routines.path])
    XCTAssertTrue(
      check.errors.contains(
        "\(folder)/e2e-plan.yaml:13:9: warning: reps from 3 to 4 go outside the 8 to 15 the ACSM advises"),
      check.transcript)

    let list = try run(["programme", "list"])
    XCTAssertTrue(list.output.contains("e2e-plan"), list.transcript)
    XCTAssertTrue(list.output.contains("desk-worker"), list.transcript)

    let started = try run(["programme", "start", "e2e-plan"])
    XCTAssertTrue(started.output.contains("Started 'E2E plan': 2 weeks from today."), started.transcript)
    let refused = try run(["programme", "start", "desk-worker"], status: 1)
    XCTAssertTrue(refused.errors.contains("You are already following 'E2E plan'"), refused.transcript)
    XCTAssertTrue(refused.errors.contains("unknot programme leave"), refused.transcript)

    // Off a terminal, `unknot` prints an overview: the programme's Today is in it.
    let overview = try run([])
    XCTAssertTrue(overview.output.contains("Today: tucks, 0 of 7 this week"), overview.transcript)

    let today = try run(["programme"])
    XCTAssertTrue(today.output.contains("E2E plan: week 1 of 2."), today.transcript)
    XCTAssertTrue(today.output.contains("To do today: tucks (e2e-tucks), 0 of 7 this week."), today.transcript)
    XCTAssertTrue(today.output.contains("Level 1 of 2: 3 reps, 1 set."), today.transcript)

    // A status bar says the same after the break's count.
    let status = try sandbox.run(["status", "--journal", sandbox.journal.path])
    XCTAssertTrue(status.output.hasSuffix("; Today: tucks, 0 of 7 this week\n"), status.transcript)

    // The session runs the level's 3 reps, not the routine's 2, and says why.
    try sandbox.recordSafetyCheck()
    let session = try sandbox.run(
      ["start", "e2e-tucks", "--plain"] + sandbox.sessionOptions, input: .lines(["6", "6"]), timeout: 20)
    XCTAssertEqual(session.status, 0, session.transcript)
    XCTAssertTrue(
      session.output.contains("Level 1 of your programme: 3 reps, 1 set in each exercise."), session.transcript)
    XCTAssertTrue(session.output.contains("Chin tucks — Suboccipitals · 3 reps × 2 s."), session.transcript)

    let done = try run(["programme", "today", "--format", "json"])
    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(done.output.utf8)) as? [String: Any])
    XCTAssertEqual(json["today"] as? String, "all done for today, week 1 of 2", done.transcript)
    let statusDone = try sandbox.run(["status", "--journal", sandbox.journal.path])
    XCTAssertTrue(statusDone.output.hasSuffix("; Today: all done for today, week 1 of 2\n"), statusDone.transcript)

    XCTAssertTrue(try run(["programme", "pause"]).output.contains("Paused 'E2E plan'."))
    XCTAssertTrue(try run(["programme"]).output.contains("E2E plan: paused since "))
    XCTAssertTrue(try run(["programme", "resume"]).output.contains("Welcome back to 'E2E plan'."))
    let left = try run(["programme", "leave"])
    XCTAssertTrue(left.output.contains("You have left 'E2E plan'. Its sessions stay in your journal"), left.transcript)
    XCTAssertTrue(try run(["programme"]).output.contains("You are not following a programme."))
    let statusLeft = try sandbox.run(["status", "--journal", sandbox.journal.path])
    XCTAssertFalse(statusLeft.output.contains("Today"), statusLeft.transcript)
    XCTAssertEqual(
      try sandbox.query("SELECT programme_id, left_at IS NOT NULL FROM programme_enrolments"), "e2e-plan|1")
    XCTAssertEqual(try sandbox.query("SELECT count(*) FROM programme_pauses WHERE resumed_at IS NOT NULL"), "1")
  }

  func testStartingTheDeskWorkerProgrammeShowsTodayOnTheHomeScreen() throws {
    let tmux = try startShell()
    let openHome = sandbox.commandLine(["--journal", sandbox.journal.path])
    try tmux.typeLine(openHome)
    let before = try tmux.waitForText("Muscle groups")
    XCTAssertFalse(before.contains("Today:"), tmux.framed(before))
    try tmux.send("q")
    try tmux.waitFor("the shell to come back") { $0.contains("e2e$") && !$0.contains("Muscle groups") }

    try tmux.typeLine(sandbox.commandLine(["programme", "start", "desk-worker", "--journal", sandbox.journal.path]))
    try tmux.waitForText("Started 'Desk worker, six weeks': 6 weeks from today.")
    try tmux.typeLine("clear; " + openHome)
    let home = try tmux.waitForText("Muscle groups")
    // The first week's first thing to do: the daily posture break.
    XCTAssertTrue(home.contains("Today (g): posture break, 0 of 7 this week"), tmux.framed(home))
    // g opens that routine, ready to start.
    try tmux.send("g")
    try tmux.waitForText("Desk posture break", "Enter start")
    try tmux.send("Escape")
    try tmux.waitForText("Muscle groups")
    try tmux.send("q")
  }
}
