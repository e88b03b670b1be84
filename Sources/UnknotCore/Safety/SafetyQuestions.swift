import Foundation

/// The safety check (docs/evidence.md, "Safety check"): section A (get urgent care now)
/// and section B (see a doctor before self-massage). Asked before a person's first
/// session, again when 30 days have passed, and whenever they ask.
public enum SafetyQuestions {
  public struct Question: Sendable, Equatable, Identifiable {
    /// Stable id, stored with the answer in the journal.
    public var id: String
    public var section: Section
    /// Asked so that "yes" means the warning sign is present.
    public var text: String
  }

  public enum Section: String, Sendable, Codable {
    /// Any yes: stop, get urgent care.
    case urgent = "A"
    /// Any yes: see a doctor first; start only once a clinician has agreed.
    case seeDoctor = "B"
  }

  /// The check is due again after this many days.
  public static let validDays = 30

  public static let all: [Question] = [
    Question(id: "a-chest-pain", section: .urgent, text: "Do you have chest pain, or pain with breathlessness?"),
    Question(
      id: "a-legs-bladder", section: .urgent,
      text:
        "Do you have numbness, weakness or tingling in both legs, numbness around the genitals or buttocks, "
        + "or loss of bladder or bowel control?"),
    Question(id: "a-accident", section: .urgent, text: "Did this pain start after a serious accident or fall?"),
    Question(
      id: "a-headache-fever", section: .urgent,
      text: "Do you have a severe headache with a stiff neck, a fever, or a rash?"),
    Question(
      id: "a-neuro", section: .urgent,
      text:
        "Have you had sudden dizziness, double vision, slurred speech, trouble swallowing, or sudden falls "
        + "without losing consciousness?"),
    Question(
      id: "a-sudden-headache", section: .urgent,
      text: "Have you had a sudden, severe headache unlike any you have had before?"),
    Question(
      id: "a-effort-chest", section: .urgent,
      text: "Do you get chest, arm or jaw pain, or breathlessness, when you exert yourself?"),
    Question(
      id: "b-fever-weight", section: .seeDoctor,
      text: "Do you have a fever, unexplained weight loss, a lump, or a change in the shape of your back?"),
    Question(
      id: "b-night-pain", section: .seeDoctor,
      text: "Is the pain there at night, or does it not change with rest or position?"),
    // Osteoporosis has its own question (it changes what a session offers), so this
    // one has a new id: answers kept under "b-history" included it.
    Question(
      id: "b-history-illness", section: .seeDoctor,
      text:
        "Have you had cancer, TB, HIV, a weakened immune system, long-term steroids, or inflammatory arthritis?"),
    Question(id: "b-osteoporosis", section: .seeDoctor, text: "Do you have osteoporosis (thin, fragile bones)?"),
    Question(id: "b-injury-surgery", section: .seeDoctor, text: "Have you had a recent injury, or neck surgery?"),
    Question(
      id: "b-arms-balance", section: .seeDoctor,
      text: "Do you have new numbness, tingling or weakness in your arms, clumsy hands, or a change in balance?"),
    Question(
      id: "b-onset-course", section: .seeDoctor,
      text:
        "Did this pain first start before age 20 or after 55, or is it constant, severe or getting worse, "
        + "or no better after 2–4 weeks?"),
    Question(
      id: "b-bleeding", section: .seeDoctor,
      text: "Do you take blood thinners, or have a bleeding disorder?"),
    Question(id: "b-pregnancy", section: .seeDoctor, text: "Are you pregnant?"),
    Question(
      id: "b-spinal-condition", section: .seeDoctor,
      text:
        "Have you been told you have a spinal condition: a disc herniation or prolapse, spinal stenosis, "
        + "scoliosis, or a spinal fusion?"),
    Question(
      id: "b-flexible-joints", section: .seeDoctor,
      text:
        "Do you have a connective-tissue disorder (such as Ehlers-Danlos or Marfan syndrome) or very flexible joints?"),
  ]

  public static let urgentAdvice =
    "Please get urgent care now: call your local emergency number or urgent care service. "
    + "Do not start a self-massage session."

  public static let seeDoctorAdvice =
    "Please see a doctor before self-massage. Start a session only if a clinician has agreed that "
    + "self-massage is right for you."

  public static let disclaimer =
    "unknot gives self-care guidance, not diagnosis or treatment. These questions look for signs that "
    + "need a clinician first."
}

/// One completed safety check, as the journal keeps it.
public struct SafetyCheck: Sendable, Equatable {
  public enum Outcome: String, Sendable, Codable {
    /// No warning signs.
    case clear
    /// A section B sign, and the person confirmed a clinician agreed.
    case clinicianAgreed = "clinician-agreed"
    /// A section B sign without a clinician's agreement: no session.
    case seeDoctor = "see-doctor"
    /// A section A sign: no session.
    case urgent
  }

  public var date: Date
  /// Question id → yes (true) or no.
  public var answers: [String: Bool]
  public var outcome: Outcome

  public init(date: Date, answers: [String: Bool], outcome: Outcome) {
    self.date = date
    self.answers = answers
    self.outcome = outcome
  }

  /// Whether a session may start on this check's strength.
  public var allowsSessions: Bool { outcome == .clear || outcome == .clinicianAgreed }

  /// Whether the check must be asked again before a session at `now`.
  public static func isDue(latest: SafetyCheck?, now: Date) -> Bool {
    guard let latest, latest.allowsSessions else { return true }
    return now.timeIntervalSince(latest.date) > Double(SafetyQuestions.validDays) * 24 * 3600
  }
}
