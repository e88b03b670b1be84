import Foundation
import GRDB

/// Keeps one session's rows (sessions, steps, ratings, pauses, events) in step with its
/// events, inside a transaction the caller owns. The rows follow `SessionRecord.apply`
/// rule for rule, so what the journal shows is what the record rebuilt from the events
/// would say.
struct JournalRecorder {
  let sessionID: Int64
  /// Turns the engine's moments into dates.
  let start: JournalSessionStart
  /// Whether each event is also written to the `events` table. The live journal does,
  /// so a killed session can be rebuilt; the synthetic generator does not.
  let logsEvents: Bool
  private var nextSeq: Int64
  private var nextStep: Int64
  private var nextRating: Int64
  private var nextPause: Int64
  private var nextPainChoice: Int64
  private var nextChecklistAnswer: Int64
  /// Word ids, kept across sessions by the generator.
  var terms = JournalTerms()

  /// A recorder for a session that has no rows beyond its `sessions` row yet.
  init(newSession sessionID: Int64, start: JournalSessionStart, logsEvents: Bool) {
    self.sessionID = sessionID
    self.start = start
    self.logsEvents = logsEvents
    nextSeq = 0
    nextStep = 0
    nextRating = 0
    nextPause = 0
    nextPainChoice = 0
    nextChecklistAnswer = 0
  }

  /// A recorder that continues after the rows already written for the session.
  init(continuing sessionID: Int64, start: JournalSessionStart, logsEvents: Bool, in db: Database) throws {
    self.init(newSession: sessionID, start: start, logsEvents: logsEvents)
    func next(_ table: String, _ column: String) throws -> Int64 {
      try Int64.fetchOne(
        db, sql: "SELECT coalesce(max(\(column)) + 1, 0) FROM \(table) WHERE session_id = ?", arguments: [sessionID]
      ) ?? 0
    }
    nextSeq = try next("events", "seq")
    nextStep = try next("steps", "ordinal")
    nextRating = try next("ratings", "ordinal")
    nextPause = try next("pauses", "ordinal")
    nextPainChoice = try next("pain_choices", "ordinal")
    nextChecklistAnswer = try next("checklist_answers", "ordinal")
  }

  private func ms(_ moment: Moment) -> Int64 {
    JournalTime.milliseconds(start.date(of: moment))
  }

  /// Runs a statement from the connection's cache: the SQL must be a constant, values
  /// go in the arguments, or the cache grows with every session.
  private func run(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
    try db.cachedStatement(sql: sql).execute(arguments: arguments)
  }

  /// Writes the events and their effect on the rows. Returns true when the session ended.
  @discardableResult
  mutating func record(_ events: [SessionEvent], in db: Database) throws -> Bool {
    var ended = false
    for event in events {
      if logsEvents {
        try log(event, in: db)
      }
      if try apply(event, in: db) {
        ended = true
      }
    }
    return ended
  }

  private mutating func log(_ event: SessionEvent, in db: Database) throws {
    let payload = JournalEventCodec.json(JournalEventCodec.payload(of: event))
    try run(
      db, "INSERT INTO events (session_id, seq, kind, at, payload) VALUES (?, ?, ?, ?, ?)",
      [sessionID, nextSeq, JournalEventCodec.kind(of: event), event.moment.map(ms), payload])
    nextSeq += 1
  }

  /// Matches the last step started, and only when it is the step at the given index, as
  /// `SessionRecord` matches step ends to starts. Its arguments: session, ordinal, index.
  private static let lastStep = "session_id = ? AND ordinal = ? AND step_index = ?"

  private mutating func apply(_ event: SessionEvent, in db: Database) throws -> Bool {
    switch event {
    case .sessionStarted(_, _, let planned, _):
      try run(db, "UPDATE sessions SET planned_seconds = ? WHERE id = ?", [planned, sessionID])
    case .stepStarted(let step):
      try run(
        db,
        """
        INSERT INTO steps (session_id, ordinal, step_index, kind, muscle, side, planned_seconds, started_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          sessionID, nextStep, step.index, try terms.id(step.kind.rawValue, in: db),
          try terms.optionalID(step.muscle?.rawValue, in: db), try terms.optionalID(step.side?.rawValue, in: db),
          step.plannedSeconds, ms(step.at),
        ])
      nextStep += 1
    case .stepEnded(let end):
      try run(
        db, "UPDATE steps SET ended_at = ?, ending = ?, actual_ms = ?, adjusted_ms = ? WHERE \(Self.lastStep)",
        [
          ms(end.at), try terms.id(end.ending.rawValue, in: db),
          JournalTime.milliseconds(nanoseconds: end.activeNanoseconds),
          JournalTime.milliseconds(nanoseconds: end.adjustedNanoseconds), sessionID, nextStep - 1, end.index,
        ])
    case .clinicianTimeSet(let index, let seconds, _):
      try run(
        db, "UPDATE steps SET clinician_seconds = ? WHERE \(Self.lastStep)", [seconds, sessionID, nextStep - 1, index])
    case .paused(let reason, let at):
      var gap: Int64?
      if case .clockGap(let nanoseconds) = reason {
        gap = JournalTime.milliseconds(nanoseconds: nanoseconds)
      }
      try run(
        db, "INSERT INTO pauses (session_id, ordinal, reason, gap_ms, at) VALUES (?, ?, ?, ?, ?)",
        [sessionID, nextPause, reason.journalWord, gap, ms(at)])
      nextPause += 1
    case .resumed(let at):
      try closeLastPause(at: ms(at), in: db)
    case .ratingGiven(let rating), .ratingSkipped(let rating):
      try run(
        db,
        """
        INSERT INTO ratings (session_id, ordinal, moment, value, skipped, step_index, muscle, side, rated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          sessionID, nextRating, try terms.id(rating.moment.rawValue, in: db), rating.value,
          rating.value == nil ? 1 : 0, rating.stepIndex, try terms.optionalID(rating.muscle?.rawValue, in: db),
          try terms.optionalID(rating.side?.rawValue, in: db), ms(rating.at),
        ])
      nextRating += 1
      if rating.moment != .between {
        let column = rating.moment == .before ? "before_rating" : "after_rating"
        let summary = JournalSchema.summarySQL(moment: rating.moment.rawValue, sessionID: "?")
        try run(db, "UPDATE sessions SET \(column) = (\(summary)) WHERE id = ?", [sessionID, sessionID])
      }
    case .stoppedForSafety(let reason, _):
      try run(
        db, "UPDATE sessions SET stop_reason = ?, stop_rule = ? WHERE id = ?",
        [reason.code, reason.ruleText, sessionID])
    case .sessionEnded(let outcome, let at):
      try closeLastPause(at: ms(at), in: db)
      try Self.close(sessionID, outcome: outcome.rawValue, endedAt: ms(at), in: db)
      return true
    case .painChoice(let response):
      var gentler: String?
      if case .gentlerRoutine(let id) = response.choice { gentler = id }
      try run(
        db,
        """
        INSERT INTO pain_choices (session_id, ordinal, pain_check, rating_from, rating_to, step_index, muscle, side,
          choice, gentler_routine, chosen_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          sessionID, nextPainChoice, response.check.rawValue, response.from, response.to, response.stepIndex,
          response.muscle?.rawValue, response.side?.rawValue, response.choice.word, gentler, ms(response.at),
        ])
      nextPainChoice += 1
    case .checklistAnswered(let response):
      try run(
        db,
        """
        INSERT INTO checklist_answers (session_id, ordinal, step_index, item_id, question, answer, answered_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          sessionID, nextChecklistAnswer, response.stepIndex, response.item.id, response.item.question,
          response.answer.rawValue, ms(response.at),
        ])
      nextChecklistAnswer += 1
    case .adjusted, .cue, .rejected:
      break
    }
    return false
  }

  private func closeLastPause(at time: Int64, in db: Database) throws {
    try run(
      db, "UPDATE pauses SET resumed_at = ? WHERE session_id = ? AND ordinal = ? AND resumed_at IS NULL",
      [time, sessionID, nextPause - 1])
  }

  /// Sets a session's outcome and end, and its totals from its step and pause rows.
  static func close(_ sessionID: Int64, outcome: String, endedAt: Int64, in db: Database) throws {
    try db.cachedStatement(
      sql: """
        UPDATE sessions SET outcome = ?, ended_at = ?,
          active_ms = (SELECT coalesce(sum(actual_ms), 0) FROM steps WHERE session_id = ?),
          paused_ms = (SELECT coalesce(sum(resumed_at - at), 0) FROM pauses WHERE session_id = ?)
        WHERE id = ?
        """
    ).execute(arguments: [outcome, endedAt, sessionID, sessionID, sessionID])
  }

  /// Closes a session whose process died: its open step ends as interrupted and an
  /// open pause closes, both at `time`, the session's last known moment.
  static func interrupt(_ sessionID: Int64, at time: Int64, in db: Database) throws {
    var terms = JournalTerms()
    try db.execute(
      sql: "UPDATE steps SET ending = ?, ended_at = ? WHERE session_id = ? AND ended_at IS NULL",
      arguments: [try terms.id(StepEnding.interrupted.rawValue, in: db), time, sessionID])
    try db.execute(
      sql: "UPDATE pauses SET resumed_at = ? WHERE session_id = ? AND resumed_at IS NULL", arguments: [time, sessionID])
    try close(sessionID, outcome: "interrupted", endedAt: time, in: db)
  }
}
