import Foundation
import XCTest

@testable import UnknotCore

/// The built-in library, the person's routine folder and each --routines folder, in
/// that order, with later places overriding earlier ones and bad files kept apart.
final class SearchPathTests: XCTestCase {
  private let builtIns = [
    builtIn("shared.yaml", simpleRoutine(id: "shared", title: "Built-in version")),
    builtIn("only-built-in.yaml", simpleRoutine(id: "only-built-in")),
  ]

  func testAUserRoutineWithABuiltInIdOverridesIt() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "shared", title: "My own version"), to: user + "/shared.yaml")

    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: builtIns)
    XCTAssertEqual(library.diagnostics, [])
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["only-built-in", "shared"])
    let shared = library.routines.first { $0.routine?.id == "shared" }
    XCTAssertEqual(shared?.routine?.title, "My own version")
    XCTAssertEqual(shared?.origin, .file(path: user + "/shared.yaml"))
    XCTAssertEqual(shared?.overrides, .builtIn(fileName: "shared.yaml"))

    let report = RoutineListReport(library: library)
    let row = report.rows.first { $0.id == "shared" }
    XCTAssertEqual(row?.origin, user + "/shared.yaml")
    XCTAssertEqual(row?.overrides, "built-in")
    XCTAssertNil(report.rows.first { $0.id == "only-built-in" }?.overrides)
    XCTAssertTrue(report.table().contains("from \(user)/shared.yaml (overrides the built-in routine)"), report.table())
  }

  func testARoutinesFolderOverridesTheUserFolder() throws {
    let user = try temporaryFolder()
    let extra = try temporaryFolder()
    try write(simpleRoutine(id: "mine", title: "From the user folder"), to: user + "/mine.yaml")
    try write(simpleRoutine(id: "mine", title: "From the routines folder"), to: extra + "/mine.yaml")

    let library = RoutineLibrary.load(
      RoutineSearchPath(userFolder: user, extraFolders: [extra]), builtInFiles: builtIns)
    XCTAssertEqual(library.diagnostics, [])
    let mine = library.routines.first { $0.routine?.id == "mine" }
    XCTAssertEqual(mine?.routine?.title, "From the routines folder")
    XCTAssertEqual(mine?.overrides, .file(path: user + "/mine.yaml"))
    XCTAssertEqual(library.routines.count, 3)
  }

  func testTheLastRoutinesFolderWins() throws {
    let first = try temporaryFolder()
    let second = try temporaryFolder()
    try write(simpleRoutine(id: "shared", title: "First"), to: first + "/shared.yaml")
    try write(simpleRoutine(id: "shared", title: "Second"), to: second + "/shared.yaml")
    let library = RoutineLibrary.load(
      RoutineSearchPath(userFolder: nil, extraFolders: [first, second]), builtInFiles: builtIns)
    XCTAssertEqual(library.routines.first { $0.routine?.id == "shared" }?.routine?.title, "Second")
  }

  func testOneBrokenFileDoesNotHideTheOthers() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "good"), to: user + "/good.yaml")
    try write(simpleRoutine(id: "bad").replacingOccurrences(of: "format: 1", with: "format: 2"), to: user + "/bad.yaml")

    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: builtIns)
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["good", "only-built-in", "shared"])
    XCTAssertEqual(library.broken.map(\.origin), [.file(path: user + "/bad.yaml")])

    let report = RoutineListReport(library: library)
    XCTAssertEqual(report.rows.map(\.id), ["good", "only-built-in", "shared"])
    XCTAssertEqual(report.broken.count, 1)
    XCTAssertEqual(report.broken.first?.origin, user + "/bad.yaml")
    XCTAssertEqual(
      report.broken.first?.firstError,
      "\(user)/bad.yaml:1:9: error: this routine is written in format 2; this version of unknot reads format 1. "
        + "Update unknot, or ask the author for a format 1 file")
    XCTAssertTrue(report.table().contains("1 broken file"), report.table())
  }

  func testTwoFilesWithOneIdInAFolderAreADuplicateNamingTheOther() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "twice"), to: user + "/a.yaml")
    try write(simpleRoutine(id: "twice"), to: user + "/b.yaml")

    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.routines.map(\.origin), [.file(path: user + "/a.yaml")])
    let errors = library.diagnostics.filter { $0.severity == .error }
    XCTAssertEqual(errors.count, 1, library.diagnostics.map(\.description).joined(separator: "\n"))
    XCTAssertEqual(
      errors.first?.description,
      "\(user)/b.yaml:2:5: error: duplicate routine id 'twice': also defined at \(user)/a.yaml:2:5. "
        + "Give this routine another id")
  }

  func testFilesInSubfoldersAreFound() throws {
    let user = try temporaryFolder()
    try FileManager.default.createDirectory(atPath: user + "/neck", withIntermediateDirectories: true)
    try write(simpleRoutine(id: "nested"), to: user + "/neck/nested.yml")
    try write("not a routine", to: user + "/notes.txt")
    try write(simpleRoutine(id: "hidden"), to: user + "/.hidden.yaml")
    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.entries.map(\.origin), [.file(path: user + "/neck/nested.yml")])
    XCTAssertEqual(library.diagnostics, [])
  }

  // MARK: - Links and special files

  func testASymbolicLinkLoopIsReportedNotFollowed() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "real"), to: user + "/real.yaml")
    try FileManager.default.createSymbolicLink(atPath: user + "/x.yaml", withDestinationPath: "y.yaml")
    try FileManager.default.createSymbolicLink(atPath: user + "/y.yaml", withDestinationPath: "x.yaml")
    try FileManager.default.createSymbolicLink(atPath: user + "/again", withDestinationPath: ".")

    let library = finishes(within: 10) {
      RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    }
    guard let library else { return XCTFail("reading a folder with link loops did not finish") }
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["real"])
    let problems = Dictionary(library.folderProblems.map { ($0.file, $0.message) }, uniquingKeysWith: { a, _ in a })
    XCTAssertEqual(problems[user + "/x.yaml"], "symbolic link loop; not followed. Remove or fix the link")
    XCTAssertEqual(problems[user + "/y.yaml"], "symbolic link loop; not followed. Remove or fix the link")
    XCTAssertEqual(
      problems[user + "/again"], "symbolic link loop: it leads back to a folder above it; not followed")
    XCTAssertEqual(library.folderProblems.count, 3)
    XCTAssertTrue(library.folderProblems.allSatisfy { $0.severity == .error && $0.line == 1 && $0.column == 1 })
  }

  func testAFileNameThatIsNotUTF8IsReportedNotSkippedUnseen() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "real"), to: user + "/real.yaml")
    // "caf\xE9.yaml": Latin-1, as an old archive tool might leave it.
    let rawPath = Array((user + "/caf").utf8) + [0xE9] + Array(".yaml".utf8) + [0]
    let descriptor = rawPath.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o600) }
    }
    XCTAssertGreaterThanOrEqual(descriptor, 0)
    close(descriptor)

    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["real"])
    XCTAssertEqual(library.folderProblems.count, 1)
    let problem = try XCTUnwrap(library.folderProblems.first)
    XCTAssertEqual(problem.file, user + "/caf\\xe9.yaml")
    XCTAssertEqual(problem.message, "the file name is not valid UTF-8; not read. Rename it (letters, digits, -)")
  }

  func testALinkToAFileOutsideTheFolderIsRefused() throws {
    let user = try temporaryFolder()
    let elsewhere = try temporaryFolder()
    try write(simpleRoutine(id: "outside"), to: elsewhere + "/outside.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: user + "/outside.yaml", withDestinationPath: elsewhere + "/outside.yaml")

    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.entries.count, 0, "the file outside must not be read")
    XCTAssertEqual(library.folderProblems.count, 1)
    let problem = library.folderProblems.first
    XCTAssertEqual(problem?.file, user + "/outside.yaml")
    XCTAssertTrue(
      problem?.message.hasPrefix("symbolic link points outside the routine folder (to ") ?? false,
      problem?.message ?? "")
    XCTAssertTrue(problem?.message.contains("outside.yaml); not followed") ?? false, problem?.message ?? "")
  }

  func testALinkToAFileInsideTheFolderIsFollowed() throws {
    let user = try temporaryFolder()
    try FileManager.default.createDirectory(atPath: user + "/store", withIntermediateDirectories: true)
    try write(simpleRoutine(id: "linked"), to: user + "/store/kept.txt")
    try FileManager.default.createSymbolicLink(atPath: user + "/linked.yaml", withDestinationPath: "store/kept.txt")
    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.diagnostics, [])
    XCTAssertEqual(library.routines.map(\.origin), [.file(path: user + "/linked.yaml")])
  }

  func testAFolderReachedThroughALinkInsideIsReadOnceWithoutCallingTheRealFolderALoop() throws {
    let user = try temporaryFolder()
    try FileManager.default.createDirectory(atPath: user + "/sub", withIntermediateDirectories: true)
    try write(simpleRoutine(id: "inside"), to: user + "/sub/inside.yaml")
    try FileManager.default.createSymbolicLink(atPath: user + "/link", withDestinationPath: "sub")

    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["inside"])
    XCTAssertEqual(library.entries.count, 1, "the routine must be read once")
    let blamesRealFolder = library.folderProblems.contains {
      $0.file == user + "/sub" && $0.message.hasPrefix("symbolic link loop")
    }
    XCTAssertFalse(
      blamesRealFolder,
      "\(user)/sub is a real folder, not a link: "
        + library.folderProblems.map(\.description).joined(separator: "\n"))
  }

  func testAFIFONamedLikeARoutineIsNeverOpened() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "good"), to: user + "/good.yaml")
    XCTAssertEqual(mkfifo(user + "/x.yaml", 0o644), 0)

    let library = finishes(within: 10) {
      RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    }
    guard let library else { return XCTFail("a FIFO named x.yaml made loading hang") }
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["good"])
    XCTAssertEqual(library.folderProblems.map(\.file), [user + "/x.yaml"])
    XCTAssertEqual(library.folderProblems.first?.message, "not a regular file; not read")
  }

  func testCheckingAFIFOGivenByNameDoesNotHang() throws {
    let folder = try temporaryFolder()
    XCTAssertEqual(mkfifo(folder + "/pipe.yaml", 0o644), 0)
    let report = finishes(within: 10) { CheckReport.paths([folder + "/pipe.yaml"]) }
    guard let report else { return XCTFail("checking a FIFO hung") }
    XCTAssertEqual(report.errorCount, 1)
    XCTAssertEqual(report.diagnostics.first?.message, "not a regular file; not read")
  }

  func testAnOversizedFileOnDiskIsNotRead() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "big") + "#" + String(repeating: "x", count: 300 * 1024) + "\n", to: user + "/big.yaml")
    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    XCTAssertEqual(library.broken.count, 1)
    XCTAssertTrue(
      library.broken.first?.loaded.firstError?.message.contains("routine files may be at most 256 KiB") ?? false,
      library.diagnostics.map(\.description).joined(separator: "\n"))
  }

  // MARK: - Missing folders

  func testAMissingUserFolderIsFine() {
    let library = RoutineLibrary.load(
      RoutineSearchPath(userFolder: "/nonexistent/unknot-\(UUID().uuidString)"), builtInFiles: builtIns)
    XCTAssertEqual(library.diagnostics, [])
    XCTAssertEqual(library.routines.count, 2)
  }

  func testAMissingRoutinesFolderIsAnError() {
    let missing = "/nonexistent/unknot-\(UUID().uuidString)"
    let library = RoutineLibrary.load(
      RoutineSearchPath(userFolder: nil, extraFolders: [missing]), builtInFiles: builtIns)
    XCTAssertEqual(library.folderProblems.count, 1)
    XCTAssertEqual(
      library.folderProblems.first?.description,
      "\(missing):1:1: error: cannot open this routine folder; check that it exists and is readable")
    XCTAssertEqual(library.routines.count, 2, "the built-in routines still load")
    XCTAssertEqual(CheckReport(library: library).exitCode(strict: false), 1)
  }

  func testTheBuiltInLibraryCanBeLeftOut() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "mine"), to: user + "/mine.yaml")
    let library = RoutineLibrary.load(
      RoutineSearchPath(includesBuiltIn: false, userFolder: user), builtInFiles: builtIns)
    XCTAssertEqual(library.routines.compactMap(\.routine?.id), ["mine"])
  }

  // MARK: - The user folder

  func testTheUserFolderFollowsXDGConfigHome() {
    XCTAssertEqual(
      RoutineSearchPath.defaultUserFolder(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ann"]),
      "/cfg/unknot/routines")
  }

  func testWithoutXDGConfigHomeTheUserFolderIsUnderHome() {
    XCTAssertEqual(
      RoutineSearchPath.defaultUserFolder(environment: ["HOME": "/home/ann"]), "/home/ann/.config/unknot/routines")
  }

  func testARelativeOrEmptyXDGConfigHomeIsIgnored() {
    // The XDG base directory spec: relative paths are invalid and must be ignored.
    XCTAssertEqual(
      RoutineSearchPath.defaultUserFolder(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/ann"]),
      "/home/ann/.config/unknot/routines")
    XCTAssertEqual(
      RoutineSearchPath.defaultUserFolder(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ann"]),
      "/home/ann/.config/unknot/routines")
  }

  func testWithNeitherThereIsNoUserFolder() {
    XCTAssertNil(RoutineSearchPath.defaultUserFolder(environment: [:]))
    XCTAssertNil(RoutineSearchPath.defaultUserFolder(environment: ["HOME": ""]))
  }

  func testTheStandardSearchPathHasBuiltInsTheUserFolderAndTheRoutinesFolders() {
    let path = RoutineSearchPath.standard(environment: ["HOME": "/home/ann"], extraFolders: ["/a", "/b"])
    XCTAssertEqual(
      path,
      RoutineSearchPath(
        includesBuiltIn: true, userFolder: "/home/ann/.config/unknot/routines", extraFolders: ["/a", "/b"]))
  }

  // MARK: - Looking a routine up

  func testLookingUpAnIdForgivesCaseAndSuggestsNearIds() {
    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: nil), builtInFiles: builtIns)
    XCTAssertEqual(try? library.routine(id: "Shared").get().routine?.id, "shared")
    guard case .failure(let failure) = library.routine(id: "shraed") else { return XCTFail("found a typo") }
    XCTAssertEqual(failure.message, "no routine with the id 'shraed'; did you mean 'shared'?")
  }

  func testLookingUpABrokenRoutineSaysWhyItDidNotLoad() throws {
    let user = try temporaryFolder()
    try write(simpleRoutine(id: "bad").replacingOccurrences(of: "format: 1", with: "format: 2"), to: user + "/bad.yaml")
    let library = RoutineLibrary.load(RoutineSearchPath(userFolder: user), builtInFiles: [])
    guard case .failure(let failure) = library.routine(id: "bad") else { return XCTFail("a broken routine was found") }
    XCTAssertTrue(
      failure.message.hasPrefix("routine 'bad' did not load: \(user)/bad.yaml:1:9: error:"), failure.message)
  }
}
