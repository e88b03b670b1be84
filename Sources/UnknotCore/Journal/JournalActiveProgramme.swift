import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
  import Glibc
#endif

/// The active programme and its sessions for a status line or the home screen: a few
/// indexed read-only queries with SQLite's own calls and none of the checks on opening,
/// as `lastFinishedSession(path:)` does. A missing journal, or one from before
/// programmes (schema v6 or older), has no programme; nothing is created or changed.
extension SQLiteJournal {
  public static func activeProgramme(path: String) throws(JournalError) -> ProgrammeEnrolment? {
    try withReadOnlyConnection(path: path, doing: "read the active programme") {
      (read) throws(JournalError) -> ProgrammeEnrolment? in
      guard let row = try read(activeEnrolmentSQL, [])?.first else { return nil }
      guard let id = row[0].integer else { return nil }
      let pauses = try read(pausesSQL, [.integer(id)]) ?? []
      return ProgrammeEnrolment(
        id: id, programmeID: row[1].text ?? "", programmeTitle: row[2].text ?? "", contentHash: row[3].text ?? "",
        startedAt: JournalTime.date(milliseconds: row[4].integer ?? 0),
        pauses: pauses.map { pause in
          ProgrammePause(
            pausedAt: JournalTime.date(milliseconds: pause[0].integer ?? 0),
            resumedAt: pause[1].integer.map(JournalTime.date(milliseconds:)))
        })
    }
  }

  /// `programmeSessions(routineIDs:since:until:)`, read the same cheap way.
  public static func programmeSessions(
    path: String, routineIDs: [String], since: Date, until: Date = .distantFuture
  ) throws(JournalError) -> [ProgrammeSession] {
    guard !routineIDs.isEmpty else { return [] }
    return try withReadOnlyConnection(path: path, doing: "read the programme's sessions") {
      (read) throws(JournalError) -> [ProgrammeSession]? in
      let rows =
        try read(
          programmeSessionsSQL(count: routineIDs.count),
          [.integer(JournalTime.milliseconds(since)), .integer(JournalTime.milliseconds(until))]
            + routineIDs.map(RawValue.text)) ?? []
      return rows.map { row in
        ProgrammeSession(
          routineID: row[0].text ?? "", startedAt: JournalTime.date(milliseconds: row[1].integer ?? 0),
          outcome: row[2].text.flatMap(JournalOutcome.init(rawValue:)), before: row[3].integer.map(Int.init),
          highest: row[4].integer.map(Int.init), painRoseChoice: row[5].integer == 1)
      }
    } ?? []
  }

  /// A value of one column.
  enum RawValue {
    case integer(Int64)
    case text(String)
    case null

    var integer: Int64? {
      if case .integer(let value) = self { return value }
      return nil
    }

    var text: String? {
      if case .text(let value) = self { return value }
      return nil
    }
  }

  /// Runs `work` with a function that reads all rows of one query (nil when the
  /// journal has no programme tables yet); nil when there is no journal at all.
  private static func withReadOnlyConnection<T>(
    path: String, doing action: String,
    _ work: ((String, [RawValue]) throws(JournalError) -> [[RawValue]]?) throws(JournalError) -> T?
  ) throws(JournalError) -> T? {
    var info = stat()
    if stat(path, &info) != 0, errno == ENOENT { return nil }
    var connection: OpaquePointer?
    defer { sqlite3_close_v2(connection) }
    func failure() -> JournalError {
      let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      return JournalError(DatabaseError(message: message), path: path, doing: action)
    }
    guard
      sqlite3_open_v2(JournalFile.readOnlyLocation(of: path), &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        == SQLITE_OK, sqlite3_busy_timeout(connection, Int32(busyTimeout * 1000)) == SQLITE_OK
    else { throw failure() }
    func read(_ sql: String, _ arguments: [RawValue]) throws(JournalError) -> [[RawValue]]? {
      var statement: OpaquePointer?
      defer { sqlite3_finalize(statement) }
      guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
        if String(cString: sqlite3_errmsg(connection)).hasPrefix("no such table: programme_") { return nil }
        throw failure()
      }
      let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
      for (index, argument) in arguments.enumerated() {
        let place = Int32(index + 1)
        switch argument {
        case .integer(let value): sqlite3_bind_int64(statement, place, value)
        case .text(let value): sqlite3_bind_text(statement, place, value, -1, transient)
        case .null: sqlite3_bind_null(statement, place)
        }
      }
      var rows: [[RawValue]] = []
      while true {
        switch sqlite3_step(statement) {
        case SQLITE_ROW:
          rows.append(
            (0..<sqlite3_column_count(statement)).map { column in
              switch sqlite3_column_type(statement, column) {
              case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
              case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
              default: return .null
              }
            })
        case SQLITE_DONE:
          return rows
        default:
          throw failure()
        }
      }
    }
    return try work(read)
  }
}
