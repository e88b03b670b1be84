import Foundation
import GRDB
import Synchronization
import XCTest

@testable import UnknotCore

#if canImport(Glibc)
  import Glibc
#endif

// Shared pieces for the journal tests: a temporary folder per test, sessions driven by
// the real engine, raw access to the file, and a way to be an unprivileged user even
// when the tests run as root.

/// A test case with its own temporary folder, removed afterwards, and every journal it
/// wrote checked with `PRAGMA integrity_check`.
class JournalTestCase: XCTestCase {
  private(set) var folder = ""
  /// Journals to check for integrity at the end of the test.
  var written: [String] = []

  override func setUpWithError() throws {
    try super.setUpWithError()
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-journal-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    for path in written where FileManager.default.fileExists(atPath: path) {
      XCTAssertEqual(try integrityCheck(path), ["ok"], "integrity of \(path)")
    }
    // Give back any permission a test took away, so the folder can be removed.
    if let paths = FileManager.default.enumerator(atPath: folder) {
      chmod(folder, 0o700)
      for case let relative as String in paths {
        chmod(folder + "/" + relative, 0o700)
      }
    }
    try? FileManager.default.removeItem(atPath: folder)
    try super.tearDownWithError()
  }

  /// A journal path in the test's folder, checked for integrity at the end.
  func journalPath(_ name: String = "journal.sqlite") -> String {
    let path = folder + "/" + name
    written.append(path)
    return path
  }

  /// A journal as an older unknot left it: the schema up to `version`, then `sql`
  /// (rows that version could have written), closed before the test opens it.
  func olderJournal(upTo version: String, rows sql: String = "") throws -> String {
    let path = journalPath()
    let queue = try DatabaseQueue(path: path)
    try JournalSchema.migrator.migrate(queue, upTo: version)
    if !sql.isEmpty {
      try queue.write { db in try db.execute(sql: sql) }
    }
    try queue.close()
    return path
  }

  func open(_ path: String, readOnly: Bool = false) throws -> SQLiteJournal {
    do {
      return try SQLiteJournal(path: path, readOnly: readOnly)
    } catch {
      XCTFail("could not open \(path): \(error)")
      throw error
    }
  }

  /// The error opening `path` throws, or a failure when it opens.
  func openingError(
    _ path: String, readOnly: Bool = false, file: StaticString = #filePath, line: UInt = #line
  ) -> JournalError? {
    do {
      _ = try SQLiteJournal(path: path, readOnly: readOnly)
      XCTFail("\(path) opened", file: file, line: line)
      return nil
    } catch {
      return error
    }
  }
}

/// `PRAGMA integrity_check` on a journal file, through a connection of its own.
func integrityCheck(_ path: String) throws -> [String] {
  var configuration = Configuration()
  configuration.readonly = true
  let queue = try DatabaseQueue(path: path, configuration: configuration)
  return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
}

/// Rows of a query on the file, each column as text (nil for NULL).
func rows(_ path: String, _ sql: String) throws -> [[String?]] {
  let queue = try DatabaseQueue(path: path)
  return try queue.read { db in
    try Row.fetchAll(db, sql: sql).map { row in
      row.databaseValues.map { value -> String? in
        switch value.storage {
        case .null: nil
        case .int64(let integer): String(integer)
        case .double(let double): String(double)
        case .string(let text): text
        case .blob(let data): data.base64EncodedString()
        }
      }
    }
  }
}

/// One number from a query on the file.
func number(_ path: String, _ sql: String) throws -> Int64 {
  let queue = try DatabaseQueue(path: path)
  return try queue.read { db in try Int64.fetchOne(db, sql: sql) ?? -1 }
}

enum JournalFixtures {
  /// 2025-03-01 07:30:00 UTC.
  static let morning = Date(timeIntervalSince1970: 1_740_814_200)

  static func start(
    routine: Routine = EngineFixtures.singleHold(), title: String? = nil, at date: Date = morning,
    moment: Moment = .zero
  ) -> JournalSessionStart {
    JournalSessionStart(
      routineID: routine.id, routineTitle: title ?? routine.title, contentHash: "0123456789abcdef",
      muscles: routine.targets, startedAt: date, startMoment: moment)
  }

  /// A whole single-hold session through the real engine: rated `before`, the hold
  /// paused once for 10 s, rated `after`. Its events, in order.
  static func singleHoldSession(before: Int = 6, after: Int = 3) -> [SessionEvent] {
    var driver = EngineDriver(EngineFixtures.singleHold())
    driver.send(.begin, at: EngineTime.s(0))
    driver.send(.rate(before), at: EngineTime.ms(1_500))
    driver.observe(every: engineSecond, until: EngineTime.s(20))
    driver.send(.pause, at: EngineTime.s(20))
    driver.send(.resume, at: EngineTime.s(30))
    driver.observe(every: engineSecond, until: EngineTime.s(75))
    driver.send(.rate(after), at: EngineTime.s(78))
    return driver.events
  }

  /// The events of a session that `begin`s, rates before and is then abandoned mid-hold.
  static func abandonedSession(before: Int = 6) -> [SessionEvent] {
    var driver = EngineDriver(EngineFixtures.singleHold())
    driver.send(.begin, at: EngineTime.s(0))
    driver.send(.rate(before), at: EngineTime.s(2))
    driver.observe(every: engineSecond, until: EngineTime.s(30))
    return driver.events
  }
}

/// Runs `body` on a thread of its own whose file-system identity is user and group
/// 65534 (nobody) when the tests run as root. Linux keeps that identity per thread and
/// drops the capabilities that bypass permissions with it, so "permission denied" is
/// real for root too, and the rest of the process keeps running as root.
func asUnprivilegedUser<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
  let result = Mutex<T?>(nil)
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    if getuid() == 0 {
      typealias SetIdentity = @convention(c) (UInt32) -> Int32
      let handle = dlopen(nil, RTLD_NOW)
      // Glibc declares these in <sys/fsuid.h>, which Swift's Glibc module leaves out.
      if let setGroup = dlsym(handle, "setfsgid"), let setUser = dlsym(handle, "setfsuid") {
        _ = unsafeBitCast(setGroup, to: SetIdentity.self)(65534)
        _ = unsafeBitCast(setUser, to: SetIdentity.self)(65534)
      }
    }
    let value = body()
    result.withLock { $0 = value }
    done.signal()
  }
  thread.start()
  done.wait()
  return result.withLock { $0! }
}
