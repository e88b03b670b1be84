/// How one safety answer changes what a session offers: the answers it follows, why,
/// where that comes from, and what it does to the steps.
public struct AdaptationRule: Sendable, Equatable, Identifiable {
  /// Stable id, shown with each change it makes: "bleeding".
  public var id: String
  /// Safety question ids (`SafetyQuestions.all`); a "yes" to any of them applies the rule.
  public var questions: [String]
  /// The answer in the person's terms: "You take blood thinners or have a bleeding disorder".
  public var reason: String
  public var source: String
  public var effects: [AdaptationEffect]

  /// What the rule does, in one line for the README and `show`: "pressure at most 4 of 10; …".
  public var summary: String { effects.map(\.rule).joined(separator: "; ") }
}

/// One thing a rule does to the steps it matches.
public enum AdaptationEffect: Sendable, Equatable {
  /// The matching steps are left out.
  case leaveOut(StepCondition, rule: String)
  /// Holds on the matching steps press at most this level, at both ends of the range.
  case capPressure(Int, on: StepCondition, rule: String)
  /// Steps in this position are swapped for their `alternative`, or left out without one.
  case useAlternative(insteadOf: BodyPosition, rule: String)
  /// The matching steps start with this cue.
  case addCue(String, to: StepCondition, rule: String, change: String)

  /// The effect as a rule a person reads: "no point tool".
  public var rule: String {
    switch self {
    case .leaveOut(_, let rule), .capPressure(_, _, let rule), .useAlternative(_, let rule),
      .addCue(_, _, let rule, _):
      rule
    }
  }
}

/// The rules by answer, as a table `RoutineAdaptation` applies. A rule follows only a
/// section B answer the person continued past because a clinician agreed; section A
/// answers never start a session at all.
public enum AdaptationRules {
  /// Every tool that can press: anything but bare hands, a wall or a doorway.
  /// Muscles a tool presses on over the rib cage: between and across the shoulder
  /// blades, beside the thoracic spine, the sides and the chest. With osteoporosis a
  /// firm ball or point there presses the ribs themselves.
  public static let ribCage: Set<Muscle> = [
    .rhomboids, .middleTrapezius, .lowerTrapezius, .erectorSpinae, .latissimusDorsi, .intercostals,
    .pectoralisMajor, .pectoralisMinor,
  ]

  static let anyTool = Set(Tool.allCases).subtracting([.none])
  /// The skull base and the neck with the tops of the shoulders (`PressureRegion`).
  static let neckMuscles = Set(PressureRegion.skullBase.muscles + PressureRegion.neckAndShoulderTops.muscles)
  /// The lowest pressure level that still counts as firm (`PressureFeel`): caps stay below it.
  public static let gentleCap = 4
  /// Said at the start of a neck stretch for very flexible joints.
  public static let midRangeCue = "Only to a gentle, mid-range stretch: stop well before the end of the movement."

  public static let all: [AdaptationRule] = [
    AdaptationRule(
      id: "bleeding", questions: ["b-bleeding"],
      reason: "You take blood thinners or have a bleeding disorder",
      source: "NHS back pain guidance: no deep pressure with blood thinners or a bleeding disorder",
      effects: [
        .capPressure(gentleCap, on: StepCondition(kinds: [.hold]), rule: "pressure at most 4 of 10"),
        .leaveOut(StepCondition(tools: [.pointTool]), rule: "no point tool"),
        .leaveOut(StepCondition(kinds: [.roll]), rule: "no rolling"),
      ]),
    AdaptationRule(
      id: "osteoporosis", questions: ["b-osteoporosis"],
      reason: "You have osteoporosis",
      source: "Physiopedia, thoracic red flags; osteoporosis is a usual reason not to use traction",
      effects: [
        .leaveOut(
          StepCondition(tools: [.foamRoller, .thoracicStretcher]),
          rule: "no foam roller or back stretcher over the spine or ribs"),
        .capPressure(
          gentleCap, on: StepCondition(kinds: [.hold], muscles: ribCage),
          rule: "no firm pressure on the ribs (at most 4 of 10)"),
        .leaveOut(StepCondition(kinds: [.traction]), rule: "no traction"),
      ]),
    AdaptationRule(
      id: "pregnancy", questions: ["b-pregnancy"],
      reason: "You are pregnant",
      source: "NHS back pain guidance: ask first; after about 20 weeks, not lying on the back",
      effects: [.useAlternative(insteadOf: .lyingOnBack, rule: "no steps lying on your back")]),
    AdaptationRule(
      id: "injury-or-spine", questions: ["b-injury-surgery", "b-spinal-condition"],
      reason: "You have had a recent injury or neck surgery, or have a spinal condition",
      source: "NHS back pain guidance; IFOMPT cervical framework, Rushton et al. 2023, JOSPT 53(1):7",
      effects: [
        .leaveOut(
          StepCondition(kinds: [.hold, .strokes, .roll], muscles: neckMuscles),
          rule: "no pressure on the skull base or neck"),
        .leaveOut(
          StepCondition(kinds: [.place], tools: anyTool, muscles: neckMuscles),
          rule: "no pressure on the skull base or neck"),
        .leaveOut(StepCondition(kinds: [.traction]), rule: "no traction"),
      ]),
    AdaptationRule(
      id: "flexible-joints", questions: ["b-flexible-joints"],
      reason: "You have very flexible joints or a connective-tissue disorder",
      source: "IFOMPT cervical framework, Rushton et al. 2023, JOSPT 53(1):7",
      effects: [
        .addCue(
          midRangeCue,
          to: StepCondition(kinds: [.stretch], muscles: [.upperTrapezius, .levatorScapulae, .suboccipitals]),
          rule: "neck stretches to a gentle, mid-range position only",
          change: "goes only to a gentle, mid-range stretch"),
        .leaveOut(StepCondition(kinds: [.traction]), rule: "no neck traction"),
      ]),
  ]

  /// Every question id some rule follows.
  public static let questionIDs: Set<String> = Set(all.flatMap(\.questions))

  public static func rule(id: String) -> AdaptationRule? {
    all.first { $0.id == id }
  }
}
