import Foundation
import XCTest

@testable import UnknotCore

/// Checklist answers in the journal (v8 `checklist_answers`): written as they are given,
/// carried by the JSON export and import, and compared between desk checks for stats.
final class ChecklistJournalTests: JournalTestCase {
  static let items = EngineFixtures.deskItems
  static let desk = EngineFixtures.routine(
    [RoutineStep(.checklist(items: items))], id: DeskCheckChange.routineID)

  /// A desk check through the real engine with these answers (a no is followed by Enter).
  static func events(_ answers: [ChecklistAnswer], quitAfter: Bool = false) -> [SessionEvent] {
    var driver = EngineDriver(desk)
    driver.send(.begin, at: .zero)
    var second: Int64 = 0
    for answer in answers {
      second += 2
      driver.send(.answer(answer), at: EngineTime.s(second))
      if answer == .no, !quitAfter || answer != answers.last {
        driver.send(.confirm, at: EngineTime.s(second + 1))
      }
    }
    if quitAfter { driver.send(.quit, at: EngineTime.s(second + 5)) }
    return driver.events
  }

  @discardableResult
  func record(_ answers: [ChecklistAnswer], on date: Date, in journal: SQLiteJournal) throws -> JournalSessionID {
    let session = try journal.beginSession(JournalFixtures.start(routine: Self.desk, at: date))
    try journal.append(Self.events(answers), to: session)
    return session
  }

  func testEachAnswerIsARowAsSoonAsItIsGivenAndOutlivesAKilledProcess() throws {
    let path = journalPath()
    let journal = try open(path)
    let session = try journal.beginSession(JournalFixtures.start(routine: Self.desk))
    // The process dies after two answers: no end, no summary.
    let events = Self.events([.yes, .no]).filter {
      if case .sessionEnded = $0 { return false }
      return true
    }
    try journal.append(events, to: session)
    XCTAssertEqual(
      try rows(path, "SELECT step_index, item_id, question, answer FROM checklist_answers ORDER BY ordinal"),
      [
        ["0", "screen-height", "Is the top of your screen at eye level?", "yes"],
        ["0", "feet-flat", "Are your feet flat on the floor?", "no"],
      ])
    XCTAssertEqual(
      try rows(path, "SELECT answered_at - (SELECT started_at FROM sessions) FROM checklist_answers ORDER BY ordinal"),
      [["2000"], ["4000"]], "answered_at is the moment of the answer")
    // Opened again, the session is closed as interrupted and its answers stay.
    let reopened = try open(path)
    XCTAssertEqual(try reopened.checklists(routineID: DeskCheckChange.routineID).first?.answers.count, 2)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM checklist_answers"), 2)
  }

  func testExportAndImportCarryTheAnswersUnchanged() throws {
    let source = try open(journalPath("source.sqlite"))
    try record([.yes, .no, .yes], on: JournalFixtures.morning, in: source)
    let exported = try source.exportJSON()
    let text = String(decoding: exported, as: UTF8.self)
    XCTAssertTrue(text.contains("\"checklistAnswers\""), text)
    XCTAssertTrue(text.contains("\"item\" : \"feet-flat\""), text)
    let targetPath = journalPath("target.sqlite")
    let target = try open(targetPath)
    XCTAssertEqual(try target.importJSON(exported, source: "backup.json").sessionsAdded, 1)
    XCTAssertEqual(
      try rows(targetPath, "SELECT item_id, answer FROM checklist_answers ORDER BY ordinal"),
      [["screen-height", "yes"], ["feet-flat", "no"], ["back-supported", "yes"]])
    XCTAssertEqual(try target.exportJSON(), exported)
    // The spreadsheet names the items still to change.
    let csv = try target.exportCSV().split(separator: "\r\n")
    XCTAssertTrue(csv.first?.hasSuffix(",muscle_ratings,checklist_to_change") ?? false, "\(csv)")
    XCTAssertTrue(csv.last?.hasSuffix(",feet-flat") ?? false, "\(csv)")
  }

  func testImportRefusesAnUnknownAnswerOrABadIdInPlainWordsAndImportsNothing() throws {
    let source = try open(journalPath("source.sqlite"))
    try record([.yes, .no, .yes], on: JournalFixtures.morning, in: source)
    let document = try source.exportDocument()
    var maybe = document
    maybe.sessions[0].checklistAnswers?[1].answer = "maybe"
    var badID = document
    badID.sessions[0].checklistAnswers?[0].item = "Screen Height"
    for (edited, expected) in [(maybe, "the answer 'maybe'"), (badID, "the item id 'Screen Height'")] {
      let targetPath = journalPath("target-\(expected.count).sqlite")
      let target = try open(targetPath)
      XCTAssertThrowsError(try target.importJSON(try JSONEncoder().encode(edited), source: "/tmp/edited.json")) {
        error in
        let message = (error as? JournalError)?.message ?? ""
        for part in [expected, "sessions[0].checklistAnswers[", "Nothing was imported"] {
          XCTAssertTrue(message.contains(part), "'\(part)' in: \(message)")
        }
        XCTAssertFalse(message.contains("CHECK constraint"), message)
      }
      XCTAssertEqual(try number(targetPath, "SELECT count(*) FROM sessions"), 0)
    }
  }

  /// A month between two checks: the screen was fixed, the feet are still no.
  func testStatsSaysWhatChangedSinceTheCheckBefore() throws {
    let journal = try open(journalPath())
    let first = JournalFixtures.morning
    let second = first.addingTimeInterval(30 * 86_400)
    try record([.no, .no, .yes], on: first, in: journal)
    try record([.yes, .no, .no], on: second, in: journal)
    let checks = try journal.checklists(routineID: DeskCheckChange.routineID)
    XCTAssertEqual(checks.count, 2)
    let items = [
      ChecklistItem(
        id: "screen-height", question: "Is the top of your screen at eye level?", advice: "Raise the screen.",
        fixed: "Your screen is now at eye level."),
      Self.items[1], Self.items[2],
    ]
    let change = try XCTUnwrap(
      DeskCheckChange(checks: checks, items: items, now: second.addingTimeInterval(34 * 86_400)))
    XCTAssertEqual(change.daysAgo, 34)
    XCTAssertEqual(change.fixed.map(\.item), ["screen-height"])
    XCTAssertEqual(change.toChange.map(\.item), ["feet-flat", "back-supported"])
    XCTAssertEqual(change.toChange.map(\.stillNo), [true, false])
    XCTAssertEqual(
      change.lines(timeZone: .utc),
      [
        "Last desk check 34 days ago (2025-03-31).",
        "Your screen is now at eye level — since 2025-03-31.",
        "Still to change (2):",
        "  - Are your feet flat on the floor? (no at the check before too)",
        "    Use a footrest.",
        "  - Is your back supported?",
        "    Add a cushion.",
        "It is time for another: unknot desk",
      ])
  }

  /// Going back and answering again: the later answer is the one compared.
  func testTheLaterAnswerToAnItemIsTheOneCompared() throws {
    let path = journalPath()
    let journal = try open(path)
    var driver = EngineDriver(Self.desk)
    driver.send(.begin, at: .zero)
    driver.send(.answer(.no), at: EngineTime.s(1))
    driver.send(.back, at: EngineTime.s(2))
    driver.send(.answer(.yes), at: EngineTime.s(3))
    let session = try journal.beginSession(JournalFixtures.start(routine: Self.desk))
    try journal.append(driver.events, to: session)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM checklist_answers"), 2, "both answers kept")
    let check = try XCTUnwrap(try journal.checklists(routineID: DeskCheckChange.routineID).first)
    XCTAssertEqual(check.answers.map(\.answer), [.yes])
    let change = try XCTUnwrap(DeskCheckChange(checks: [check], items: Self.items, now: JournalFixtures.morning))
    XCTAssertEqual(change.toChange, [])
    XCTAssertEqual(change.whenText, "today")
  }

  /// The synthetic pain journal leaves the desk check out: it would be sessions of
  /// ratings a checklist never asks.
  func testTheGeneratedJournalHasNoDeskCheck() throws {
    let path = journalPath()
    try JournalGenerator.generate(into: try open(path), days: 200, seed: 7)
    XCTAssertEqual(try number(path, "SELECT count(*) FROM sessions"), 200)
    XCTAssertEqual(
      try number(path, "SELECT count(*) FROM sessions WHERE routine_id = '\(DeskCheckChange.routineID)'"), 0)
  }

  func testNoDeskCheckYetGivesNoSection() throws {
    let journal = try open(journalPath())
    XCTAssertEqual(try journal.checklists(routineID: DeskCheckChange.routineID), [])
    XCTAssertNil(DeskCheckChange(checks: [], items: Self.items, now: JournalFixtures.morning))
  }
}
