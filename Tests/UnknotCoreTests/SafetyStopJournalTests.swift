import Foundation
import GRDB
import XCTest

@testable import UnknotCore

/// Every stop for safety is journaled with its exact reason, and history, stats and
/// export show it.
final class SafetyStopJournalTests: ReportTestCase {
  let knobs = RoutineStopRule(text: "The knobs slide onto the side of your neck.", advice: "Lift off at once.")

  func testEachReasonIsKeptExactlyWithARoutinesRuleText() throws {
    let path = journalPath()
    let journal = try open(path)
    try addSession(
      journal, routine: "a", day: 0, before: 5, after: nil, outcome: .stoppedForSafety,
      stopReason: .sign(.visionChange))
    try addSession(
      journal, routine: "b", day: 1, before: 4, after: nil, outcome: .stoppedForSafety,
      stopReason: .routineRule(knobs))
    XCTAssertEqual(
      try rows(path, "SELECT routine_id, stop_reason, stop_rule FROM sessions ORDER BY id"),
      [["a", "vision-change", nil], ["b", "routine-rule", knobs.text]])
    let history = try journal.history()
    XCTAssertEqual(history.map(\.stopReason), [.routineRule(RoutineStopRule(text: knobs.text)), .sign(.visionChange)])
  }

  func testHistoryShowsWhatThePersonStoppedForInEveryFormat() throws {
    let journal = try open(journalPath())
    try addSession(
      journal, routine: "tension-headache", day: 0, before: 5, after: nil, outcome: .stoppedForSafety,
      stopReason: .sign(.suddenDizziness))
    try addSession(
      journal, routine: "tension-headache", day: 1, before: 4, after: nil, outcome: .stoppedForSafety,
      stopReason: .routineRule(knobs))
    let report = try HistoryReport(journal: journal, filter: JournalFilter())
    let table = report.table(timeZone: Self.utc)
    XCTAssertTrue(table.contains("\n                  stopped for: Sudden dizziness\n"), table)
    XCTAssertTrue(table.contains("stopped for: The knobs slide onto the side of your neck."), table)
    let csv = parseCSV(report.csv())
    XCTAssertEqual(csv[0][4...5], ["stop_reason", "stop_rule"])
    XCTAssertEqual(csv[1][4...5], ["sudden-dizziness", ""])
    XCTAssertEqual(csv[2][4...5], ["routine-rule", knobs.text])
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
    XCTAssertEqual(json[0]["stopReason"] as? String, "sudden-dizziness")
    XCTAssertTrue(json[0]["stopRule"] is NSNull)
    XCTAssertEqual(json[1]["stopRule"] as? String, knobs.text)
  }

  func testStatsCountTheStopsByReasonAndSayWhichAreUrgent() throws {
    let journal = try open(journalPath())
    for day in 0..<2 {
      try addSession(
        journal, routine: "a", day: day, before: 5, after: nil, outcome: .stoppedForSafety,
        stopReason: .sign(.slurredSpeech))
    }
    try addSession(
      journal, routine: "a", day: 3, before: 5, after: nil, outcome: .stoppedForSafety,
      stopReason: .sign(.nausea))
    try addSession(journal, routine: "a", day: 4, before: 5, after: 3)
    let report = try StatsReport(journal: journal, filter: JournalFilter())
    XCTAssertEqual(
      report.safetyStops,
      [
        SafetyStopCount(reason: .sign(.slurredSpeech), sessions: 2),
        SafetyStopCount(reason: .sign(.nausea), sessions: 1),
      ])
    let table = report.table()
    XCTAssertTrue(table.contains("Slurred speech: 2 times (a sign to get urgent help)"), table)
    XCTAssertTrue(table.contains("Nausea: once"), table)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let stops = try XCTUnwrap(json["safetyStops"] as? [[String: Any]])
    XCTAssertEqual(stops.first?["reason"] as? String, "slurred-speech")
    XCTAssertEqual(stops.first?["urgent"] as? Bool, true)
    XCTAssertEqual(stops.last?["urgent"] as? Bool, false)
  }

  func testExportCarriesTheReasonAndImportKeepsIt() throws {
    let source = try open(journalPath("source.sqlite"))
    try addSession(
      source, routine: "b", day: 1, before: 4, after: nil, outcome: .stoppedForSafety,
      stopReason: .routineRule(knobs))
    let document = try source.exportDocument()
    XCTAssertEqual(document.sessions.first?.stopReason, "routine-rule")
    XCTAssertEqual(document.sessions.first?.stopRule, knobs.text)
    let csv = parseCSV(try source.exportCSV())
    XCTAssertEqual(csv[1][4...5], ["routine-rule", knobs.text])

    let target = try open(journalPath("target.sqlite"))
    _ = try target.importJSON(try source.exportJSON(), source: "export.json")
    XCTAssertEqual(try target.history().first?.stopReason, .routineRule(RoutineStopRule(text: knobs.text)))
  }

  func testImportRefusesAStopReasonItDoesNotKnowAndImportsNothing() throws {
    let source = try open(journalPath("source.sqlite"))
    try addSession(source, routine: "b", day: 1, before: 4, after: nil, outcome: .stoppedForSafety)
    var document = try source.exportDocument()
    document.sessions[0].stopReason = "bored"
    let encoder = JSONEncoder()
    let target = try open(journalPath("target.sqlite"))
    XCTAssertThrowsError(try target.importJSON(try encoder.encode(document), source: "export.json")) { error in
      XCTAssertTrue("\(error)".contains("the stop reason 'bored' is not one unknot knows"), "\(error)")
    }
    XCTAssertEqual(try target.history().count, 0)
  }

  /// A journal written before each sign had its own reason opens with its stops intact.
  func testAVersion2JournalKeepsItsOldStopReasons() throws {
    let path = try olderJournal(
      upTo: "v2",
      rows: """
        INSERT INTO sessions (id, routine_id, routine_title, content_hash, started_at, ended_at, outcome,
          stop_reason, muscles)
        VALUES (1, 'tension-headache', 'Tension headache', 'aaaa', 1740814200000, 1740814300000,
          'stopped-for-safety', 'dizziness', 'suboccipitals'),
          (2, 'between-blades-ball', 'Between the blades', 'bbbb', 1740900600000, 1740900700000,
          'stopped-for-safety', 'sharp-pain', 'rhomboids');
        """)
    let journal = try open(path)
    XCTAssertEqual(
      try rows(path, "SELECT stop_reason, stop_rule FROM sessions ORDER BY id"),
      [["dizziness", nil], ["sharp-pain", nil]])
    let reasons = try journal.history().map(\.stopReason)
    XCTAssertEqual(reasons, [.sign(.sharpPain), .sign(.dizzinessNauseaVisionOrSpeech)])
    XCTAssertEqual(reasons.last??.text, "Dizziness, nausea, vision or speech change")
  }

  /// A session whose process died is rebuilt from its events with the rule and its advice.
  func testTheEventLogKeepsARoutinesRuleAndItsAdvice() {
    let event = SessionEvent.stoppedForSafety(reason: .routineRule(knobs), at: EngineTime.s(3))
    let kind = JournalEventCodec.kind(of: event)
    let payload = JournalEventCodec.payload(of: event)
    let json = String(decoding: try! JSONEncoder().encode(payload), as: UTF8.self)
    XCTAssertEqual(JournalEventCodec.event(kind: kind, at: EngineTime.s(3), payload: json), event)
  }
}
