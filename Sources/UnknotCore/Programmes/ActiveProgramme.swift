import Foundation

/// The programme a person follows, as the journal and the programme files say:
/// what the home screen's "Today", `unknot status` and `unknot programme today` show,
/// and where a session's dose comes from.
public struct ActiveProgramme: Sendable {
  public var enrolment: ProgrammeEnrolment
  /// Nil when no programme file has the enrolment's id any more.
  public var programme: Programme?
  public var today: ProgrammeToday?
  /// The programme's sessions read from the journal, which `today` was worked out from.
  public var sessions: [ProgrammeSession]

  public init(
    enrolment: ProgrammeEnrolment, programme: Programme?, today: ProgrammeToday?, sessions: [ProgrammeSession] = []
  ) {
    self.enrolment = enrolment
    self.programme = programme
    self.today = today
    self.sessions = sessions
  }

  /// Reads the journal at `journalPath` with the cheap read-only queries (fit for a
  /// status line); nil when no programme is being followed.
  public static func read(
    journalPath: String, programmes: ProgrammeLibrary, now: Date, zone: DisplayZone = .local
  ) throws(JournalError) -> ActiveProgramme? {
    guard let enrolment = try SQLiteJournal.activeProgramme(path: journalPath) else { return nil }
    return try assemble(enrolment, programmes: programmes, now: now, zone: zone) {
      programme, until throws(JournalError) in
      try SQLiteJournal.programmeSessions(
        path: journalPath, routineIDs: programme.routineIDs, since: enrolment.startedAt, until: until)
    }
  }

  /// The same through an open journal.
  public static func read(
    journal: SQLiteJournal, programmes: ProgrammeLibrary, now: Date, zone: DisplayZone = .local
  ) throws(JournalError) -> ActiveProgramme? {
    guard let enrolment = try journal.activeProgramme() else { return nil }
    return try assemble(enrolment, programmes: programmes, now: now, zone: zone) {
      programme, until throws(JournalError) in
      try journal.programmeSessions(routineIDs: programme.routineIDs, since: enrolment.startedAt, until: until)
    }
  }

  /// The enrolment with its programme's file and the sessions `sessions` reads up to the
  /// programme's end (later ones never count).
  private static func assemble(
    _ enrolment: ProgrammeEnrolment, programmes: ProgrammeLibrary, now: Date, zone: DisplayZone,
    sessions read: (Programme, Date) throws(JournalError) -> [ProgrammeSession]
  ) throws(JournalError) -> ActiveProgramme {
    guard let programme = programmes.programme(enrolment.programmeID) else {
      return ActiveProgramme(enrolment: enrolment, programme: nil, today: nil)
    }
    let sessions = try read(programme, ProgrammeProgress.end(of: programme, enrolment: enrolment, now: now))
    return ActiveProgramme(
      enrolment: enrolment, programme: programme,
      today: ProgrammeProgress.today(
        programme: programme, enrolment: enrolment, sessions: sessions, now: now, zone: zone),
      sessions: sessions)
  }

  /// The dose each progressing routine takes today, by routine id: empty when the
  /// programme is paused or finished.
  public var doses: [String: ProgrammeDose] {
    guard let today, let programme else { return [:] }
    return ProgrammeTracker.doses(of: programme, today: today)
  }

  /// "Today: strength, 2 of 3 this week" without the "Today: ".
  public var phrase: String {
    guard let today else {
      return UnsafeCharacters.visible("\(enrolment.programmeTitle) is no longer found")
    }
    return ProgrammeTodayText.phrase(today)
  }
}

extension ActiveProgramme {
  /// "Today: strength, 2 of 3 this week", or nil when no programme is followed: the
  /// one call `unknot status` and the home screen need. Reads only the programme files
  /// (their routine ids unchecked) and two or three indexed queries, never the routines.
  public static func todayLine(
    journalPath: String, environment: [String: String], now: Date, zone: DisplayZone = .local
  ) throws(JournalError) -> String? {
    let programmes = ProgrammeLibrary.load(
      userFolder: ProgrammeLibrary.userFolder(environment: environment), routines: nil)
    return try read(journalPath: journalPath, programmes: programmes, now: now, zone: zone).map {
      "Today: " + $0.phrase
    }
  }
}

extension ProgrammeLibrary {
  /// The loaded programme with exactly this id.
  public func programme(_ id: String) -> Programme? {
    programmes.first { $0.programme?.id == id }?.programme
  }
}
