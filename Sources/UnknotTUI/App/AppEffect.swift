import Foundation
import UnknotCore

/// What the reducer asks the outside world to do. The app loop performs them; tests
/// read them.
public enum AppEffect: Sendable, Equatable {
  case bell
  case speak(String)
  /// Open a journal record for the session just begun.
  case beginJournalSession(JournalSessionStart)
  /// Write these events now, before the next screen shows.
  case appendToJournal([SessionEvent])
  case recordSafetyCheck(SafetyCheck)
  case saveOwnedTools(OwnedTools)
  /// The person agreed to go on without the journal after it failed.
  case stopLogging
}

/// What woke the reducer.
public enum AppInput: Sendable, Equatable {
  case key(Key)
  /// Time passed (a timeout, a resize, a resume after Ctrl-Z).
  case tick
  /// SIGINT, SIGTERM or SIGHUP: end gracefully, keeping the session.
  case terminate
  /// Writing to the journal failed, with the message to show.
  case journalFailed(String)
}
