import Foundation
import XCTest

/// `unknot report`: the page is written where asked, readable only by its owner, never
/// over a file that is there, and never over the journal itself.
final class ReportCommandTests: EndToEndTestCase {
  private func generatedJournal() throws -> [String] {
    let generated = try sandbox.run(["generate-journal", "--days", "60", "--journal", sandbox.journal.path])
    XCTAssertEqual(generated.status, 0, generated.transcript)
    return ["--journal", sandbox.journal.path]
  }

  private func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  func testTheFileIsPrivateAndNeverOverwrittenWithoutForce() throws {
    let journal = try generatedJournal()
    let written = try sandbox.run(["report", "--output", "for-my-physio.html"] + journal)
    XCTAssertEqual(written.status, 0, written.transcript)
    let path = sandbox.path("for-my-physio.html")
    XCTAssertEqual(try mode(path), 0o600, "health data: readable only by its owner")
    XCTAssertTrue(written.errors.contains("Wrote your report to for-my-physio.html"), written.transcript)
    XCTAssertEqual(written.output, "", "nothing on standard output when writing a file")
    let page = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"), page)
    XCTAssertTrue(page.contains("<h2>Pain before and after, by routine</h2>"))
    XCTAssertTrue(page.contains("<b>60</b> sessions"), "every generated session")

    try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
    let again = try sandbox.run(["report", "--output", "for-my-physio.html"] + journal)
    XCTAssertNotEqual(again.status, 0, again.transcript)
    XCTAssertTrue(again.errors.contains("for-my-physio.html: this file already exists"), again.transcript)
    XCTAssertTrue(again.errors.contains("add --force"), again.transcript)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me")

    let forced = try sandbox.run(["report", "--output", "for-my-physio.html", "--force"] + journal)
    XCTAssertEqual(forced.status, 0, forced.transcript)
    XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    XCTAssertEqual(try mode(path), 0o600)
  }

  func testStandardOutputWithoutOutputOrWithADash() throws {
    let journal = try generatedJournal()
    for arguments in [["report"], ["report", "--output", "-"]] {
      let result = try sandbox.run(arguments + journal)
      XCTAssertEqual(result.status, 0, result.transcript)
      XCTAssertTrue(result.output.hasPrefix("<!DOCTYPE html>"), result.transcript)
      XCTAssertTrue(result.output.hasSuffix("</html>\n"), "the whole page")
      XCTAssertEqual(result.errors, "", result.transcript)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.path("-")), "- is standard output, not a file")
  }

  func testTheJournalItselfAMissingJournalAndABadDayAreRefusedPlainly() throws {
    let journal = try generatedJournal()
    let before = try Data(contentsOf: sandbox.journal)
    let overJournal = try sandbox.run(["report", "--force", "--output", sandbox.journal.path] + journal)
    XCTAssertNotEqual(overJournal.status, 0, overJournal.transcript)
    XCTAssertTrue(overJournal.errors.contains("is your journal itself"), overJournal.transcript)
    XCTAssertEqual(try Data(contentsOf: sandbox.journal), before, "the journal is untouched")

    let badDay = try sandbox.run(["report", "--since", "2025-02-30"] + journal)
    XCTAssertNotEqual(badDay.status, 0, badDay.transcript)
    XCTAssertTrue(badDay.errors.contains("'2025-02-30' is not a date"), badDay.transcript)

    let missing = try sandbox.run(["report", "--output", "r.html", "--journal", sandbox.path("none.sqlite")])
    XCTAssertEqual(missing.status, 0, missing.transcript)
    XCTAssertTrue(missing.errors.contains("No sessions yet"), missing.transcript)
    XCTAssertTrue(missing.errors.contains("No report was written."), missing.transcript)
    XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.path("r.html")))
    XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.path("none.sqlite")), "no journal is created")
  }
}
