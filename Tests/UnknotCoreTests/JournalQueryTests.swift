import Foundation
import XCTest

@testable import UnknotCore

/// History and statistics on a small journal whose numbers can be worked out by hand,
/// and the synthetic journal the benchmark uses.
final class JournalQueryTests: ReportTestCase {
  private let day: TimeInterval = 86_400

  /// A: 4 rated sessions, 6→5, 8→4, 5→3, 4→2 (rhomboids). B: 7→2, 6→1, and one quit
  /// with the first rating skipped (upper trapezius, levator). C: three 5→4 and one
  /// stopped for safety after rating 5 (rhomboids, infraspinatus).
  private func handMadeJournal() throws -> SQLiteJournal {
    let journal = try open(journalPath())
    let a: [(Int, Int)] = [(6, 5), (8, 4), (5, 3), (4, 2)]
    for (index, ratings) in a.enumerated() {
      try addSession(journal, routine: "a", muscles: [.rhomboids], day: index * 3, before: ratings.0, after: ratings.1)
    }
    let b: [Muscle] = [.upperTrapezius, .levatorScapulae]
    try addSession(journal, routine: "b", muscles: b, day: 1, before: 7, after: 2)
    try addSession(journal, routine: "b", muscles: b, day: 4, before: 6, after: 1)
    try addSession(journal, routine: "b", muscles: b, day: 7, before: nil, after: nil, outcome: .quit)
    let c: [Muscle] = [.rhomboids, .infraspinatus]
    for index in 0..<3 {
      try addSession(journal, routine: "c", muscles: c, day: 2 + index * 3, before: 5, after: 4)
    }
    try addSession(journal, routine: "c", muscles: c, day: 11, before: 5, after: nil, outcome: .stoppedForSafety)
    return journal
  }

  func testHistoryIsNewestFirstWithItsRatingsAndFilters() throws {
    let journal = try handMadeJournal()
    let history = try journal.history()
    XCTAssertEqual(history.count, 11)
    XCTAssertEqual(history.map(\.startedAt), history.map(\.startedAt).sorted(by: >))
    XCTAssertEqual(history.first?.routineID, "c")
    XCTAssertEqual(history.first?.outcome, .stoppedForSafety)
    XCTAssertEqual(history.first?.stopReason, .sign(.sharpPain))
    XCTAssertEqual(history.first?.before, 5)
    XCTAssertNil(history.first?.change)

    XCTAssertEqual(try journal.history(JournalFilter(routineID: "b")).map(\.outcome), [.quit, .finished, .finished])
    XCTAssertEqual(try journal.history(JournalFilter(muscle: .levatorScapulae)).count, 3)
    XCTAssertEqual(try journal.history(JournalFilter(muscle: .rhomboids)).count, 8)
    XCTAssertEqual(try journal.history(JournalFilter(muscle: .suboccipitals)).count, 0)
    let since = JournalFixtures.morning.addingTimeInterval(7 * day)
    XCTAssertEqual(try journal.history(JournalFilter(since: since)).map(\.routineID), ["c", "a", "c", "b"])
    XCTAssertEqual(
      try journal.history(JournalFilter(since: since, routineID: "c", muscle: .infraspinatus)).count, 2)
    XCTAssertEqual(try journal.history(limit: 2).count, 2)
  }

  func testRoutineStatisticsAreWorkedOutInSQL() throws {
    let journal = try handMadeJournal()
    let statistics = try journal.routineStatistics()
    XCTAssertEqual(
      statistics.map(\.subject),
      [
        .routine(id: "a", title: "Routine a"), .routine(id: "c", title: "Routine c"),
        .routine(id: "b", title: "Routine b"),
      ])
    let a = statistics[0]
    XCTAssertEqual(a.sessions, 4)
    XCTAssertEqual(a.ratedSessions, 4)
    XCTAssertEqual(a.meanBefore!, 5.75, accuracy: 1e-9)
    XCTAssertEqual(a.meanAfter!, 3.5, accuracy: 1e-9)
    XCTAssertEqual(a.meanChange!, -2.25, accuracy: 1e-9)
    // 6→5 is 1 point, within the day-to-day variation; the others are 2 points or more
    // and −50%, −40% and −50%.
    XCTAssertEqual(a.shareImportantReduction!, 0.75, accuracy: 1e-9)
    XCTAssertEqual(
      a.trend, JournalStatistics.Trend(earlierMeanAfter: 4.5, laterMeanAfter: 2.5, earlierSessions: 2, laterSessions: 2)
    )
    XCTAssertEqual(a.trend?.change, -2)

    let c = statistics[1]
    XCTAssertEqual(c.sessions, 4)
    XCTAssertEqual(c.ratedSessions, 3)
    XCTAssertEqual(c.stoppedForSafety, 1)
    XCTAssertEqual(c.meanChange!, -1, accuracy: 1e-9)
    XCTAssertEqual(c.shareImportantReduction!, 0, accuracy: 1e-9)
    XCTAssertNil(c.trend, "three rated sessions make no trend")

    let b = statistics[2]
    XCTAssertEqual(b.sessions, 3)
    XCTAssertEqual(b.ratedSessions, 2)
    XCTAssertEqual(b.meanChange!, -5, accuracy: 1e-9)

    let filtered = try journal.routineStatistics(
      JournalFilter(since: JournalFixtures.morning.addingTimeInterval(5 * day)))
    XCTAssertEqual(filtered.first { $0.subject == .routine(id: "a", title: "Routine a") }?.sessions, 2)
  }

  func testMuscleStatisticsCountASessionForEveryMuscleItWorked() throws {
    let journal = try handMadeJournal()
    let statistics = try journal.muscleStatistics()
    XCTAssertEqual(
      statistics.map(\.subject),
      [
        .muscle(.rhomboids), .muscle(.infraspinatus), .muscle(.levatorScapulae), .muscle(.upperTrapezius),
      ])
    let rhomboids = statistics[0]
    XCTAssertEqual(rhomboids.sessions, 8)
    XCTAssertEqual(rhomboids.ratedSessions, 7)
    XCTAssertEqual(rhomboids.meanChange!, (-9.0 - 3.0) / 7, accuracy: 1e-9)
    XCTAssertEqual(
      try journal.muscleStatistics(JournalFilter(muscle: .levatorScapulae)).map(\.subject),
      [
        .muscle(.levatorScapulae), .muscle(.upperTrapezius),
      ])
  }

  /// The share counts what the summary calls important: 2 points and 30% or more.
  /// Percent alone would count 1 → 0 (−100%); points alone would count 9 → 7 (−22%).
  func testTheShareCountsOnlyReductionsOfTwoPointsAndThirtyPercent() throws {
    let journal = try open(journalPath())
    let ratings = [(1, 0), (2, 0), (3, 1), (9, 7), (9, 6), (10, 5), (0, 0), (4, 6)]
    for (day, pair) in ratings.enumerated() {
      try addSession(journal, routine: "edges", day: day, before: pair.0, after: pair.1)
    }
    let edges = try XCTUnwrap(journal.routineStatistics().first)
    // Important: 2→0, 3→1, 9→6 and 10→5, of all eight rated sessions (0→0 included).
    XCTAssertEqual(edges.ratedSessions, 8)
    XCTAssertEqual(edges.shareImportantReduction!, 4.0 / 8, accuracy: 1e-9)
  }

  /// Every pair of ratings on the 0–10 scale, one routine each: the SQL share is 1
  /// exactly where `PainChange.band` says important, so the two can never disagree.
  func testTheSQLShareAgreesWithThePainChangeBandForEveryPairOfRatings() throws {
    let journal = try open(journalPath())
    for before in PainScale.range {
      for after in PainScale.range {
        try addSession(journal, routine: "r\(before)-\(after)", day: before * 11 + after, before: before, after: after)
      }
    }
    let statistics = try journal.routineStatistics()
    XCTAssertEqual(statistics.count, 121)
    var important = 0
    for entry in statistics {
      let id = try XCTUnwrap(entry.routineID)
      let pair = id.dropFirst().split(separator: "-").compactMap { Int($0) }
      let band = PainChange(before: pair[0], after: pair[1]).band
      XCTAssertEqual(entry.shareImportantReduction, band.isImportantReduction ? 1 : 0, "\(id): \(band)")
      if band.isImportantReduction { important += 1 }
    }
    XCTAssertGreaterThan(important, 20, "many pairs are important reductions")
  }

  func testWhatHelpedMostNeedsEnoughSessions() throws {
    let journal = try handMadeJournal()
    // B's −5 comes from two sessions only: too few to rank.
    XCTAssertEqual(
      try journal.helpedMost().map(\.subject),
      [
        .routine(id: "a", title: "Routine a"), .routine(id: "c", title: "Routine c"),
      ])
    XCTAssertEqual(try journal.helpedMost(minimumSessions: 2).first?.subject, .routine(id: "b", title: "Routine b"))
    XCTAssertEqual(try journal.helpedMost(minimumSessions: 4).count, 1)
    XCTAssertEqual(try journal.helpedMost(limit: 1).count, 1)
  }

  func testAnEmptyJournalHasNoHistoryOrStatistics() throws {
    let journal = try open(journalPath())
    XCTAssertEqual(try journal.history(), [])
    XCTAssertEqual(try journal.routineStatistics(), [])
    XCTAssertEqual(try journal.muscleStatistics(), [])
    XCTAssertEqual(try journal.helpedMost(), [])
    XCTAssertEqual(try journal.counts(), JournalCounts(sessions: 0, ratings: 0, steps: 0, safetyChecks: 0))
  }

  func testTheGeneratorIsDeterministic() throws {
    let first = try open(journalPath("first.sqlite"))
    let second = try open(journalPath("second.sqlite"))
    let other = try open(journalPath("other.sqlite"))
    let summary = try JournalGenerator.generate(into: first, days: 40, seed: 11)
    XCTAssertEqual(try JournalGenerator.generate(into: second, days: 40, seed: 11), summary)
    _ = try JournalGenerator.generate(into: other, days: 40, seed: 12)
    XCTAssertEqual(try first.exportJSON(), try second.exportJSON())
    XCTAssertNotEqual(try first.exportJSON(), try other.exportJSON())

    XCTAssertEqual(summary.sessions, 40)
    let counts = try first.counts()
    XCTAssertEqual(counts.sessions, 40)
    XCTAssertEqual(counts.ratings, summary.ratings)
    XCTAssertEqual(counts.steps, summary.steps)
    // Before, four between and after in every finished session.
    let finished = try first.history().filter { $0.outcome == .finished }.count
    XCTAssertGreaterThanOrEqual(summary.ratings, finished * 6)
    XCTAssertEqual(try first.history().filter { $0.outcome == nil }, [])
  }

  /// The benchmark's journal: twenty years of daily sessions, at least 40,000 ratings,
  /// in less than 10 MB.
  func testTheDefaultSyntheticJournalIsLargeAndCompact() throws {
    let path = journalPath()
    do {
      let journal = try open(path)
      let summary = try JournalGenerator.generate(into: journal, seed: 2025)
      XCTAssertEqual(summary.sessions, 7300)
      XCTAssertGreaterThanOrEqual(summary.ratings, 40_000)
      XCTAssertEqual(try journal.counts().ratings, summary.ratings)
      XCTAssertGreaterThanOrEqual(try journal.helpedMost().count, 3)
    }
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    XCTAssertLessThan(size, 10_000_000)
  }
}
