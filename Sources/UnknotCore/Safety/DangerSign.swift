/// A sign that ends a session at once, as the person picks it in the stop box. The
/// list and the advice for each come from docs/evidence.md, "Stop rules": the urgent
/// signs first, because after neck or skull-base work they can mean an artery problem.
public enum DangerSign: String, Sendable, CaseIterable, Codable {
  case suddenDizziness = "sudden-dizziness"
  case visionChange = "vision-change"
  case slurredSpeech = "slurred-speech"
  case troubleSwallowing = "trouble-swallowing"
  case dropAttack = "drop-attack"
  case faceNumbness = "face-numbness"
  case suddenSevereHeadache = "sudden-severe-headache"
  case sharpPain = "sharp-pain"
  case numbness
  case nausea
  case risingPain = "rising-pain"
  /// Before each sign had its own choice, "dizziness, nausea, vision or speech change"
  /// was one. Journals written then keep the word; it is never offered again.
  case dizzinessNauseaVisionOrSpeech = "dizziness"

  /// The signs a person can pick, in the order the stop box lists them.
  public static let offered: [DangerSign] = allCases.filter { $0 != .dizzinessNauseaVisionOrSpeech }

  /// How the person recognises it.
  public var text: String {
    switch self {
    case .suddenDizziness: "Sudden dizziness"
    case .visionChange: "A change in vision: double or blurred"
    case .slurredSpeech: "Slurred speech"
    case .troubleSwallowing: "Trouble swallowing"
    case .dropAttack: "A drop attack: a sudden fall without fainting"
    case .faceNumbness: "Numbness of the face"
    case .suddenSevereHeadache: "A sudden, severe headache unlike any before"
    case .sharpPain: "Sharp, shooting or spreading pain"
    case .numbness: "Numbness, tingling or pins and needles"
    case .nausea: "Nausea"
    case .risingPain: "Pain that rises"
    case .dizzinessNauseaVisionOrSpeech: "Dizziness, nausea, vision or speech change"
    }
  }

  /// What to do now.
  public var advice: StopAdvice {
    switch self {
    case .suddenDizziness, .visionChange, .slurredSpeech, .troubleSwallowing, .dropAttack, .faceNumbness,
      .suddenSevereHeadache, .dizzinessNauseaVisionOrSpeech:
      .urgent
    case .sharpPain, .numbness, .nausea: .stopAndRest
    case .risingPain: .painRose
    }
  }
}
