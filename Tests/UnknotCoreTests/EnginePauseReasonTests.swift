import XCTest

@testable import UnknotCore

/// A box's pause is kept as the box's in the event log, read back as such, and an old
/// log (or a word this unknot does not know) still reads as the person's pause.
final class EnginePauseReasonTests: XCTestCase {
  func testEveryPauseReasonReadsBackAsItWasWritten() {
    let at = Moment.seconds(12)
    for reason in [PauseReason.person, .overlay, .clockGap(nanoseconds: 3_000_000_001)] {
      let event = SessionEvent.paused(reason: reason, at: at)
      let json = JournalEventCodec.json(JournalEventCodec.payload(of: event))
      XCTAssertEqual(
        JournalEventCodec.event(kind: JournalEventCodec.kind(of: event), at: at, payload: json), event, json)
    }
    XCTAssertEqual(
      JournalEventCodec.event(kind: "paused", at: at, payload: #"{"reason":"overlay"}"#),
      .paused(reason: .overlay, at: at))
  }

  func testAnOldOrUnknownReasonReadsAsThePersonsPause() {
    let at = Moment.seconds(3)
    for payload in [#"{"reason":"person"}"#, #"{}"#, #"{"reason":"lunch"}"#] {
      XCTAssertEqual(
        JournalEventCodec.event(kind: "paused", at: at, payload: payload), .paused(reason: .person, at: at), payload)
    }
  }

  /// The engine pauses for a box only while something counts down, and the pause
  /// resumes like any other.
  func testAnOverlayPauseIsTheBoxsAndResumesLikeAnyOther() {
    var driver = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 3)
    let paused = driver.send(.pauseForOverlay, at: EngineTime.s(2))
    XCTAssertEqual(paused, [.paused(reason: .overlay, at: EngineTime.s(2))])
    XCTAssertEqual(driver.state.status, .paused(.overlay))
    XCTAssertEqual(driver.send(.resume, at: EngineTime.s(9)), [.resumed(at: EngineTime.s(9))])
    XCTAssertEqual(driver.state.pausedTotal, 7 * engineSecond)
    var placement = EngineFixtures.driver(EngineFixtures.everyKind, atStep: 1)
    XCTAssertFalse(SessionEngine.accepts(.pauseForOverlay, in: placement.state), "nothing counts down to hold")
    _ = placement.send(.pauseForOverlay, at: EngineTime.s(1))
    XCTAssertEqual(placement.state.status, .running)
  }
}
