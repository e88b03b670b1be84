import Foundation
import GRDB

/// Reading an export back into the journal, for `unknot import`: all or nothing, and
/// never twice the same session.
extension SQLiteJournal {
  /// Adds the sessions and safety checks of an export that the journal does not have
  /// yet, all or nothing. A session is the same when it started at the same
  /// millisecond with the same routine file; existing entries are never changed, so
  /// importing a file twice adds nothing the second time. `source` names the file in
  /// messages.
  ///
  /// Nothing is written until every value has passed `ImportRules` and the bytes have
  /// passed `ImportFileScreen`; every refusal is a sentence naming `source`, and
  /// `progress` hears (sessions done, sessions in all) as they are written.
  @discardableResult
  public func importJSON(
    _ data: Data, source: String, progress: ((Int, Int) -> Void)? = nil
  ) throws(JournalError) -> JournalImportResult {
    guard !isReadOnly else { throw .readOnly(path) }
    func refused(_ reason: String, _ kind: JournalError.Kind = .notAnExport) -> JournalError {
      JournalError(kind, path: source, message: "\(reason). Nothing was imported.")
    }
    if let problem = ImportFileScreen.problem(with: data) { throw refused(problem) }
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    func checkHeader(_ header: Header?) throws(JournalError) {
      guard let header, header.format == JournalExportDocument.formatName, let version = header.version else {
        throw refused(ImportFileScreen.notJSONOrNotAnExport(data))
      }
      guard version <= JournalExportDocument.formatVersion else {
        throw refused(
          "this export is version \(version) of '\(JournalExportDocument.formatName)', newer than this unknot "
            + "reads (up to version \(JournalExportDocument.formatVersion)); update unknot", .newerSchema)
      }
    }
    let document: JournalExportDocument
    do {
      document = try JSONDecoder().decode(JournalExportDocument.self, from: data)
    } catch {
      // Only now is the format read on its own (a second pass over a large file): a
      // file of another kind, or from a newer unknot, is named as such rather than by
      // the first field it lacks.
      try checkHeader(try? JSONDecoder().decode(Header.self, from: data))
      throw refused(ImportFileScreen.describe(error, in: data))
    }
    try checkHeader(Header(format: document.format, version: document.version))
    do {
      try ImportRules.check(document)
    } catch {
      throw refused(error.message)
    }
    do {
      return try dbQueue.write { db in try Self.insert(document, progress: progress, in: db) }
    } catch let error as ImportProblem {
      throw refused(error.message)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
      // The rules above leave the database nothing to refuse; should it refuse anyway,
      // the person hears which file and that nothing changed, not SQLite's words.
      throw refused("one of its values is not one the journal can keep, though it passed unknot's checks")
    } catch {
      throw JournalError(error, path: path, doing: "import \(source)")
    }
  }

  /// A value in the export that the journal cannot hold.
  struct ImportProblem: Error {
    var message: String
  }

  private static func milliseconds(_ text: String, _ what: String) throws -> Int64 {
    guard let value = JournalTime.milliseconds(iso8601: text) else {
      throw ImportProblem(message: "\(what) '\(ImportRules.shown(text))' is not a time like 2025-03-01T07:30:00.250Z")
    }
    return value
  }

  private static func optionalMilliseconds(_ text: String?, _ what: String) throws -> Int64? {
    try text.map { try milliseconds($0, what) }
  }

  /// A stop reason unknot knows, and a rule's text only beside `routine-rule`.
  private static func stopRule(of session: JournalExportDocument.SessionEntry) throws -> String? {
    guard let code = session.stopReason else {
      guard session.stopRule == nil else {
        throw ImportProblem(message: "a session has a 'stopRule' but no 'stopReason'")
      }
      return nil
    }
    guard StopReason(code: code, rule: session.stopRule) != nil else {
      throw ImportProblem(message: "the stop reason '\(ImportRules.shown(code))' is not one unknot knows")
    }
    if code == StopReason.routineRuleCode, (session.stopRule ?? "").isEmpty {
      throw ImportProblem(message: "a stop for a routine's own rule needs the rule's text in 'stopRule'")
    }
    return code == StopReason.routineRuleCode ? session.stopRule : nil
  }

  /// A pause reason unknot knows. An unknown one is named with its place in the file,
  /// so the person can find it: the SQL CHECK alone would only say a constraint failed.
  private static func reason(
    of pause: JournalExportDocument.PauseEntry, at ordinal: Int, in session: JournalExportDocument.SessionEntry,
    at index: Int
  ) throws -> String {
    guard PauseReason.journalWords.contains(pause.reason) else {
      let known = PauseReason.journalWords.map { "'\($0)'" }.joined(separator: ", ")
      throw ImportProblem(
        message:
          "the pause reason '\(ImportRules.shown(pause.reason))' at sessions[\(index)].pauses[\(ordinal)] (session \(index + 1), "
          + "\(session.routineID) started \(session.startedAt), pause \(ordinal + 1)) is not one unknot knows "
          + "(\(known))")
    }
    return pause.reason
  }

  /// A pain choice unknot knows how to read: its check, its choice and its ratings are
  /// named with their place in the file, never left to a CHECK constraint's words.
  private static func check(
    _ choice: JournalExportDocument.PainChoiceEntry, at ordinal: Int, in session: JournalExportDocument.SessionEntry,
    at index: Int
  ) throws {
    let place =
      "sessions[\(index)].painChoices[\(ordinal)] (session \(index + 1), \(session.routineID) started "
      + "\(session.startedAt))"
    guard PainCheck.Kind(rawValue: choice.check) != nil else {
      throw ImportProblem(
        message: "the pain check '\(ImportRules.shown(choice.check))' at \(place) is not 'rose' or 'high-before'")
    }
    guard PainChoice(word: choice.choice, routine: choice.gentlerRoutine) != nil else {
      throw ImportProblem(
        message:
          "the choice '\(ImportRules.shown(choice.choice))' at \(place) is not one unknot knows "
          + "('lighter', 'skip-pressure', 'stop', 'as-written', 'gentler-routine')")
    }
    for (name, value) in [("from", choice.from), ("to", Optional(choice.to))] {
      if let value, !PainScale.range.contains(value) {
        throw ImportProblem(message: "the rating '\(name)' at \(place) is \(value); a rating is from 0 to 10")
      }
    }
    try checkMuscleAndSide(
      muscle: choice.muscle, side: choice.side, what: "pain choice \(ordinal + 1)", in: session, at: index)
  }

  /// A checklist answer unknot knows how to read: yes or no, to an item with a proper
  /// id and a question, each named with its place in the file.
  private static func check(
    _ answer: JournalExportDocument.ChecklistAnswerEntry, at ordinal: Int,
    in session: JournalExportDocument.SessionEntry, at index: Int
  ) throws {
    let place =
      "sessions[\(index)].checklistAnswers[\(ordinal)] (session \(index + 1), \(session.routineID) started "
      + "\(session.startedAt))"
    guard ChecklistAnswer(rawValue: answer.answer) != nil else {
      throw ImportProblem(message: "the answer '\(ImportRules.shown(answer.answer))' at \(place) is not 'yes' or 'no'")
    }
    let parts = answer.item.split(separator: "-", omittingEmptySubsequences: false)
    let kebab = parts.allSatisfy { part in
      !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
    guard kebab, answer.item.count <= 64 else {
      throw ImportProblem(
        message:
          "the item id '\(UnsafeCharacters.visible(answer.item))' at \(place) is not an item id; ids are "
          + "lower-case words joined by hyphens, like 'screen-height'")
    }
    guard !answer.question.trimmingWhitespace().isEmpty else {
      throw ImportProblem(message: "the question at \(place) is empty; each answer keeps the question it answered")
    }
    guard answer.stepIndex >= 0 else {
      throw ImportProblem(message: "the step index at \(place) is \(answer.stepIndex); it counts from 0")
    }
  }

  /// A muscle and side unknot knows, for a rating or a step. An unknown one is named
  /// with its place in the file: stored, it would silently drop out of the statistics.
  private static func checkMuscleAndSide(
    muscle: String?, side: String?, what: String, in session: JournalExportDocument.SessionEntry, at index: Int
  ) throws {
    let place = "\(what) of session \(index + 1) (\(session.routineID) started \(session.startedAt))"
    if let muscle, Muscle(rawValue: muscle) == nil {
      throw ImportProblem(
        message:
          "the muscle '\(ImportRules.shown(muscle))' in \(place) is not one unknot knows "
          + "(\(Muscle.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
    }
    if let side, Side(rawValue: side) == nil {
      throw ImportProblem(
        message: "the side '\(ImportRules.shown(side))' in \(place) is not one unknot knows ('left' or 'right')")
    }
  }

  private static func insert(
    _ document: JournalExportDocument, progress: ((Int, Int) -> Void)?, in db: Database
  ) throws -> JournalImportResult {
    var result = JournalImportResult(
      sessionsAdded: 0, sessionsAlreadyPresent: 0, safetyChecksAdded: 0, safetyChecksAlreadyPresent: 0)
    for entry in document.safetyChecks {
      try db.execute(
        sql: "INSERT OR IGNORE INTO safety_checks (checked_at, outcome, answers) VALUES (?, ?, ?)",
        arguments: [
          try milliseconds(entry.checkedAt, "a safety check's time"), entry.outcome, answersJSON(entry.answers),
        ])
      if db.changesCount > 0 {
        result.safetyChecksAdded += 1
      } else {
        result.safetyChecksAlreadyPresent += 1
      }
    }
    try insertAreas(of: document, into: &result, in: db)
    result.programmesAdded = try insertProgrammes(document.programmes ?? [], in: db)
    for (index, session) in document.sessions.enumerated() {
      let startedAt = try milliseconds(session.startedAt, "a session's start")
      let existing = try Int64.fetchOne(
        db, sql: "SELECT id FROM sessions WHERE started_at = ? AND routine_id = ? AND content_hash = ?",
        arguments: [startedAt, session.routineID, session.contentHash])
      guard existing == nil else {
        result.sessionsAlreadyPresent += 1
        progress?(index + 1, document.sessions.count)
        continue
      }
      try insert(session, at: index, startedAt: startedAt, in: db)
      result.sessionsAdded += 1
      progress?(index + 1, document.sessions.count)
    }
    return result
  }

  /// The pain marks and the notices put away, each checked first: a group unknot does
  /// not know, a rating outside 0–10 or a time that is no time is named with its place.
  private static func insertAreas(
    of document: JournalExportDocument, into result: inout JournalImportResult, in db: Database
  ) throws {
    func group(_ id: String, at place: String) throws -> MuscleGroup {
      guard let group = MuscleGroup(rawValue: id) else {
        let known = MuscleGroup.allCases.map(\.id).joined(separator: ", ")
        throw ImportProblem(
          message: "\(place).group '\(ImportRules.shown(id))' is not a muscle group unknot knows (\(known))")
      }
      return group
    }
    func time(_ text: String, at place: String) throws -> Date {
      guard let value = JournalTime.milliseconds(iso8601: text), value >= 0 else {
        throw ImportProblem(
          message: "\(place) '\(ImportRules.shown(text))' is not a time like 2025-03-01T07:30:00.250Z")
      }
      return JournalTime.date(milliseconds: value)
    }
    for (index, entry) in (document.painMarks ?? []).enumerated() {
      let place = "painMarks[\(index)]"
      guard (0...10).contains(entry.rating) else {
        throw ImportProblem(message: "\(place).rating \(entry.rating) is not a rating from 0 to 10")
      }
      let mark = PainMark(
        markedAt: try time(entry.markedAt, at: place + ".markedAt"), group: try group(entry.group, at: place),
        rating: entry.rating)
      try insert(mark, in: db)
      result.painMarksAdded += db.changesCount
    }
    for (index, entry) in (document.dismissedNotices ?? []).enumerated() {
      let place = "dismissedNotices[\(index)]"
      guard let kind = NoticeDismissal.Kind(rawValue: entry.kind) else {
        throw ImportProblem(message: "\(place).kind '\(ImportRules.shown(entry.kind))' is not a notice unknot knows")
      }
      let dismissal = NoticeDismissal(
        kind: kind, group: try group(entry.group, at: place),
        dismissedAt: try time(entry.dismissedAt, at: place + ".dismissedAt"))
      try insert(dismissal, in: db)
      result.dismissalsAdded += db.changesCount
    }
  }

  private static func insert(
    _ session: JournalExportDocument.SessionEntry, at index: Int, startedAt: Int64, in db: Database
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO sessions (routine_id, routine_title, content_hash, started_at, ended_at, outcome, stop_reason,
          stop_rule, planned_seconds, active_ms, paused_ms, muscles)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        session.routineID, session.routineTitle, session.contentHash, startedAt,
        try optionalMilliseconds(session.endedAt, "a session's end"), session.outcome, session.stopReason,
        try stopRule(of: session), session.plannedSeconds, session.activeMs, session.pausedMs,
        session.muscles.joined(separator: ","),
      ])
    let id = db.lastInsertedRowID
    var terms = JournalTerms()
    for (ordinal, step) in session.steps.enumerated() {
      try checkMuscleAndSide(
        muscle: step.muscle, side: step.side, what: "step \(ordinal + 1)", in: session, at: index)
      try db.cachedStatement(
        sql: """
          INSERT INTO steps (session_id, ordinal, step_index, kind, muscle, side, planned_seconds, actual_ms, ending,
            adjusted_ms, clinician_seconds, started_at, ended_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, ordinal, step.stepIndex, try terms.id(step.kind, in: db), try terms.optionalID(step.muscle, in: db),
        try terms.optionalID(step.side, in: db), step.plannedSeconds, step.actualMs,
        try terms.optionalID(step.ending, in: db),
        step.adjustedMs, step.clinicianSeconds, try milliseconds(step.startedAt, "a step's start"),
        try optionalMilliseconds(step.endedAt, "a step's end"),
      ])
    }
    for (ordinal, rating) in session.ratings.enumerated() {
      try checkMuscleAndSide(
        muscle: rating.muscle, side: rating.side, what: "rating \(ordinal + 1)", in: session, at: index)
      try db.cachedStatement(
        sql: """
          INSERT INTO ratings (session_id, ordinal, moment, value, skipped, step_index, muscle, side, rated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, ordinal, try terms.id(rating.moment, in: db), rating.value, rating.skipped, rating.stepIndex,
        try terms.optionalID(rating.muscle, in: db), try terms.optionalID(rating.side, in: db),
        try milliseconds(rating.ratedAt, "a rating's time"),
      ])
    }
    for (ordinal, pause) in session.pauses.enumerated() {
      try db.cachedStatement(
        sql: "INSERT INTO pauses (session_id, ordinal, reason, gap_ms, at, resumed_at) VALUES (?, ?, ?, ?, ?, ?)"
      ).execute(arguments: [
        id, ordinal, try reason(of: pause, at: ordinal, in: session, at: index), pause.gapMs,
        try milliseconds(pause.at, "a pause's start"),
        try optionalMilliseconds(pause.resumedAt, "a pause's end"),
      ])
    }
    for (ordinal, choice) in (session.painChoices ?? []).enumerated() {
      try check(choice, at: ordinal, in: session, at: index)
      try db.cachedStatement(
        sql: """
          INSERT INTO pain_choices (session_id, ordinal, pain_check, rating_from, rating_to, step_index, muscle, side,
            choice, gentler_routine, chosen_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, ordinal, choice.check, choice.from, choice.to, choice.stepIndex, choice.muscle, choice.side,
        choice.choice, choice.gentlerRoutine, try milliseconds(choice.chosenAt, "a pain choice's time"),
      ])
    }
    for (ordinal, answer) in (session.checklistAnswers ?? []).enumerated() {
      try check(answer, at: ordinal, in: session, at: index)
      try db.cachedStatement(
        sql: """
          INSERT INTO checklist_answers (session_id, ordinal, step_index, item_id, question, answer, answered_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, ordinal, answer.stepIndex, answer.item, answer.question, answer.answer,
        try milliseconds(answer.answeredAt, "a checklist answer's time"),
      ])
    }
    for (seq, event) in (session.events ?? []).enumerated() {
      try db.cachedStatement(
        sql: "INSERT INTO events (session_id, seq, kind, at, payload) VALUES (?, ?, ?, ?, ?)"
      ).execute(arguments: [id, seq, event.kind, try optionalMilliseconds(event.at, "an event's time"), event.payload])
    }
    try db.execute(
      sql: """
        UPDATE sessions SET before_rating = (\(JournalSchema.summarySQL(moment: "before", sessionID: "?1"))),
          after_rating = (\(JournalSchema.summarySQL(moment: "after", sessionID: "?1")))
        WHERE id = ?1
        """, arguments: [id])
  }
}
