import Foundation
import UnknotCore

/// The active programme's doses for a session command (`home`, `start`): read from the
/// journal it just opened, so the session runs the level's reps and sets.
func programmeDoses(
  journal: any SessionJournal, routines: RoutineLibrary, environment: [String: String]
) throws -> [String: ProgrammeDose] {
  guard let journal = journal as? SQLiteJournal else { return [:] }
  let programmes = ProgrammeLibrary.load(
    userFolder: ProgrammeLibrary.userFolder(environment: environment), routines: routines)
  do {
    return try ActiveProgramme.read(journal: journal, programmes: programmes, now: Date())?.doses ?? [:]
  } catch {
    throw JournalFailureText.forSession(error)
  }
}
