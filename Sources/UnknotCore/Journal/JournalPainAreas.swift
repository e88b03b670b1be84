import Foundation
import GRDB

/// Where it hurts today and the notices put away: the v5 tables.
extension SQLiteJournal {
  public func record(_ marks: [PainMark]) throws(JournalError) {
    guard !isReadOnly else { throw .readOnly(path) }
    try perform("save where it hurts") {
      try dbQueue.write { db in
        for mark in marks { try Self.insert(mark, in: db) }
      }
    }
  }

  public func record(_ dismissal: NoticeDismissal) throws(JournalError) {
    guard !isReadOnly else { throw .readOnly(path) }
    try perform("save that the notice was put away") {
      try dbQueue.write { db in try Self.insert(dismissal, in: db) }
    }
  }

  public func painMarks(since: Date?) throws(JournalError) -> [PainMark] {
    try perform("read where it hurt") {
      try dbQueue.read { db in
        try Row.fetchAll(
          db,
          sql: "SELECT marked_at, muscle_group, rating FROM pain_marks WHERE marked_at >= ? ORDER BY marked_at, id",
          arguments: [since.map(JournalTime.milliseconds) ?? Int64.min]
        ).compactMap { row in
          // A group a later unknot added is kept in the file but not shown here.
          MuscleGroup(rawValue: row["muscle_group"]).map {
            PainMark(markedAt: JournalTime.date(milliseconds: row["marked_at"]), group: $0, rating: row["rating"])
          }
        }
      }
    }
  }

  public func noticeDismissals() throws(JournalError) -> [NoticeDismissal] {
    try perform("read the notices put away") {
      try dbQueue.read { db in
        try Row.fetchAll(
          db, sql: "SELECT kind, muscle_group, dismissed_at FROM dismissed_notices ORDER BY dismissed_at, id"
        ).compactMap { row in
          guard let kind = NoticeDismissal.Kind(rawValue: row["kind"]),
            let group = MuscleGroup(rawValue: row["muscle_group"])
          else { return nil }
          return NoticeDismissal(
            kind: kind, group: group, dismissedAt: JournalTime.date(milliseconds: row["dismissed_at"]))
        }
      }
    }
  }

  public func trendSessions(since: Date) throws(JournalError) -> [PainTrendWatch.Session] {
    try perform("read the sessions of the last weeks") {
      try dbQueue.read { db in
        try Row.fetchAll(
          db, sql: "SELECT started_at, muscles, before_rating FROM sessions WHERE started_at >= ? ORDER BY started_at",
          arguments: [JournalTime.milliseconds(since)]
        ).map { row in
          let muscles: String = row["muscles"]
          return PainTrendWatch.Session(
            startedAt: JournalTime.date(milliseconds: row["started_at"]),
            muscles: muscles.split(separator: ",").compactMap { Muscle(rawValue: String($0)) },
            before: row["before_rating"])
        }
      }
    }
  }

  static func insert(_ mark: PainMark, in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO pain_marks (marked_at, muscle_group, rating) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      arguments: [JournalTime.milliseconds(mark.markedAt), mark.group.id, mark.rating])
  }

  static func insert(_ dismissal: NoticeDismissal, in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO dismissed_notices (kind, muscle_group, dismissed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      arguments: [dismissal.kind.rawValue, dismissal.group.id, JournalTime.milliseconds(dismissal.dismissedAt)])
  }
}
