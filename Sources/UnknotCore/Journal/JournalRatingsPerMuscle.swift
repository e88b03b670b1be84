import Foundation
import GRDB

/// A rating given right after a muscle's own work; `value` is nil when skipped.
public struct JournalMuscleRating: Sendable, Equatable {
  public var muscle: Muscle
  public var side: Side?
  public var value: Int?

  public init(muscle: Muscle, side: Side?, value: Int?) {
    self.muscle = muscle
    self.side = side
    self.value = value
  }
}

extension SQLiteJournal {
  /// The ratings that name a muscle, per session of the filter, in the order given.
  /// Only sessions that have some are keys.
  public func muscleRatings(_ filter: JournalFilter = JournalFilter()) throws(JournalError)
    -> [JournalSessionID: [JournalMuscleRating]]
  {
    let (conditions, arguments) = Self.whereClause(filter, table: "s")
    let sql = """
      SELECT r.session_id, m.name, d.name, r.value
      FROM sessions s JOIN ratings r ON r.session_id = s.id
      JOIN terms m ON m.id = r.muscle LEFT JOIN terms d ON d.id = r.side
      \(conditions.isEmpty ? "WHERE" : conditions + " AND") r.muscle IS NOT NULL
      ORDER BY r.session_id, r.ordinal
      """
    return try perform("read the ratings per muscle") {
      try dbQueue.read { db in
        var result: [JournalSessionID: [JournalMuscleRating]] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
          guard let muscle = Muscle(rawValue: row[1]) else { continue }
          let rating = JournalMuscleRating(
            muscle: muscle, side: (row[2] as String?).flatMap(Side.init(rawValue:)), value: row[3])
          result[JournalSessionID(row[0]), default: []].append(rating)
        }
        return result
      }
    }
  }
}
