import GRDB

/// The checks made as the journal opens, before anything is written: SQLite's own check
/// for damage, and the schema's version, so a damaged or newer file is refused as it is
/// and an older one is brought up to date.
extension SQLiteJournal {
  func checkIntegrity() throws(JournalError) {
    // quick_check reads every page but skips the slow index cross-checks: a few
    // milliseconds on years of sessions, and it finds damage before anything is written.
    let problems: [String] = try perform("check the journal") {
      try dbQueue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
    }
    guard problems == ["ok"] else {
      throw JournalError.corrupt(path, detail: "SQLite's check says: " + problems.joined(separator: "; "))
    }
  }

  /// Refuses a journal written by a newer unknot; returns whether every known
  /// migration is already applied.
  func checkSchemaIsKnown() throws(JournalError) -> Bool {
    let migrator = JournalSchema.migrator
    let applied: Set<String> = try perform("read the journal's version") {
      try dbQueue.read { db in
        guard try db.tableExists("grdb_migrations") else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
      }
    }
    let unknown = applied.subtracting(migrator.migrations).sorted()
    guard unknown.isEmpty else { throw JournalError.newerSchema(path, unknown: unknown) }
    if isReadOnly, applied.count < migrator.migrations.count {
      throw JournalError(
        .needsUpgrade, path: path,
        message:
          "this journal was written by an older unknot and needs an upgrade, which opening it read-only cannot "
          + "do. Start a session (or open it for writing) once, then try again.")
    }
    return applied == Set(migrator.migrations)
  }

  func migrate() throws(JournalError) {
    let migrator = JournalSchema.migrator
    try perform("upgrade the journal") {
      do {
        try migrator.migrate(dbQueue)
      } catch {
        // Two unknots opening an old journal at once both try to upgrade it; the
        // loser's migration fails on tables the winner just made. Then it is done.
        let done = (try? dbQueue.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
        if !done {
          try migrator.migrate(dbQueue)
        }
      }
    }
  }
}
