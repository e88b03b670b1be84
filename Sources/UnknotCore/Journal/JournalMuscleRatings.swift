import Foundation
import GRDB

/// How pain in one muscle, on one side, changed across that muscle's own work: from the
/// ratings a routine asks right after a block of work on it.
public struct MuscleRatingStatistics: Sendable, Equatable {
  public var muscle: Muscle
  /// nil for a rating in the middle of the body or after both sides.
  public var side: Side?
  /// Rated blocks: a rating after the muscle's work, with a rating before it to compare.
  public var ratedBlocks: Int
  /// The last rating given before the muscle's work: the session's first, or an earlier check.
  public var meanBefore: Double
  public var meanAfter: Double
  /// Mean of after minus before: negative is less pain.
  public var meanChange: Double
  /// Share (0…1) of rated blocks with an important reduction (`PainChange.Band.isImportantReduction`).
  public var shareImportantReduction: Double

  public init(
    muscle: Muscle, side: Side?, ratedBlocks: Int, meanBefore: Double, meanAfter: Double, meanChange: Double,
    shareImportantReduction: Double
  ) {
    self.muscle = muscle
    self.side = side
    self.ratedBlocks = ratedBlocks
    self.meanBefore = meanBefore
    self.meanAfter = meanAfter
    self.meanChange = meanChange
    self.shareImportantReduction = shareImportantReduction
  }

  /// The mean change as a percentage of the mean rating before; nil when that was 0.
  public var meanPercentChange: Double? {
    meanBefore > 0 ? meanChange * 100 / meanBefore : nil
  }
}

extension SQLiteJournal {
  /// Per muscle and side, the ratings given after the muscle's own work, each against
  /// the last rating given before it in the same session (the rating before the
  /// session or an earlier check; a skipped one does not count). Routines rate at the
  /// end of a block, so that earlier rating came before the block's first step.
  /// Ordered like `Muscle.allCases`, left before right.
  public func muscleRatingStatistics(_ filter: JournalFilter = JournalFilter()) throws(JournalError)
    -> [MuscleRatingStatistics]
  {
    let (conditions, arguments) = Self.whereClause(filter, table: "s")
    // One pass over the given ratings in key order (session, then order given),
    // remembering the last value: in SQL, a window or a subquery per rating took
    // several times as long on twenty years of sessions.
    let chosen = conditions.isEmpty ? "" : "AND r.session_id IN (SELECT s.id FROM sessions s \(conditions))"
    // The key's order, said: the pass depends on it, and with a filter the plan may differ.
    let sql =
      "SELECT r.session_id, r.value, r.muscle, r.side FROM ratings r WHERE r.value IS NOT NULL \(chosen) "
      + "ORDER BY r.session_id, r.ordinal"
    struct Key: Hashable {
      var muscle: Int64
      var side: Int64?
    }
    struct Sums {
      var count = 0
      var before = 0
      var after = 0
      var important = 0

      mutating func add(_ change: PainChange) {
        count += 1
        before += change.before
        after += change.after
        if change.band.isImportantReduction { important += 1 }
      }
    }
    let (sums, names) = try perform("compute the statistics per muscle") {
      try dbQueue.read { db in
        var sums: [Key: Sums] = [:]
        var session: Int64 = -1
        var last: Int?
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
          let id: Int64 = row[0]
          let value: Int = row[1]
          if id != session {
            session = id
            last = nil
          }
          if let muscle: Int64 = row[2], let before = last {
            let change = PainChange(before: before, after: value)
            sums[Key(muscle: muscle, side: row[3]), default: Sums()].add(change)
          }
          last = value
        }
        let names = try Dictionary(
          Row.fetchAll(db, sql: "SELECT id, name FROM terms").map { ($0[0] as Int64, $0[1] as String) },
          uniquingKeysWith: { first, _ in first })
        return (sums, names)
      }
    }
    let order = Dictionary(uniqueKeysWithValues: Muscle.allCases.enumerated().map { ($1, $0) })
    return sums.compactMap { key, sums -> MuscleRatingStatistics? in
      guard let muscle = names[key.muscle].flatMap(Muscle.init(rawValue:)), sums.count > 0 else { return nil }
      let count = Double(sums.count)
      return MuscleRatingStatistics(
        muscle: muscle, side: key.side.flatMap { names[$0] }.flatMap(Side.init(rawValue:)), ratedBlocks: sums.count,
        meanBefore: Double(sums.before) / count, meanAfter: Double(sums.after) / count,
        meanChange: Double(sums.after - sums.before) / count, shareImportantReduction: Double(sums.important) / count)
    }.sorted {
      ($0.muscle == $1.muscle)
        ? ($0.side?.rawValue ?? "") < ($1.side?.rawValue ?? "")
        : order[$0.muscle, default: 0] < order[$1.muscle, default: 0]
    }
  }
}
