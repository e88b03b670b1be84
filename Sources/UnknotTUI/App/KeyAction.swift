/// What a key does, in the person's words. Handlers act on these, never on raw keys,
/// so every key's meaning comes from `KeyTable`.
enum KeyAction: Sendable, Equatable {
  case up, down, pageUp, pageDown, toTop, toBottom
  case openRoutines, backToGroups, open, toolFilter, chooseTools, safetyCheck, help, history, quit
  case tick, done, start, back
  case begin, yes, no, previous, leave, goOn
  case pauseOrContinue, next, stepBack, extend, shorten, released, inPosition, stop
  case typed, ratingUp, ratingDown, save, skipRating, erase, setTime
  case chooseSign, close
  /// A line of the pain box, by its number or the highlight.
  case choose
  // Where it hurts today, and the watch over weeks (issue 12)
  case markPain, dismissNotice, areaFilter
  /// The desk check (issue 13).
  case deskCheck
  /// The next routine of the followed programme (issue 13).
  case openToday
}
