import UnknotCore

extension AppState {
  /// The routine as a session runs it for the programme's level and the safety
  /// answers on record, with what changed and why.
  public func adapted(_ entry: LoadedEntry) -> AdaptedRoutine {
    RoutineAdaptation.adapt(
      entry.routine, answers: safetyAnswers, pain: .asWritten, dose: programmeDoses[entry.routine.id])
  }

  /// The most routines "try instead" names: enough to choose from on one line.
  static let mostInstead = 3

  /// Routines for the same groups that still run for the safety answers: what to offer
  /// when nothing of this one is left.
  public func stillSuit(insteadOf entry: LoadedEntry) -> [LoadedEntry] {
    var seen: Set<String> = [entry.routine.id]
    var found: [LoadedEntry] = []
    for group in entry.routine.groups {
      for other in routines(for: group) where seen.insert(other.routine.id).inserted {
        if !adapted(other).nothingLeft { found.append(other) }
      }
    }
    // The routines that work most of the same muscles first, then the shortest.
    let targets = Set(entry.routine.targets)
    func shared(_ other: LoadedEntry) -> Int { -Set(other.routine.targets).intersection(targets).count }
    let sorted = found.sorted {
      (shared($0), Timeline(routine: $0.routine).plannedSeconds)
        < (shared($1), Timeline(routine: $1.routine).plannedSeconds)
    }
    return Array(sorted.prefix(Self.mostInstead))
  }

  /// The "Before you start" paragraphs for a routine as the person's answers shape it.
  public func beforeYouStart(_ entry: LoadedEntry) -> [BeforeYouStartItem] {
    let adapted = adapted(entry)
    let instead = adapted.nothingLeft ? stillSuit(insteadOf: entry).map(\.routine.title) : []
    return BeforeYouStartItem.all(for: adapted, instead: instead)
  }
}

/// One paragraph of the "Before you start" list: why the routine cannot start, a
/// reason for changes, one change, or a caution.
public struct BeforeYouStartItem: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case nothingLeft, tryInstead, reason, change, caution
  }

  public var kind: Kind
  public var text: String

  /// What changed comes before the cautions: the person reads first what is not as
  /// the routine's title promises. Each reason is said once, before its changes.
  /// `instead`: titles of routines that still suit the answers, offered when nothing
  /// of this one is left.
  public static func all(for adapted: AdaptedRoutine, instead: [String] = []) -> [BeforeYouStartItem] {
    var items: [BeforeYouStartItem] = []
    if adapted.nothingLeft {
      items.append(BeforeYouStartItem(kind: .nothingLeft, text: AdaptationReport.nothingLeftText))
      if !instead.isEmpty {
        items.append(
          BeforeYouStartItem(
            kind: .tryInstead, text: "These still suit your answers here: " + instead.joined(separator: "; ") + "."))
      }
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
