import Foundation
import GRDB
import Synchronization

/// The pain journal: one SQLite file, readable only by its owner, that two unknot
/// sessions in two terminals can write at the same time. Every `append` is committed
/// to disk before it returns. A damaged, foreign, unreadable or newer file is reported
/// with what to do and left exactly as it was: nothing is overwritten or "repaired".
///
/// The file itself, its creation and its modes, is `JournalFile`'s.
///
/// Sendable without reservations: the database queue serializes all access, and the
/// only mutable state (which sessions this instance opened) sits behind a mutex.
public final class SQLiteJournal: SessionJournal, Sendable {
  /// How long a write waits for another unknot's write before giving up.
  static let busyTimeout: TimeInterval = 5

  public let path: String
  /// Opened for history and statistics only: writes are refused.
  public let isReadOnly: Bool
  let dbQueue: DatabaseQueue

  private struct State {
    /// Where each session begun here started, to date its events.
    var starts: [Int64: JournalSessionStart] = [:]
    /// The sessions this instance marked as running and has not seen end.
    var running: Set<Int64> = []
    /// Sessions begun here that have ended: their event log is closed.
    var ended: Set<Int64> = []
  }

  private let state = Mutex(State())

  /// Opens the journal at `path`, creating it (and its folders) when it does not exist,
  /// and bringing its schema up to date. A read-only journal must already exist.
  public init(path: String, readOnly: Bool = false) throws(JournalError) {
    self.path = path
    isReadOnly = readOnly
    let created = try JournalFile.prepare(at: path, readOnly: readOnly)

    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "unknot.journal"
    configuration.prepareDatabase { db in
      // A rating must survive a power cut once the next screen shows: in WAL mode FULL
      // syncs the log at every commit, where NORMAL may lose the last ones.
      if !db.configuration.readonly {
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
      // A small page cache: the check on opening reads every page once, and years of
      // sessions must not all stay in memory during a guided session.
      try db.execute(sql: "PRAGMA cache_size = -512")
    }
    do {
      dbQueue = try DatabaseQueue(
        path: readOnly ? JournalFile.readOnlyLocation(of: path) : path, configuration: configuration)
    } catch {
      throw JournalError(error, path: path, doing: "open the journal")
    }
    try checkIntegrity()
    let upToDate = try checkSchemaIsKnown()
    if !readOnly {
      // WAL lets one terminal read history while another writes a session. It is set
      // here rather than as the connection opens, after the checks above, so that a
      // damaged or newer file is never written to, not even its header.
      try perform("switch the journal to write-ahead logging") {
        try dbQueue.writeWithoutTransaction { db in
          _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
      }
      // An up-to-date journal skips the migrator: opening stays quick and light.
      if !upToDate { try migrate() }
      if created {
        JournalFile.restrictModes(ofJournal: path)
      }
      // The one place sessions a killed process left open are closed: here, as any
      // command opens the journal to write (a session, the safety check, an import),
      // so no front end has to remember to, and before anything is shown or written.
      // Readers never write; they show such a session as interrupted all the same.
      try markInterruptedSessions()
    }
  }

  deinit {
    // Sessions left open by this instance can no longer receive events: from here on
    // readers show them as interrupted, and the next opening for writing closes them.
    for sessionID in state.withLock({ $0.running }) {
      JournalLiveSessions.release(sessionID, journal: path)
    }
  }

  // MARK: - SessionJournal

  public var isLogging: Bool { !isReadOnly }

  public func beginSession(_ start: JournalSessionStart) throws(JournalError) -> JournalSessionID {
    guard !isReadOnly else { throw .readOnly(path) }
    let sessionID: Int64 = try perform("open a session record") {
      try dbQueue.write { db in
        let sessionID = try Self.insertSession(start, in: db)
        // Marked running before the row is visible to anyone, so no other unknot can
        // take it for a session whose process died. Without the lock file (an odd file
        // system) the session is still logged; at worst another terminal marks it
        // interrupted early, and its own end corrects that.
        _ = JournalLiveSessions.hold(sessionID, journal: path)
        return sessionID
      }
    }
    state.withLock { state in
      state.starts[sessionID] = start
      state.running.insert(sessionID)
    }
    return JournalSessionID(sessionID)
  }

  public func append(_ events: [SessionEvent], to session: JournalSessionID) throws(JournalError) {
    guard !isReadOnly else { throw .readOnly(path) }
    guard !events.isEmpty else { return }
    let sessionID = session.rawValue
    let (start, alreadyEnded) = state.withLock { ($0.starts[sessionID], $0.ended.contains(sessionID)) }
    guard let start else {
      throw JournalError(
        .writeFailed, path: path,
        message: "session \(sessionID) was not begun through this journal, so its events cannot be dated.")
    }
    let ended: Bool = try perform("save the session's progress") {
      try dbQueue.write { db in
        // After its end a session only hears cues and rejected commands, which change
        // nothing; its log, deleted at the end, is not started again for them.
        var recorder = try JournalRecorder(continuing: sessionID, start: start, logsEvents: !alreadyEnded, in: db)
        let ended = try recorder.record(events, in: db)
        if ended {
          // The rows now hold the whole record; the log existed only to rebuild a
          // session that never reached this point.
          try db.execute(sql: "DELETE FROM events WHERE session_id = ?", arguments: [sessionID])
        }
        return ended
      }
    }
    if ended {
      state.withLock { state in
        state.running.remove(sessionID)
        state.ended.insert(sessionID)
      }
      JournalLiveSessions.release(sessionID, journal: path)
    }
  }

  // MARK: - Helpers

  /// Runs database work, turning its failures into journal errors that name the action.
  func perform<T>(_ action: String, _ work: () throws -> T) throws(JournalError) -> T {
    do {
      return try work()
    } catch let error as JournalError {
      throw error
    } catch {
      throw JournalError(error, path: path, doing: action)
    }
  }

  /// The `sessions` row of a session that is starting; returns its id.
  static func insertSession(_ start: JournalSessionStart, in db: Database) throws -> Int64 {
    var startedAt = JournalTime.milliseconds(start.startedAt)
    // The same routine file started in the same millisecond (two terminals, one
    // keystroke) would collide on the session key; a session is never left unlogged
    // for that, so it moves to the next free millisecond.
    while try Bool.fetchOne(
      db.cachedStatement(
        sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE routine_id = ? AND started_at = ? AND content_hash = ?)"),
      arguments: [start.routineID, startedAt, start.contentHash]) == true
    {
      startedAt += 1
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO sessions (routine_id, routine_title, content_hash, started_at, muscles)
        VALUES (?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      start.routineID, start.routineTitle, start.contentHash, startedAt,
      start.muscles.map(\.rawValue).joined(separator: ","),
    ])
    return db.lastInsertedRowID
  }
}
