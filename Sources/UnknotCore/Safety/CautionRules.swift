/// A caution that follows from what a step does, attached by rule rather than copied
/// into each routine file, so no routine can forget it or leave it out.
public struct CautionRule: Sendable, Equatable, Identifiable {
  /// Stable id, shown as the caution's origin (`show --format json`).
  public var id: String
  /// The steps it is about, in plain words: "pressure from a tool".
  public var about: String
  /// A step that matches any of these calls for the caution.
  public var when: [StepCondition]
  public var text: String
  public var source: String
  /// Words that show a routine's own caution already says this (`check` warns).
  public var subjects: [String]
}

/// The cautions by step, as a table the code applies. docs/routine-format.md,
/// "Cautions added by rule", says why each rule reaches the steps it does.
public enum CautionRules {
  /// Every tool that can press: anything but bare hands, a wall or a doorway.
  static let anyTool = Set(Tool.allCases).subtracting([.none])
  /// Steps that press on, roll over or move the neck: every loading kind but heat,
  /// whose caution is its own.
  static let neckWork = StepKind.loadingKinds.subtracting([.heat])

  public static let all: [CautionRule] = [
    CautionRule(
      id: "blood-thinners", about: "pressure from a tool",
      when: [StepCondition(kinds: [.hold, .strokes, .roll], tools: anyTool)],
      text: "If you take blood thinners or have a bleeding disorder, ask a clinician before pressing with a tool.",
      source: "safety screen B, blood thinners or a bleeding disorder: no deep pressure (NHS back pain guidance)",
      subjects: ["blood thinner", "bleeding"]),
    CautionRule(
      id: "osteoporosis", about: "rolling or bending back over the spine or ribs",
      when: [
        StepCondition(
          kinds: [.hold, .strokes, .roll, .stretch, .exercise], tools: [.foamRoller, .thoracicStretcher]),
        StepCondition(kinds: [.hold, .strokes, .roll], tools: anyTool, muscles: [.intercostals]),
      ],
      text:
        "If you have osteoporosis, ask a clinician before rolling, pressing or bending back over your spine or ribs.",
      source:
        "safety screen B, osteoporosis: no roller or stretcher extensions over the spine or ribs, no firm "
        + "pressure on the ribs (Physiopedia, thoracic red flags)",
      subjects: ["osteoporosis"]),
    CautionRule(
      id: "pregnancy", about: "a step lying on the back",
      when: [StepCondition(positions: [.lyingOnBack])],
      text: "If you are pregnant, ask a clinician first. After about 20 weeks, lie on your side instead.",
      source: "safety screen B, pregnancy: ask first (NHS back pain guidance); no steps lying on the back",
      subjects: ["pregnan"]),
    CautionRule(
      id: "neck-danger-signs", about: "work on the skull base or neck",
      when: [StepCondition(kinds: neckWork, muscles: Set(MuscleGroup.neck.muscles))],
      text:
        "Stop at once and get urgent help if you feel dizzy, your vision or speech changes, or a sudden "
        + "severe headache starts.",
      source:
        "IFOMPT cervical framework, Rushton 2023, JOSPT 53(1):7; Shariff 2023, Cureus, PMC9815484: "
        + "artery injuries after neck massage with home devices",
      subjects: ["dizz", "vision", "speech"]),
    CautionRule(
      id: "heat", about: "heat",
      when: [StepCondition(kinds: [.heat]), StepCondition(tools: [.heatPack])],
      text: "Wrap the heat pack in a towel, check your skin every few minutes, and never fall asleep on heat.",
      source: "Midlands Partnership NHS, safe use of heat",
      subjects: ["asleep", "sleep on", "check your skin"]),
  ]

  /// The rules the steps call for, in the table's order; blocks are looked into.
  public static func rules(for steps: [RoutineStep]) -> [CautionRule] {
    let flat = flatten(steps)
    return all.filter { rule in
      flat.contains { step in rule.when.contains { $0.matches(step) } }
    }
  }

  /// The rule among `rules` whose caution `text` already says, if any.
  public static func rule(repeatedBy text: String, among rules: [CautionRule]) -> CautionRule? {
    let lowered = text.lowercased()
    return rules.first { rule in rule.subjects.contains { lowered.containsBytes(of: $0) } }
  }

  public static func rule(id: String) -> CautionRule? {
    all.first { $0.id == id }
  }

  private static func flatten(_ steps: [RoutineStep]) -> [RoutineStep] {
    steps.flatMap { step -> [RoutineStep] in
      if case .block(let inner) = step.action { return flatten(inner) }
      return [step]
    }
  }
}
