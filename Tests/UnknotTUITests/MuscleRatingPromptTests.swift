import Foundation
import UnknotCore
import XCTest

@testable import UnknotTUI

/// A rating after a muscle's work asks about that muscle (and side) in both front
/// ends, with the anchors every rating has; a general rating keeps its question.
final class MuscleRatingPromptTests: XCTestCase {
  /// A hold on the left upper trapezius, then a rating of it, then the same on the right.
  static let shoulderTops = LoadedEntry(
    routine: Routine(
      id: "shoulder-tops-rated", title: "Shoulder tops, rated", summary: "A hold, then how it feels.",
      groups: [.shoulders], targets: [.upperTrapezius], tools: [.massageBall],
      steps: [
        RoutineStep(
          .block(steps: [
            RoutineStep(
              .hold(seconds: 30, pressure: PressureRegion.of(.upperTrapezius).usual), muscle: .upperTrapezius,
              tool: .massageBall),
            RoutineStep(.rate, muscle: .upperTrapezius),
          ]), side: .both)
      ]), origin: .file(path: "/fixtures/shoulder-tops.yaml"), contentHash: "tops")

  func testTheQuestionNamesTheMuscleAndTheSideOnlyWhenThereIsOne() {
    XCTAssertEqual(
      PainScale.question(muscle: .upperTrapezius, side: .left), "How does your left upper trapezius feel now?")
    XCTAssertEqual(PainScale.question(muscle: .upperTrapezius, side: nil), "How does your upper trapezius feel now?")
    XCTAssertEqual(PainScale.question(muscle: .rhomboids, side: .right), "How do your right rhomboids feel now?")
    XCTAssertEqual(
      PainScale.question(muscle: .erectorSpinae, side: nil), "How do the muscles beside your spine feel now?")
    XCTAssertEqual(PainScale.question(muscle: nil, side: .left), "How much pain do you have right now?")
    for muscle in Muscle.allCases {
      let question = PainScale.question(muscle: muscle, side: .right)
      XCTAssertFalse(question.contains("/"), "a name like a list reads as plain words: \(question)")
      XCTAssertEqual(question, question.prefix(1) + question.dropFirst().lowercased(), question)
    }
  }

  func testPlainModeAsksAboutEachSideWithTheSameAnchors() {
    let script: [ScriptedConsole.Item] = [
      .line("5"), .wait(seconds: 40), .line("4"), .wait(seconds: 15), .wait(seconds: 40), .line("3"), .line("3"),
    ]
    let run = PlainSessionTests.run(Self.shoulderTops, script: script)
    let asked = run.lines.filter { $0.contains(PainScale.anchors) }
    XCTAssertEqual(asked.count, 4, run.transcript)
    XCTAssertTrue(asked[0].contains("How much pain do you have right now?"), run.transcript)
    XCTAssertTrue(
      asked[1].contains("How does your left upper trapezius feel now? " + PainScale.anchors), run.transcript)
    XCTAssertTrue(
      asked[2].contains("How does your right upper trapezius feel now? " + PainScale.anchors), run.transcript)
    XCTAssertTrue(asked[3].contains("How much pain do you have right now?"), run.transcript)
    let rated = run.journal.events.compactMap { event -> SessionEvent.Rating? in
      if case .ratingGiven(let rating) = event { return rating }
      return nil
    }
    XCTAssertEqual(rated.map(\.muscle), [nil, .upperTrapezius, .upperTrapezius, nil])
    XCTAssertEqual(rated.map(\.side), [nil, .left, .right, nil])
  }

  func testTheRatingScreenAsksAboutTheMuscleItFollows() throws {
    let entry = Fixture.entry("neck-corner-cradle")
    let steps = Timeline(routine: entry.routine).steps
    let index = try XCTUnwrap(steps.firstIndex { $0.kind == .rate && $0.muscle != nil })
    XCTAssertEqual(steps[index].side, .left, "the rating inside a sided block takes the block's side")
    var driver = AppDriver()
    driver.startSession("neck-corner-cradle")
    driver.advance(toStep: index)
    for size in [CanvasSize.standard, CanvasSize.smallest] {
      let text = driver.draw(size).lines.map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.joined(separator: " ")
      XCTAssertTrue(text.contains("How does your left levator scapulae feel now?"), "\(size): \(text)")
      XCTAssertTrue(text.contains(PainScale.anchors), "\(size): \(text)")
      XCTAssertFalse(text.contains(PainScale.question), "\(size): \(text)")
      let canvas = CheckingCanvas(size: size, capabilities: .full)
      ScreenRenderer.draw(driver.state, now: driver.now, on: canvas)
      XCTAssertEqual(canvas.problems, [], "\(size): nothing drawn over anything else or off the edge")
    }
  }
}
