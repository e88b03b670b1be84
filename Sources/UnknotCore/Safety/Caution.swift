/// One caution shown before a routine starts, with where it comes from.
public struct Caution: Sendable, Equatable {
  public enum Origin: Sendable, Equatable {
    /// Added because a step matched the rule with this id (CautionRules).
    case rule(String)
    /// Written in the routine file's `cautions`.
    case routine
  }

  public var text: String
  public var origin: Origin

  public init(_ text: String, origin: Origin) {
    self.text = text
    self.origin = origin
  }

  /// The rule that added it, for its source and the steps it is about.
  public var rule: CautionRule? {
    guard case .rule(let id) = origin else { return nil }
    return CautionRules.rule(id: id)
  }
}

/// Every caution a routine shows: those its steps call for by rule, in the rules'
/// order, then its own; each said once. A routine can add cautions but has no way to
/// drop a rule's: they come from its steps, not from its `cautions` list.
public enum RoutineCautions {
  public static func of(_ routine: Routine) -> [Caution] {
    let made = CautionRules.rules(for: routine.steps).map { Caution($0.text, origin: .rule($0.id)) }
    let own = routine.cautions.map { Caution($0, origin: .routine) }
    var seen = Set<String>()
    return (made + own).filter { seen.insert(sameText($0.text)).inserted }
  }

  /// Two cautions are the same if they differ only in case, spacing or a final full stop.
  static func sameText(_ text: String) -> String {
    var words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    while words.hasSuffix(".") { words.removeLast() }
    return words
  }
}
