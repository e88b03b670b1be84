import Foundation

/// What `unknot stats` prints: per routine and per muscle, how many sessions, the mean
/// ratings before and after and their change, the share of sessions with an important
/// reduction, and the trend; then what has helped most, with what that ranking is not;
/// then how the sessions ended.
public struct StatsReport: Sendable {
  public var routines: [JournalStatistics]
  public var muscles: [JournalStatistics]
  /// Per muscle and side, from the ratings right after the muscle's own work.
  public var muscleRatings: [MuscleRatingStatistics]
  /// What the person stopped for, most frequent first.
  public var safetyStops: [SafetyStopCount]
  /// Finished, quit, stopped for safety, interrupted, running.
  public var outcomes: SessionOutcomeCounts

  public init(
    routines: [JournalStatistics], muscles: [JournalStatistics], safetyStops: [SafetyStopCount] = [],
    outcomes: SessionOutcomeCounts = SessionOutcomeCounts(), muscleRatings: [MuscleRatingStatistics] = []
  ) {
    self.routines = routines
    self.muscles = muscles
    self.muscleRatings = muscleRatings
    self.safetyStops = safetyStops
    self.outcomes = outcomes
  }

  /// The statistics of the sessions the filter chooses. With a muscle, the muscle
  /// part shows that muscle alone (its sessions also work other muscles).
  public init(journal: SQLiteJournal, filter: JournalFilter) throws(JournalError) {
    // The desk check asks no pain rating: it has its own section ("what changed"), not
    // a row of empty averages and a place among the routines waiting to be ranked.
    routines = try journal.routineStatistics(filter).filter {
      if case .routine(let id, _) = $0.subject, id == DeskCheckChange.routineID, $0.ratedSessions == 0 { return false }
      return true
    }
    muscles = try journal.muscleStatistics(filter)
    muscleRatings = try journal.muscleRatingStatistics(filter)
    safetyStops = try journal.safetyStops(filter)
    outcomes = try journal.sessionOutcomes(filter)
    if let muscle = filter.muscle {
      muscles = muscles.filter { $0.subject == .muscle(muscle) }
      muscleRatings = muscleRatings.filter { $0.muscle == muscle }
    }
  }

  /// The routines ranked as "what has helped you most".
  public var helpedMost: [JournalStatistics] { HelpedMost.ranked(routines) }

  // MARK: - Table

  static let columns = [("sessions", 8), ("rated", 5), ("before", 6), ("after", 5), ("change", 6), ("important", 9)]

  public func table(width: Int = 80) -> String {
    guard !routines.isEmpty else { return "No sessions match, so there is nothing to count yet.\n" }
    var out = section("routine", routines, width: width)
    out += "\n" + section("muscle", muscles, width: width)
    out += muscleRatingSection(width: width) + "\n"
    let minimum = HelpedMost.minimumRatedSessions
    let explanation = [
      "before, after, change: averages over the rated sessions (those with a rating before and after).",
      "important: the share of rated sessions with an important reduction: at least 2 points and at least 30% "
        + "less pain after. A change under 2 points is within the usual day-to-day variation of one rating.",
      "trend: pain after sessions in the later half of them, minus the earlier half "
        + "(from \(JournalStatistics.minimumForTrend) rated sessions).",
    ]
    for sentence in explanation {
      out += wrapped(sentence, width: width, indent: "")
    }
    out += "\n"
    out += wrapped(
      "What has helped you most (routines with at least \(minimum) rated sessions, less pain after them on "
        + "average and at least one important reduction; the largest average reduction first):", width: width,
      indent: "")
    let ranked = helpedMost
    if ranked.isEmpty {
      out += wrapped(
        "Nothing to rank yet: no routine has \(minimum) rated sessions with less pain after them on average "
          + "and an important reduction.",
        width: width, indent: "  ")
    }
    for (index, entry) in ranked.enumerated() {
      let share = entry.shareImportantReduction.map { "; an important reduction in \(Self.percent($0))" } ?? ""
      let text =
        "\(index + 1). \(entry.subjectName) (\(entry.routineID ?? "")): "
        + "\(Self.decimal(entry.meanBefore)) -> \(Self.decimal(entry.meanAfter)) on average "
        + "(\(Self.signedDecimal(entry.meanChange)))\(share) of \(entry.ratedSessions) rated sessions."
      out += wrapped(text, width: width, indent: "  ", hanging: "     ")
    }
    let unranked = routines.filter { $0.ratedSessions < minimum }
    if !unranked.isEmpty {
      let names = unranked.map { "\($0.routineID ?? $0.subjectName) (\($0.ratedSessions))" }
      out += wrapped(
        "Not ranked yet, with fewer than \(minimum) rated sessions: " + names.joined(separator: ", ") + ".",
        width: width, indent: "")
    }
    // Less pain on average, but never by an amount that counts: say why it is not ranked.
    let withinVariation = routines.filter {
      $0.ratedSessions >= minimum && ($0.meanChange ?? 0) < 0 && ($0.shareImportantReduction ?? 0) == 0
    }
    if !withinVariation.isEmpty {
      let names = withinVariation.map { "\($0.routineID ?? $0.subjectName) (\($0.ratedSessions))" }
      out += wrapped(
        "Not ranked, with no important reduction in any rated session: " + names.joined(separator: ", ") + ".",
        width: width, indent: "")
    }
    out += "\n" + wrapped("How sessions ended: " + outcomesText + ".", width: width, indent: "")
    if !safetyStops.isEmpty {
      out += "\n" + wrapped("Stopped for safety:", width: width, indent: "")
      for stop in safetyStops {
        let times = stop.sessions == 1 ? "once" : "\(stop.sessions) times"
        out += wrapped(
          "\(stop.reason.text): \(times)\(stop.reason.advice.isUrgent ? " (a sign to get urgent help)" : "")",
          width: width, indent: "  ", hanging: "    ")
      }
    }
    out += "\n" + wrapped(HelpedMost.note, width: width, indent: "")
    out += wrapped(PainChange.caveat, width: width, indent: "")
    return out
  }

  /// "5 finished, 1 quit, 1 interrupted": each way sessions ended, leaving out the
  /// ways none did, in the order a session can end.
  var outcomesText: String {
    let words: [(JournalOutcome, String)] = [
      (.finished, "finished"), (.quit, "quit"), (.stoppedForSafety, "stopped for safety"),
      (.interrupted, "interrupted"),
    ]
    var parts = words.filter { outcomes[$0.0] > 0 }.map { "\(outcomes[$0.0]) \($0.1)" }
    if outcomes.running > 0 { parts.append("\(outcomes.running) still running") }
    return parts.isEmpty ? "none yet" : parts.joined(separator: ", ")
  }

  /// One table: a header row, then a row per subject.
  private func section(_ noun: String, _ entries: [JournalStatistics], width: Int) -> String {
    let fixed = Self.columns.reduce(0) { $0 + 1 + $1.1 } + 2 + 11
    let longest = entries.map { DisplayWidth.of(name(of: $0)) }.max() ?? 0
    let nameWidth = max(noun.count, min(longest, width - fixed))
    func line(_ name: String, _ values: [String], _ trend: String) -> String {
      var text = pad(name, nameWidth)
      for (value, column) in zip(values, Self.columns) {
        text += " " + String(repeating: " ", count: max(0, column.1 - value.count)) + value
      }
      text += "  " + trend
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    var out = line(noun, Self.columns.map(\.0), "trend")
    for entry in entries {
      out += line(
        name(of: entry),
        [
          String(entry.sessions), String(entry.ratedSessions), Self.decimal(entry.meanBefore),
          Self.decimal(entry.meanAfter), Self.signedDecimal(entry.meanChange),
          entry.shareImportantReduction.map(Self.percent) ?? "",
        ], entry.trend.map(Self.trendText) ?? "too few")
    }
    return out
  }

  static let muscleRatingColumns = [
    ("side", 5), ("blocks", 6), ("before", 6), ("after", 5), ("change", 6), ("percent", 7), ("important", 9),
  ]

  /// The muscles rated right after their own work, per side, below a note on where
  /// each muscle figure comes from; nothing for a journal without such ratings.
  private func muscleRatingSection(width: Int) -> String {
    guard !muscleRatings.isEmpty else { return "" }
    var out = "\n"
    out += wrapped(
      "The muscle figures above are from the session's ratings, over sessions that did not rate that muscle "
        + "after its own work. Below, from the rating after its own work:", width: width, indent: "")
    let noun = "muscle"
    let fixed = Self.muscleRatingColumns.reduce(0) { $0 + 1 + $1.1 }
    let longest = muscleRatings.map { DisplayWidth.of($0.muscle.rawValue) }.max() ?? 0
    let nameWidth = max(noun.count, min(longest, width - fixed))
    func line(_ name: String, _ values: [String]) -> String {
      var text = pad(name, nameWidth)
      for (index, (value, column)) in zip(values, Self.muscleRatingColumns).enumerated() {
        // The side is a word: left-aligned, like the muscle.
        text +=
          " "
          + (index == 0 ? pad(value, column.1) : String(repeating: " ", count: max(0, column.1 - value.count)) + value)
      }
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    out += line(noun, Self.muscleRatingColumns.map(\.0))
    for entry in muscleRatings {
      out += line(
        entry.muscle.rawValue,
        [
          entry.side?.rawValue ?? "-", String(entry.ratedBlocks), Self.decimal(entry.meanBefore),
          Self.decimal(entry.meanAfter), Self.signedDecimal(entry.meanChange),
          entry.meanPercentChange.map { Self.signedWhole($0) + "%" } ?? "", Self.percent(entry.shareImportantReduction),
        ])
    }
    out += wrapped(
      "blocks: ratings given right after the muscle's own work; before: the last rating given before that work "
        + "(the one before the session, or an earlier check); percent: the average change as a share of the "
        + "average before.", width: width, indent: "")
    return out
  }

  /// "-36", "+5", "0": a percent in whole numbers, the sign always shown.
  static func signedWhole(_ value: Double) -> String {
    let whole = Int(value.rounded())
    return whole > 0 ? "+\(whole)" : "\(whole)"
  }

  /// Routines by id (what `--routine` takes), muscles by theirs.
  private func name(of entry: JournalStatistics) -> String {
    entry.routineID ?? entry.subjectName
  }

  // MARK: - JSON

  /// One routine or muscle in `stats --format json`; numbers are null when there are no
  /// rated sessions to average.
  struct JSONEntry: Encodable {
    var rank: Int?
    var routine: String?
    var title: String?
    var muscle: String?
    var sessions: Int
    var ratedSessions: Int
    var stoppedForSafety: Int
    var meanBefore: Double?
    var meanAfter: Double?
    var meanChange: Double?
    var shareImportantReduction: Double?
    var trend: JSONTrend?

    init(_ entry: JournalStatistics, rank: Int? = nil) {
      self.rank = rank
      switch entry.subject {
      case .routine(let id, let title):
        routine = id
        self.title = title
      case .muscle(let muscle):
        self.muscle = muscle.rawValue
      }
      sessions = entry.sessions
      ratedSessions = entry.ratedSessions
      stoppedForSafety = entry.stoppedForSafety
      meanBefore = entry.meanBefore.map(StatsReport.rounded)
      meanAfter = entry.meanAfter.map(StatsReport.rounded)
      meanChange = entry.meanChange.map(StatsReport.rounded)
      shareImportantReduction = entry.shareImportantReduction.map(StatsReport.rounded)
      trend = entry.trend.map(JSONTrend.init)
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(rank, forKey: .rank)
      try container.encodeIfPresent(routine, forKey: .routine)
      try container.encodeIfPresent(title, forKey: .title)
      try container.encodeIfPresent(muscle, forKey: .muscle)
      try container.encode(sessions, forKey: .sessions)
      try container.encode(ratedSessions, forKey: .ratedSessions)
      try container.encode(stoppedForSafety, forKey: .stoppedForSafety)
      try container.encode(meanBefore, forKey: .meanBefore)
      try container.encode(meanAfter, forKey: .meanAfter)
      try container.encode(meanChange, forKey: .meanChange)
      try container.encode(shareImportantReduction, forKey: .shareImportantReduction)
      try container.encode(trend, forKey: .trend)
    }

    enum CodingKeys: String, CodingKey {
      case rank, routine, title, muscle, sessions, ratedSessions, stoppedForSafety, meanBefore, meanAfter,
        meanChange, shareImportantReduction, trend
    }
  }

  struct JSONTrend: Encodable {
    var direction: String
    var change: Double
    var earlierMeanAfter: Double
    var laterMeanAfter: Double
    var earlierSessions: Int
    var laterSessions: Int

    init(_ trend: JournalStatistics.Trend) {
      direction = StatsReport.direction(trend)
      change = StatsReport.rounded(trend.change)
      earlierMeanAfter = StatsReport.rounded(trend.earlierMeanAfter)
      laterMeanAfter = StatsReport.rounded(trend.laterMeanAfter)
      earlierSessions = trend.earlierSessions
      laterSessions = trend.laterSessions
    }
  }

  /// One muscle and side in `muscleRatings`, from the rating after its own work.
  struct JSONMuscleRating: Encodable {
    var muscle: String
    var side: String?
    var ratedBlocks: Int
    var meanBefore: Double
    var meanAfter: Double
    var meanChange: Double
    var meanPercentChange: Double?
    var shareImportantReduction: Double

    init(_ entry: MuscleRatingStatistics) {
      muscle = entry.muscle.rawValue
      side = entry.side?.rawValue
      ratedBlocks = entry.ratedBlocks
      meanBefore = StatsReport.rounded(entry.meanBefore)
      meanAfter = StatsReport.rounded(entry.meanAfter)
      meanChange = StatsReport.rounded(entry.meanChange)
      meanPercentChange = entry.meanPercentChange.map(StatsReport.rounded)
      shareImportantReduction = StatsReport.rounded(entry.shareImportantReduction)
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(muscle, forKey: .muscle)
      try container.encode(side, forKey: .side)
      try container.encode(ratedBlocks, forKey: .ratedBlocks)
      try container.encode(meanBefore, forKey: .meanBefore)
      try container.encode(meanAfter, forKey: .meanAfter)
      try container.encode(meanChange, forKey: .meanChange)
      try container.encode(meanPercentChange, forKey: .meanPercentChange)
      try container.encode(shareImportantReduction, forKey: .shareImportantReduction)
    }

    enum CodingKeys: String, CodingKey {
      case muscle, side, ratedBlocks, meanBefore, meanAfter, meanChange, meanPercentChange, shareImportantReduction
    }
  }

  struct JSONDocument: Encodable {
    var minimumRatedSessions: Int
    var note: String
    var routines: [JSONEntry]
    var muscles: [JSONEntry]
    var muscleRatings: [JSONMuscleRating]
    var helpedMost: [JSONEntry]
    var safetyStops: [JSONStop]
    var outcomes: JSONOutcomes
  }

  /// `outcomes`: how many sessions `finished`, were `quit`, `stoppedForSafety`, were
  /// `interrupted` (a session whose unknot was killed counts at once), and are `running`.
  struct JSONOutcomes: Encodable {
    var finished: Int
    var quit: Int
    var stoppedForSafety: Int
    var interrupted: Int
    var running: Int

    init(_ counts: SessionOutcomeCounts) {
      finished = counts[.finished]
      quit = counts[.quit]
      stoppedForSafety = counts[.stoppedForSafety]
      interrupted = counts[.interrupted]
      running = counts.running
    }
  }

  /// One reason in `safetyStops`: `reason` (a danger sign's id or `routine-rule`),
  /// `rule` (the routine's rule, or null), `text`, `urgent` and `sessions`.
  struct JSONStop: Encodable {
    var reason: String
    var rule: String?
    var text: String
    var urgent: Bool
    var sessions: Int

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(reason, forKey: .reason)
      try container.encode(rule, forKey: .rule)
      try container.encode(text, forKey: .text)
      try container.encode(urgent, forKey: .urgent)
      try container.encode(sessions, forKey: .sessions)
    }

    enum CodingKeys: String, CodingKey {
      case reason, rule, text, urgent, sessions
    }
  }

  /// An object with `routines` and `muscles` (each entry: `sessions`, `ratedSessions`,
  /// `meanBefore`, `meanAfter`, `meanChange`, `shareImportantReduction`, `trend`; a
  /// muscle's from the session's ratings, over sessions that did not rate it after its
  /// own work), `muscleRatings` (per `muscle` and `side`, from the rating after its own
  /// work: `ratedBlocks`, `meanBefore`, `meanAfter`, `meanChange`, `meanPercentChange`,
  /// `shareImportantReduction`), and
  /// `helpedMost` ranked from `minimumRatedSessions`, with the `note` on what it is,
  /// `safetyStops`: what the person stopped for, and how often, and `outcomes`: how
  /// the sessions ended.
  public func json() -> String {
    let document = JSONDocument(
      minimumRatedSessions: HelpedMost.minimumRatedSessions, note: HelpedMost.note,
      routines: routines.map { JSONEntry($0) }, muscles: muscles.map { JSONEntry($0) },
      muscleRatings: muscleRatings.map(JSONMuscleRating.init),
      helpedMost: helpedMost.enumerated().map { JSONEntry($0.element, rank: $0.offset + 1) },
      safetyStops: safetyStops.map {
        JSONStop(
          reason: $0.reason.code, rule: $0.reason.ruleText, text: $0.reason.text, urgent: $0.reason.advice.isUrgent,
          sessions: $0.sessions)
      }, outcomes: JSONOutcomes(outcomes))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - Numbers

  /// Whether pain after sessions has gone down lately: half a point either way is
  /// within the noise of single ratings.
  static func direction(_ trend: JournalStatistics.Trend) -> String {
    if trend.change <= -0.5 { return "easing" }
    if trend.change >= 0.5 { return "rising" }
    return "steady"
  }

  /// "easing -0.8".
  static func trendText(_ trend: JournalStatistics.Trend) -> String {
    direction(trend) + " " + signedDecimal(trend.change)
  }

  /// Two decimals are all a 0–10 rating's mean can honestly carry.
  static func rounded(_ value: Double) -> Double {
    (value * 100).rounded() / 100
  }

  static func decimal(_ value: Double?) -> String {
    guard let value else { return "" }
    let tenths = Int((value * 10).rounded())
    return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }

  static func signedDecimal(_ value: Double?) -> String {
    guard let value else { return "" }
    let text = decimal(value)
    return Int((value * 10).rounded()) > 0 ? "+" + text : text
  }

  static func percent(_ share: Double) -> String {
    "\(Int((share * 100).rounded()))%"
  }

  private func wrapped(_ text: String, width: Int, indent: String, hanging: String? = nil) -> String {
    let rest = hanging ?? indent
    let lines = TextWrap.lines(text, width: width - max(indent.count, rest.count))
    return lines.enumerated().map { ($0.offset == 0 ? indent : rest) + $0.element + "\n" }.joined()
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let shown = DisplayWidth.of(text) > width ? String(text.prefix(max(1, width - 1))) + "…" : text
    return shown + String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
  }
}
