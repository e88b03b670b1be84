import XCTest

@testable import UnknotCore

/// The order of routines for a group marked as hurting today.
final class MarkedAreaOrderTests: XCTestCase {
  private func routine(_ id: String, pressing: Bool, seconds: Int) -> Routine {
    let step =
      pressing
      ? RoutineStep(.hold(seconds: seconds, pressure: .standard), muscle: .rhomboids, tool: .massageBall)
      : RoutineStep(.stretch(secondsPerRep: seconds, reps: 1), muscle: .rhomboids)
    return Routine(
      id: id, title: id.capitalized, summary: "", groups: [.betweenBlades], targets: [.rhomboids],
      tools: pressing ? [.massageBall] : [.none], steps: [step])
  }

  private lazy var routines = [
    routine("long-ball", pressing: true, seconds: 300),
    routine("short-ball", pressing: true, seconds: 60),
    routine("long-stretch", pressing: false, seconds: 240),
    routine("short-stretch", pressing: false, seconds: 90),
  ]

  func testWithoutHistoryGentleComesBeforePressureThenShortBeforeLong() {
    XCTAssertEqual(
      MarkedAreaOrder.ordered(routines, helpedMost: []).map(\.id),
      ["short-stretch", "long-stretch", "short-ball", "long-ball"])
  }

  func testARoutineThatNeedsAClinicianComesAfterEveryOtherHoweverShort() {
    var traction = Routine(
      id: "traction", title: "Traction", summary: "", groups: [.betweenBlades], targets: [.cervicalSpine],
      tools: [.tractionDevice], requiresClinician: true,
      steps: [RoutineStep(.traction(clinicianSettings: ["time"]), muscle: .cervicalSpine, tool: .tractionDevice)])
    traction.title = "A traction"
    XCTAssertEqual(
      MarkedAreaOrder.ordered([traction] + routines, helpedMost: []).map(\.id),
      ["short-stretch", "long-stretch", "short-ball", "long-ball", "traction"])
  }

  func testWhatHelpedThisPersonMostComesFirstInItsRank() {
    XCTAssertEqual(
      MarkedAreaOrder.ordered(routines, helpedMost: ["long-ball", "elsewhere", "long-stretch"]).map(\.id),
      ["long-ball", "long-stretch", "short-stretch", "short-ball"])
  }

  func testAStrokeOrRollInsideABlockCountsAsPressure() {
    let block = RoutineStep(.block(steps: [RoutineStep(.roll(seconds: 30, span: nil), tool: .foamRoller)]))
    let rolling = Routine(
      id: "roll", title: "Roll", summary: "", groups: [.midBack], targets: [.erectorSpinae], tools: [.foamRoller],
      steps: [block])
    XCTAssertTrue(MarkedAreaOrder.pressesOn(rolling))
    XCTAssertFalse(MarkedAreaOrder.pressesOn(routines[3]))
  }
}
