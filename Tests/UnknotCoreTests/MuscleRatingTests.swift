import Foundation
import XCTest

@testable import UnknotCore

/// Ratings after a muscle's own work: read from routine files, asked by the bundled
/// routines after each block, and counted per muscle and side by the journal.
final class MuscleRatingTests: ReportTestCase {
  // MARK: - Routine files

  func testARateStepsMuscleMustBeOneOfTheTargets() {
    let loaded = load(
      routine(steps: [
        "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball", "  - kind: rate",
        "    muscle: infraspinatus",
      ]))
    XCTAssertTrue(
      loaded.diagnostics.contains { $0.message == "'infraspinatus' is not in the routine's 'targets'; add it there" },
      "\(loaded.diagnostics)")
    XCTAssertNil(loaded.routine)
  }

  func testARateStepInASidedBlockIsAskedOnEachSide() throws {
    let loaded = load(
      routine(steps: [
        "  - kind: block", "    side: both", "    steps:", "      - kind: hold", "        muscle: rhomboids",
        "        tool: massage-ball", "      - kind: rate", "        muscle: rhomboids",
      ]))
    let routine = try XCTUnwrap(loaded.routine, "\(loaded.diagnostics)")
    let rates = Timeline(routine: routine).steps.filter { $0.plan == .rating(.between) }
    XCTAssertEqual(rates.map(\.muscle), [.rhomboids, .rhomboids])
    XCTAssertEqual(rates.map(\.side), [.left, .right])
  }

  // MARK: - The bundled routines

  private static let library = RoutineLibrary.load(RoutineSearchPath(userFolder: nil))

  /// The muscles that steps work, blocks included.
  private func worked(_ steps: [RoutineStep]) -> Set<Muscle> {
    steps.reduce(into: Set<Muscle>()) { muscles, step in
      if case .block(let inner) = step.action {
        muscles.formUnion(worked(inner))
      } else if step.kind != .rate, let muscle = step.muscle {
        muscles.insert(muscle)
      }
    }
  }

  /// Every rate step names a muscle that the work just before it worked: its block's
  /// steps when it ends a block, the block right before it, or the steps since the
  /// last rating. A block has at most one rating, and only as its last step.
  private func checkRatings(in steps: [RoutineStep], routine: String) {
    var sinceLastRating: [RoutineStep] = []
    for (index, step) in steps.enumerated() {
      if case .block(let inner) = step.action {
        let rates = inner.filter { $0.kind == .rate }
        XCTAssertLessThanOrEqual(rates.count, 1, "\(routine): a block rates once at most")
        if let rate = rates.first {
          XCTAssertEqual(inner.last?.kind, .rate, "\(routine): a block's rating comes at its end")
          XCTAssertNotNil(rate.muscle, "\(routine): a block's rating names its muscle")
          if let muscle = rate.muscle {
            XCTAssertTrue(worked(inner).contains(muscle), "\(routine): \(muscle) is not worked in its block")
          }
        }
        checkRatings(in: inner.filter { $0.kind != .rate }, routine: routine)
        sinceLastRating = [step]
        continue
      }
      guard step.kind == .rate else {
        sinceLastRating.append(step)
        continue
      }
      XCTAssertGreaterThan(index, 0, "\(routine): a rating follows some work")
      let muscle = step.muscle
      XCTAssertNotNil(muscle, "\(routine): the rating at step \(index + 1) names the muscle it follows")
      if let muscle {
        XCTAssertTrue(
          worked(sinceLastRating).contains(muscle),
          "\(routine): \(muscle) at step \(index + 1) is not worked since the last rating")
      }
      sinceLastRating = []
    }
  }

  func testTheBundledRoutinesRateTheMuscleTheyJustWorked() {
    let routines = Self.library.routines.compactMap(\.routine)
    XCTAssertEqual(routines.count, BuiltInRoutineFiles.all().count)
    for routine in routines {
      checkRatings(in: routine.steps, routine: routine.id)
    }
  }

  func testEveryBlockOfPressureInALongerRoutineEndsWithARatingOfItsMuscle() throws {
    let routines = Self.library.routines.compactMap(\.routine)
    var rated = 0
    for routine in routines where Timeline(routine: routine).plannedSeconds >= 5 * 60 {
      for step in routine.steps {
        guard case .block(let inner) = step.action, step.side != .middle,
          inner.contains(where: { StepDecoder.pressureKinds.contains($0.kind) })
        else { continue }
        XCTAssertEqual(inner.last?.kind, .rate, "\(routine.id): '\(step.title ?? "block")' ends with a rating")
        rated += 1
      }
    }
    XCTAssertGreaterThanOrEqual(rated, 8)
  }

  // MARK: - The journal

  private struct Given {
    var moment: SessionStep.RatingMoment
    var value: Int?
    var muscle: Muscle?
    var side: Side?
  }

  private func before(_ value: Int?) -> Given { Given(moment: .before, value: value) }
  private func after(_ value: Int?) -> Given { Given(moment: .after, value: value) }
  private func between(_ value: Int?, _ muscle: Muscle, _ side: Side? = nil) -> Given {
    Given(moment: .between, value: value, muscle: muscle, side: side)
  }

  @discardableResult
  private func addSession(
    _ journal: SQLiteJournal, day: Int, muscles: [Muscle], ratings: [Given]
  ) throws -> JournalSessionID {
    let start = JournalSessionStart(
      routineID: "tops", routineTitle: "Shoulder tops", contentHash: "hash-tops", muscles: muscles,
      startedAt: JournalFixtures.morning.addingTimeInterval(Double(day) * 86_400), startMoment: .zero)
    let id = try journal.beginSession(start)
    var events: [SessionEvent] = [
      .sessionStarted(routineID: "tops", stepCount: ratings.count * 2, plannedSeconds: 60, at: .zero)
    ]
    for (index, given) in ratings.enumerated() {
      let rating = SessionEvent.Rating(
        value: given.value, stepIndex: index * 2, moment: given.moment, muscle: given.muscle, side: given.side,
        at: EngineTime.s(Int64(index * 10 + 1)))
      events.append(given.value == nil ? .ratingSkipped(rating) : .ratingGiven(rating))
    }
    events.append(.sessionEnded(outcome: .finished, at: EngineTime.s(Int64(ratings.count * 10 + 1))))
    try journal.append(events, to: id)
    return id
  }

  private let first = (before: 6, leftTops: 4, rightTops: 3, rhomboids: 2, after: 2)
  private let second = (before: 5, rightTops: 4, after: 4)
  private let third = (leftTops: 5, rightTops: 3, after: 3)
  /// An older session, rated before and after only.
  private let older = (before: 7, after: 4)

  private func ratedJournal() throws -> SQLiteJournal {
    let journal = try open(journalPath())
    let muscles: [Muscle] = [.upperTrapezius, .rhomboids]
    try addSession(
      journal, day: 0, muscles: muscles,
      ratings: [
        before(first.before), between(first.leftTops, .upperTrapezius, .left),
        between(first.rightTops, .upperTrapezius, .right), between(first.rhomboids, .rhomboids), after(first.after),
      ])
    // The left rating skipped: the right one compares with the rating before the session.
    try addSession(
      journal, day: 1, muscles: muscles,
      ratings: [
        before(second.before), between(nil, .upperTrapezius, .left),
        between(second.rightTops, .upperTrapezius, .right), after(second.after),
      ])
    // Nothing before the left rating to compare with; the right compares with the left.
    try addSession(
      journal, day: 2, muscles: muscles,
      ratings: [
        before(nil), between(third.leftTops, .upperTrapezius, .left),
        between(third.rightTops, .upperTrapezius, .right), after(third.after),
      ])
    try addSession(
      journal, day: 3, muscles: [.upperTrapezius], ratings: [before(older.before), after(older.after)])
    return journal
  }

  private func assertFigures(
    _ entry: MuscleRatingStatistics?, _ pairs: [(Int, Int)], file: StaticString = #filePath, line: UInt = #line
  ) {
    guard let entry else { return XCTFail("no entry", file: file, line: line) }
    let count = Double(pairs.count)
    let meanBefore = Double(pairs.map(\.0).reduce(0, +)) / count
    let meanAfter = Double(pairs.map(\.1).reduce(0, +)) / count
    let important = pairs.filter { PainChange(before: $0.0, after: $0.1).band.isImportantReduction }.count
    XCTAssertEqual(entry.ratedBlocks, pairs.count, file: file, line: line)
    XCTAssertEqual(entry.meanBefore, meanBefore, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(entry.meanAfter, meanAfter, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(entry.meanChange, meanAfter - meanBefore, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(
      entry.meanPercentChange ?? .nan, (meanAfter - meanBefore) * 100 / meanBefore, accuracy: 1e-9, file: file,
      line: line)
    XCTAssertEqual(entry.shareImportantReduction, Double(important) / count, accuracy: 1e-9, file: file, line: line)
  }

  func testEachMuscleRatingComparesWithTheLastRatingGivenBeforeItsWork() throws {
    let journal = try ratedJournal()
    let figures = try journal.muscleRatingStatistics()
    XCTAssertEqual(figures.map(\.muscle), [.upperTrapezius, .upperTrapezius, .rhomboids])
    XCTAssertEqual(figures.map(\.side), [.left, .right, nil])
    assertFigures(figures[0], [(first.before, first.leftTops)])
    assertFigures(
      figures[1],
      [(first.leftTops, first.rightTops), (second.before, second.rightTops), (third.leftTops, third.rightTops)])
    assertFigures(figures[2], [(first.rightTops, first.rhomboids)])
  }

  func testTheSessionsRatingsCountForAMuscleOnlyWhereItWasNotRatedItself() throws {
    let journal = try ratedJournal()
    let perMuscle = try journal.muscleStatistics()
    let tops = try XCTUnwrap(perMuscle.first { $0.subject == .muscle(.upperTrapezius) })
    XCTAssertEqual(tops.sessions, 4, "every session still counts")
    XCTAssertEqual(tops.ratedSessions, 1, "only the older session is rated from its own before and after")
    XCTAssertEqual(tops.meanBefore, Double(older.before))
    XCTAssertEqual(tops.meanAfter, Double(older.after))
    let rhomboids = try XCTUnwrap(perMuscle.first { $0.subject == .muscle(.rhomboids) })
    XCTAssertEqual(rhomboids.ratedSessions, 1, "the second session did not rate the rhomboids; the third has no before")
    XCTAssertEqual(rhomboids.meanChange, Double(second.after - second.before))
  }

  func testStatsShowWhereEachMuscleFigureComesFrom() throws {
    let journal = try ratedJournal()
    let report = try StatsReport(journal: journal, filter: JournalFilter())
    let table = report.table(width: 100)
    XCTAssertTrue(table.contains("from the session's ratings"), table)
    XCTAssertTrue(table.contains("from the rating after its own work"), table)
    let rightTops = [
      (first.leftTops, first.rightTops), (second.before, second.rightTops), (third.leftTops, third.rightTops),
    ]
    let change = Double(rightTops.map { $0.1 - $0.0 }.reduce(0, +)) / Double(rightTops.count)
    let rightLine = table.split(separator: "\n").first { $0.hasPrefix("upper-trapezius") && $0.contains(" right ") }
    XCTAssertNotNil(rightLine, table)
    XCTAssertTrue(rightLine?.contains(" \(rightTops.count) ") ?? false, table)
    XCTAssertTrue(rightLine?.contains(StatsReport.signedDecimal(change)) ?? false, table)

    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let entries = try XCTUnwrap(json["muscleRatings"] as? [[String: Any]])
    XCTAssertEqual(entries.map { $0["side"] as? String }, ["left", "right", nil])
    XCTAssertEqual(entries[1]["muscle"] as? String, "upper-trapezius")
    XCTAssertEqual(entries[1]["ratedBlocks"] as? Int, rightTops.count)
    XCTAssertEqual(entries[1]["meanChange"] as? Double, StatsReport.rounded(change))
  }

  func testHistoryJSONListsEachSessionsMuscleRatings() throws {
    let journal = try ratedJournal()
    let report = try HistoryReport(journal: journal, filter: JournalFilter(), muscleRatings: true)
    let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
    XCTAssertEqual(rows.count, 4)
    let firstRatings = try XCTUnwrap(rows[0]["muscleRatings"] as? [[String: Any]])
    XCTAssertEqual(firstRatings.map { $0["muscle"] as? String }, ["upper-trapezius", "upper-trapezius", "rhomboids"])
    XCTAssertEqual(firstRatings.map { $0["side"] as? String }, ["left", "right", nil])
    XCTAssertEqual(firstRatings.map { $0["value"] as? Int }, [first.leftTops, first.rightTops, first.rhomboids])
    let secondRatings = try XCTUnwrap(rows[1]["muscleRatings"] as? [[String: Any]])
    XCTAssertTrue(secondRatings[0]["value"] is NSNull, "a skipped rating is null")
    XCTAssertEqual((rows[3]["muscleRatings"] as? [Any])?.count, 0, "an older session has none")
  }

  func testExportAndImportKeepEachRatingsMuscleAndSide() throws {
    let journal = try ratedJournal()
    let csv = parseCSV(try journal.exportCSV())
    let column = try XCTUnwrap(csv.first?.firstIndex(of: "muscle_ratings"))
    XCTAssertEqual(
      csv[1][column],
      "upper-trapezius left \(first.leftTops); upper-trapezius right \(first.rightTops); rhomboids \(first.rhomboids)")
    XCTAssertEqual(csv[2][column], "upper-trapezius left skipped; upper-trapezius right \(second.rightTops)")
    XCTAssertEqual(csv[4][column], "")

    let data = try JSONEncoder().encode(try journal.exportDocument())
    let copy = try open(journalPath("copy.sqlite"))
    try copy.importJSON(data, source: "export.json")
    func sidedMuscles(_ journal: SQLiteJournal) throws -> [[[String?]]] {
      try journal.exportDocument().sessions.map { $0.ratings.map { [$0.muscle, $0.side] } }
    }
    XCTAssertEqual(try sidedMuscles(copy), try sidedMuscles(journal))
    XCTAssertEqual(try copy.muscleRatingStatistics(), try journal.muscleRatingStatistics())
  }

  func testImportRefusesAMuscleOrSideUnknotDoesNotKnow() throws {
    let document = try ratedJournal().exportDocument()
    let copy = try open(journalPath("copy.sqlite"))
    var unknownMuscle = document
    unknownMuscle.sessions[0].ratings[1].muscle = "biceps"
    XCTAssertThrowsError(try copy.importJSON(try JSONEncoder().encode(unknownMuscle), source: "bad.json")) { error in
      XCTAssertEqual((error as? JournalError)?.kind, .notAnExport)
      XCTAssertTrue("\(error)".contains("the muscle 'biceps' in rating 2 of session 1"), "\(error)")
      XCTAssertTrue("\(error)".contains("Nothing was imported"), "\(error)")
    }
    var unknownSide = document
    unknownSide.sessions[1].ratings[2].side = "middle"
    XCTAssertThrowsError(try copy.importJSON(try JSONEncoder().encode(unknownSide), source: "bad.json")) { error in
      XCTAssertTrue("\(error)".contains("the side 'middle' in rating 3 of session 2"), "\(error)")
    }
    XCTAssertEqual(try copy.counts().sessions, 0)
  }
}
