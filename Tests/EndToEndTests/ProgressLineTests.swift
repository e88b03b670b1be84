import Foundation
import XCTest

@testable import unknot

/// The progress line's timing, on a clock the test moves: nothing in the first second,
/// at most ten redraws a second after it, always the last count, erased at the end, and
/// never anything when standard error is not a terminal.
final class ProgressLineTests: XCTestCase {
  private final class Recorder: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_000)
    var drawn: [String?] = []
  }

  private func line(onTerminal: Bool, _ recorder: Recorder) -> ProgressLine {
    ProgressLine(
      doing: "Importing", things: "sessions", onTerminal: onTerminal, clock: { recorder.now },
      draw: { recorder.drawn.append($0) })
  }

  func testNothingShowsInTheFirstSecondThenAtMostTenTimesASecond() {
    let recorder = Recorder()
    let progress = line(onTerminal: true, recorder)
    for done in 1...50 {
      recorder.now += 0.019  // 50 sessions in 0.95 s: quick work shows nothing
      progress.update(done, 7_300)
    }
    XCTAssertEqual(recorder.drawn, [])
    progress.finish()
    XCTAssertEqual(recorder.drawn, [], "nothing to erase")

    recorder.now += 0.06
    progress.update(51, 7_300)
    XCTAssertEqual(recorder.drawn, ["Importing: 51 of 7 300 sessions"])
    recorder.now += 0.05
    progress.update(52, 7_300)
    XCTAssertEqual(recorder.drawn.count, 1, "not redrawn within a tenth of a second")
    recorder.now += 0.06
    progress.update(4_200, 7_300)
    XCTAssertEqual(recorder.drawn.last, "Importing: 4 200 of 7 300 sessions")
    recorder.now += 0.01
    progress.update(7_300, 7_300)
    XCTAssertEqual(recorder.drawn.last, "Importing: 7 300 of 7 300 sessions", "the last count always shows")
    progress.finish()
    XCTAssertEqual(recorder.drawn.last, .some(nil), "erased at the end")
    let count = recorder.drawn.count
    progress.finish()
    XCTAssertEqual(recorder.drawn.count, count, "erased once")
  }

  func testNeverOffATerminal() {
    let recorder = Recorder()
    let progress = line(onTerminal: false, recorder)
    for done in 1...100 {
      recorder.now += 0.5
      progress.update(done, 100)
    }
    progress.finish()
    XCTAssertEqual(recorder.drawn, [])
  }

  func testNumbersAreGroupedByThousands() {
    let cases: [(Int, String)] = [
      (0, "0"), (999, "999"), (1_000, "1 000"), (7_300, "7 300"), (123_456_789, "123 456 789"), (-4_200, "-4 200"),
    ]
    for (number, text) in cases {
      XCTAssertEqual(ProgressLine.grouped(number), text)
    }
  }

  func testTerminalOutputKeepsLineEndsAndWritesOutEverythingElse() {
    let cases: [(String, String)] = [
      ("plain\nlines\n", "plain\nlines\n"),
      ("a,b\r\nc,d\r\n", "a,b\r\nc,d\r\n"),
      ("title \u{1B}]0;x\u{7}\n", "title \\u{1B}]0;x\\u{7}\n"),
      ("lone\rreturn", "lone\\u{D}return"),
      ("tab\there", "tab\\u{9}here"),
      ("\u{202E}kcab\r\n", "\\u{202E}kcab\r\n"),
      ("rhomboïds — 肩\n", "rhomboïds — 肩\n"),
    ]
    for (text, shown) in cases {
      XCTAssertEqual(TerminalOutput.visibleLines(text), shown, UnsafeVisible.of(text))
    }
  }
}
