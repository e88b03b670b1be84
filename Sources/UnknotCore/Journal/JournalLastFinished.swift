import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension SQLiteJournal {
  /// When the latest finished session of any routine ended, or nil if none has:
  /// a finished routine counts as a break.
  public func lastFinishedSession() throws(JournalError) -> Date? {
    try perform("read the last finished session") {
      try dbQueue.read { db in try Self.lastFinished(db) }
    }
  }

  /// The same, for a status bar that runs every few seconds: one read-only query, with
  /// none of the checks on opening (they read every page of the file: 40 ms on 20
  /// years of sessions). A missing journal is nil; nothing is ever created or changed.
  public static func lastFinishedSession(path: String) throws(JournalError) -> Date? {
    var info = stat()
    if stat(path, &info) != 0, errno == ENOENT { return nil }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    do {
      let queue = try DatabaseQueue(path: JournalFile.readOnlyLocation(of: path), configuration: configuration)
      return try queue.read { db in try lastFinished(db) }
    } catch {
      throw JournalError(error, path: path, doing: "read the last finished session")
    }
  }

  private static func lastFinished(_ db: Database) throws -> Date? {
    try Int64.fetchOne(db, sql: "SELECT max(ended_at) FROM sessions WHERE outcome = 'finished'")
      .map(JournalTime.date(milliseconds:))
  }
}
