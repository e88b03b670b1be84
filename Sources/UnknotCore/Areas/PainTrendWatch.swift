import Foundation

/// A watch over weeks: for each muscle group a person works on, whether the pain they
/// rate before sessions has failed to ease. The safety screen's advice is that pain no
/// better after 2–4 weeks deserves a clinician's look (NHS, "Back pain"; Physiopedia,
/// "Thoracic red flags"); this says so, calmly, from the person's own ratings.
///
/// The rule, over the sessions of the last `windowDays` days that have a rating before:
/// at least `minimumSessions` sessions spread over at least `minimumDays` days, and then
/// either the mean of the latest 7 days is not lower than the mean of the earliest 7
/// days, or the mean of one week is 2 points or more above the week before.
public enum PainTrendWatch {
  /// Below a mean of 1 before the sessions (no pain), no notice: flat at nothing is
  /// not pain that has failed to ease.
  public static let lowestWorthSaying = 1.0

  public static let windowDays = 28
  public static let minimumDays = 14
  public static let minimumSessions = 6
  /// A rise this big from one week to the next is worth a word on its own.
  public static let weeklyRise = 2.0
  /// A notice put away stays away this long, and shows again if still true.
  public static let quietDays = 7

  /// One session as the watch reads it: when, what it worked, the pain before.
  public struct Session: Sendable, Equatable {
    public var startedAt: Date
    public var muscles: [Muscle]
    public var before: Int?

    public init(startedAt: Date, muscles: [Muscle], before: Int?) {
      self.startedAt = startedAt
      self.muscles = muscles
      self.before = before
    }
  }

  /// What the watch found for one group.
  public struct Notice: Sendable, Equatable {
    public var group: MuscleGroup
    /// The means of the earliest and the latest 7 days, rounded for the text.
    public var earliestMean: Double
    public var latestMean: Double
    /// Whole days between the first and the last session counted (never rounded up).
    public var days: Int
    public var sessions: Int

    /// Whole weeks in `days`, never rounded up.
    public var weeks: Int { days / 7 }

    /// The span as the text says it: in days under three weeks ("14 days", "20 days"),
    /// where a rounded "2 weeks" or "3 weeks" would stretch or shrink it, and in whole
    /// weeks from three on ("3 weeks" for 21 to 27 days; the window ends before 28).
    public var span: String {
      days < 21 ? "\(days) days" : "\(weeks) weeks"
    }

    public var text: String {
      "Your pain in the \(group.name.lowercased()) has not eased over the last \(span) "
        + "(before-session ratings about \(Int(earliestMean.rounded())) → \(Int(latestMean.rounded()))). "
        + "Pain that is no better after 2–4 weeks deserves a clinician's look. This is not a diagnosis."
    }
  }

  /// The groups whose pain has not eased, in the groups' order. `now` is the end of
  /// the window; sessions after it are not counted.
  public static func notices(_ sessions: [Session], now: Date) -> [Notice] {
    let start = now.addingTimeInterval(-Double(windowDays) * 86_400)
    let rated = sessions.filter { $0.before != nil && $0.startedAt > start && $0.startedAt <= now }
      .sorted { $0.startedAt < $1.startedAt }
    return MuscleGroup.allCases.compactMap { group in
      notice(for: group, rated.filter { $0.muscles.contains { $0.groups.contains(group) } })
    }
  }

  /// The notices still to show: those not put away in the last `quietDays` days.
  public static func unanswered(_ notices: [Notice], dismissals: [NoticeDismissal], now: Date) -> [Notice] {
    let quietSince = now.addingTimeInterval(-Double(quietDays) * 86_400)
    return notices.filter { notice in
      !dismissals.contains {
        $0.kind == .painNotEasing && $0.group == notice.group && $0.dismissedAt > quietSince && $0.dismissedAt <= now
      }
    }
  }

  private static func notice(for group: MuscleGroup, _ sessions: [Session]) -> Notice? {
    guard sessions.count >= minimumSessions, let first = sessions.first?.startedAt,
      let last = sessions.last?.startedAt
    else { return nil }
    let span = last.timeIntervalSince(first)
    guard span >= Double(minimumDays) * 86_400 else { return nil }
    let week = 7.0 * 86_400
    func mean(_ chosen: [Session]) -> Double? {
      let values = chosen.compactMap(\.before)
      return values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }
    guard let earliest = mean(sessions.filter { $0.startedAt.timeIntervalSince(first) < week }),
      let latest = mean(sessions.filter { last.timeIntervalSince($0.startedAt) < week })
    else { return nil }
    // Weeks counted from the first session; a week without sessions is passed over.
    let weekly = Dictionary(grouping: sessions) { Int($0.startedAt.timeIntervalSince(first) / week) }
      .sorted { $0.key < $1.key }.compactMap { mean($0.value) }
    let rose = zip(weekly, weekly.dropFirst()).contains { $1 - $0 >= weeklyRise }
    // Ratings that stay at none or almost none are not pain that has not eased.
    guard latest >= Self.lowestWorthSaying, latest >= earliest || rose else { return nil }
    return Notice(
      group: group, earliestMean: earliest, latestMean: latest, days: Int(span / 86_400),
      sessions: sessions.count)
  }
}
