import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The pain journal: one SQLite file, readable only by its owner, that two unknot
/// sessions in two terminals can write at the same time. Every `append` is committed
/// to disk before it returns. A damaged, foreign, unreadable or newer file is reported
/// with what to do and left exactly as it was: nothing is overwritten or "repaired".
///
/// Modes: a journal file and folders that this class creates are made 0600 and 0700.
/// An existing journal keeps the modes its owner gave it; unknot does not change the
/// permissions of files it did not create.
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
    let created = try Self.prepareFile(at: path, readOnly: readOnly)

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
        path: readOnly ? Self.readOnlyLocation(of: path) : path, configuration: configuration)
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
        restrictModes()
      }
    }
  }

  deinit {
    // Sessions left open by this instance can no longer receive events: let the next
    // `markInterruptedSessions` close them.
    for sessionID in state.withLock({ $0.running }) {
      JournalLiveSessions.release(sessionID, journal: path)
    }
  }

  // MARK: - SessionJournal

  public var isLogging: Bool { !isReadOnly }

  public func latestSafetyCheck() throws(JournalError) -> SafetyCheck? {
    try perform("read the latest safety check") {
      try dbQueue.read { db in
        try Row.fetchOne(
          db, sql: "SELECT checked_at, outcome, answers FROM safety_checks ORDER BY checked_at DESC, id DESC LIMIT 1"
        ).map(Self.safetyCheck(from:))
      }
    }
  }

  public func record(_ check: SafetyCheck) throws(JournalError) {
    guard !isReadOnly else { throw .readOnly(path) }
    try perform("save the safety check") {
      try dbQueue.write { db in
        try Self.insert(check, in: db)
      }
    }
  }

  public func beginSession(_ start: JournalSessionStart) throws(JournalError) -> JournalSessionID {
    guard !isReadOnly else { throw .readOnly(path) }
    _ = try markInterruptedSessions()
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

  // MARK: - Interrupted sessions

  /// Closes the sessions whose process died before they ended: outcome "interrupted",
  /// ended at their last event, the open step ended as interrupted, an open pause
  /// closed. Every rating stays, and so do their events, as evidence. Sessions still
  /// running in this or another process are left alone. Returns how many were closed.
  @discardableResult
  public func markInterruptedSessions() throws(JournalError) -> Int {
    guard !isReadOnly else { throw .readOnly(path) }
    return try perform("close sessions that were interrupted") {
      try dbQueue.write { db in
        let unended = try Int64.fetchAll(db, sql: "SELECT id FROM sessions WHERE ended_at IS NULL")
        var closed = 0
        for sessionID in unended where !JournalLiveSessions.isRunning(sessionID, journal: path) {
          let lastTime =
            try Int64.fetchOne(
              db,
              sql: """
                SELECT max(t) FROM (
                  SELECT max(at) AS t FROM events WHERE session_id = ?1
                  UNION ALL SELECT max(coalesce(ended_at, started_at)) FROM steps WHERE session_id = ?1
                  UNION ALL SELECT max(rated_at) FROM ratings WHERE session_id = ?1
                  UNION ALL SELECT max(coalesce(resumed_at, at)) FROM pauses WHERE session_id = ?1
                  UNION ALL SELECT started_at FROM sessions WHERE id = ?1)
                """, arguments: [sessionID]) ?? 0
          try JournalRecorder.interrupt(sessionID, at: lastTime, in: db)
          closed += 1
        }
        return closed
      }
    }
  }

  // MARK: - Opening

  /// Checks an existing file can be opened as asked, or creates an empty one (a valid
  /// empty database) with mode 0600 in folders made 0700. Returns whether it created it.
  private static func prepareFile(at path: String, readOnly: Bool) throws(JournalError) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw JournalError(.cannotOpen, path: path, message: "this is not a file (a folder?). Choose another path.")
      }
      // SQLite would quietly fall back to read-only on a file it may not write; asking
      // first gives the person the real reason.
      let descriptor = open(path, (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw JournalError(errno: errno, path: path, doing: readOnly ? "read the journal" : "write to the journal")
      }
      close(descriptor)
      return false
    }
    guard errno == ENOENT else {
      throw JournalError(errno: errno, path: path, doing: "reach the journal")
    }
    guard !readOnly else {
      throw JournalError(
        .cannotOpen, path: path, message: "there is no journal here yet: it starts with the first session.")
    }
    try createFolder(parent(of: path), for: path)
    let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      // Another unknot created it a moment ago: it is that one's, modes included.
      if errno == EEXIST { return false }
      throw JournalError(errno: errno, path: path, doing: "create the journal")
    }
    // The umask may only have taken bits away; make it exactly owner read-write.
    fchmod(descriptor, 0o600)
    close(descriptor)
    return true
  }

  /// Creates `folder` and any missing parents with mode 0700, as the XDG specification
  /// asks of data folders. Existing folders are left as they are.
  private static func createFolder(_ folder: String, for path: String) throws(JournalError) {
    var info = stat()
    if stat(folder, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw JournalError(errno: ENOTDIR, path: path, doing: "create the folder \(folder)")
      }
      return
    }
    guard errno == ENOENT else {
      throw JournalError(errno: errno, path: path, doing: "create the folder \(folder)")
    }
    try createFolder(parent(of: folder), for: path)
    guard mkdir(folder, 0o700) == 0 else {
      if errno == EEXIST { return }
      throw JournalError(errno: errno, path: path, doing: "create the folder \(folder)")
    }
    chmod(folder, 0o700)
  }

  /// Where SQLite should open a journal only to read it. In a folder this user may not
  /// write (a read-only disk, a copy someone shared) SQLite cannot make the side files
  /// its write-ahead log needs even to read, and refuses. With no log there, nobody can
  /// be writing the journal, so it is opened as immutable: read as it stands.
  static func readOnlyLocation(of path: String) -> String {
    var info = stat()
    guard access(parent(of: path), W_OK) != 0, stat(path + "-wal", &info) != 0, errno == ENOENT else { return path }
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    guard let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) else { return path }
    return "file:\(encoded)?immutable=1"
  }

  private static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Sets the files SQLite made beside a journal we created to 0600 too. SQLite gives
  /// them the journal's mode already; this checks rather than trusts it.
  private func restrictModes() {
    for file in [path, path + "-wal", path + "-shm", JournalLiveSessions.lockPath(forJournal: path)] {
      var info = stat()
      if stat(file, &info) == 0, info.st_mode & 0o777 != 0o600 {
        chmod(file, 0o600)
      }
    }
  }

  private func checkIntegrity() throws(JournalError) {
    // quick_check reads every page but skips the slow index cross-checks: a few
    // milliseconds on years of sessions, and it finds damage before anything is written.
    let problems: [String] = try perform("check the journal") {
      try dbQueue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
    }
    guard problems == ["ok"] else {
      throw JournalError.corrupt(path, detail: "SQLite's check says: " + problems.joined(separator: "; "))
    }
  }

  /// Refuses a journal written by a newer unknot; returns whether every known
  /// migration is already applied.
  private func checkSchemaIsKnown() throws(JournalError) -> Bool {
    let migrator = JournalSchema.migrator
    let applied: Set<String> = try perform("read the journal's version") {
      try dbQueue.read { db in
        guard try db.tableExists("grdb_migrations") else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
      }
    }
    let unknown = applied.subtracting(migrator.migrations).sorted()
    guard unknown.isEmpty else { throw JournalError.newerSchema(path, unknown: unknown) }
    if isReadOnly, applied.count < migrator.migrations.count {
      throw JournalError(
        .cannotOpen, path: path,
        message:
          "this journal was written by an older unknot and needs an upgrade, which opening it read-only cannot "
          + "do. Start a session (or open it for writing) once, then try again.")
    }
    return applied == Set(migrator.migrations)
  }

  private func migrate() throws(JournalError) {
    let migrator = JournalSchema.migrator
    try perform("upgrade the journal") {
      do {
        try migrator.migrate(dbQueue)
      } catch {
        // Two unknots opening an old journal at once both try to upgrade it; the
        // loser's migration fails on tables the winner just made. Then it is done.
        let done = (try? dbQueue.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
        if !done {
          try migrator.migrate(dbQueue)
        }
      }
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

  static func insert(_ check: SafetyCheck, in db: Database) throws {
    try db.execute(
      sql: "INSERT OR IGNORE INTO safety_checks (checked_at, outcome, answers) VALUES (?, ?, ?)",
      arguments: [JournalTime.milliseconds(check.date), check.outcome.rawValue, answersJSON(check.answers)])
  }

  /// Answers as JSON with sorted keys, so the same answers are always the same text.
  /// JSONSerialization rather than Codable: this runs as every session starts, and the
  /// generic coders cost over a megabyte of memory to a guided session.
  static func answersJSON(_ answers: [String: Bool]) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys, .withoutEscapingSlashes]))
      ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func safetyCheck(from row: Row) throws -> SafetyCheck {
    let answersText: String = row["answers"]
    let outcomeText: String = row["outcome"]
    guard let answers = try JSONSerialization.jsonObject(with: Data(answersText.utf8)) as? [String: Bool] else {
      throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "safety check answers are not a set of yes/no answers")
    }
    guard let outcome = SafetyCheck.Outcome(rawValue: outcomeText) else {
      throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown safety check outcome '\(outcomeText)'")
    }
    return SafetyCheck(date: JournalTime.date(milliseconds: row["checked_at"]), answers: answers, outcome: outcome)
  }
}
