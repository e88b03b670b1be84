import Foundation
import GRDB

extension SQLiteJournal {
  /// When the latest finished session of any routine ended, or nil if none has:
  /// a finished routine counts as a break.
  public func lastFinishedSession() throws(JournalError) -> Date? {
    try perform("read the last finished session") {
      try dbQueue.read { db in
        try Int64.fetchOne(db, sql: "SELECT max(ended_at) FROM sessions WHERE outcome = 'finished'")
          .map(JournalTime.date(milliseconds:))
      }
    }
  }
}
