/// The stop rules shown during every hold (clinical-reference.md, "Pressure and stop rules").
public enum StopReason: String, Sendable, CaseIterable, Codable {
  case sharpPain = "sharp-pain"
  case numbness
  case dizziness
  case risingPain = "rising-pain"

  /// How the person recognises it.
  public var text: String {
    switch self {
    case .sharpPain: "Sharp, shooting or radiating pain"
    case .numbness: "Numbness, tingling, pins and needles"
    case .dizziness: "Dizziness, nausea, vision or speech change"
    case .risingPain: "Pain that rises during the hold"
    }
  }

  /// What to do after stopping.
  public static let advice = "Stop here and rest. If it persists, please see a clinician."

  /// The one-line rule shown during holds.
  public static let summary =
    "Stop at once on sharp or shooting pain, numbness or tingling, dizziness, or pain that rises."
}
