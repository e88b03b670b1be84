import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 6, hostile inputs: routine files from strangers, run through the built binary
/// as `unknot check --routines DIR` and `unknot list --routines DIR`. Each is refused
/// with a diagnostic naming the file, the line and column, and what to do; nothing but
/// diagnostics reaches the terminal, never a raw control byte; and every run has a
/// hard memory cap and a watchdog, so a hang or a blow-up fails instead of stalling.
/// Big and deep files are made here, at test time, in the sandbox.
final class HostileRoutineFileTests: EndToEndTestCase {
  /// The child's address space (`ulimit -v`). The debug binary needs about 100 MB
  /// just to map its libraries; refusing any of these files needs little more.
  private static let memoryCapKiB = 512 * 1024
  /// A hang detector, not a speed target: a run still going after this is stuck.
  private static let hangLimit: TimeInterval = 20

  private static let routineHeader = [
    "format: 1", "id: hostile", "title: Hostile", "summary: A routine from a stranger.", "targets: [rhomboids]",
    "tools: [massage-ball]", "sources: [test]",
  ]
  private static let holdStep = ["steps:", "  - kind: hold", "    muscle: rhomboids", "    tool: massage-ball"]

  /// A clean routine with `line` replacing the line that starts like it (`title:`, …).
  private static func routine(replacing line: String) -> [UInt8] {
    let key = line.prefix { $0 != ":" }
    let lines = (routineHeader + holdStep).map { $0.hasPrefix(key + ":") ? line : $0 }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  // MARK: - Escape sequences

  func testEscapeSequencesInAFileAreRefusedAndNeverEchoed() throws {
    let folder = try makeFolder(
      "escapes",
      [
        // Raw: a colour change, a window-title change ending in BEL, and an 8-bit CSI.
        "raw.yaml": Self.routine(replacing: "title: Red\u{1B}[31m alert\u{1B}]0;pwned\u{7}")
          .replacingFirst(Array("summary: A routine".utf8), with: Array("summary: Clear\u{9B}2J".utf8)),
        // Written as YAML escapes inside quoted text, so the raw bytes are harmless.
        "quoted.yaml": Self.routine(replacing: #"title: "Red \e[31m alert""#)
          .replacingFirst(
            Array("summary: A routine from a stranger.".utf8), with: Array(#"summary: "\x1b]0;pwned\x07""#.utf8)),
      ])
    let escape = "an escape character (a terminal escape sequence could start here)"
    let delete = "; routine files may not contain control characters. Delete it."
    try assertRefused(
      folder,
      [
        Expected("raw.yaml", 3, 11, escape + delete),
        Expected("raw.yaml", 3, 22, escape + delete),
        Expected("raw.yaml", 3, 31, "the control character U+0007" + delete),
        Expected(
          "raw.yaml", 4, 15, "the C1 control character U+009B (terminals may read it as an escape)" + delete),
        Expected("quoted.yaml", 3, 8, "'title' contains \(escape), written as an escape in quoted text; delete it"),
        Expected(
          "quoted.yaml", 4, 10, "'summary' contains \(escape), written as an escape in quoted text; delete it"),
      ],
      neverShown: ["pwned", "[31m", "[2J"])
  }

  /// A file's name is the stranger's too, and every diagnostic prints it.
  func testAFileNamedWithEscapeSequencesIsShownWithTheEscapesWrittenOut() throws {
    let hostileName = "\u{1B}]0;pwned\u{7}\u{1B}[2J\n"
    let folder = try makeFolder(
      "named",
      [
        hostileName + "broken.yaml": Self.routine(replacing: "title: Te\u{0}st"),
        hostileName + "fine.yaml": Self.routine(replacing: "id: named-fine"),
      ])
    let shownName = #"\u{1B}]0;pwned\u{7}\u{1B}[2J\u{A}"#
    let check = try assertRefused(
      folder,
      [Expected(shownName + "broken.yaml", 3, 10, "a NUL byte; routine files may not contain control characters")])
    XCTAssertTrue(
      check.errors.contains(
        "\(folder)/\(shownName)fine.yaml:2:5: warning: the id 'named-fine' differs from the file name "
          + "'\(shownName)fine'; name the file named-fine.yaml"),
      check.transcript)

    // The routine in the oddly named file loads, and `list` says where from.
    let list = try runCapped(["list", "--routines", folder])
    XCTAssertTrue(list.output.contains("    from \(folder)/\(shownName)fine.yaml\n"), list.transcript)
    assertNoTerminalControls(list)
  }

  // MARK: - Aliases

  func testAnAliasBombIsRefused() throws {
    // Nine levels of nine aliases: 9^9 (387 million) values if anything expanded them.
    var bomb = [
      "format: 1", "id: bomb", "lol0: &a0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]",
    ]
    for level in 1...8 {
      bomb.append(
        "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    let folder = try makeFolder(
      "aliases",
      [
        "bomb.yaml": Array((bomb.joined(separator: "\n") + "\n").utf8),
        "key.yaml": Array("format: 1\nbase: &k title\n*k : Test\n".utf8),
      ])
    try assertRefused(
      folder,
      [
        Expected(
          "bomb.yaml", 1, 1,
          "YAML aliases here expand to more than 10000 values; write the steps out instead of repeating them with "
            + "aliases"),
        Expected("key.yaml", 3, 1, "an alias used as a mapping key; routine files take plain text keys only"),
      ])
  }

  // MARK: - Size

  func testTenMegabyteAndSparseTenGigabyteFilesAreRefusedWithoutBeingRead() throws {
    let folder = try makeFolder("size", [:])
    let tenMegabytes = 10 * 1024 * 1024
    let head = Array("format: 1\nid: big\n#".utf8)
    let big = head + [UInt8](repeating: UInt8(ascii: "x"), count: tenMegabytes - head.count - 1) + [0x0A]
    XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/big.yaml", contents: Data(big)))
    // Ten gibibytes of nothing: a reader that tried would be stopped by the cap or the watchdog.
    let descriptor = open(folder + "/sparse.yaml", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    XCTAssertGreaterThanOrEqual(descriptor, 0)
    XCTAssertEqual(ftruncate(descriptor, 10 << 30), 0, String(cString: strerror(errno)))
    close(descriptor)

    let split = "; routine files may be at most 256 KiB. Split it into several routines"
    try assertRefused(
      folder,
      [
        Expected("big.yaml", 1, 1, "the file is 10240 KiB" + split),
        Expected("sparse.yaml", 1, 1, "the file is 10485760 KiB" + split),
      ])
  }

  // MARK: - Deep nesting

  func testDeepNestingIsRefused() throws {
    let limit = 256 * 1024
    let blockHead = Array("format: 1\nid: deep-block\nsteps:\n".utf8)
    // As deep a block sequence ("- - - … x") as the size limit allows: about 131,000 levels.
    let deepest = (limit - blockHead.count - 2) / 2
    let folder = try makeFolder(
      "nesting",
      [
        "flow-lists.yaml": Array("format: 1\nid: flow-lists\nsteps: ".utf8)
          + Array(repeating: UInt8(ascii: "["), count: 100_000)
          + [0x0A],
        "flow-maps.yaml": Array("format: 1\nid: flow-maps\nsteps: ".utf8)
          + Array(String(repeating: "{a: ", count: 60_000).utf8) + [0x0A],
        "block.yaml": blockHead + Array(String(repeating: "- ", count: deepest).utf8) + Array("x\n".utf8),
        // 200,000 levels do not fit in 256 KiB: refused for the size before any parser sees them.
        "block-200k.yaml": blockHead + Array(String(repeating: "- ", count: 200_000).utf8) + Array("x\n".utf8),
      ])
    XCTAssertLessThanOrEqual(try fileSize(folder + "/block.yaml"), limit)
    let tooDeep =
      "lists and mappings nest more than 1000 levels deep here; a routine needs only a few levels. "
      + "Close every '[' and '{', and flatten the nesting"
    try assertRefused(
      folder,
      [
        // libyaml reads flow collections ahead, so where it stops in the line varies.
        Expected("flow-lists.yaml", 3, 0, tooDeep),
        Expected("flow-maps.yaml", 3, 0, tooDeep),
        Expected("block.yaml", 4, 1999, tooDeep),  // the 1000th "- "
        Expected(
          "block-200k.yaml", 1, 1,
          "the file is 390 KiB; routine files may be at most 256 KiB. Split it into several routines"),
      ])
  }

  /// Nesting the YAML allows, but whose sets multiply: nine blocks of ten sets around
  /// one rating are a billion steps from a few hundred bytes.
  func testNestedBlocksWhoseSetsMultiplyAreRefused() throws {
    func nested(_ levels: Int, around step: String) -> String {
      "  - " + String(repeating: "{kind: block, sets: 10, steps: [", count: levels) + step
        + String(repeating: "]}", count: levels)
    }
    let header = Self.routineHeader.joined(separator: "\n") + "\n" + Self.holdStep.joined(separator: "\n") + "\n"
    let folder = try makeFolder(
      "sets",
      [
        "ratings.yaml": Array((header + nested(9, around: "{kind: rate}") + "\n").utf8),
        "holds.yaml": Array(
          (header + nested(30, around: "{kind: hold, muscle: rhomboids, tool: massage-ball, duration: 1s}") + "\n")
            .utf8),
      ])
    let tooMany =
      "the steps expand to more than 10000 steps with their sets and sides; use fewer sets or fewer nested blocks"
    try assertRefused(
      folder,
      [
        Expected("ratings.yaml", 8, 1, tooMany),
        Expected("holds.yaml", 8, 1, tooMany),
        Expected("holds.yaml", 12, 5, "with its sets; no step may last over 1 hour"),
      ])
  }

  // MARK: - Encoding

  func testInvalidUTF8IsRefused() throws {
    let latin1 = Array("format: 1\nid: latin1\ntitle: Caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
    let utf16: [UInt8] = [0xFF, 0xFE] + "format: 1\n".utf8.flatMap { byte -> [UInt8] in [byte, 0] }
    let folder = try makeFolder(
      "encoding",
      [
        "latin1.yaml": latin1,
        "utf16.yaml": utf16,
        "overlong.yaml": Array("format: 1\nid: x\ntitle: a".utf8) + [0xC0, 0xAF, 0x0A],
        "cut-off.yaml": Array("format: 1\nid: x\ntitle: ab".utf8) + [0xE2, 0x82],
      ])
    let save = "; save the file as UTF-8 text"
    try assertRefused(
      folder,
      [
        Expected("latin1.yaml", 3, 11, "invalid UTF-8 (byte 0xE9)" + save),
        Expected("utf16.yaml", 1, 1, "invalid UTF-8 (byte 0xFF)" + save),
        Expected("overlong.yaml", 3, 9, "invalid UTF-8 (byte 0xC0)" + save),
        Expected("cut-off.yaml", 3, 10, "invalid UTF-8 (byte 0xE2)" + save),
      ])
  }

  func testNULBytesAreRefused() throws {
    let folder = try makeFolder(
      "nul",
      [
        "one.yaml": Self.routine(replacing: "title: Te\u{0}st"),
        // A file of nothing but NULs: ten listed, the rest counted in one line.
        "zeros.yaml": [UInt8](repeating: 0, count: 4096),
      ])
    let check = try assertRefused(
      folder,
      [
        Expected("one.yaml", 3, 10, "a NUL byte; routine files may not contain control characters. Delete it."),
        Expected("zeros.yaml", 1, 1, "a NUL byte; routine files may not contain control characters. Delete it."),
        Expected("zeros.yaml", 1, 10, "a NUL byte"),
        Expected("zeros.yaml", 1, 1, "4086 more control characters not listed"),
      ])
    let zeros = check.errors.split(separator: "\n").filter { $0.hasPrefix(folder + "/zeros.yaml:") }
    XCTAssertEqual(zeros.count, 11, "ten NULs listed and one line for the rest:\n\(check.transcript)")
  }

  // MARK: - Links

  func testSymbolicLinkLoopsAreReportedNotFollowed() throws {
    let folder = try makeFolder("loops", ["real.yaml": Self.routine(replacing: "id: real")])
    try link(folder + "/a.yaml", to: "b.yaml")
    try link(folder + "/b.yaml", to: "a.yaml")
    try link(folder + "/self.yaml", to: "self.yaml")
    try link(folder + "/again", to: ".")
    try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    try link(folder + "/sub/up", to: "..")
    let fileLoop = "symbolic link loop; not followed. Remove or fix the link"
    let folderLoop = "symbolic link loop: it leads back to a folder above it; not followed"
    try assertRefused(
      folder,
      [
        Expected("a.yaml", 1, 1, fileLoop),
        Expected("b.yaml", 1, 1, fileLoop),
        Expected("self.yaml", 1, 1, fileLoop),
        Expected("again", 1, 1, folderLoop),
        Expected("sub/up", 1, 1, folderLoop),
      ],
      loads: ["real"])
  }

  func testLinksPointingOutsideTheFolderAreNotFollowed() throws {
    let outside = sandbox.path("outside")
    let planted = Self.routine(replacing: "id: planted")
    try FileManager.default.createDirectory(atPath: outside + "/more", withIntermediateDirectories: true)
    XCTAssertTrue(FileManager.default.createFile(atPath: outside + "/planted.yaml", contents: Data(planted)))
    XCTAssertTrue(FileManager.default.createFile(atPath: outside + "/more/planted.yaml", contents: Data(planted)))
    let folder = try makeFolder("links", ["real.yaml": Self.routine(replacing: "id: real")])
    try link(folder + "/passwd.yaml", to: "/etc/passwd")
    try link(folder + "/zero.yaml", to: "/dev/zero")
    try link(folder + "/planted.yaml", to: "../outside/planted.yaml")
    try link(folder + "/more", to: outside + "/more")
    let resolvedOutside = URL(fileURLWithPath: outside).resolvingSymlinksInPath().path
    let notFollowed = "); not followed. Copy the file into the folder instead"
    let outsideFolder = "symbolic link points outside the routine folder (to "
    try assertRefused(
      folder,
      [
        Expected("passwd.yaml", 1, 1, outsideFolder + "/etc/passwd" + notFollowed),
        Expected("zero.yaml", 1, 1, outsideFolder + "/dev/zero" + notFollowed),
        Expected("planted.yaml", 1, 1, outsideFolder + resolvedOutside + "/planted.yaml" + notFollowed),
        Expected("more", 1, 1, outsideFolder + resolvedOutside + "/more" + notFollowed),
      ],
      loads: ["real"], refusedIDs: ["planted"], neverShown: ["root:"])
  }

  // MARK: - Never a shell

  /// SpeechTests covers `$(touch pwned)` in a title; here every kind of shell
  /// metacharacter at once, the exact argument vector, and a title that looks like
  /// an option to the speech program.
  func testSpokenRoutineTextIsOneArgumentAndNeverAShellCommand() throws {
    let shellTitle = #"$(touch PWNED) `touch PWNED`; rm -rf canary "q" 'q' >PWNED"#
    let optionTitle = "--output=PWNED -w PWNED.wav"
    let yamlTitle = "'" + shellTitle.replacingOccurrences(of: "'", with: "''") + "'"
    let text =
      (Self.routineHeader.map { $0 == "id: hostile" ? "id: hostile-speech" : $0 } + ["steps:"]
      + [
        "  - kind: hold", "    title: \(yamlTitle)", "    muscle: rhomboids", "    tool: massage-ball",
        "    duration: 3s",
        "  - kind: hold", "    title: '\(optionTitle)'", "    muscle: rhomboids", "    tool: massage-ball",
        "    duration: 3s",
      ]).joined(separator: "\n") + "\n"
    try text.write(
      to: sandbox.routines.appendingPathComponent("hostile-speech.yaml"), atomically: true, encoding: .utf8)
    let canary = sandbox.path("canary")
    try FileManager.default.createDirectory(atPath: canary, withIntermediateDirectories: true)
    XCTAssertTrue(FileManager.default.createFile(atPath: canary + "/keep", contents: Data()))

    let log = sandbox.path("speech.log")
    try sandbox.writeScript(
      "espeak-ng",
      """
      #!/bin/sh
      { printf 'argc=%s\\n' "$#"; for a in "$@"; do printf 'arg=%s\\n' "$a"; done; } >> \(shellQuoted(log))

      """)
    try sandbox.recordSafetyCheck()
    let tmux = try startShell(environment: ["PATH": sandbox.path("bin") + ":/usr/local/bin:/usr/bin:/bin"])
    try tmux.typeLine(
      sandbox.commandLine(["start", "hostile-speech", "--speak"] + sandbox.sessionOptions) + #"; echo "EXIT=$?""#)
    try tmux.waitForText("Before you start: Hostile")
    try tmux.send("Enter")
    try tmux.waitForText("How much pain do you have right now?")
    try tmux.send("6", "Enter")
    try tmux.finishSession()

    // One call per phrase, each with exactly one argument: the phrase.
    let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    var calls: [[String]] = []
    for line in lines {
      if line.hasPrefix("argc=") {
        calls.append([])
      } else if line.hasPrefix("arg="), !calls.isEmpty {
        calls[calls.count - 1].append(String(line.dropFirst(4)))
      }
    }
    let counts = lines.filter { $0.hasPrefix("argc=") }.map { Int($0.dropFirst(5)) ?? -1 }
    XCTAssertFalse(calls.isEmpty, "nothing was spoken")
    XCTAssertEqual(counts, Array(repeating: 1, count: counts.count), "a phrase was split into arguments: \(calls)")
    let phrases = calls.flatMap { $0 }
    XCTAssertTrue(
      phrases.contains { $0.contains(shellTitle) }, "the title was not passed on verbatim: \(phrases)")
    XCTAssertTrue(
      phrases.contains { $0.contains("output=PWNED -w PWNED.wav") }, "the second title was not spoken: \(phrases)")
    XCTAssertFalse(
      phrases.contains { $0.hasPrefix("-") }, "a phrase could be read as an option of the speech program: \(phrases)")
    let pwned = (FileManager.default.subpaths(atPath: sandbox.root.path) ?? []).filter { $0.contains("PWNED") }
    XCTAssertEqual(pwned, [], "routine text was run by a shell")
    XCTAssertTrue(FileManager.default.fileExists(atPath: canary + "/keep"), "routine text was run by a shell")
  }

  // MARK: - The journal's modes

  /// JournalWritingTests checks the modes through the library; this checks what the
  /// binary leaves after the safety check (which creates the journal) and a whole
  /// session, both under a umask that would make everything world-writable.
  func testASessionsJournalIsOnlyTheOwnersWhateverTheUmask() throws {
    let data = sandbox.path("fresh-data")
    let environment = sandbox.environment.merging(["XDG_DATA_HOME": data]) { $1 }
    let safety = try runProcess(
      URL(fileURLWithPath: "/bin/sh"), ["-c", #"umask 000; exec "$0" "$@""#, sandbox.binary.path, "safety", "--plain"],
      environment: environment, directory: sandbox.root, input: .lines(Sandbox.safetyAnswers))
    XCTAssertEqual(safety.status, 0, safety.transcript)

    let tmux = try startShell(environment: ["XDG_DATA_HOME": data])
    let start = sandbox.commandLine(["start", "e2e-quick", "--routines", sandbox.routines.path])
    try tmux.typeLine("umask 000; " + start + #"; echo "EXIT=$?""#)
    try tmux.runToTheHold(of: "E2E quick check")
    try tmux.finishSession()

    let folder = data + "/unknot"
    XCTAssertEqual(mode(data), 0o700, "a data folder unknot made")
    XCTAssertEqual(mode(folder), 0o700)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    XCTAssertTrue(files.contains("journal.sqlite"), "no journal in \(folder): \(files)")
    for file in files {
      XCTAssertEqual(mode(folder + "/" + file), 0o600, file)
    }
  }

  // MARK: - Running and checking

  /// One diagnostic a file must get: where, and a part of the message.
  private struct Expected {
    var file: String
    var line: Int
    /// 0: any column.
    var column: Int
    var text: String

    init(_ file: String, _ line: Int, _ column: Int, _ text: String) {
      self.file = file
      self.line = line
      self.column = column
      self.text = text
    }
  }

  /// `check --routines DIR` fails with exactly the diagnostics of DIR's files on
  /// standard error and the count line on standard output; `list --routines DIR`
  /// still lists `loads` (and never `refusedIDs`) and shows each refused file as
  /// broken with its first error.
  /// Neither writes a control byte, nor any of `neverShown`.
  @discardableResult
  private func assertRefused(
    _ folder: String, _ expected: [Expected], loads: [String] = [], refusedIDs: [String] = [],
    neverShown: [String] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> ProcessResult {
    let check = try runCapped(["check", "--routines", folder], file: file, line: line)
    XCTAssertEqual(check.status, 1, "check must fail, not crash:\n\(check.transcript)", file: file, line: line)
    let diagnostics = check.errors.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    for item in expected {
      let place = "\(folder)/\(item.file):\(item.line):" + (item.column > 0 ? "\(item.column): " : "")
      let found = diagnostics.contains {
        $0.hasPrefix(place) && $0.contains(": error: ") && $0.contains(item.text)
      }
      XCTAssertTrue(
        found, "no error at \(place) saying \"\(item.text)\":\n\(check.transcript)", file: file, line: line)
    }
    // Nothing but diagnostics about this folder's files, and the count line.
    for text in diagnostics
    where !(text.hasPrefix(folder + "/") && text.contains(#/^[^\n]*:\d+:\d+: (error|warning): /#)) {
      XCTFail("not a diagnostic of \(folder): \(text)", file: file, line: line)
    }
    XCTAssertTrue(
      check.output.wholeMatch(of: #/checked \d+ files?: \d+ errors?, \d+ warnings?\n/#) != nil,
      "standard output is more than the count line:\n\(check.transcript)", file: file, line: line)
    assertNoTerminalControls(check, neverShown: neverShown, file: file, line: line)

    let list = try runCapped(["list", "--routines", folder], file: file, line: line)
    XCTAssertEqual(list.status, 0, list.transcript, file: file, line: line)
    XCTAssertEqual(list.errors, "", "list wrote to standard error:\n\(list.transcript)", file: file, line: line)
    for name in Set(expected.map(\.file)) {
      XCTAssertTrue(
        list.output.contains("broken: \(folder)/\(name)\n    \(folder)/\(name):"),
        "list does not show \(name) as broken with its first error:\n\(list.transcript)", file: file, line: line)
    }
    let rows = list.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
    for id in loads {
      XCTAssertTrue(rows.contains(id), "\(id) is not listed:\n\(list.transcript)", file: file, line: line)
    }
    for id in refusedIDs {
      XCTAssertFalse(rows.contains(id), "\(id) was read:\n\(list.transcript)", file: file, line: line)
    }
    assertNoTerminalControls(list, neverShown: neverShown, file: file, line: line)
    return check
  }

  /// Fails on any byte a terminal would act on (C0 controls but the line feed, DEL,
  /// C1 controls as UTF-8) and on any of `neverShown`.
  private func assertNoTerminalControls(
    _ result: ProcessResult, neverShown: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) {
    for (name, data) in [("stdout", result.stdout), ("stderr", result.stderr)] {
      let bytes = [UInt8](data)
      var found: [String] = []
      for (index, byte) in bytes.enumerated() {
        if (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
          found.append(String(format: "0x%02X at %d", byte, index))
        } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
          found.append(String(format: "U+%04X at %d", Int(bytes[index + 1]), index))
        }
      }
      XCTAssertEqual(found, [], "control bytes on \(name):\n\(data.debugText)", file: file, line: line)
      let text = String(decoding: data, as: UTF8.self)
      for hidden in neverShown where text.contains(hidden) {
        XCTFail("\(name) shows \"\(hidden)\" from a hostile file:\n\(text)", file: file, line: line)
      }
    }
  }

  /// Runs unknot through /bin/sh with `ulimit -v`, stopped after `hangLimit`.
  private func runCapped(
    _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
  ) throws -> ProcessResult {
    let script = "ulimit -v \(Self.memoryCapKiB) || exit 125; exec \"$0\" \"$@\""
    let result = try runProcess(
      URL(fileURLWithPath: "/bin/sh"), ["-c", script, sandbox.binary.path] + arguments,
      environment: sandbox.environment, directory: sandbox.root, timeout: Self.hangLimit)
    XCTAssertNotEqual(result.status, 125, "cannot set the memory cap", file: file, line: line)
    if result.timedOut {
      XCTFail(
        "unknot \(arguments.joined(separator: " ")) hung: still running after \(Int(Self.hangLimit)) s, killed",
        file: file, line: line)
      throw EndToEndError("hang")
    }
    return result
  }

  /// A folder in the sandbox holding these files.
  private func makeFolder(_ name: String, _ files: [String: [UInt8]]) throws -> String {
    let folder = sandbox.path("hostile-" + name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (file, bytes) in files {
      guard FileManager.default.createFile(atPath: folder + "/" + file, contents: Data(bytes)) else {
        throw EndToEndError("cannot write \(folder)/\(file)")
      }
    }
    return folder
  }

  private func link(_ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
  }

  private func fileSize(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
  }

  private func mode(_ path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o777
  }
}

extension [UInt8] {
  /// The bytes with the first run of `old` replaced by `new`.
  fileprivate func replacingFirst(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
    guard let range = firstRange(of: old) else { return self }
    var copy = self
    copy.replaceSubrange(range, with: new)
    return copy
  }
}
