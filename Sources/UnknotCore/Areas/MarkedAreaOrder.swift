/// The order routines are offered in for a group the person marked as hurting today:
/// first what has helped this person most there, by their own journal; then, for the
/// rest (and for a person with no such history), the gentlest and shortest first.
public enum MarkedAreaOrder {
  /// `helpedMost` is HelpedMost's ranking of routine ids, best first. Routines it does
  /// not rank follow: those without pressure steps before those with them, then by
  /// planned length, then by title, so the order never depends on the file order. A
  /// routine that needs a clinician's agreement (traction) comes last: it is never a
  /// first thing to try on a sore day.
  public static func ordered(_ routines: [Routine], helpedMost: [String]) -> [Routine] {
    let rank = Dictionary(helpedMost.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    return routines.map { (routine: $0, pressing: pressesOn($0), seconds: Timeline(routine: $0).plannedSeconds) }
      .sorted { lhs, rhs in
        switch (rank[lhs.routine.id], rank[rhs.routine.id]) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): break
        }
        if lhs.routine.requiresClinician != rhs.routine.requiresClinician { return !lhs.routine.requiresClinician }
        if lhs.pressing != rhs.pressing { return !lhs.pressing }
        if lhs.seconds != rhs.seconds { return lhs.seconds < rhs.seconds }
        return (lhs.routine.title, lhs.routine.id) < (rhs.routine.title, rhs.routine.id)
      }
      .map(\.routine)
  }

  /// Whether any step presses into the muscle: a held point, strokes or rolling, as
  /// the pain box counts it (`RemainingSteps`).
  public static func pressesOn(_ routine: Routine) -> Bool {
    RemainingSteps.anyPressure(Timeline(routine: routine).steps)
  }

}
