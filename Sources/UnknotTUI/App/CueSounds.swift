import UnknotCore

/// Turns the engine's cues into the bell and spoken words: heard without looking,
/// for a person lying on the floor.
enum CueSounds {
  static func effects(
    for cue: Cue, session: SessionScreen, endings: [Int: StepEnding], options: AppOptions, rang: inout Bool,
    phrases: inout [String], into effects: inout [AppEffect]
  ) {
    func bell() {
      // One bell per pass: several cues at once would blur into noise.
      guard !options.quiet, !rang else { return }
      rang = true
      effects.append(.bell)
    }
    func say(_ text: String) {
      if options.speak { phrases.append(text) }
    }
    switch cue {
    case .stepStart(let index):
      bell()
      // A switch-sides step is announced by its own cue below.
      let step = session.engine.steps[index]
      if step.kind != .switchSides {
        say(spokenTitle(step))
        // docs/routine-format.md: cues are shown, and spoken with --speak, as the step starts.
        for cue in step.cues { say(cue) }
      }
    case .countdown:
      bell()
    case .switchSides(let side):
      say("Switch sides, to the \(side.rawValue).")
    case .stepEnd(let index):
      // A hold the person ended with r has said "Released." already.
      if session.engine.steps[index].kind == .hold, endings[index] != .releasedEarly { say("Release.") }
    case .knotReleased:
      say("Released.")
    case .breathPhase(let kind):
      say(breathWord(kind))
    case .exercisePhase(let kind):
      say(kind.word + ".")
    case .sessionEnd:
      switch session.engine.status {
      case .ended(.finished): say("Session complete.")
      case .ended(.stoppedForSafety): say("Session stopped. Please rest.")
      default: break
      }
    case .halfway, .repetition:
      break
    }
  }

  static func spokenTitle(_ step: SessionStep) -> String {
    var words = step.title
    if let muscle = step.muscle { words += ". \(muscle.name)" }
    if let side = step.side { words += ", \(side.rawValue) side" }
    return words + "."
  }

  static func breathWord(_ kind: BreathPhase.Kind) -> String {
    switch kind {
    case .inhale: "In."
    case .topUp: "A little more."
    case .hold: "Hold."
    case .exhale: "Out."
    }
  }
}
