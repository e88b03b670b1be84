import Foundation
import XCTest

@testable import UnknotCore

/// The watch over weeks on generated journals: pain that eases, stays, worsens, and
/// records too thin to say anything.
final class PainTrendWatchTests: XCTestCase {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)
  static let day = 86_400.0

  /// Sessions on the neck, one per entry: (days before now, rating before).
  private func neck(_ entries: [(Double, Int?)]) -> [PainTrendWatch.Session] {
    entries.map {
      PainTrendWatch.Session(
        startedAt: Self.now.addingTimeInterval(-$0.0 * Self.day), muscles: [.suboccipitals], before: $0.1)
    }
  }

  /// `count` sessions spread evenly from `span` days ago to today, rated by `rating`.
  private func spread(_ count: Int, over span: Double, _ rating: (Int) -> Int) -> [PainTrendWatch.Session] {
    neck((0..<count).map { index in (span - span * Double(index) / Double(count - 1), rating(index)) })
  }

  func testPainThatEasesRaisesNothing() {
    XCTAssertEqual(PainTrendWatch.notices(spread(8, over: 20) { 7 - $0 / 2 }, now: Self.now), [])
  }

  func testNoPainThatStaysNoPainRaisesNothing() {
    XCTAssertEqual(PainTrendWatch.notices(spread(8, over: 20) { _ in 0 }, now: Self.now), [])
    XCTAssertEqual(PainTrendWatch.notices(spread(8, over: 20) { $0 % 2 }, now: Self.now), [], "a mean of 0.5")
    XCTAssertEqual(PainTrendWatch.notices(spread(8, over: 20) { _ in 1 }, now: Self.now).count, 1)
  }

  func testPainThatStaysTheSameForTwentyDaysIsNoticed() throws {
    let notices = PainTrendWatch.notices(spread(8, over: 20) { _ in 5 }, now: Self.now)
    let notice = try XCTUnwrap(notices.first)
    XCTAssertEqual(notices.map(\.group), [.neck])
    XCTAssertEqual(notice.days, 20)
    XCTAssertEqual(notice.sessions, 8)
    XCTAssertEqual(
      notice.text,
      "Your pain in the neck and skull base has not eased over the last 20 days (before-session ratings about "
        + "5 → 5). Pain that is no better after 2–4 weeks deserves a clinician's look. This is not a diagnosis.")
  }

  /// The span in the text is never stretched: days under three weeks, whole weeks after.
  func testTheTextSaysTheSpanAsItIs() throws {
    for (span, said) in [
      (14.0, "over the last 14 days "), (14.9, "over the last 14 days "), (17.5, "over the last 17 days "),
      (20.9, "over the last 20 days "), (21.0, "over the last 3 weeks "), (27.5, "over the last 3 weeks "),
    ] {
      let notice = try XCTUnwrap(PainTrendWatch.notices(spread(8, over: span) { _ in 5 }, now: Self.now).first)
      XCTAssertTrue(notice.text.contains(said), "\(span) days: \(notice.text)")
      XCTAssertFalse(notice.text.contains("2 weeks ("), notice.text)
    }
  }

  func testPainThatWorsensIsNoticed() {
    let notices = PainTrendWatch.notices(spread(8, over: 20) { 3 + $0 / 2 }, now: Self.now)
    XCTAssertEqual(notices.map(\.group), [.neck])
    XCTAssertGreaterThan(notices[0].latestMean, notices[0].earliestMean)
  }

  func testAWeeklyRiseOfTwoIsNoticedEvenWhenLowerThanAtFirst() {
    // 8, 8 in the first week; 3, 3 the next; 5, 5 the week after: lower than at first,
    // but up 2 in a week.
    let sessions = neck([(20, 8), (19, 8), (13, 3), (12, 3), (6, 5), (5, 5)])
    XCTAssertEqual(PainTrendWatch.notices(sessions, now: Self.now).map(\.group), [.neck])
    // A rise of 1 over the same weeks is not.
    let gentler = neck([(20, 8), (19, 8), (13, 3), (12, 3), (6, 4), (5, 4)])
    XCTAssertEqual(PainTrendWatch.notices(gentler, now: Self.now), [])
  }

  func testFiveSessionsAreTooFewAndSixAreEnough() {
    XCTAssertEqual(PainTrendWatch.notices(spread(5, over: 20) { _ in 5 }, now: Self.now), [])
    XCTAssertEqual(PainTrendWatch.notices(spread(6, over: 20) { _ in 5 }, now: Self.now).count, 1)
  }

  func testThirteenDaysAreTooFewAndFourteenAreEnough() {
    XCTAssertEqual(PainTrendWatch.notices(spread(10, over: 13.9) { _ in 5 }, now: Self.now), [])
    XCTAssertEqual(PainTrendWatch.notices(spread(10, over: 14) { _ in 5 }, now: Self.now).count, 1)
  }

  func testOnlyTheLastFourWeeksAndRatedSessionsCount() {
    // Six flat sessions, but two of them five weeks ago and one without a rating.
    let sessions = neck([(35, 5), (34, 5), (20, 5), (15, nil), (10, 5), (2, 5)])
    XCTAssertEqual(PainTrendWatch.notices(sessions, now: Self.now), [])
    // Sessions after "now" are not read either.
    XCTAssertEqual(
      PainTrendWatch.notices(spread(8, over: 20) { _ in 5 }, now: Self.now.addingTimeInterval(-30 * Self.day)), [])
  }

  func testASessionCountsForEveryGroupOfItsMuscles() {
    // Levator scapulae is found under the neck and the shoulders.
    let sessions = spread(8, over: 20) { _ in 5 }.map { session in
      var session = session
      session.muscles = [.levatorScapulae]
      return session
    }
    XCTAssertEqual(
      PainTrendWatch.notices(sessions, now: Self.now).map(\.group), Muscle.levatorScapulae.groups.sorted())
  }

  func testADismissedNoticeStaysAwayAWeekThenComesBack() {
    let notices = PainTrendWatch.notices(spread(8, over: 20) { _ in 5 }, now: Self.now)
    let dismissed = [
      NoticeDismissal(kind: .painNotEasing, group: .neck, dismissedAt: Self.now.addingTimeInterval(-6 * Self.day))
    ]
    XCTAssertEqual(PainTrendWatch.unanswered(notices, dismissals: dismissed, now: Self.now), [])
    let weekAgo = [
      NoticeDismissal(kind: .painNotEasing, group: .neck, dismissedAt: Self.now.addingTimeInterval(-7 * Self.day))
    ]
    XCTAssertEqual(PainTrendWatch.unanswered(notices, dismissals: weekAgo, now: Self.now), notices)
    let otherGroup = [NoticeDismissal(kind: .painNotEasing, group: .chest, dismissedAt: Self.now)]
    XCTAssertEqual(PainTrendWatch.unanswered(notices, dismissals: otherGroup, now: Self.now), notices)
  }
}
