import GRDB

/// Which routines the journal has sessions of: `history --routine` and `stats` accept
/// the id of a routine that has since been deleted or renamed, as long as its
/// sessions are still there.
extension SQLiteJournal {
  /// Every routine id with sessions, with the title of its latest session.
  public func routineTitles() throws(JournalError) -> [String: String] {
    try perform("read the journal's routines") {
      try dbQueue.read { db in
        // SQLite takes the bare column from the row holding max(): the latest title.
        let rows = try Row.fetchAll(
          db, sql: "SELECT routine_id, routine_title, max(started_at) FROM sessions GROUP BY routine_id")
        var titles: [String: String] = [:]
        for row in rows {
          titles[row[0]] = row[1]
        }
        return titles
      }
    }
  }
}
