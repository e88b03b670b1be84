import Foundation
import UnknotCore

/// What the reducer asks the outside world to do. `EffectPerformer` performs them and
/// turns their outcomes back into inputs; tests read them.
public enum AppEffect: Sendable, Equatable {
  case bell
  case speak(String)
  /// A cue from the engine, as it happened: plain mode says it as a line; the full
  /// screen hears it through `bell` and `speak` and shows it by drawing.
  case cue(Cue)
  /// Open a journal record for the session just begun.
  case beginJournalSession(JournalSessionStart)
  /// Write these events now, before the next screen shows.
  case appendToJournal([SessionEvent])
  case recordSafetyCheck(SafetyCheck)
  case saveOwnedTools(OwnedTools)
  /// The person agreed to go on without the journal after it failed.
  case stopLogging
  /// Keep where it hurts today.
  case recordPainMarks([PainMark])
  /// Keep that a notice was put away, so it stays quiet for a week.
  case recordDismissal(NoticeDismissal)
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
  /// The journal has the session's last events: it ended and is kept, so it joins the history.
  case sessionKept
  /// The safety check's answers could not be saved, with the journal's message.
  case safetyCheckNotSaved(String)
  /// The owned tools could not be saved to this file.
  case toolsNotSaved(String)
  /// Where it hurts, or a notice put away, could not be saved, with the journal's message.
  case areasNotSaved(String)
}

extension AppInput {
  /// A key the person pressed, as opposed to time passing or an outcome coming back.
  var isKey: Bool {
    if case .key = self { return true }
    return false
  }
}
