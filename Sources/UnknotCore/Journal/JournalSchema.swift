import GRDB

/// The journal's tables, built by versioned migrations. A migration, once shipped, is
/// never edited: a journal written by any earlier unknot must open in every later one.
///
/// Conventions, chosen to keep twenty years of daily sessions under 10 MB:
/// - times are INTEGER Unix milliseconds (UTC); durations are INTEGER milliseconds;
/// - enumerations are the lowercase words the JSON export uses. In `sessions` and
///   `pauses` they are stored as text. In `steps` and `ratings`, which hold nine rows
///   in ten, each word is stored once in `terms` and referenced by its id: the words
///   alone would make up a third of the file. The views `steps_named` and
///   `ratings_named` show those tables with the words, for people and for export;
/// - a session's children (steps, ratings, pauses, events) are WITHOUT ROWID tables
///   keyed by (session_id, ordinal), so they sit together on disk in session order and
///   their primary key doubles as the session_id index.
public enum JournalSchema {
  /// The migration identifiers this version knows, oldest first.
  public static var versions: [String] { migrator.migrations }

  /// The newest schema version this unknot writes.
  public static var currentVersion: String { versions.last ?? "" }

  public static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: createTables)
    migrator.registerMigration("v2", migrate: addSummariesAndIndexes)
    migrator.registerMigration("v3", migrate: addStopRule)
    migrator.registerMigration("v4", migrate: allowOverlayPauses)
    migrator.registerMigration("v5", migrate: addPainMarksAndDismissals)
    migrator.registerMigration("v6", migrate: addPainChoices)
    migrator.registerMigration("v7", migrate: addProgrammeEnrolments)
    migrator.registerMigration("v8", migrate: addChecklistAnswers)
    return migrator
  }

  /// v1: the tables of the first journal.
  private static func createTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE sessions (
          id INTEGER PRIMARY KEY,
          routine_id TEXT NOT NULL,
          routine_title TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          started_at INTEGER NOT NULL,
          ended_at INTEGER,
          outcome TEXT CHECK (outcome IN ('finished', 'quit', 'stopped-for-safety', 'interrupted')),
          stop_reason TEXT,
          planned_seconds INTEGER NOT NULL DEFAULT 0,
          active_ms INTEGER NOT NULL DEFAULT 0,
          paused_ms INTEGER NOT NULL DEFAULT 0,
          muscles TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE terms (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE
        );

        CREATE TABLE steps (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          step_index INTEGER NOT NULL,
          kind INTEGER NOT NULL REFERENCES terms(id),
          muscle INTEGER REFERENCES terms(id),
          side INTEGER REFERENCES terms(id),
          planned_seconds INTEGER,
          actual_ms INTEGER,
          ending INTEGER REFERENCES terms(id),
          adjusted_ms INTEGER NOT NULL DEFAULT 0,
          clinician_seconds INTEGER,
          started_at INTEGER NOT NULL,
          ended_at INTEGER,
          PRIMARY KEY (session_id, ordinal)
        ) WITHOUT ROWID;

        CREATE TABLE ratings (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          moment INTEGER NOT NULL REFERENCES terms(id),
          value INTEGER CHECK (value BETWEEN 0 AND 10),
          skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
          step_index INTEGER NOT NULL,
          muscle INTEGER REFERENCES terms(id),
          side INTEGER REFERENCES terms(id),
          rated_at INTEGER NOT NULL,
          CHECK ((skipped = 1) = (value IS NULL)),
          PRIMARY KEY (session_id, ordinal)
        ) WITHOUT ROWID;

        CREATE VIEW steps_named AS
          SELECT s.session_id, s.ordinal, s.step_index, k.name AS kind, m.name AS muscle, d.name AS side,
            s.planned_seconds, s.actual_ms, e.name AS ending, s.adjusted_ms, s.clinician_seconds, s.started_at,
            s.ended_at
          FROM steps s JOIN terms k ON k.id = s.kind LEFT JOIN terms m ON m.id = s.muscle
            LEFT JOIN terms d ON d.id = s.side LEFT JOIN terms e ON e.id = s.ending;

        CREATE VIEW ratings_named AS
          SELECT r.session_id, r.ordinal, t.name AS moment, r.value, r.skipped, r.step_index, m.name AS muscle,
            d.name AS side, r.rated_at
          FROM ratings r JOIN terms t ON t.id = r.moment LEFT JOIN terms m ON m.id = r.muscle
            LEFT JOIN terms d ON d.id = r.side;

        CREATE TABLE pauses (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          reason TEXT NOT NULL CHECK (reason IN ('person', 'clock-gap')),
          gap_ms INTEGER,
          at INTEGER NOT NULL,
          resumed_at INTEGER,
          PRIMARY KEY (session_id, ordinal)
        ) WITHOUT ROWID;

        CREATE TABLE safety_checks (
          id INTEGER PRIMARY KEY,
          checked_at INTEGER NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'clinician-agreed', 'see-doctor', 'urgent')),
          answers TEXT NOT NULL
        );

        CREATE TABLE events (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          kind TEXT NOT NULL,
          at INTEGER,
          payload TEXT NOT NULL,
          PRIMARY KEY (session_id, seq)
        ) WITHOUT ROWID;
        """)
  }

  /// v2: each session's before and after rating beside it, so history and statistics
  /// read one table; the stable session key that makes import idempotent (it is also
  /// the index for one routine's sessions); indexes for history by date and for
  /// finding unfinished sessions.
  private static func addSummariesAndIndexes(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE sessions ADD COLUMN before_rating INTEGER CHECK (before_rating BETWEEN 0 AND 10);
        ALTER TABLE sessions ADD COLUMN after_rating INTEGER CHECK (after_rating BETWEEN 0 AND 10);
        UPDATE sessions SET
          before_rating = (\(summarySQL(moment: "before", sessionID: "sessions.id"))),
          after_rating = (\(summarySQL(moment: "after", sessionID: "sessions.id")));

        CREATE UNIQUE INDEX sessions_key ON sessions(routine_id, started_at, content_hash);
        CREATE INDEX sessions_by_start ON sessions(started_at);
        CREATE INDEX sessions_unended ON sessions(id) WHERE ended_at IS NULL;
        CREATE UNIQUE INDEX safety_checks_key ON safety_checks(checked_at, outcome, answers);
        """)
  }

  /// v3: a stop for one of the routine's own stop rules keeps the rule's text beside
  /// `stop_reason = 'routine-rule'`. Each danger sign became its own reason; rows
  /// written before keep their words (`dizziness` then meant "dizziness, nausea,
  /// vision or speech change", and still reads so).
  private static func addStopRule(_ db: Database) throws {
    try db.execute(sql: "ALTER TABLE sessions ADD COLUMN stop_rule TEXT")
  }

  /// v4: `pauses.reason` may also be `overlay`, the countdown held while a box was open
  /// over the session; until now such pauses were stored as `person`. SQLite cannot
  /// change a CHECK, so the table is rebuilt as GRDB advises for a migration: a new
  /// table with the same columns, key, foreign key and WITHOUT ROWID, every row copied,
  /// the old one dropped, the new one renamed. The migrator runs this with foreign keys
  /// off and checks them all before it commits, so dropping the old table touches no
  /// other row, and any failure leaves the journal as it was. `pauses` has no index,
  /// trigger or view of its own to carry over; its key is the table itself.
  private static func allowOverlayPauses(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE new_pauses (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          reason TEXT NOT NULL CHECK (reason IN ('person', 'clock-gap', 'overlay')),
          gap_ms INTEGER,
          at INTEGER NOT NULL,
          resumed_at INTEGER,
          PRIMARY KEY (session_id, ordinal)
        ) WITHOUT ROWID;
        INSERT INTO new_pauses (session_id, ordinal, reason, gap_ms, at, resumed_at)
          SELECT session_id, ordinal, reason, gap_ms, at, resumed_at FROM pauses;
        DROP TABLE pauses;
        ALTER TABLE new_pauses RENAME TO pauses;
        """)
  }

  /// v5: where it hurts today, and the notices a person put away. `pain_marks` holds
  /// one row per muscle group marked (a group marked twice the same day keeps both
  /// rows; the latest is that day's). `dismissed_notices` holds when a notice of a
  /// kind was put away for a group, so it stays quiet for a week. Group ids are
  /// checked by unknot rather than by a CHECK, so a later unknot can add a group
  /// without rebuilding the tables; ratings and times are checked here too.
  private static func addPainMarksAndDismissals(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE pain_marks (
          id INTEGER PRIMARY KEY,
          marked_at INTEGER NOT NULL CHECK (marked_at >= 0),
          muscle_group TEXT NOT NULL CHECK (muscle_group <> ''),
          rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10)
        );
        CREATE UNIQUE INDEX pain_marks_key ON pain_marks(marked_at, muscle_group);

        CREATE TABLE dismissed_notices (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind <> ''),
          muscle_group TEXT NOT NULL CHECK (muscle_group <> ''),
          dismissed_at INTEGER NOT NULL CHECK (dismissed_at >= 0)
        );
        CREATE UNIQUE INDEX dismissed_notices_key ON dismissed_notices(kind, muscle_group, dismissed_at);
        """)
  }

  /// v6: what the person chose when pain rose between steps, or was high before the
  /// start (lighter, skip the pressure on a muscle, stop, as written, a gentler
  /// routine), with the ratings that raised the question. Kept as rows: the `events`
  /// log is emptied when a session ends.
  private static func addPainChoices(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE pain_choices (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          pain_check TEXT NOT NULL CHECK (pain_check IN ('rose', 'high-before')),
          rating_from INTEGER CHECK (rating_from BETWEEN 0 AND 10),
          rating_to INTEGER NOT NULL CHECK (rating_to BETWEEN 0 AND 10),
          step_index INTEGER NOT NULL,
          muscle TEXT,
          side TEXT CHECK (side IN ('left', 'right')),
          choice TEXT NOT NULL
            CHECK (choice IN ('lighter', 'skip-pressure', 'stop', 'as-written', 'gentler-routine')),
          gentler_routine TEXT,
          chosen_at INTEGER NOT NULL,
          PRIMARY KEY (session_id, ordinal)
        ) WITHOUT ROWID;
        """)
  }

  /// v7: the programmes a person started, paused, resumed and left. Progress and levels
  /// are not stored: they are read from `sessions` each time, so nothing is ticked off
  /// by hand and nothing can disagree with the sessions. One row per enrolment (an
  /// open one has no `left_at`) and one per pause (an open one has no `resumed_at`).
  /// The partial index makes the active programme one cheap lookup, for a status line.
  private static func addProgrammeEnrolments(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE programme_enrolments (
          id INTEGER PRIMARY KEY,
          programme_id TEXT NOT NULL CHECK (programme_id <> ''),
          programme_title TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          started_at INTEGER NOT NULL CHECK (started_at >= 0),
          left_at INTEGER CHECK (left_at IS NULL OR left_at >= started_at)
        );
        CREATE UNIQUE INDEX programme_enrolments_key ON programme_enrolments(programme_id, started_at);
        CREATE INDEX programme_enrolments_open ON programme_enrolments(started_at) WHERE left_at IS NULL;

        CREATE TABLE programme_pauses (
          enrolment_id INTEGER NOT NULL REFERENCES programme_enrolments(id) ON DELETE CASCADE,
          paused_at INTEGER NOT NULL CHECK (paused_at >= 0),
          resumed_at INTEGER CHECK (resumed_at IS NULL OR resumed_at >= paused_at),
          PRIMARY KEY (enrolment_id, paused_at)
        ) WITHOUT ROWID;
        """)
  }

  /// v8: the answers to checklist steps (the desk check), a row per answer as it is
  /// given, so a killed session keeps them; an item answered again after going back
  /// keeps both rows, the later one counting. The question is kept as it was asked:
  /// the routine's wording may change, the item's id stays.
  private static func addChecklistAnswers(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE checklist_answers (
          session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          step_index INTEGER NOT NULL,
          item_id TEXT NOT NULL CHECK (item_id <> ''),
          question TEXT NOT NULL,
          answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
          answered_at INTEGER NOT NULL,
          PRIMARY KEY (session_id, ordinal)
        ) WITHOUT ROWID;
        """)
  }

  /// The rating that sums a session up, as `SessionRecord` defines it: the first
  /// rating asked before (nil when skipped), the last one asked after.
  static func summarySQL(moment: String, sessionID: String) -> String {
    let order = moment == "before" ? "ASC" : "DESC"
    return """
      SELECT value FROM ratings WHERE session_id = \(sessionID) \
      AND moment = (SELECT id FROM terms WHERE name = '\(moment)') ORDER BY ordinal \(order) LIMIT 1
      """
  }
}
