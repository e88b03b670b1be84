import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A journal that cannot be written, in a read-only folder or on a full disk: unknot
/// says which file and why, and a session goes on without the journal only once the
/// person agrees (y to the question, or --no-journal), never by itself.
final class JournalFailureTests: EndToEndTestCase {
  /// Folders this test mounted a file system on; unmounted before the sandbox goes.
  private var mounts: [String] = []

  override func tearDown() {
    // Lazily: an unknot still running in a tmux server, killed just after, may hold
    // files there until then.
    for mount in mounts.reversed() {
      _ = try? runProcess(
        URL(fileURLWithPath: findProgram("umount") ?? "/bin/umount"), ["-l", mount], environment: [:],
        directory: URL(fileURLWithPath: "/"))
    }
    mounts = []
    super.tearDown()
  }

  // MARK: A read-only folder

  func testAJournalInAReadOnlyFolderIsNamedAndNoSessionStartsWithoutIt() throws {
    try sandbox.recordSafetyCheck()
    try sandbox.addRoutine("e2e-brief.yaml", TestRoutines.brief)
    // One folder where the journal would be created, one holding a journal already.
    let empty = sandbox.root.appendingPathComponent("read-only-empty")
    let full = sandbox.root.appendingPathComponent("read-only-journal")
    for folder in [empty, full] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try FileManager.default.copyItem(at: sandbox.journal, to: full.appendingPathComponent("journal.sqlite"))
    for folder in [empty, full] {
      try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    }
    let owner = try ownerWithoutPrivileges(cannotWriteIn: empty)

    for folder in [empty, full] {
      let journal = folder.appendingPathComponent("journal.sqlite").path
      let bytes = FileManager.default.contents(atPath: journal)
      let result = try runProcess(
        URL(fileURLWithPath: owner[0]),
        Array(owner.dropFirst()) + [sandbox.binary.path, "start", "e2e-brief", "--plain", "--journal", journal]
          + ["--routines", sandbox.routines.path],
        environment: sandbox.environment, directory: sandbox.root, input: .lines(["6", "", "5", "3"]))
      // The file, what is wrong, and what to do, once.
      XCTAssertEqual(result.status, 1, result.transcript)
      XCTAssertTrue(result.errors.hasPrefix("Error: \(journal): permission denied: unknot may not "), result.transcript)
      XCTAssertEqual(result.errors.components(separatedBy: "--no-journal").count - 1, 1, result.transcript)
      // Nothing started, nothing written.
      XCTAssertEqual(result.output, "", "the session started without its journal:\n\(result.transcript)")
      XCTAssertEqual(FileManager.default.contents(atPath: journal), bytes, "the journal in \(folder.path) changed")
      XCTAssertEqual(
        try FileManager.default.contentsOfDirectory(atPath: folder.path), bytes == nil ? [] : ["journal.sqlite"])
    }

    // On the full screen the same, before the screen is taken over.
    let journal = empty.appendingPathComponent("journal.sqlite").path
    let tmux = try startShell()
    let command =
      owner.map(shellQuoted).joined(separator: " ") + " "
      + sandbox.commandLine(["start", "e2e-brief", "--journal", journal, "--routines", sandbox.routines.path])
    try tmux.typeLine("clear; \(command); echo \"EXIT=$?\"")
    try tmux.waitFor("the exit status") { $0.contains(#/EXIT=\d/#) }
    // Lines the terminal wrapped, joined again.
    let screen = try tmux.run(["capture-pane", "-p", "-J"]).output
    XCTAssertTrue(screen.contains("EXIT=1"), screen)
    XCTAssertTrue(screen.contains("Error: \(journal): permission denied: unknot may not create the journal."), screen)
    XCTAssertFalse(screen.contains("Before you start"), screen)

    // Agreeing to go on without it is --no-journal: then the session runs, saying so.
    let unlogged = try runProcess(
      URL(fileURLWithPath: owner[0]),
      Array(owner.dropFirst()) + [sandbox.binary.path, "start", "e2e-brief", "--plain", "--no-journal"]
        + ["--routines", sandbox.routines.path],
      environment: sandbox.environment, directory: sandbox.root,
      input: .lines(Sandbox.safetyAnswers + ["6", "", "5", "3"]))
    XCTAssertEqual(unlogged.status, 0, unlogged.transcript)
    for line in [
      "Not logging: this session is not written to your journal.", "  Noted: 6 (moderate).", "Session complete.",
      "Not logged: this session was not written to your journal.",
    ] {
      XCTAssertTrue(unlogged.output.contains(line), "no \"\(line)\":\n\(unlogged.transcript)")
    }
    XCTAssertFalse(unlogged.output.contains("Saved:"), unlogged.transcript)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), [])
  }

  /// Reading needs no writing: history and stats show a journal kept in a folder the
  /// person may not write (a read-only disk, a copy someone shared), and leave it as it is.
  func testHistoryAndStatsReadAJournalInAReadOnlyFolder() throws {
    let folder = sandbox.root.appendingPathComponent("read-only-copy")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let journal = folder.appendingPathComponent("journal.sqlite").path
    let generated = try runProcess(
      sandbox.binary, ["generate-journal", "--days", "3", "--journal", journal], environment: sandbox.environment,
      directory: sandbox.root)
    XCTAssertEqual(generated.status, 0, generated.transcript)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    let bytes = FileManager.default.contents(atPath: journal)
    let owner = try ownerWithoutPrivileges(cannotWriteIn: folder)

    // The counts follow the generator's choice of routines; that it reads at all is the point.
    for (command, expected) in [("history", "3 sessions, "), ("stats", "sessions")] {
      let result = try runProcess(
        URL(fileURLWithPath: owner[0]),
        Array(owner.dropFirst()) + [sandbox.binary.path, command, "--journal", journal],
        environment: sandbox.environment, directory: sandbox.root)
      XCTAssertEqual(result.status, 0, result.transcript)
      XCTAssertTrue(result.output.contains(expected), result.transcript)
      XCTAssertEqual(result.errors, "", result.transcript)
    }
    XCTAssertEqual(FileManager.default.contents(atPath: journal), bytes, "reading changed the journal")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["journal.sqlite"])
  }

  // MARK: A full disk

  func testAFullDiskDuringAFullScreenSessionAsksBeforeGoingOnUnlogged() throws {
    let disk = try mountTinyDisk()
    let journal = disk.appendingPathComponent("journal.sqlite").path
    let safety = try sandbox.run(["safety", "--plain", "--journal", journal], input: .lines(Sandbox.safetyAnswers))
    XCTAssertEqual(safety.status, 0, safety.transcript)
    let tmux = try startShell()
    let command = sandbox.commandLine(["start", "e2e-long", "--journal", journal, "--routines", sandbox.routines.path])

    // y: the hold goes on, and every screen after says nothing is kept.
    try startAndRate(6, command: command, exitMarker: "EXIT-1", tmux: tmux)
    var filler = try fillDisk(disk)
    try tmux.send("Enter")
    let asked = try waitForTheQuestion(tmux, journal: journal)
    // The hold waits while it asks, and the keys at the bottom are the question's.
    XCTAssertTrue(
      asked.contains("y continue unlogged   n end the session"), "not the question's keys:\n\(tmux.framed(asked))")
    try tmux.send("y")
    try tmux.waitFor("the hold to go on unlogged") { screen in
      !screen.contains("Continue without logging") && screen.contains("PRESSURE HOLD")
        && screen.contains("space pause") && screen.contains("Not logging: sessions are not written to your journal.")
    }
    try tmux.send("q")
    let quit = try tmux.waitForText("Quit this session?")
    XCTAssertFalse(quit.contains("It stays in your journal"), tmux.framed(quit))
    try tmux.send("y")
    let summary = try tmux.waitForText(
      "Session ended early", "Not logged: this session was not written to your journal.")
    XCTAssertFalse(summary.contains("Kept in your journal"), tmux.framed(summary))
    try tmux.send("q")
    var shell = try tmux.waitFor("the shell to come back") { $0.contains(#/EXIT-1=\d/#) }
    XCTAssertTrue(shell.contains("EXIT-1=0"), tmux.framed(shell))
    try FileManager.default.removeItem(at: filler)

    // n: the session ends there, and the summary does not claim it was kept.
    try startAndRate(4, command: command, exitMarker: "EXIT-2", tmux: tmux)
    filler = try fillDisk(disk)
    try tmux.send("Enter")
    try waitForTheQuestion(tmux, journal: journal)
    try tmux.send("n")
    let ended = try tmux.waitForText("Session ended early", "Not logged: this session was not written to your journal.")
    XCTAssertFalse(ended.contains("Kept in your journal"), tmux.framed(ended))
    try tmux.send("q")
    shell = try tmux.waitFor("the shell to come back") { $0.contains(#/EXIT-2=\d/#) }
    XCTAssertTrue(shell.contains("EXIT-2=0"), tmux.framed(shell))
    try FileManager.default.removeItem(at: filler)

    // Everything saved before the disk filled is there, in an intact journal; the first
    // session, cut off, was closed as interrupted when the second started.
    XCTAssertEqual(
      try query(
        journal,
        "PRAGMA integrity_check; SELECT id, outcome, moment, value FROM sessions JOIN ratings_named "
          + "ON session_id = id ORDER BY id, ordinal;"),
      "ok\n1|interrupted|before|6\n2||before|4")
  }

  func testAFullDiskDuringAPlainSessionAsksOnceAndGoesOnUnloggedOnlyOnYes() throws {
    let disk = try mountTinyDisk()
    let journal = disk.appendingPathComponent("journal.sqlite").path
    try sandbox.addRoutine("e2e-brief.yaml", TestRoutines.brief)
    let safety = try sandbox.run(["safety", "--plain", "--journal", journal], input: .lines(Sandbox.safetyAnswers))
    XCTAssertEqual(safety.status, 0, safety.transcript)

    for (answer, rating) in [("n", 6), ("y", 4)] {
      let session = try PipedProcess(
        sandbox.binary, ["start", "e2e-brief", "--plain", "--journal", journal, "--routines", sandbox.routines.path],
        environment: sandbox.environment, directory: sandbox.root)
      try session.waitForOutput("the rating before") { $0.contains("Type a number from 0 to 10") }
      session.feed([String(rating)])
      try session.waitForOutput("the placement") { $0.contains("Press Enter when you are in position.") }
      let filler = try fillDisk(disk)
      session.feed([""])
      let asked = try session.waitForOutput("the question") { $0.contains("Continue without logging this session?") }
      XCTAssertTrue(
        asked.contains(
          "The journal could not be written: \(journal): the disk is full, so the last entry was not saved"),
        asked)
      // It waits for the answer before anything else.
      XCTAssertFalse(asked.contains("A check."), asked)
      session.feed(answer == "y" ? ["y", "5", "3"] : ["n"])
      let ending = session.finish()
      XCTAssertEqual(ending.status, 0, ending.transcript)
      XCTAssertEqual(
        ending.output.components(separatedBy: "Continue without logging").count - 1, 1,
        "asked more than once:\n\(ending.transcript)")
      XCTAssertTrue(
        ending.output.hasSuffix("Not logged: this session was not written to your journal.\n"), ending.transcript)
      XCTAssertFalse(ending.output.contains("kept as quit"), ending.transcript)
      if answer == "y" {
        for line in ["  Noted: 5 (moderate).", "Pressure hold —", "  Noted: 3 (mild).", "Session complete."] {
          XCTAssertTrue(ending.output.contains(line), "no \"\(line)\" after y:\n\(ending.transcript)")
        }
      } else {
        XCTAssertTrue(ending.output.contains("Session ended early."), ending.transcript)
        XCTAssertFalse(ending.output.contains("A check."), "the session went on after n:\n\(ending.transcript)")
      }
      try FileManager.default.removeItem(at: filler)
    }
    XCTAssertEqual(
      try query(
        journal,
        "PRAGMA integrity_check; SELECT id, outcome, moment, value FROM sessions JOIN ratings_named "
          + "ON session_id = id ORDER BY id, ordinal;"),
      "ok\n1|interrupted|before|6\n2||before|4")
  }

  // MARK: Helpers

  /// The command that runs a program without root's power to write anywhere (the
  /// tests run as root in the CI container): setpriv dropping those capabilities, or
  /// env for anyone else. Checked to be refused a write in `folder`.
  private func ownerWithoutPrivileges(cannotWriteIn folder: URL) throws -> [String] {
    var command = ["/usr/bin/env"]
    if geteuid() == 0 {
      let setpriv = try XCTUnwrap(findProgram("setpriv"), "this test needs setpriv (util-linux) when run as root")
      let capabilities = "-dac_override,-dac_read_search"
      command = [setpriv, "--inh-caps=\(capabilities)", "--bounding-set=\(capabilities)"]
    }
    let touch = try runProcess(
      URL(fileURLWithPath: command[0]), command.dropFirst() + ["touch", folder.appendingPathComponent("probe").path],
      environment: sandbox.environment, directory: sandbox.root)
    guard touch.status != 0 else {
      XCTFail("\(folder.path) is writable despite mode 0555: the test cannot show a read-only folder")
      throw EndToEndError("the read-only folder is writable")
    }
    return command
  }

  /// A folder on a 1 MB file system to fill: a tmpfs, mounted here for this test
  /// (the tests run as root in the CI container).
  private func mountTinyDisk() throws -> URL {
    let folder = sandbox.root.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let mount = try XCTUnwrap(findProgram("mount"), "this test needs mount(8)")
    let result = try runProcess(
      URL(fileURLWithPath: mount), ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", folder.path],
      environment: sandbox.environment, directory: sandbox.root)
    guard result.status == 0 else {
      XCTFail("a full disk is a small tmpfs, which this test must be able to mount (as root):\n\(result.transcript)")
      throw EndToEndError("cannot mount a tmpfs")
    }
    mounts.append(folder.path)
    return folder
  }

  /// Fills the disk holding `folder` to the last byte; removing the returned file frees it.
  private func fillDisk(_ folder: URL) throws -> URL {
    let filler = folder.appendingPathComponent("filler")
    let descriptor = open(filler.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    guard descriptor >= 0 else { throw EndToEndError("cannot create \(filler.path): errno \(errno)") }
    defer { close(descriptor) }
    let block = [UInt8](repeating: 0, count: 4096)
    var size = block.count
    while size > 0 {
      let written = block.withUnsafeBytes { write(descriptor, $0.baseAddress, size) }
      if written < 0 {
        guard errno == ENOSPC else { throw EndToEndError("cannot fill \(folder.path): errno \(errno)") }
        // Down to single bytes, so not even a page's tail is left.
        size /= 2
      }
    }
    return filler
  }

  /// Starts `command` in the shell, begins the session and gives the rating before;
  /// returns once the next screen shows, so the rating is saved.
  private func startAndRate(_ rating: Int, command: String, exitMarker: String, tmux: Tmux) throws {
    try tmux.typeLine("clear; \(command); echo \"\(exitMarker)=$?\"")
    try tmux.waitForText("Before you start: E2E long hold")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send(String(rating), "Enter")
    try tmux.waitForText("GET INTO POSITION")
  }

  /// The question after a failed write: the file, what went wrong, and y or n.
  @discardableResult
  private func waitForTheQuestion(
    _ tmux: Tmux, journal: String, file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    let screen = try tmux.waitForText(
      "The journal could not be written", "Continue without logging this session?",
      "y continue unlogged · n end the session", file: file, line: line)
    // The box wraps the message; its words, joined, must name the file and the cause.
    let words = screen.split(separator: "\n").map { $0.replacingOccurrences(of: "│", with: " ") }
      .flatMap { $0.split(separator: " ") }.joined(separator: " ")
    XCTAssertTrue(words.contains("\(journal): the disk is full"), tmux.framed(screen), file: file, line: line)
    return screen
  }

  /// Runs SQL against a journal outside the sandbox's usual place.
  private func query(_ journal: String, _ sql: String) throws -> String {
    try JournalReader.query(journal, sql)
  }
}
