/// "What has helped you most": the person's routines ranked by how their own pain
/// ratings changed, shared by `unknot stats` and the home screen's marks. A ranking
/// from a handful of sessions would mostly rank day-to-day noise (a single rating of
/// neck pain varies a lot: Kovacs 2008, BMC Musculoskelet Disord 9:43), so only routines
/// with enough rated sessions are ranked, only those after which pain went down, and
/// only those with at least one important reduction (`PainChange.band`): a routine
/// whose every change stayed within the usual day-to-day variation has not shown that
/// it helped.
public enum HelpedMost {
  /// Rated sessions (both a before and an after rating) a routine needs to be ranked.
  public static let minimumRatedSessions = 5

  /// What the ranking is and is not, said wherever it shows.
  public static let note =
    "This is your own record, not medical evidence: it shows how your ratings changed in your sessions, "
    + "not what caused the change, and what helped you may not help someone else."

  /// Routines with at least `minimumRatedSessions` rated sessions whose mean change is
  /// a reduction and at least one of which was an important reduction, the largest
  /// mean reduction first (then the larger share of sessions with an important
  /// reduction, as `PainChange.band` counts it, then more sessions, then the id).
  public static func ranked(
    _ statistics: [JournalStatistics], minimumRatedSessions: Int = minimumRatedSessions
  ) -> [JournalStatistics] {
    statistics.filter { entry in
      guard case .routine = entry.subject, let change = entry.meanChange else { return false }
      return entry.ratedSessions >= max(1, minimumRatedSessions) && change < 0
        && (entry.shareImportantReduction ?? 0) > 0
    }.sorted { left, right in
      if left.meanChange != right.meanChange { return left.meanChange! < right.meanChange! }
      let leftShare = left.shareImportantReduction ?? 0
      let rightShare = right.shareImportantReduction ?? 0
      if leftShare != rightShare { return leftShare > rightShare }
      if left.ratedSessions != right.ratedSessions { return left.ratedSessions > right.ratedSessions }
      return left.routineID ?? "" < right.routineID ?? ""
    }
  }
}

extension JournalStatistics {
  /// The routine's id, for routine statistics.
  public var routineID: String? {
    if case .routine(let id, _) = subject { return id }
    return nil
  }

  /// The routine's title or the muscle's id: how a table names the row.
  public var subjectName: String {
    switch subject {
    case .routine(_, let title): title
    case .muscle(let muscle): muscle.rawValue
    }
  }
}
