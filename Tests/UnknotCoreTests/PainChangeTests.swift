import UnknotCore
import XCTest

/// What a change from one rating to another is called: never more than it is. A change
/// counts as important only with both 2 points and 30% (substantial: 50%); under 2
/// points it is within the usual day-to-day variation, whatever its percent.
final class PainChangeTests: XCTestCase {
  private func band(_ before: Int, _ after: Int) -> PainChange.Band {
    PainChange(before: before, after: after).band
  }

  func testALowStartIsNotOverstatedByItsPercent() {
    XCTAssertEqual(PainChange(before: 1, after: 0).percent, -100)
    XCTAssertEqual(band(1, 0), .withinVariation, "1 → 0 is −100% but one point")
    XCTAssertEqual(band(2, 1), .withinVariation, "2 → 1 is −50% but one point")
    XCTAssertEqual(band(2, 0), .substantial)
    XCTAssertEqual(band(3, 1), .substantial, "2 points and −67%")
  }

  func testAHighStartNeedsThirtyPercentAsWellAsTwoPoints() {
    XCTAssertEqual(PainChange(before: 9, after: 7).percent, -22)
    XCTAssertEqual(band(9, 7), .small, "2 points but −22%")
    XCTAssertEqual(band(10, 8), .small, "2 points but −20%")
    XCTAssertEqual(band(7, 5), .small, "2 points but −29%")
    XCTAssertEqual(band(9, 6), .moderate, "3 points and −33%")
    XCTAssertEqual(band(10, 7), .moderate, "exactly −30%")
    XCTAssertEqual(band(6, 4), .moderate)
    XCTAssertEqual(band(10, 6), .moderate, "−40%")
    XCTAssertEqual(band(10, 5), .substantial, "exactly −50%")
    XCTAssertEqual(band(4, 2), .substantial)
  }

  func testARiseOfUnderTwoPointsIsWithinTheUsualVariation() {
    XCTAssertEqual(band(0, 1), .withinVariation)
    XCTAssertEqual(band(3, 4), .withinVariation, "+33% but one point")
    XCTAssertEqual(band(5, 5), .withinVariation)
    XCTAssertEqual(band(0, 0), .withinVariation)
    XCTAssertEqual(band(0, 2), .rose)
    XCTAssertEqual(band(4, 6), .rose)
    XCTAssertEqual(band(8, 10), .rose, "+25%, but 2 points")
  }

  func testEveryPairOnTheScaleFollowsTheRule() {
    for before in PainScale.range {
      for after in PainScale.range {
        let change = PainChange(before: before, after: after)
        let reduction = before - after
        let expected: PainChange.Band
        if abs(reduction) < 2 {
          expected = .withinVariation
        } else if reduction < 0 {
          expected = .rose
        } else if Double(reduction) / Double(before) >= 0.5 {
          expected = .substantial
        } else if Double(reduction) / Double(before) >= 0.3 {
          expected = .moderate
        } else {
          expected = .small
        }
        XCTAssertEqual(change.band, expected, "\(before) → \(after)")
        XCTAssertEqual(change.band.isImportantReduction, expected == .moderate || expected == .substantial)
      }
    }
  }

  func testThePhrasesArePlainAndNeverCallASmallChangeImportant() {
    XCTAssertEqual(PainChange.Band.withinVariation.phrase, "within the usual day-to-day variation")
    XCTAssertEqual(PainChange.Band.small.phrase, "a small reduction")
    XCTAssertEqual(PainChange.Band.moderate.phrase, "a moderate reduction")
    XCTAssertEqual(PainChange.Band.substantial.phrase, "a substantial reduction")
    XCTAssertEqual(PainChange.Band.rose.phrase, "pain went up")
    XCTAssertEqual(PainChange(before: 1, after: 0).text(), "1 → 0, −1, −100%")
  }
}
