import Foundation
import XCTest

@testable import UnknotCore

/// The config file's break settings, and what a person is told when one is wrong.
final class BreakConfigTests: XCTestCase {
  private func errors(_ text: String) -> [String] {
    switch BreakConfig.parse(text, path: "config.yaml") {
    case .success: return []
    case .failure(let failure): return failure.diagnostics.map(\.description)
    }
  }

  func testAllKeysAreRead() throws {
    let settings = try BreakConfig.parse(
      "break-every: 45m\nbreak-routine: neck-release\nquiet-hours: 22:00-07:00\n", path: "config.yaml"
    ).get()
    XCTAssertEqual(settings.every, 45 * 60)
    XCTAssertEqual(settings.routine, "neck-release")
    XCTAssertEqual(settings.quietHours, QuietHours(start: 22 * 60, end: 7 * 60))
  }

  func testAMissingOrEmptyFileGivesTheDefaults() throws {
    XCTAssertEqual(try BreakConfig.load(path: "/nonexistent/unknot/config.yaml").get(), BreakSettings())
    XCTAssertEqual(try BreakConfig.parse("", path: "config.yaml").get(), BreakSettings())
  }

  func testAnUnknownKeySuggestsTheNearestOne() {
    XCTAssertEqual(
      errors("break-routine: desk-posture-break\nbreak-evry: 30m\n"),
      ["config.yaml:2:1: error: unknown key 'break-evry' in the config file; did you mean 'break-every'?"])
  }

  func testABadDurationSaysWhatToWrite() {
    XCTAssertEqual(
      errors("break-every: often\n"),
      ["config.yaml:1:14: error: 'break-every' should be a duration such as 60, 45s, 2m, 1m30s or 15min"])
    XCTAssertEqual(
      errors("break-every: 10s\n"),
      ["config.yaml:1:14: error: 'break-every' should be between 1m and 24h, such as 30m"])
  }

  func testBadQuietHoursSayWhatToWrite() {
    XCTAssertEqual(
      errors("quiet-hours: 22-7\n"),
      ["config.yaml:1:14: error: 'quiet-hours' should be two times of day such as 22:00-07:00"])
  }

  func testABadRoutineIdSaysWhatToWrite() {
    XCTAssertEqual(
      errors("break-routine: \"a b\"\n"),
      ["config.yaml:1:16: error: 'break-routine' should be a routine id such as desk-posture-break (see unknot list)"])
  }

  func testBrokenYAMLIsReportedWithItsPlace() throws {
    let lines = errors("break-every: [30m\n")
    XCTAssertEqual(lines.count, 1)
    XCTAssertTrue(try XCTUnwrap(lines.first).hasPrefix("config.yaml:"), lines.description)
  }

  func testEveryProblemIsReportedInOnePass() {
    XCTAssertEqual(errors("break-every: x\nquiet-hours: y\n").count, 2)
  }

  func testTheFileLivesUnderXDGConfigHomeOrHome() {
    XCTAssertEqual(
      BreakConfig.path(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]), "/c/unknot/config.yaml")
    XCTAssertEqual(BreakConfig.path(environment: ["HOME": "/h"]), "/h/.config/unknot/config.yaml")
  }
}

/// `unknot status` from an injected activity source.
final class BreakStatusTests: XCTestCase {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)
  static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  private func line(
    input: Double?, opened: Double? = nil, finished: Double? = nil, settings: BreakSettings = BreakSettings()
  ) -> String {
    let t = Self.now.timeIntervalSince1970
    return BreakStatus.line(
      source: FixedInputActivity(input.map { t - $0 }, opened: opened.map { t - $0 }), now: Self.now,
      settings: settings,
      minuteOfDay: { Self.utc.component(.hour, from: $0) * 60 + Self.utc.component(.minute, from: $0) },
      lastFinished: { finished.map { Self.now.addingTimeInterval(-$0) } })
  }

  func testEighteenMinutesIntoAStretchShowsTwelveLeft() {
    XCTAssertEqual(line(input: 3, opened: 18 * 60), "break in 12 min")
  }

  func testPastTheIntervalABreakIsDue() {
    XCTAssertEqual(line(input: 3, opened: 45 * 60), "break due")
  }

  func testARoutineFinishedSinceRestartsTheCount() {
    XCTAssertEqual(line(input: 3, opened: 45 * 60, finished: 10 * 60), "break in 20 min")
  }

  func testAwayFiveMinutesNeedsNoBreak() {
    XCTAssertEqual(line(input: 5 * 60, opened: 45 * 60), "no break needed")
    XCTAssertEqual(line(input: nil), "no break needed")
  }

  func testTheJournalIsNotAskedWhenAway() {
    var asked = false
    _ = BreakStatus.line(
      source: FixedInputActivity(nil), now: Self.now, settings: BreakSettings(),
      lastFinished: {
        asked = true
        return nil
      })
    XCTAssertFalse(asked)
  }
}
