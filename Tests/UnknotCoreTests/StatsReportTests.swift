import Foundation
import XCTest

@testable import UnknotCore

/// What `unknot stats` prints: the numbers per routine and muscle, and a ranking of
/// what helped most that needs enough sessions and says what it is not.
final class StatsReportTests: ReportTestCase {
  /// A: five rated sessions, 6 → 4 each (−2). B: four sessions, 8 → 2 (−6): too few to
  /// rank. C: six sessions, 3 → 4 (+1): pain went up. D: five rated sessions, 5 → 4, and
  /// a quit one: less pain, but each change within the day-to-day variation. A and D work
  /// the rhomboids, B and C the upper trapezius.
  private func journal() throws -> SQLiteJournal {
    let journal = try open(journalPath())
    var day = 0
    func add(_ routine: String, _ muscle: Muscle, _ before: Int, _ after: Int, times: Int) throws {
      for _ in 0..<times {
        try addSession(journal, routine: routine, muscles: [muscle], day: day, before: before, after: after)
        day += 1
      }
    }
    try add("a", .rhomboids, 6, 4, times: 5)
    try add("b", .upperTrapezius, 8, 2, times: 4)
    try add("c", .upperTrapezius, 3, 4, times: 6)
    try add("d", .rhomboids, 5, 4, times: 5)
    try addSession(journal, routine: "d", day: day, before: 5, after: nil, outcome: .quit)
    return journal
  }

  func testOnlyRoutinesWithEnoughRatedSessionsLessPainAndAnImportantReductionAreRanked() throws {
    let report = try StatsReport(journal: journal(), filter: JournalFilter())
    XCTAssertEqual(HelpedMost.minimumRatedSessions, 5)
    XCTAssertEqual(report.helpedMost.map(\.routineID), ["a"])
    let table = report.table()
    let prose = table.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(
      prose.contains("1. Routine a (a): 6.0 -> 4.0 on average (-2.0); an important reduction in 100% of 5 rated"),
      table)
    XCTAssertFalse(table.contains("(d):"), "d's one-point changes are within the day-to-day variation: \(table)")
    XCTAssertTrue(
      prose.contains("Not ranked, with no important reduction in any rated session: d (5)."), table)
    XCTAssertTrue(table.contains("at least 5 rated sessions"), table)
    XCTAssertTrue(table.contains("Not ranked yet, with fewer than 5 rated sessions: b (4)."), table)
    XCTAssertFalse(table.contains("(c):"), "pain went up after c: \(table)")
    XCTAssertTrue(table.contains("not medical evidence"), table)
  }

  func testARankingIsFoundOnlyFromTheMinimum() {
    func entry(_ id: String, rated: Int, change: Double, share: Double = 0.5) -> JournalStatistics {
      JournalStatistics(
        subject: .routine(id: id, title: id), sessions: rated, ratedSessions: rated, stoppedForSafety: 0,
        meanBefore: 6, meanAfter: 6 + change, meanChange: change, shareImportantReduction: share, trend: nil)
    }
    let entries = [
      entry("few", rated: 4, change: -5), entry("worse", rated: 9, change: 0.4), entry("same", rated: 9, change: 0),
      entry("good", rated: 5, change: -2), entry("better-share", rated: 6, change: -1, share: 0.9),
      entry("lower-share", rated: 6, change: -1, share: 0.2), entry("best", rated: 30, change: -3),
      entry("never-important", rated: 9, change: -0.8, share: 0),
    ]
    XCTAssertEqual(
      HelpedMost.ranked(entries).compactMap(\.routineID), ["best", "good", "better-share", "lower-share"],
      "less pain on average, but never an important reduction, is not ranked")
    XCTAssertEqual(HelpedMost.ranked(entries, minimumRatedSessions: 4).first?.routineID, "few")
    XCTAssertEqual(
      HelpedMost.ranked([
        JournalStatistics(
          subject: .muscle(.rhomboids), sessions: 9, ratedSessions: 9, stoppedForSafety: 0, meanBefore: 6,
          meanAfter: 2, meanChange: -4, shareImportantReduction: 1, trend: nil)
      ]), [],
      "muscles are not routines to rank")
  }

  func testTheTableHasEveryColumnForRoutinesAndMusclesAndFitsEightyColumns() throws {
    let table = try StatsReport(journal: journal(), filter: JournalFilter()).table()
    let lines = table.components(separatedBy: "\n")
    XCTAssertEqual(
      lines[0].split(separator: " ").map(String.init),
      ["routine", "sessions", "rated", "before", "after", "change", "important", "trend"])
    let d = try XCTUnwrap(lines.first { $0.hasPrefix("d ") })
    XCTAssertEqual(
      d.split(separator: " ").map(String.init), ["d", "6", "5", "5.0", "4.0", "-1.0", "0%", "steady", "0.0"])
    let a = try XCTUnwrap(lines.first { $0.hasPrefix("a ") })
    XCTAssertTrue(a.hasSuffix("-2.0      100%  steady 0.0"), a)
    XCTAssertTrue(lines.contains { $0.hasPrefix("muscle ") }, table)
    let rhomboids = try XCTUnwrap(lines.first { $0.hasPrefix("rhomboids ") })
    XCTAssertEqual(rhomboids.split(separator: " ")[1], "11")
    for line in lines {
      XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, line)
    }
  }

  /// Five sessions from 1 to 0: each −100%, but one point, within the usual day-to-day
  /// variation. The old ">=30%" column counted all five; "important" counts none.
  func testAOnePointFallIsNotCountedAsAnImportantReduction() throws {
    let journal = try open(journalPath())
    for day in 0..<5 {
      try addSession(journal, routine: "low", day: day, before: 1, after: 0)
    }
    for (day, pair) in [(9, 7), (9, 7), (9, 6), (10, 5)].enumerated() {
      try addSession(journal, routine: "high", day: 10 + day, before: pair.0, after: pair.1)
    }
    let report = try StatsReport(journal: journal, filter: JournalFilter())
    let table = report.table()
    let low = try XCTUnwrap(table.components(separatedBy: "\n").first { $0.hasPrefix("low ") })
    XCTAssertEqual(low.split(separator: " ")[5...6], ["-1.0", "0%"], low)
    // 9→7 is 2 points but −22%: only 9→6 and 10→5 count.
    let high = try XCTUnwrap(table.components(separatedBy: "\n").first { $0.hasPrefix("high ") })
    XCTAssertEqual(high.split(separator: " ")[6], "50%", high)
    let prose = table.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertEqual(report.helpedMost.count, 0, "five changes within the day-to-day variation rank nothing")
    XCTAssertTrue(prose.contains("Nothing to rank yet: no routine has 5 rated sessions with less pain"), table)
    XCTAssertTrue(
      prose.contains(
        "important: the share of rated sessions with an important reduction: at least 2 points and at least 30% less "
          + "pain after. A change under 2 points is within the usual day-to-day variation of one rating."), table)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let routines = try XCTUnwrap(object["routines"] as? [[String: Any]])
    XCTAssertEqual(routines.first { $0["routine"] as? String == "low" }?["shareImportantReduction"] as? Double, 0)
    XCTAssertEqual(routines.first { $0["routine"] as? String == "high" }?["shareImportantReduction"] as? Double, 0.5)
  }

  func testTheTrendComparesTheLaterHalfWithTheEarlier() throws {
    let journal = try open(journalPath())
    for (day, after) in [5, 5, 5, 3, 2, 2].enumerated() {
      try addSession(journal, routine: "t", day: day, before: 6, after: after)
    }
    let report = try StatsReport(journal: journal, filter: JournalFilter())
    let line = try XCTUnwrap(report.table().components(separatedBy: "\n").first { $0.hasPrefix("t ") })
    XCTAssertTrue(line.hasSuffix("easing -2.7"), line)
    try addSession(journal, routine: "u", day: 0, before: 6, after: 2)
    let few = try StatsReport(journal: journal, filter: JournalFilter()).table()
    XCTAssertTrue(few.components(separatedBy: "\n").contains { $0.hasPrefix("u ") && $0.hasSuffix("too few") }, few)
    let json = try StatsReport(journal: journal, filter: JournalFilter()).json()
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let u = try XCTUnwrap((object["routines"] as? [[String: Any]])?.first { $0["routine"] as? String == "u" })
    XCTAssertTrue(u["trend"] is NSNull, "one session makes no trend")
  }

  func testAMuscleFilterKeepsItsSessionsAndOnlyThatMuscle() throws {
    let report = try StatsReport(journal: journal(), filter: JournalFilter(muscle: .rhomboids))
    XCTAssertEqual(report.routines.compactMap(\.routineID).sorted(), ["a", "d"])
    XCTAssertEqual(report.muscles.map(\.subject), [.muscle(.rhomboids)])
  }

  func testASinceFilterCountsOnlyLaterSessions() throws {
    let since = JournalFixtures.morning.addingTimeInterval(9 * Self.day)
    let report = try StatsReport(journal: journal(), filter: JournalFilter(since: since))
    XCTAssertEqual(report.routines.compactMap(\.routineID).sorted(), ["c", "d"])
  }

  func testJSONHasTheNumbersTheMinimumAndTheNote() throws {
    let json = try StatsReport(journal: journal(), filter: JournalFilter()).json()
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    XCTAssertEqual(object["minimumRatedSessions"] as? Int, 5)
    XCTAssertEqual(object["note"] as? String, HelpedMost.note)
    let routines = try XCTUnwrap(object["routines"] as? [[String: Any]])
    let a = try XCTUnwrap(routines.first { $0["routine"] as? String == "a" })
    XCTAssertEqual(a["title"] as? String, "Routine a")
    XCTAssertEqual(a["sessions"] as? Int, 5)
    XCTAssertEqual(a["meanChange"] as? Double, -2)
    XCTAssertEqual(a["shareImportantReduction"] as? Double, 1)
    XCTAssertNil(a["shareReducedBy30Percent"], "the old name is gone: it counted something else")
    XCTAssertEqual((a["trend"] as? [String: Any])?["direction"] as? String, "steady")
    let b = try XCTUnwrap(routines.first { $0["routine"] as? String == "b" })
    XCTAssertEqual((b["trend"] as? [String: Any])?["change"] as? Double, 0, "four sessions make a trend")
    let helped = try XCTUnwrap(object["helpedMost"] as? [[String: Any]])
    XCTAssertEqual(helped.map { $0["routine"] as? String }, ["a"])
    XCTAssertEqual(helped.map { $0["rank"] as? Int }, [1])
    let muscles = try XCTUnwrap(object["muscles"] as? [[String: Any]])
    XCTAssertEqual(Set(muscles.compactMap { $0["muscle"] as? String }), ["rhomboids", "upper-trapezius"])
  }

  func testItSaysHowTheChosenSessionsEnded() throws {
    let journal = try journal()
    try addSession(journal, routine: "d", day: 40, before: 6, after: nil, outcome: .stoppedForSafety)
    let all = try StatsReport(journal: journal, filter: JournalFilter())
    let prose = all.table().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(prose.contains("How sessions ended: 20 finished, 1 quit, 1 stopped for safety."), all.table())
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(all.json().utf8)) as? [String: Any])
    XCTAssertEqual(
      object["outcomes"] as? [String: Int],
      ["finished": 20, "quit": 1, "stoppedForSafety": 1, "interrupted": 0, "running": 0])
    // Only the sessions the filter chooses.
    let routineD = try StatsReport(journal: journal, filter: JournalFilter(routineID: "d"))
    XCTAssertEqual(routineD.outcomes, SessionOutcomeCounts([.finished: 5, .quit: 1, .stoppedForSafety: 1]))
    let trapezius = try StatsReport(journal: journal, filter: JournalFilter(muscle: .upperTrapezius))
    XCTAssertEqual(trapezius.outcomes, SessionOutcomeCounts([.finished: 10]))
  }

  func testAnEmptyJournalSaysThereIsNothingYet() throws {
    let report = try StatsReport(journal: open(journalPath()), filter: JournalFilter())
    XCTAssertEqual(report.table(), "No sessions match, so there is nothing to count yet.\n")
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    XCTAssertEqual((object["routines"] as? [Any])?.count, 0)
  }
}
