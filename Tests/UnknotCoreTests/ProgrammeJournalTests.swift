import Foundation
import GRDB
import UnknotCore
import XCTest

/// Enrolments in the journal (schema v7): start, pause, resume and leave; one programme
/// at a time; progress read from the sessions; the cheap status read; export and import.
final class ProgrammeJournalTests: JournalTestCase {
  private let day: TimeInterval = 86_400
  private var start: Date { JournalFixtures.morning }

  private func enrolment(_ id: String = "plan", at date: Date? = nil) -> ProgrammeEnrolment {
    ProgrammeEnrolment(
      programmeID: id, programmeTitle: "Plan \(id)", contentHash: "abc", startedAt: date ?? start)
  }

  func testStartPauseResumeLeaveAreKeptAndReadTheSameBothWays() throws {
    let path = journalPath()
    let journal = try open(path)
    XCTAssertNil(try journal.activeProgramme())
    XCTAssertNil(try SQLiteJournal.activeProgramme(path: path))
    guard case .started(let started) = try journal.startProgramme(enrolment()) else {
      return XCTFail("the programme did not start")
    }
    XCTAssertNotNil(started.id)
    guard case .alreadyActive(let active) = try journal.startProgramme(enrolment("other")) else {
      return XCTFail("a second programme started while one was active")
    }
    XCTAssertEqual(active.programmeID, "plan")

    let paused = try XCTUnwrap(try journal.pauseProgramme(at: start.addingTimeInterval(day)))
    XCTAssertTrue(paused.isPaused)
    XCTAssertNil(try journal.pauseProgramme(at: start.addingTimeInterval(2 * day)), "already paused")
    XCTAssertEqual(try SQLiteJournal.activeProgramme(path: path), paused, "the cheap read agrees")
    let resumed = try XCTUnwrap(try journal.resumeProgramme(at: start.addingTimeInterval(3 * day)))
    XCTAssertFalse(resumed.isPaused)
    XCTAssertEqual(
      resumed.pauses,
      [ProgrammePause(pausedAt: start.addingTimeInterval(day), resumedAt: start.addingTimeInterval(3 * day))])
    XCTAssertNil(try journal.resumeProgramme(at: start.addingTimeInterval(4 * day)), "not paused")

    let left = try XCTUnwrap(try journal.leaveProgramme(at: start.addingTimeInterval(5 * day)))
    XCTAssertEqual(left.leftAt, start.addingTimeInterval(5 * day))
    XCTAssertNil(try journal.activeProgramme())
    XCTAssertNil(try SQLiteJournal.activeProgramme(path: path))
    XCTAssertEqual(try journal.programmeEnrolments(), [left], "leaving keeps the history")
    XCTAssertNil(try journal.leaveProgramme(at: start.addingTimeInterval(6 * day)))
    guard case .started = try journal.startProgramme(enrolment("other", at: start.addingTimeInterval(6 * day))) else {
      return XCTFail("after leaving, another programme can start")
    }
  }

  func testAJournalWithoutProgrammeTablesHasNoActiveProgrammeForTheCheapRead() throws {
    let path = try olderJournal(upTo: "v6")
    XCTAssertNil(try SQLiteJournal.activeProgramme(path: path))
    XCTAssertEqual(try SQLiteJournal.programmeSessions(path: path, routineIDs: ["x"], since: start), [])
    XCTAssertNil(try SQLiteJournal.activeProgramme(path: folder + "/missing.sqlite"))
  }

  func testProgressAndLevelAreReadFromTheSessions() throws {
    let path = journalPath()
    let journal = try open(path)
    let routine = EngineFixtures.singleHold()
    let programme = Programme(
      id: "plan", title: "Plan", summary: "Test.", weeks: 2,
      schedule: [ProgrammeEntry(routineIDs: [routine.id], label: "holds", days: .daily, progresses: true)],
      progression: ProgressionLadder(reps: 10...12, sets: 1...1))
    _ = try journal.startProgramme(enrolment())
    func session(onDay number: Double, before: Int, after: Int) throws {
      let id = try journal.beginSession(JournalFixtures.start(at: start.addingTimeInterval(number * day + 60)))
      try journal.append(JournalFixtures.singleHoldSession(before: before, after: after), to: id)
    }
    try session(onDay: 0, before: 6, after: 3)
    try session(onDay: 1, before: 6, after: 4)
    func level(onDay number: Double) throws -> ProgrammeToday.Entry {
      let enrolment = try XCTUnwrap(try SQLiteJournal.activeProgramme(path: path))
      let sessions = try SQLiteJournal.programmeSessions(path: path, routineIDs: [routine.id], since: start)
      XCTAssertEqual(sessions, try journal.programmeSessions(routineIDs: [routine.id], since: start))
      return ProgrammeProgress.today(
        programme: programme, enrolment: enrolment, sessions: sessions, now: start.addingTimeInterval(number * day),
        zone: .utc
      ).entries[0]
    }
    XCTAssertEqual(try level(onDay: 1.5).dose?.level, 2, "two good sessions in a row")
    XCTAssertEqual(try level(onDay: 1.5).doneToday, true)
    try session(onDay: 2, before: 3, after: 5)
    let afterRise = try level(onDay: 2.5)
    XCTAssertEqual(afterRise.dose?.level, 1, "pain rose by 2: back a level")
    XCTAssertEqual(afterRise.levelChange, .steppedBackAfterPainRose(start.addingTimeInterval(2 * day + 60)))
  }

  func testEnrolmentsGoThroughExportAndImportOnceAndBadRowsAreRefusedInPlainWords() throws {
    let source = try open(journalPath("source.sqlite"))
    _ = try source.startProgramme(enrolment("first"))
    _ = try source.pauseProgramme(at: start.addingTimeInterval(day))
    _ = try source.leaveProgramme(at: start.addingTimeInterval(2 * day))
    _ = try source.startProgramme(enrolment("second", at: start.addingTimeInterval(3 * day)))
    _ = try source.pauseProgramme(at: start.addingTimeInterval(4 * day))
    let export = try source.exportJSON()

    let target = try open(journalPath("target.sqlite"))
    XCTAssertEqual(try target.importJSON(export, source: "export.json").programmesAdded, 2)
    XCTAssertEqual(try target.importJSON(export, source: "export.json").programmesAdded, 0, "never twice")
    XCTAssertEqual(
      try target.programmeEnrolments().map(\.programmeID), try source.programmeEnrolments().map(\.programmeID))
    XCTAssertEqual(try target.exportJSON(), export, "export, import, export gives the same bytes")

    // A journal already following another programme does not take a second active one.
    let busy = try open(journalPath("busy.sqlite"))
    _ = try busy.startProgramme(enrolment("mine"))
    XCTAssertThrowsError(try busy.importJSON(export, source: "export.json")) { error in
      XCTAssertEqual(
        (error as? JournalError)?.message,
        "programmes[1] is 'Plan second', still being followed, and this journal already follows 'Plan mine'; "
          + "one programme is followed at a time. Leave it first (unknot programme leave), then import again. "
          + "Nothing was imported.")
    }
    XCTAssertEqual(try busy.programmeEnrolments().count, 1)

    var document = try source.exportDocument()
    document.programmes?[0].leftAt = "2025-02-01T00:00:00.000Z"
    XCTAssertThrowsError(
      try busy.importJSON(try JSONEncoder().encode(document), source: "bad.json")
    ) { error in
      XCTAssertEqual(
        (error as? JournalError)?.message,
        "programmes[0].leftAt is before its startedAt; a programme is left after it starts. Nothing was imported.")
    }
    document = try source.exportDocument()
    document.programmes?[1].pauses[0].pausedAt = "soon"
    XCTAssertThrowsError(try busy.importJSON(try JSONEncoder().encode(document), source: "bad.json")) { error in
      XCTAssertEqual(
        (error as? JournalError)?.message,
        "programmes[1].pauses[0].pausedAt 'soon' is not a time like 2025-03-01T07:30:00.250Z. Nothing was imported.")
    }
  }

  func testTheTodayLineForAStatusBarNamesWhatIsDue() throws {
    let path = journalPath()
    let journal = try open(path)
    let environment = ["HOME": folder]
    XCTAssertNil(try ActiveProgramme.todayLine(journalPath: path, environment: environment, now: start))
    _ = try journal.startProgramme(
      ProgrammeEnrolment(programmeID: "desk-worker", programmeTitle: "Desk", contentHash: "x", startedAt: start))
    XCTAssertEqual(
      try ActiveProgramme.todayLine(journalPath: path, environment: environment, now: start.addingTimeInterval(60)),
      "Today: posture break, 0 of 7 this week")
    _ = try journal.pauseProgramme(at: start.addingTimeInterval(120))
    XCTAssertEqual(
      try ActiveProgramme.todayLine(journalPath: path, environment: environment, now: start.addingTimeInterval(180)),
      "Today: Desk worker, six weeks is paused")
  }
}
