import Foundation
import GRDB
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 14, a journal with a stranger's rows in it (written straight into the SQLite
/// file, as an import by an older unknot might have left them): what the commands print
/// on a terminal never holds a control byte, the CSV a spreadsheet opens never runs a
/// formula, and long work shows its progress on a terminal only.
final class HostileJournalTests: EndToEndTestCase {
  /// A title that would retitle the window, clear the screen, reverse the text's
  /// direction and turn it red (an 8-bit CSI), in SQL.
  private static let hostileTitle =
    "'Evil ' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J' || char(8238) || 'kcab' || char(155) || '[31m'"

  private func generate(_ path: String, days: Int, seed: Int = 1) throws {
    let result = try sandbox.run(
      ["generate-journal", "--journal", path, "--days", "\(days)", "--seed", "\(seed)"], timeout: 120)
    XCTAssertEqual(result.status, 0, result.transcript)
  }

  /// Runs `script` with sh in a tmux pane (a terminal) and returns every byte the pane's
  /// programs wrote, once the script has printed DONE.
  private func rawTerminalOutput(
    of script: String, timeout: TimeInterval = 60, beforeStarting: () throws -> Void = {}
  ) throws -> Data {
    let tmux = try startTmux(["sh", "-c", "read go; " + script + "; echo DONE"], width: 120, height: 40)
    let raw = sandbox.path("raw-output")
    try tmux.startCapturingOutput(to: raw)
    try beforeStarting()
    try tmux.send("Enter")
    try eventually("the script to finish", timeout: timeout) {
      FileManager.default.contents(atPath: raw)?.range(of: Data("DONE".utf8)) != nil
    }
    try tmux.stopCapturingOutput()
    return FileManager.default.contents(atPath: raw) ?? Data()
  }

  func testHostileRowsInTheJournalNeverReachTheTerminalRaw() throws {
    let journal = sandbox.journal.path
    try generate(journal, days: 20)
    try JournalReader.execute(
      journal,
      """
      UPDATE sessions SET routine_title = \(Self.hostileTitle) WHERE id % 2 = 0;
      UPDATE sessions SET outcome = 'stopped-for-safety', stop_reason = 'routine-rule',
        stop_rule = 'Stop ' || char(27) || '[5m' || char(8237) WHERE id = 3;
      """)
    let unknot = sandbox.binary.path
    let commands = [
      "history", "stats", "history --format csv", "history --format json", "export --format csv",
      "export --format json", "stats --format json",
    ].map { "\(shellQuoted(unknot)) \($0) --journal \(shellQuoted(journal))" }
    let bytes = [UInt8](try rawTerminalOutput(of: commands.joined(separator: "; ")))
    let text = String(decoding: bytes, as: UTF8.self)
    XCTAssertFalse(bytes.contains(0x1B), "an ESC byte reached the terminal:\n\(UnsafeVisible.of(text))")
    XCTAssertFalse(bytes.contains(0x07), "a BEL reached the terminal")
    for (name, sequence) in [
      ("U+009B", [0xC2, 0x9B]), ("U+202E", [0xE2, 0x80, 0xAE]), ("U+202D", [0xE2, 0x80, 0xAD]),
    ] {
      XCTAssertNil(
        bytes.firstRange(of: sequence.map(UInt8.init)), "\(name) reached the terminal:\n\(UnsafeVisible.of(text))")
    }
    // Shown, written out: the person sees what the row holds.
    XCTAssertTrue(text.contains(#"Evil \u{1B}]0;pwned\u{7}\u{1B}[2J\u{202E}kcab\u{9B}[31m"#), text)
    XCTAssertTrue(text.contains(#"Evil \u001b]0;pwned\u0007\u001b[2J\u202Ekcab\u009B[31m"#), "the JSON, escaped")
  }

  func testTheCSVExportNeutralisesFormulasReadBackWithPythonsCSVModule() throws {
    guard let python = findProgram("python3") else {
      return XCTFail("python3 is needed to read the CSV back as a spreadsheet would (apt-get install python3)")
    }
    let journal = sandbox.journal.path
    try generate(journal, days: 6)
    try JournalReader.execute(
      journal,
      """
      UPDATE sessions SET routine_title = '=HYPERLINK("http://evil.example","Click")' WHERE id = 1;
      UPDATE sessions SET routine_title = '+1+2' WHERE id = 2;
      UPDATE sessions SET routine_title = '@SUM(A1:A9)' WHERE id = 3;
      UPDATE sessions SET routine_title = char(9) || '=1' WHERE id = 4;
      UPDATE sessions SET routine_title = '-2+3', outcome = 'stopped-for-safety', stop_reason = 'routine-rule',
        stop_rule = '=cmd|'' /C calc''!A0' WHERE id = 5;
      UPDATE sessions SET before_rating = 7, after_rating = 4 WHERE id = 6;
      """)
    let csvFile = sandbox.path("sessions.csv")
    let jsonFile = sandbox.path("backup.json")
    for (format, file) in [("csv", csvFile), ("json", jsonFile)] {
      let export = try sandbox.run(["export", "--format", format, "--output", file, "--journal", journal])
      XCTAssertEqual(export.status, 0, export.transcript)
    }
    let historyFile = sandbox.path("history.csv")
    let history = try sandbox.run(["history", "--format", "csv", "--journal", journal])
    XCTAssertEqual(history.status, 0, history.transcript)
    try history.stdout.write(to: URL(fileURLWithPath: historyFile))

    let read = try runProcess(
      URL(fileURLWithPath: python),
      [
        "-c",
        "import csv, json, sys; print(json.dumps([list(csv.DictReader(open(f, newline='', encoding='utf-8'))) "
          + "for f in sys.argv[1:]]))",
        csvFile, historyFile,
      ], environment: sandbox.environment, directory: sandbox.root)
    XCTAssertEqual(read.status, 0, read.transcript)
    let tables = try XCTUnwrap(JSONSerialization.jsonObject(with: read.stdout) as? [[[String: String]]])
    let (export, historyRows) = (tables[0], tables[1])
    XCTAssertEqual(
      export.prefix(6).map { $0["title"] },
      ["'=HYPERLINK(\"http://evil.example\",\"Click\")", "'+1+2", "'@SUM(A1:A9)", "'\t=1", "'-2+3", export[5]["title"]])
    XCTAssertEqual(historyRows.prefix(5).map { $0["title"] }, export.prefix(5).map { $0["title"] })
    XCTAssertEqual(export[4]["stop_rule"], "'=cmd|' /C calc'!A0")
    // A number is data, not a formula: a fall of three stays -3.
    XCTAssertEqual(export[5]["change"], "-3")
    XCTAssertEqual(historyRows[5]["change"], "-3")

    // The JSON export keeps the text as it is.
    let backup = try XCTUnwrap(
      JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: jsonFile))) as? [String: Any])
    let titles = (backup["sessions"] as? [[String: Any]])?.prefix(2).map { $0["routineTitle"] as? String }
    XCTAssertEqual(titles, ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+2"])
  }

  /// Another program holds the target journal's write lock for a second and a half,
  /// so the import is still going after a second, however fast the machine.
  private func holdingTheJournal(_ path: String, for seconds: Double) throws -> DispatchSemaphore {
    let held = DispatchSemaphore(value: 0)
    let released = DispatchSemaphore(value: 0)
    let queue = try DatabaseQueue(path: path)
    Thread.detachNewThread {
      try? queue.writeWithoutTransaction { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        held.signal()
        Thread.sleep(forTimeInterval: seconds)
        try db.execute(sql: "COMMIT")
      }
      try? queue.close()
      released.signal()
    }
    held.wait()
    return released
  }

  func testAnUnexpectedArgumentIsQuotedBackEscaped() throws {
    // ArgumentParser quotes what was typed; unknot's own main sends it through the
    // same escaping as everything else.
    let result = try sandbox.run(["history", "\u{1B}]0;pwned\u{07}\u{202E}"])
    XCTAssertEqual(result.status, 64, result.transcript)
    XCTAssertFalse(result.stderr.contains(0x1B) || result.stderr.contains(0x07), UnsafeVisible.of(result.errors))
    XCTAssertTrue(result.errors.contains("Unexpected argument '\\u{1B}]0;pwned\\u{7}\\u{202E}'"), result.errors)
    // Help and the version are unknot's own words, written as they are.
    let help = try sandbox.run(["--help"])
    XCTAssertEqual(help.status, 0, help.transcript)
    XCTAssertTrue(help.output.contains("USAGE: unknot <subcommand>"), help.transcript)
  }

  func testALongImportShowsItsProgressOnATerminalAndNeverInAPipe() throws {
    let source = sandbox.path("source.sqlite")
    try generate(source, days: 1_200)
    let backup = sandbox.path("backup.json")
    let export = try sandbox.run(["export", "--format", "json", "--output", backup, "--journal", source], timeout: 60)
    XCTAssertEqual(export.status, 0, export.transcript)

    let target = sandbox.journal.path
    try generate(target, days: 1, seed: 9)
    var released: DispatchSemaphore?
    let bytes = try rawTerminalOutput(
      of: "\(shellQuoted(sandbox.binary.path)) import \(shellQuoted(backup)) --journal \(shellQuoted(target))",
      beforeStarting: { released = try holdingTheJournal(target, for: 1.5) })
    released?.wait()
    let text = String(decoding: bytes, as: UTF8.self)
    XCTAssertTrue(text.contains("\r\u{1B}[KImporting: "), UnsafeVisible.of(text))
    XCTAssertTrue(text.contains(" of 1 200 sessions"), UnsafeVisible.of(text))
    XCTAssertTrue(text.contains("Importing: 1 200 of 1 200 sessions\r\u{1B}[KImported "), "erased before the summary")

    // The same import into a pipe: the summary alone.
    let other = sandbox.path("other.sqlite")
    try generate(other, days: 1, seed: 9)
    let lock = try holdingTheJournal(other, for: 1.5)
    let piped = try sandbox.run(["import", backup, "--journal", other], timeout: 120)
    lock.wait()
    XCTAssertEqual(piped.status, 0, piped.transcript)
    XCTAssertFalse(piped.transcript.contains("Importing"), piped.transcript)
    XCTAssertFalse(piped.stdout.contains(0x1B) || piped.stderr.contains(0x1B), piped.transcript)
    XCTAssertTrue(piped.output.contains("Imported \(backup) into \(other): "), piped.transcript)
  }
}

/// Text with its control characters written out, for a failure message that must not
/// itself drive the terminal that shows it.
enum UnsafeVisible {
  static func of(_ text: String) -> String {
    String(
      text.unicodeScalars.map { scalar in
        scalar.value < 0x20 && scalar != "\n" || (0x7F...0x9F).contains(scalar.value)
          || (0x202A...0x202E).contains(scalar.value)
          ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
      }.joined())
  }
}
