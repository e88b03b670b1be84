import Foundation
import UnknotCore

/// The programme being followed, for a session command (`home`, `start`): read from the
/// journal it just opened, so the session runs the level's reps and sets and the home
/// screen shows "Today". Nil without one, or with a journal that keeps nothing.
func followedProgramme(
  journal: any SessionJournal, routines: RoutineLibrary, environment: [String: String]
) throws -> ActiveProgramme? {
  guard let journal = journal as? SQLiteJournal else { return nil }
  let programmes = ProgrammeLibrary.load(
    userFolder: ProgrammeLibrary.userFolder(environment: environment), routines: routines)
  do {
    return try ActiveProgramme.read(journal: journal, programmes: programmes, now: Date())
  } catch {
    throw JournalFailureText.forSession(error)
  }
}
