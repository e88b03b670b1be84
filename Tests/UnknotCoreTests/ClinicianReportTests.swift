import Foundation
import XCTest

@testable import UnknotCore

/// `unknot report`: the page a person brings to a clinician. What it shows from the
/// journal, what it leaves out unless asked, and that no text from a journal can
/// become markup.
final class ClinicianReportTests: ReportTestCase {
  private static let hostile = "<script>alert(1)</script><img src=x onerror=\"y\">&'\u{1B}[31m\u{202E}"

  private func report(
    _ journal: SQLiteJournal, since: Date? = nil, includeSafety: Bool = false,
    now: Date = JournalFixtures.morning.addingTimeInterval(40 * day)
  ) throws -> ClinicianReport {
    try ClinicianReport(
      journal: journal, since: since, programmes: ProgrammeLibrary(entries: []), includeSafety: includeSafety,
      now: now, timeZone: Self.utc)
  }

  /// Ten days of "a" on the rhomboids (6 → 3), and one session stopped for a sharp pain.
  private func journal() throws -> SQLiteJournal {
    let journal = try open(journalPath())
    for day in 0..<10 {
      try addSession(journal, routine: "a", title: "Ball between the blades", day: day, before: 6, after: 3)
    }
    try addSession(
      journal, routine: "b", title: "Neck stretch", muscles: [.upperTrapezius], day: 10, before: 4, after: nil,
      outcome: .stoppedForSafety, stopReason: .sign(.troubleSwallowing))
    return journal
  }

  func testHTMLEscapingLeavesNoMarkupAndNoInvisibleCharacters() {
    let cases: [(String, String)] = [
      ("plain words", "plain words"),
      ("<b>", "&lt;b&gt;"),
      ("a & b", "a &amp; b"),
      ("say \"hi\"", "say &quot;hi&quot;"),
      ("it's", "it&#39;s"),
      ("\u{1B}[2J", "\\u{1B}[2J"),
      ("abc\u{202E}def", "abc\\u{202E}def"),
      ("line\nbreak", "line\\u{A}break"),
      ("&lt;", "&amp;lt;"),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(HTMLText.escaped(text), expected, text)
    }
  }

  func testTheSectionsOfAJournalWithSessionsAndTheVersionInTheHeader() throws {
    let html = try report(journal()).html()
    for heading in [
      "Pain before and after, by area", "Pain before and after, by routine", "Ratings per muscle and side",
      "What has helped most", "Stops for safety",
    ] {
      XCTAssertTrue(html.contains("<h2>\(heading)</h2>"), heading)
    }
    XCTAssertTrue(html.contains("unknot \(UnknotVersion.current)"), "the version in the header")
    XCTAssertTrue(html.contains("Period: <b>2025-03-01 to 2025-03-11</b>"), "first to last session")
    XCTAssertTrue(html.contains("<b>11</b> sessions, <b>10</b> with a rating before and after"))
    // The area charts: one per area the routines work, and none for the others.
    XCTAssertTrue(html.contains("<figcaption>Between the shoulder blades</figcaption>"))
    XCTAssertTrue(html.contains("<figcaption>Tops of the shoulders</figcaption>"))
    XCTAssertFalse(html.contains("<figcaption>Chest and ribs</figcaption>"))
    XCTAssertTrue(html.contains("<svg"), "charts are inline SVG")
    // What has helped most, with what it is not.
    XCTAssertTrue(html.contains("<b>Ball between the blades</b>: 6.0 &rarr; 3.0 on average (&minus;3.0)"))
    XCTAssertTrue(html.contains(HelpedMost.note))
    // The stop, with its date and reason, marked as a sign to get urgent help.
    XCTAssertTrue(
      html.contains(
        "<td>2025-03-11 07:30</td><td>Neck stretch</td><td>\(DangerSign.troubleSwallowing.text) "
          + "<b class=\"urgent\">(a sign to get urgent help)</b>"))
    // Self-contained: nothing fetched, no script.
    for outside in ["<script", "<link", "src=", "http://", "https://", "@import"] {
      XCTAssertFalse(html.contains(outside), outside)
    }
    XCTAssertTrue(html.contains("@page { size: A4;"))
  }

  func testNoProgrammeSectionWithoutAProgrammeAndNoSafetyAnswersWithoutTheFlag() throws {
    let journal = try journal()
    try journal.record(
      SafetyCheck(
        date: JournalFixtures.morning, answers: ["b-osteoporosis": true, "a-chest-pain": false],
        outcome: .clinicianAgreed))
    let plain = try report(journal).html()
    XCTAssertFalse(plain.contains("<h2>Programme</h2>"))
    XCTAssertFalse(plain.contains("Latest safety check"))
    XCTAssertFalse(plain.contains("osteoporosis"), "no safety answer without --include-safety")
    XCTAssertTrue(plain.contains("unknot report --include-safety"), "says how to add them")

    let shared = try report(journal, includeSafety: true).html()
    XCTAssertTrue(shared.contains("<h2>Latest safety check</h2>"))
    XCTAssertTrue(
      shared.contains("<li>Do you have osteoporosis (thin, fragile bones)? <span class=\"answer\"><b>yes</b></span>"),
      shared)
    XCTAssertTrue(
      shared.contains("<li>Do you have chest pain, or pain with breathlessness? <span class=\"answer\">no</span>"))
    XCTAssertTrue(
      shared.contains("<li>Are you pregnant? <span class=\"answer\">not asked</span>"), "an answer not in the check")
    XCTAssertTrue(shared.contains("a clinician had agreed to self-massage"))
    XCTAssertFalse(shared.contains("unknot report --include-safety"))
  }

  func testAHostileTitleAndStopRuleStayText() throws {
    let journal = try open(journalPath())
    for day in 0..<6 {
      try addSession(journal, routine: "evil", title: Self.hostile, day: day, before: 7, after: 2)
    }
    try addSession(
      journal, routine: "evil", title: Self.hostile, day: 6, before: 5, after: nil, outcome: .stoppedForSafety,
      stopReason: .routineRule(RoutineStopRule(text: Self.hostile)))
    let html = try report(journal).html()
    XCTAssertFalse(html.contains("<script"))
    XCTAssertFalse(html.contains("<img"))
    XCTAssertFalse(html.contains("\u{1B}"))
    XCTAssertFalse(html.contains("\u{202E}"))
    let shown =
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;y&quot;&gt;&amp;&#39;\\u{1B}[31m\\u{202E}"
    XCTAssertTrue(html.contains("<td>\(shown)</td><td>7</td><td>6</td>"), "the routine table")
    XCTAssertTrue(html.contains("<li><b>\(shown)</b>"), "what has helped most")
    XCTAssertTrue(html.contains("<td>\(shown) <span class=\"count\">(the routine&#39;s own stop rule)"), "the stop")
  }

  func testTheLatestStopsAreListedAndEarlierOnesCountedByReason() throws {
    let journal = try open(journalPath())
    for day in 0..<11 {
      try addSession(
        journal, routine: "a", day: day, before: 4, after: nil, outcome: .stoppedForSafety,
        stopReason: day < 2 ? .sign(.nausea) : day == 2 ? .sign(.sharpPain) : .sign(.numbness))
    }
    let html = try report(journal).html()
    let listed = html.components(separatedBy: "<tr><td>2025-03-").count - 1
    XCTAssertEqual(listed, ClinicianReport.safetyStopsListed, "the latest stops, one row each")
    XCTAssertFalse(html.contains("<tr><td>2025-03-01 07:30</td>"), "the first stop is among the earlier ones")
    XCTAssertTrue(html.contains("<tr><td>2025-03-11 07:30</td>"), "the latest is listed")
    XCTAssertTrue(
      html.contains(
        "<p>Earlier, 3 more stops from 2025-03-01 to 2025-03-03: \(DangerSign.nausea.text) (2); "
          + "\(DangerSign.sharpPain.text) (1).</p>"), html)
  }

  func testSinceLeavesOutEarlierSessions() throws {
    let since = DateText.startOfDay("2025-03-06", in: Self.utc)!
    let html = try report(journal(), since: since).html()
    XCTAssertTrue(html.contains("Period: <b>2025-03-06 to 2025-03-11</b>"), "from --since")
    XCTAssertFalse(html.contains("(the whole journal)"))
    XCTAssertTrue(html.contains("<b>6</b> sessions, <b>5</b> with a rating before and after"))
    XCTAssertTrue(html.contains("<td>Ball between the blades</td><td>5</td><td>5</td>"), "five of the ten")

    let later = try report(journal(), since: DateText.startOfDay("2025-04-01", in: Self.utc)!).html()
    XCTAssertTrue(later.contains("<b>0</b> sessions"))
    XCTAssertTrue(later.contains("No sessions in this period."))
    XCTAssertTrue(later.contains("No session was stopped for safety in this period."))
  }

  func testChartPointsAreMonthlyMeansOverALongPeriodAndWeeklyOverAShortOne() {
    func session(_ day: String, _ before: Int, _ after: Int?) -> ClinicianReport.Session {
      ClinicianReport.Session(
        startedAt: DateText.startOfDay(day, in: Self.utc)!.addingTimeInterval(3600), routineID: "a",
        routineTitle: "A", muscles: [.rhomboids], outcome: .finished, before: before, after: after)
    }
    let sessions = [
      session("2025-01-05", 6, 4), session("2025-01-20", 8, 2), session("2025-01-21", 9, nil),
      session("2025-03-02", 5, 5),
    ]
    let from = DateText.startOfDay("2025-01-01", in: Self.utc)!
    let long = ClinicianReportChart.points(
      sessions, from: from, to: from.addingTimeInterval(200 * Self.day), timeZone: Self.utc)
    XCTAssertEqual(long.map(\.before), [7, 5], "January's two rated sessions, then March's")
    XCTAssertEqual(long.map(\.after), [3, 5])
    XCTAssertEqual(long.map(\.sessions), [2, 1], "a session without a rating after is not drawn")
    let short = ClinicianReportChart.points(
      sessions, from: from, to: from.addingTimeInterval(90 * Self.day), timeZone: Self.utc)
    XCTAssertEqual(short.map(\.sessions), [1, 1, 1], "each in its own week")
  }

  func testProgrammeAdherenceCountsDaysPerEntryUpToThePlan() throws {
    let start = DateText.startOfDay("2025-03-03", in: Self.utc)!
    let programme = Programme(
      id: "p", title: "Plan", summary: "", weeks: 4,
      schedule: [
        ProgrammeEntry(routineIDs: ["a"], label: "three", days: .timesPerWeek(3)),
        ProgrammeEntry(routineIDs: ["b"], label: "daily", days: .daily, inWeeks: [2]),
      ])
    let enrolment = ProgrammeEnrolment(
      programmeID: "p", programmeTitle: "Plan <3", contentHash: "h", startedAt: start)
    func on(_ day: Int, _ routine: String, _ outcome: JournalOutcome = .finished) -> ProgrammeSession {
      ProgrammeSession(
        routineID: routine, startedAt: start.addingTimeInterval(Double(day) * Self.day + 3600), outcome: outcome)
    }
    let sessions = [
      on(0, "a"), on(1, "a"), on(1, "a"), on(2, "a"), on(3, "a"), on(4, "a", .quit),
      on(8, "a"), on(8, "b"), on(9, "b"), on(9, "b", .stoppedForSafety),
    ]
    let now = start.addingTimeInterval(10 * Self.day)
    let today = ProgrammeProgress.today(
      programme: programme, enrolment: enrolment, sessions: sessions, now: now, zone: .utc)
    let active = ActiveProgramme(enrolment: enrolment, programme: programme, today: today, sessions: sessions)
    let adherence = try XCTUnwrap(ProgrammeAdherence(active, now: now, zone: .utc))
    XCTAssertEqual(
      adherence.perWeek,
      [
        ProgrammeAdherence.Week(number: 1, done: 3, planned: 3),
        ProgrammeAdherence.Week(number: 2, done: 3, planned: 10),
      ], "four days of a count as the three planned; two sessions on one day are one day")
    XCTAssertEqual(adherence.share ?? 0, 6.0 / 13.0, accuracy: 0.0001)

    let report = ClinicianReport(
      writtenAt: now, timeZone: Self.utc, sessions: [], statistics: StatsReport(routines: [], muscles: []),
      adherence: adherence)
    let html = report.html()
    XCTAssertTrue(html.contains("<h2>Programme</h2>"))
    XCTAssertTrue(html.contains("<b>Plan &lt;3</b>: started 2025-03-03, week 2 of 4, followed now."))
    XCTAssertTrue(html.contains("<td>Done of planned</td><td>3 of 3</td><td>3 of 10</td>"))
    XCTAssertTrue(html.contains("46% of the planned sessions"))
  }
}
