import Foundation

/// The rules every value of an export must pass before `unknot import` writes anything:
/// texts follow the routine files' rules (no control, escape or text-direction
/// character, no line break, a sensible length), ids are ids, ratings are 0–10, times
/// fall between 2000 and 2100 and end after they start, and durations are neither
/// negative nor longer than a year. Each refusal names the session (its routine and
/// date) and the field, in the words of docs/journal-schema.md.
enum ImportRules {
  /// 2000-01-01T00:00:00Z: unknot did not exist before; a time before is a mistake.
  static let earliest: Int64 = 946_684_800_000
  /// 2100-01-01T00:00:00Z. Fixed rather than "now", so the same file is judged the same
  /// way on any day and on a machine whose clock is wrong.
  static let latest: Int64 = 4_102_444_800_000
  /// A year: no session, step or pause lasts longer.
  static let longestMilliseconds: Int64 = 366 * 86_400_000
  /// A day: no routine plans a step or a session longer.
  static let longestPlannedSeconds = 86_400
  /// Far more steps than any routine has.
  static let largestStepIndex = 10_000

  /// The longest text each field may hold, in characters. Titles are held to a line
  /// in the routine files; these allow for a routine written in a longer language.
  static let longest: [String: Int] = [
    "routineTitle": 200, "title": 200, "contentHash": 128, "stopRule": 1_000, "question": 1_000,
    "payload": 100_000,
  ]

  typealias Problem = SQLiteJournal.ImportProblem

  /// Checks the whole document; the first problem found is thrown.
  static func check(_ document: JournalExportDocument) throws(Problem) {
    for (index, entry) in document.safetyChecks.enumerated() {
      let place = "safety check \(index + 1)"
      _ = try time(entry.checkedAt, "checkedAt", place)
      let outcomes: [SafetyCheck.Outcome] = [.clear, .clinicianAgreed, .seeDoctor, .urgent]
      guard SafetyCheck.Outcome(rawValue: entry.outcome) != nil else {
        throw Problem(
          message:
            "\(place): 'outcome' is '\(shown(entry.outcome))'; it is one of "
            + outcomes.map { "'\($0.rawValue)'" }.joined(separator: ", "))
      }
      for question in entry.answers.keys.sorted() { try id(question, "answers", place) }
    }
    for (index, session) in document.sessions.enumerated() {
      try check(session, number: index + 1)
    }
    for (index, mark) in (document.painMarks ?? []).enumerated() {
      try timeInRange(mark.markedAt, "markedAt", "pain mark \(index + 1)")
    }
    for (index, notice) in (document.dismissedNotices ?? []).enumerated() {
      try timeInRange(notice.dismissedAt, "dismissedAt", "dismissed notice \(index + 1)")
    }
    for (index, programme) in (document.programmes ?? []).enumerated() {
      let place = "programme \(index + 1)"
      try id(programme.programme, "programme", place)
      try text(programme.title, "title", place)
      try text(programme.contentHash, "contentHash", place, mayBeEmpty: true)
      try timeInRange(programme.startedAt, "startedAt", place)
      if let leftAt = programme.leftAt { try timeInRange(leftAt, "leftAt", place) }
      for pause in programme.pauses {
        try timeInRange(pause.pausedAt, "pausedAt", place)
        if let resumedAt = pause.resumedAt { try timeInRange(resumedAt, "resumedAt", place) }
      }
    }
  }

  private static func check(_ session: JournalExportDocument.SessionEntry, number: Int) throws(Problem) {
    let place = sessionName(number: number, routineID: session.routineID, startedAt: session.startedAt)
    try id(session.routineID, "routineID", place)
    try text(session.routineTitle, "routineTitle", place)
    try text(session.contentHash, "contentHash", place, mayBeEmpty: true)
    let started = try time(session.startedAt, "startedAt", place)
    try ends(session.endedAt, "endedAt", after: started, "startedAt", place)
    if let outcome = session.outcome, JournalOutcome(rawValue: outcome) == nil {
      throw Problem(
        message:
          "\(place): 'outcome' is '\(shown(outcome))'; it is one of "
          + JournalOutcome.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
    }
    if let stopRule = session.stopRule { try text(stopRule, "stopRule", place) }
    try plannedSeconds(session.plannedSeconds, "plannedSeconds", place)
    try duration(session.activeMs, "activeMs", place)
    try duration(session.pausedMs, "pausedMs", place)
    for muscle in session.muscles { try id(muscle, "muscles", place) }
    try rating(session.before, "before", place)
    try rating(session.after, "after", place)
    for (ordinal, step) in session.steps.enumerated() {
      let field = { (name: String) in "'\(name)' of step \(ordinal + 1)" }
      try stepIndex(step.stepIndex, field("stepIndex"), place)
      try id(step.kind, field("kind"), place)
      if let ending = step.ending { try id(ending, field("ending"), place) }
      if let planned = step.plannedSeconds { try plannedSeconds(planned, field("plannedSeconds"), place) }
      if let clinician = step.clinicianSeconds { try plannedSeconds(clinician, field("clinicianSeconds"), place) }
      if let actual = step.actualMs { try duration(actual, field("actualMs"), place) }
      try duration(step.adjustedMs, field("adjustedMs"), place, mayBeNegative: true)
      let stepStart = try time(step.startedAt, field("startedAt"), place)
      try ends(step.endedAt, field("endedAt"), after: stepStart, "its 'startedAt'", place)
    }
    for (ordinal, entry) in session.ratings.enumerated() {
      let field = { (name: String) in "'\(name)' of rating \(ordinal + 1)" }
      try id(entry.moment, field("moment"), place)
      try rating(entry.value, field("value"), place)
      guard entry.skipped == (entry.value == nil) else {
        throw Problem(
          message:
            "\(place): rating \(ordinal + 1) "
            + (entry.skipped ? "is marked skipped but has a 'value'" : "has no 'value' but is not marked skipped")
            + "; a rating has a value or is skipped")
      }
      try stepIndex(entry.stepIndex, field("stepIndex"), place)
      _ = try time(entry.ratedAt, field("ratedAt"), place)
    }
    for (ordinal, pause) in session.pauses.enumerated() {
      let field = { (name: String) in "'\(name)' of pause \(ordinal + 1)" }
      if let gap = pause.gapMs { try duration(gap, field("gapMs"), place, mayBeNegative: true) }
      let at = try time(pause.at, field("at"), place)
      try ends(pause.resumedAt, field("resumedAt"), after: at, "its 'at'", place)
    }
    for (ordinal, choice) in (session.painChoices ?? []).enumerated() {
      let field = { (name: String) in "'\(name)' of pain choice \(ordinal + 1)" }
      try stepIndex(choice.stepIndex, field("stepIndex"), place)
      if let gentler = choice.gentlerRoutine { try id(gentler, field("gentlerRoutine"), place) }
      _ = try time(choice.chosenAt, field("chosenAt"), place)
    }
    for (ordinal, answer) in (session.checklistAnswers ?? []).enumerated() {
      let field = { (name: String) in "'\(name)' of checklist answer \(ordinal + 1)" }
      try text(answer.question, field("question"), place, longest: longest["question"])
      _ = try time(answer.answeredAt, field("answeredAt"), place)
    }
    for (ordinal, event) in (session.events ?? []).enumerated() {
      let field = { (name: String) in "'\(name)' of event \(ordinal + 1)" }
      try id(event.kind, field("kind"), place)
      if let at = event.at { _ = try time(at, field("at"), place) }
      try text(event.payload, field("payload"), place, longest: longest["payload"])
    }
  }

  // MARK: - The rules

  /// "session 3 (between-blades-ball, 2025-03-04)": what a person can find in history.
  static func sessionName(number: Int, routineID: String?, startedAt: String?) -> String {
    let date = startedAt.map { text in
      JournalTime.milliseconds(iso8601: text) != nil ? String(text.prefix(10)) : "'\(shown(text))'"
    }
    let details = [routineID.map { shown($0) }, date].compactMap { $0 }
    return "session \(number)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
  }

  /// A value as a message may show it: unsafe characters written out, and cut to forty
  /// characters, since a hostile file's text can be megabytes long.
  static func shown(_ text: String) -> String {
    let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return UnsafeCharacters.visible(cut)
  }

  private static func quoted(_ field: String) -> String {
    field.hasPrefix("'") ? field : "'\(field)'"
  }

  /// Text to show a person, held to the routine files' rules.
  static func text(
    _ value: String, _ field: String, _ place: String, mayBeEmpty: Bool = false, longest limit: Int? = nil
  ) throws(Problem) {
    let name = quoted(field)
    let limit = limit ?? longest[field] ?? 200
    if !mayBeEmpty, value.trimmingWhitespace().isEmpty {
      throw Problem(message: "\(place): \(name) is empty; it should say something")
    }
    for scalar in value.unicodeScalars {
      if scalar == "\t" || scalar == "\n" || scalar == "\r" {
        throw Problem(
          message: "\(place): \(name) holds a tab or a line break; a text is one line, as in the routine files")
      }
      if let problem = UnsafeCharacters.problem(with: scalar) {
        throw Problem(
          message:
            "\(place): \(name) holds \(problem); unknot keeps no control, escape or text-direction characters")
      }
    }
    if value.count > limit {
      throw Problem(message: "\(place): \(name) is \(value.count) characters long; at most \(limit)")
    }
  }

  /// An id: lower-case letters, digits and hyphens, as in a routine file's `id`.
  static func id(_ value: String, _ field: String, _ place: String) throws(Problem) {
    let allowed = value.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    let longestID = RoutineDecoder.longestID
    guard allowed, !value.isEmpty, value.count <= longestID, value.first != "-", value.last != "-" else {
      throw Problem(
        message:
          "\(place): \(quoted(field)) is '\(shown(value))', which is not an id; ids are lower-case letters, "
          + "digits and hyphens (at most \(longestID))")
    }
  }

  static func rating(_ value: Int?, _ field: String, _ place: String) throws(Problem) {
    guard let value, !PainScale.range.contains(value) else { return }
    throw Problem(message: "\(place): \(quoted(field)) is \(value); a rating is a whole number from 0 to 10")
  }

  static func stepIndex(_ value: Int, _ field: String, _ place: String) throws(Problem) {
    guard !(0...largestStepIndex).contains(value) else { return }
    throw Problem(
      message: "\(place): \(quoted(field)) is \(value); steps are counted from 0 to at most \(largestStepIndex)")
  }

  static func plannedSeconds(_ value: Int, _ field: String, _ place: String) throws(Problem) {
    guard !(0...longestPlannedSeconds).contains(value) else { return }
    throw Problem(
      message:
        "\(place): \(quoted(field)) is \(value); a planned time is from 0 to \(longestPlannedSeconds) seconds "
        + "(a day)")
  }

  static func duration(_ value: Int64, _ field: String, _ place: String, mayBeNegative: Bool = false) throws(Problem) {
    let lowest = mayBeNegative ? -longestMilliseconds : 0
    guard !(lowest...longestMilliseconds).contains(value) else { return }
    throw Problem(
      message:
        "\(place): \(quoted(field)) is \(value); "
        + (value < 0
          ? "a duration is never negative"
          : "that is more than a year in milliseconds, longer than anything unknot times"))
  }

  /// A time as exports write it, between 2000 and 2100.
  @discardableResult
  static func time(_ text: String, _ field: String, _ place: String) throws(Problem) -> Int64 {
    guard let value = JournalTime.milliseconds(iso8601: text) else {
      throw Problem(
        message: "\(place): \(quoted(field)) is '\(shown(text))', which is not a time like 2025-03-01T07:30:00.250Z")
    }
    try inRange(value, text, field, place)
    return value
  }

  /// The range alone, for the parts whose unreadable times are named elsewhere.
  static func timeInRange(_ text: String, _ field: String, _ place: String) throws(Problem) {
    guard let value = JournalTime.milliseconds(iso8601: text) else { return }
    try inRange(value, text, field, place)
  }

  private static func inRange(_ value: Int64, _ text: String, _ field: String, _ place: String) throws(Problem) {
    guard !(earliest..<latest).contains(value) else { return }
    throw Problem(
      message:
        "\(place): \(quoted(field)) is \(shown(text)); unknot keeps times from 2000 to 2100, "
        + "so this one cannot be right")
  }

  /// An end, when there is one, at or after its start.
  static func ends(
    _ end: String?, _ field: String, after start: Int64, _ startField: String, _ place: String
  ) throws(Problem) {
    guard let end else { return }
    let value = try time(end, field, place)
    guard value < start else { return }
    throw Problem(
      message: "\(place): \(quoted(field)) is before \(quoted(startField)); something ends after it starts")
  }
}
