import GRDB

/// The ids of the words stored in the `terms` table (step kinds, muscles, sides,
/// endings, rating moments), added the first time a word is written. Ids are never
/// changed or reused, so a word's id, once known, can be kept; a new muscle in a later
/// unknot simply becomes a new term, without a migration.
struct JournalTerms {
  private var ids: [String: Int64] = [:]

  /// The id of `name`, adding it to `terms` when it is new.
  mutating func id(_ name: String, in db: Database) throws -> Int64 {
    if let id = ids[name] { return id }
    try db.cachedStatement(sql: "INSERT OR IGNORE INTO terms (name) VALUES (?)").execute(arguments: [name])
    guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM terms WHERE name = ?"), arguments: [name])
    else {
      throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the term '\(name)' vanished from the journal")
    }
    ids[name] = id
    return id
  }

  /// The id of `name` when there is one: nil stays NULL.
  mutating func optionalID(_ name: String?, in db: Database) throws -> Int64? {
    guard let name else { return nil }
    return try id(name, in: db)
  }
}
