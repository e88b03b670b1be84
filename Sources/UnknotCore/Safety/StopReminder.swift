/// The reminder of the danger signs shown during every active step (docs/evidence.md,
/// "Stop rules"): a full form where there is room, and a short form that still names
/// every sign, for small terminals.
public enum StopReminder {
  /// The step kinds that load or move the body, during which the reminder shows.
  public static let activeKinds: Set<SessionStep.Kind> = [
    .hold, .strokes, .roll, .stretch, .exercise, .breathe, .heat, .traction,
  ]

  public static func shows(during kind: SessionStep.Kind) -> Bool { activeKinds.contains(kind) }

  /// Every sign in words, grouped as the stop box groups them.
  public static let full =
    "Stop at once and get urgent help on sudden dizziness, a change in vision or speech, trouble swallowing, "
    + "a sudden fall, numbness of the face, or a sudden severe headache. Stop and rest on sharp, shooting or "
    + "spreading pain, numbness or tingling, nausea, or pain that rises."

  /// The same signs in as few words as stay plain.
  public static let short =
    "Press x to stop for: dizziness, vision or speech change, swallowing trouble, a fall, numb face, "
    + "sudden headache, sharp pain, tingling, nausea, rising pain."
}
