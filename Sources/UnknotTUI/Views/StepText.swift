import UnknotCore

/// How steps are named, on screen and in plain lines alike: "Pressure hold — rhomboids, left · 60 s".
enum StepText {
  static func kindName(_ kind: SessionStep.Kind) -> String {
    kind.name
  }

  /// Muscle, side and tool, as one phrase: "Rhomboids · left side · massage ball".
  static func place(_ step: SessionStep) -> String {
    var parts: [String] = []
    if let muscle = step.muscle { parts.append(muscle.name) }
    if let side = step.side { parts.append("\(side.rawValue) side") }
    if step.tool != .none { parts.append(step.tool.name.lowercased()) }
    return parts.joined(separator: " · ")
  }

  /// How to get into the step's position, before its countdown: "Lie on your back, knees bent."
  static func position(_ step: SessionStep) -> String? {
    step.position?.instruction
  }

  static func amount(_ step: SessionStep) -> String {
    switch step.plan {
    case .untimed: "until you are in position"
    case .timed(let seconds): DurationText.of(seconds: seconds)
    case .repetitions(let count, let each):
      "\(count) \(step.kind == .strokes ? "strokes" : "reps") × \(each) s"
    case .phasedRepetitions(let phases, let count): "\(count) reps × \(ExercisePhase.repetitionSeconds(phases)) s"
    case .breathing(let phases, let cycles):
      "\(cycles) breaths (\(DurationText.of(seconds: phases.reduce(0) { $0 + $1.seconds } * cycles)))"
    case .clinicianTimed: "your clinician's time"
    case .rating: "0–10"
    case .checklist(let items): items.count == 1 ? "1 question" : "\(items.count) questions"
    }
  }

  /// What the person was doing, for the people who help after a stop for safety:
  /// "self-massage, Still pressure at the skull base (Suboccipitals · cradle tool)".
  static func doing(_ step: SessionStep) -> String {
    let place = place(step)
    return "self-massage, \(step.title)" + (place.isEmpty ? "" : " (\(place))")
  }

  static func headline(_ step: SessionStep) -> String {
    var text = step.title
    let place = place(step)
    if !place.isEmpty { text += " — " + place }
    return text + " · " + amount(step)
  }

  static func breathWord(_ kind: BreathPhase.Kind) -> String {
    switch kind {
    case .inhale: "Breathe in"
    case .topUp: "A little more in"
    case .hold: "Hold"
    case .exhale: "Breathe out slowly"
    }
  }

  /// "The ball slides…" continues a sentence as "the ball slides…" (acronyms stay).
  static func sentenceCase(_ text: String) -> String {
    guard let first = text.first, let second = text.dropFirst().first, second.isLowercase else { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// Time left as the clock shows it, rounded up: "1:05".
  static func clock(_ nanoseconds: Int64) -> String {
    DurationText.clock(seconds: Int((nanoseconds + nanosecondsPerSecond - 1) / nanosecondsPerSecond))
  }
}
