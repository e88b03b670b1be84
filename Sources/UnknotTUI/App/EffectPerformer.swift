import Foundation
import UnknotCore

/// Performs the reducer's effects for both front ends (the full screen and plain
/// lines): the bell, speech, the journal, the safety record and the tools file. Each
/// outcome the reducer must know of comes back as an input, so the state changes only
/// in the reducer.
public final class EffectPerformer {
  private let journal: any SessionJournal
  private let speech: SpeechOutput?
  private let bell: () -> Void
  private let toolsPath: String?
  private var journalSession: JournalSessionID?

  public init(journal: any SessionJournal, speech: SpeechOutput?, toolsPath: String?, bell: @escaping () -> Void) {
    self.journal = journal
    self.speech = speech
    self.toolsPath = toolsPath
    self.bell = bell
  }

  /// Reduces an input, performs its effects and feeds their outcomes back until none is
  /// left; returns every effect, in order, for a front end that shows them (plain mode's cues).
  @discardableResult
  public func dispatch(_ input: AppInput, to state: inout AppState, now: Moment, today: Date) -> [AppEffect] {
    var performed: [AppEffect] = []
    var inputs = [input]
    while !inputs.isEmpty {
      let next = inputs.removeFirst()
      let effects = AppReducer.reduce(&state, next, now: now, today: today)
      performed += effects
      inputs += effects.compactMap(perform)
    }
    return performed
  }

  /// Performs one effect; returns what the reducer must hear of it.
  func perform(_ effect: AppEffect) -> AppInput? {
    switch effect {
    case .bell:
      bell()
    case .speak(let text):
      speech?.say(text)
    case .cue:
      break
    case .beginJournalSession(let start):
      do {
        journalSession = try journal.beginSession(start)
      } catch {
        return .journalFailed(error.description)
      }
    case .appendToJournal(let events):
      // Without an open record the failure to open it was reported already.
      guard let session = journalSession else { return nil }
      do {
        try journal.append(events, to: session)
      } catch {
        return .journalFailed(error.description)
      }
      if events.contains(where: { if case .sessionEnded = $0 { true } else { false } }) {
        journalSession = nil
        return .sessionKept
      }
    case .recordSafetyCheck(let check):
      do {
        try journal.record(check)
      } catch {
        return .safetyCheckNotSaved(error.description)
      }
    case .saveOwnedTools(let tools):
      guard let toolsPath else { return nil }
      do {
        try tools.save(path: toolsPath)
      } catch {
        return .toolsNotSaved(toolsPath)
      }
    case .stopLogging:
      journalSession = nil
    case .recordPainMarks(let marks):
      do {
        try journal.record(marks)
      } catch {
        return .areasNotSaved(error.description)
      }
    case .recordDismissal(let dismissal):
      do {
        try journal.record(dismissal)
      } catch {
        return .areasNotSaved(error.description)
      }
    }
    return nil
  }
}
