import Foundation

/// A followed programme as the full-screen front end holds it: the file, the enrolment
/// and the sessions counted so far. A session that ends in the app joins `sessions`, and
/// "Today" and the doses are worked out again by the same pure rule as everywhere else,
/// so the home screen never needs the journal read twice.
public struct ProgrammeTracker: Sendable, Equatable {
  public var programme: Programme
  public var enrolment: ProgrammeEnrolment
  public var sessions: [ProgrammeSession]

  public init(programme: Programme, enrolment: ProgrammeEnrolment, sessions: [ProgrammeSession]) {
    self.programme = programme
    self.enrolment = enrolment
    self.sessions = sessions
  }

  public func today(now: Date, zone: DisplayZone) -> ProgrammeToday {
    ProgrammeProgress.today(programme: programme, enrolment: enrolment, sessions: sessions, now: now, zone: zone)
  }

  /// The dose each of the programme's routines takes today, by routine id: empty
  /// when the programme is paused or finished.
  public static func doses(of programme: Programme, today: ProgrammeToday) -> [String: ProgrammeDose] {
    var doses: [String: ProgrammeDose] = [:]
    for id in programme.routineIDs {
      if let dose = today.dose(forRoutine: id) { doses[id] = dose }
    }
    return doses
  }

  /// Counts a session that has just ended, when its routine belongs to the programme.
  public mutating func record(_ record: SessionRecord, startedAt: Date, outcome: JournalOutcome?) {
    guard programme.routineIDs.contains(record.routineID) else { return }
    let during = record.ratings.filter { $0.moment != .before }.compactMap(\.value)
    sessions.append(
      ProgrammeSession(
        routineID: record.routineID, startedAt: startedAt, outcome: outcome, before: record.before,
        highest: during.max(), painRoseChoice: record.painChoices.contains { $0.check == .rose }))
  }
}

extension ActiveProgramme {
  /// The tracker for the front end, when the programme's file was found.
  public var tracker: ProgrammeTracker? {
    guard let programme else { return nil }
    return ProgrammeTracker(programme: programme, enrolment: enrolment, sessions: sessions)
  }
}
