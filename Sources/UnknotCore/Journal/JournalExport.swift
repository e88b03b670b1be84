import Foundation
import GRDB

/// The whole journal as a JSON document, for `unknot export --format json`.
extension SQLiteJournal {
  /// Everything in the journal, oldest first. A session whose process is gone is
  /// written as interrupted, exactly as closing it would write it, though the journal
  /// is only read.
  /// `progress` hears (sessions put together, sessions in all).
  public func exportDocument(progress: ((Int, Int) -> Void)? = nil) throws(JournalError) -> JournalExportDocument {
    try perform("read the journal for export") {
      try dbQueue.read { db in
        try Self.document(in: db, interruptions: try Self.interruptions(in: db, journal: path), progress: progress)
      }
    }
  }

  /// `exportDocument()` as pretty-printed JSON with sorted keys. The characters that
  /// could drive a terminal and that JSON may hold raw (DEL, C1 controls, text-direction
  /// controls) are written as `\uXXXX` escapes: the same text to any JSON reader, and
  /// a file that is safe to `cat`.
  public func exportJSON(progress: ((Int, Int) -> Void)? = nil) throws(JournalError) -> Data {
    let document = try exportDocument(progress: progress)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      var data = Self.terminalSafe(try encoder.encode(document))
      data.append(UInt8(ascii: "\n"))
      return data
    } catch {
      throw JournalError(.writeFailed, path: path, message: "could not write the export: \(error)")
    }
  }

  /// `UnsafeCharacters.jsonEscaped` for encoded JSON; JSON of printable ASCII and line
  /// breaks, as nearly every export is, is returned untouched.
  static func terminalSafe(_ data: Data) -> Data {
    let mayHoldUnsafe = data.contains { (byte: UInt8) -> Bool in
      if byte >= 0x7F { return true }
      return byte < 0x20 && byte != 0x0A
    }
    guard mayHoldUnsafe else { return data }
    return Data(UnsafeCharacters.jsonEscaped(String(decoding: data, as: UTF8.self)).utf8)
  }

  // MARK: - Reading

  private static func time(_ row: Row, _ column: String) -> String? {
    (row[column] as Int64?).map(JournalTime.iso8601(milliseconds:))
  }

  private static func document(
    in db: Database, interruptions: [Int64: JournalInterruption], progress: ((Int, Int) -> Void)?
  ) throws -> JournalExportDocument {
    /// When an open step or pause of the session ends: at the session's interruption.
    func closedAt(_ row: Row) -> Int64? { interruptions[row["session_id"]]?.endedAt }

    let checks = try Row.fetchAll(
      db, sql: "SELECT checked_at, outcome, answers FROM safety_checks ORDER BY checked_at, id"
    ).map { row in
      let check = try safetyCheck(from: row)
      return JournalExportDocument.SafetyCheckEntry(
        checkedAt: JournalTime.iso8601(milliseconds: row["checked_at"]), outcome: check.outcome.rawValue,
        answers: check.answers)
    }

    var steps: [Int64: [JournalExportDocument.StepEntry]] = [:]
    let stepsRows = try Row.fetchCursor(db, sql: "SELECT * FROM steps_named ORDER BY session_id, ordinal")
    while let row = try stepsRows.next() {
      var step = JournalExportDocument.StepEntry(
        stepIndex: row["step_index"], kind: row["kind"], muscle: row["muscle"], side: row["side"],
        plannedSeconds: row["planned_seconds"], actualMs: row["actual_ms"], ending: row["ending"],
        adjustedMs: row["adjusted_ms"], clinicianSeconds: row["clinician_seconds"],
        startedAt: JournalTime.iso8601(milliseconds: row["started_at"]), endedAt: time(row, "ended_at"))
      if step.endedAt == nil, let closed = closedAt(row) {
        step.ending = StepEnding.interrupted.rawValue
        step.endedAt = JournalTime.iso8601(milliseconds: closed)
      }
      steps[row["session_id"], default: []].append(step)
    }
    var ratings: [Int64: [JournalExportDocument.RatingEntry]] = [:]
    let ratingsRows = try Row.fetchCursor(db, sql: "SELECT * FROM ratings_named ORDER BY session_id, ordinal")
    while let row = try ratingsRows.next() {
      ratings[row["session_id"], default: []].append(
        JournalExportDocument.RatingEntry(
          moment: row["moment"], value: row["value"], skipped: row["skipped"], stepIndex: row["step_index"],
          muscle: row["muscle"], side: row["side"], ratedAt: JournalTime.iso8601(milliseconds: row["rated_at"])))
    }
    var pauses: [Int64: [JournalExportDocument.PauseEntry]] = [:]
    let pausesRows = try Row.fetchCursor(db, sql: "SELECT * FROM pauses ORDER BY session_id, ordinal")
    while let row = try pausesRows.next() {
      var pause = JournalExportDocument.PauseEntry(
        reason: row["reason"], gapMs: row["gap_ms"], at: JournalTime.iso8601(milliseconds: row["at"]),
        resumedAt: time(row, "resumed_at"))
      if pause.resumedAt == nil, let closed = closedAt(row) {
        pause.resumedAt = JournalTime.iso8601(milliseconds: closed)
      }
      pauses[row["session_id"], default: []].append(pause)
    }
    var painChoices: [Int64: [JournalExportDocument.PainChoiceEntry]] = [:]
    let choiceRows = try Row.fetchCursor(db, sql: "SELECT * FROM pain_choices ORDER BY session_id, ordinal")
    while let row = try choiceRows.next() {
      painChoices[row["session_id"], default: []].append(
        JournalExportDocument.PainChoiceEntry(
          check: row["pain_check"], from: row["rating_from"], to: row["rating_to"], stepIndex: row["step_index"],
          muscle: row["muscle"], side: row["side"], choice: row["choice"], gentlerRoutine: row["gentler_routine"],
          chosenAt: JournalTime.iso8601(milliseconds: row["chosen_at"])))
    }
    var answers: [Int64: [JournalExportDocument.ChecklistAnswerEntry]] = [:]
    let answerRows = try Row.fetchCursor(db, sql: "SELECT * FROM checklist_answers ORDER BY session_id, ordinal")
    while let row = try answerRows.next() {
      answers[row["session_id"], default: []].append(
        JournalExportDocument.ChecklistAnswerEntry(
          stepIndex: row["step_index"], item: row["item_id"], question: row["question"], answer: row["answer"],
          answeredAt: JournalTime.iso8601(milliseconds: row["answered_at"])))
    }
    var events: [Int64: [JournalExportDocument.EventEntry]] = [:]
    let eventsRows = try Row.fetchCursor(db, sql: "SELECT * FROM events ORDER BY session_id, seq")
    while let row = try eventsRows.next() {
      events[row["session_id"], default: []].append(
        JournalExportDocument.EventEntry(kind: row["kind"], at: time(row, "at"), payload: row["payload"]))
    }

    let sessionRows = try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY started_at, id")
    let sessions = sessionRows.enumerated().map { number, row in
      progress?(number + 1, sessionRows.count)
      let id: Int64 = row["id"]
      let muscles: String = row["muscles"]
      var session = JournalExportDocument.SessionEntry(
        routineID: row["routine_id"], routineTitle: row["routine_title"], contentHash: row["content_hash"],
        startedAt: JournalTime.iso8601(milliseconds: row["started_at"]), endedAt: time(row, "ended_at"),
        outcome: row["outcome"], stopReason: row["stop_reason"], stopRule: row["stop_rule"],
        plannedSeconds: row["planned_seconds"],
        activeMs: row["active_ms"], pausedMs: row["paused_ms"],
        muscles: muscles.split(separator: ",").map(String.init), before: row["before_rating"],
        after: row["after_rating"], steps: steps[id] ?? [], ratings: ratings[id] ?? [], pauses: pauses[id] ?? [],
        events: events[id], painChoices: painChoices[id], checklistAnswers: answers[id])
      if session.endedAt == nil, let interruption = interruptions[id] {
        session.endedAt = JournalTime.iso8601(milliseconds: interruption.endedAt)
        session.outcome = JournalOutcome.interrupted.rawValue
        session.activeMs = interruption.activeMilliseconds
        session.pausedMs = interruption.pausedMilliseconds
      }
      return session
    }
    let marks = try Row.fetchAll(
      db, sql: "SELECT marked_at, muscle_group, rating FROM pain_marks ORDER BY marked_at, id"
    ).map { row in
      JournalExportDocument.PainMarkEntry(
        markedAt: JournalTime.iso8601(milliseconds: row["marked_at"]), group: row["muscle_group"],
        rating: row["rating"])
    }
    let dismissals = try Row.fetchAll(
      db, sql: "SELECT kind, muscle_group, dismissed_at FROM dismissed_notices ORDER BY dismissed_at, id"
    ).map { row in
      JournalExportDocument.DismissedNoticeEntry(
        kind: row["kind"], group: row["muscle_group"],
        dismissedAt: JournalTime.iso8601(milliseconds: row["dismissed_at"]))
    }
    return JournalExportDocument(
      format: JournalExportDocument.formatName, version: JournalExportDocument.formatVersion, safetyChecks: checks,
      sessions: sessions, painMarks: marks, dismissedNotices: dismissals,
      programmes: try allEnrolments(in: db).map(JournalExportDocument.ProgrammeEntry.init),
      unknotVersion: UnknotVersion.current)
  }

}
