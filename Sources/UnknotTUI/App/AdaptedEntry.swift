import UnknotCore

extension AppState {
  /// The routine as a session runs it for the safety answers on record, with what
  /// changed and why.
  public func adapted(_ entry: LoadedEntry) -> AdaptedRoutine {
    RoutineAdaptation.adapt(entry.routine, answers: safetyAnswers, pain: .asWritten)
  }
}

/// One paragraph of the "Before you start" list: why the routine cannot start, a
/// reason for changes, one change, or a caution.
public struct BeforeYouStartItem: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case nothingLeft, reason, change, caution
  }

  public var kind: Kind
  public var text: String

  /// What changed comes before the cautions: the person reads first what is not as
  /// the routine's title promises. Each reason is said once, before its changes.
  public static func all(for adapted: AdaptedRoutine) -> [BeforeYouStartItem] {
    var items: [BeforeYouStartItem] = []
    if adapted.nothingLeft {
      items.append(BeforeYouStartItem(kind: .nothingLeft, text: AdaptationReport.nothingLeftText))
    }
    var lastWhy: String?
    for change in adapted.changes {
      if change.why != lastWhy {
        items.append(BeforeYouStartItem(kind: .reason, text: "Changed for you. " + change.why))
        lastWhy = change.why
      }
      items.append(BeforeYouStartItem(kind: .change, text: "- " + change.what))
    }
    if !adapted.nothingLeft {
      items += RoutineCautions.of(adapted.routine).map { BeforeYouStartItem(kind: .caution, text: "! " + $0.text) }
    }
    return items
  }
}
