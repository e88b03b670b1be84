import ArgumentParser
import Foundation
import UnknotCore

/// `--since` and `--muscle`, shared by history and stats, checked before the journal
/// is read so a typo fails at once with a suggestion.
struct JournalFilterOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Only sessions on or after this day, in your time zone.", valueName: "YYYY-MM-DD"))
  var since: String?

  @Option(
    help: ArgumentHelp("Only sessions of routines that work this muscle (see `unknot muscles`).", valueName: "muscle"))
  var muscle: String?

  @Option(
    help: ArgumentHelp(
      "Only sessions of routines for this area, with the ratings you marked there (see `unknot hurts`).",
      valueName: "group"))
  var area: String?

  /// The filter the options describe, dates read in `timeZone`.
  func filter(timeZone: TimeZone) throws -> JournalFilter {
    var filter = JournalFilter(
      muscle: try resolve(muscle, as: Muscle.self), area: try resolve(area, as: MuscleGroup.self))
    if let since {
      guard let day = DateText.startOfDay(since, in: timeZone) else {
        throw CommandLineError("'\(since)' is not a date: --since wants a day as YYYY-MM-DD, like 2025-03-01")
      }
      filter.since = day
    }
    return filter
  }
}

/// The routine id `--routine` names: one with sessions in the journal, or one in the
/// routine library (which may simply have no sessions yet). Anything else fails with
/// the nearest id as a suggestion.
func resolveRoutine(_ typed: String?, journal: SQLiteJournal?, routineOptions: RoutineOptions) throws -> String? {
  guard let typed else { return nil }
  let id = NameMatching.normalize(typed)
  var inJournal: [String] = []
  if let journal {
    do {
      inJournal = Array(try journal.routineTitles().keys)
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
  }
  if inJournal.contains(id) { return id }
  // Only a routine the journal does not know needs the library, which takes longer to load.
  let library = routineOptions.library().routines.compactMap { $0.routine?.id }
  if library.contains(id) { return id }
  var message = "no routine with the id '\(typed)' in your journal or your routines"
  if let near = NameMatching.nearest(to: id, among: Array(Set(inJournal + library)).sorted()) {
    message += "; did you mean '\(near)'?"
  } else {
    message += ". Run `unknot list` to see the routines, or `unknot stats` for the ones you have done"
  }
  throw CommandLineError(message)
}
