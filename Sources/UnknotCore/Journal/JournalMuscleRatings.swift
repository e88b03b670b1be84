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
    // The rating before is found through the ratings' primary key (session, ordinal):
    // one short step back per muscle rating, not a scan.
    let sql = """
      WITH rated AS (
        SELECT r.muscle, r.side, r.value AS a,
          (SELECT p.value FROM ratings p
            WHERE p.session_id = r.session_id AND p.ordinal < r.ordinal AND p.value IS NOT NULL
            ORDER BY p.ordinal DESC LIMIT 1) AS b
        FROM sessions s JOIN ratings r ON r.session_id = s.id
        \(conditions.isEmpty ? "WHERE" : conditions + " AND") r.muscle IS NOT NULL AND r.value IS NOT NULL)
      SELECT m.name AS muscle, d.name AS side, count(*) AS n, avg(b) AS mb, avg(a) AS ma, avg(a - b) AS mc,
        avg(\(Self.isImportantReduction(before: "b", after: "a"))) AS share
      FROM rated JOIN terms m ON m.id = rated.muscle LEFT JOIN terms d ON d.id = rated.side
      WHERE b IS NOT NULL
      GROUP BY rated.muscle, rated.side
      """
    let rows = try perform("compute the statistics per muscle") {
      try dbQueue.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }
    let order = Dictionary(uniqueKeysWithValues: Muscle.allCases.enumerated().map { ($1, $0) })
    return rows.compactMap { row -> MuscleRatingStatistics? in
      guard let muscle = Muscle(rawValue: row["muscle"]) else { return nil }
      return MuscleRatingStatistics(
        muscle: muscle, side: (row["side"] as String?).flatMap(Side.init(rawValue:)), ratedBlocks: row["n"],
        meanBefore: row["mb"], meanAfter: row["ma"], meanChange: row["mc"], shareImportantReduction: row["share"])
    }.sorted {
      ($0.muscle == $1.muscle)
        ? ($0.side?.rawValue ?? "") < ($1.side?.rawValue ?? "")
        : order[$0.muscle, default: 0] < order[$1.muscle, default: 0]
    }
  }
}
