import Foundation
import GRDB

/// Reads a journal the way an outside tool would, through SQLite itself (GRDB) and
/// not through unknot, so no test depends on a sqlite3 program being installed.
enum JournalReader {
  /// The rows of `sql`, as the sqlite3 program prints them: columns joined by "|",
  /// one row a line, NULL as nothing. The file is opened read-only.
  static func query(_ path: String, _ sql: String) throws -> String {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    // Every statement's rows in turn, as sqlite3 runs a script.
    let rows = try queue.read { database in
      var rows: [Row] = []
      let statements = try database.allStatements(sql: sql)
      while let statement = try statements.next() {
        rows += try Row.fetchAll(statement)
      }
      return rows
    }
    return rows.map { row in row.databaseValues.map(text).joined(separator: "|") }.joined(separator: "\n")
  }

  /// Runs SQL that changes the journal, as a test setting up a past would (dating a
  /// session back): not something unknot itself ever does to a journal.
  static func execute(_ path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    try queue.write { database in try database.execute(sql: sql) }
  }

  private static func text(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: ""
    case .int64(let number): String(number)
    case .double(let number): String(number)
    case .string(let string): string
    case .blob(let data): String(decoding: data, as: UTF8.self)
    }
  }
}
