/// The choices of the stop box (`x`), in both front ends: every danger sign on its own,
/// grouped so the urgent ones stand first, then the routine's own stop rules.
public struct StopChoices: Sendable, Equatable {
  public struct Group: Sendable, Equatable {
    public var heading: String
    public var choices: [Choice]
  }

  public struct Choice: Sendable, Equatable {
    /// The letter that picks it: a, b, c, … (never x, which closes the box, nor q).
    public var key: Character
    public var reason: StopReason
    public var text: String
  }

  public var groups: [Group]

  /// Letters in order, leaving out x (closes the box) and q (quit, everywhere else).
  static let letters: [Character] = Array("abcdefghijklmnoprstuvwyz")

  public init(rules: [RoutineStopRule]) {
    let urgent = DangerSign.offered.filter { $0.advice == .urgent }
    let others = DangerSign.offered.filter { $0.advice != .urgent }
    var groups = [
      (Self.urgentHeading, urgent.map { StopReason.sign($0) }),
      (Self.restHeading, others.map { StopReason.sign($0) }),
    ]
    if !rules.isEmpty {
      groups.append((Self.routineHeading, rules.map { StopReason.routineRule($0) }))
    }
    var next = 0
    self.groups = groups.map { heading, reasons in
      Group(
        heading: heading,
        choices: reasons.compactMap { reason in
          // Routines with more rules than letters: the rest are reached with the arrows.
          defer { next += 1 }
          let key = next < Self.letters.count ? Self.letters[next] : " "
          return Choice(key: key, reason: reason, text: reason.text)
        })
    }
  }

  public static let urgentHeading = "Get urgent help now if you have:"
  public static let restHeading = "Stop and rest:"
  public static let routineHeading = "This routine's own stop rules:"

  /// Every choice, top to bottom.
  public var all: [Choice] { groups.flatMap(\.choices) }

  /// The choice a typed letter picks.
  public func choice(forKey key: Character) -> Choice? {
    guard key != " " else { return nil }
    let lowered = Character(key.lowercased())
    return all.first { $0.key == lowered }
  }
}

extension Routine {
  /// The stop box for this routine: the danger signs, then its own rules.
  public var stopChoices: StopChoices { StopChoices(rules: extraStopRules) }
}
