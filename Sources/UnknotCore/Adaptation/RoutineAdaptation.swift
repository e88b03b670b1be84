/// Whether a session's pressure steps run as written or lighter (`LighterDose`).
public enum PainAdjustment: Sendable, Equatable {
  case asWritten, lighter
}

/// One thing changed in a routine for a person's answers, said plainly with why.
public struct AdaptationChange: Sendable, Equatable {
  /// The `AdaptationRule` id, "pain-lighter", or `RoutineTidy.ruleID`.
  public var ruleID: String
  /// "Left: Pressure hold on rhomboids with the point tool is left out."
  public var what: String
  /// "You take blood thinners or have a bleeding disorder: no point tool (…source…)."
  public var why: String

  public init(ruleID: String, what: String, why: String) {
    self.ruleID = ruleID
    self.what = what
    self.why = why
  }
}

/// A routine as a session runs it for one person, with what changed and why.
public struct AdaptedRoutine: Sendable, Equatable {
  /// What the session runs.
  public var routine: Routine
  public var changes: [AdaptationChange]
  /// No step that works the body (or breathing) is left: the routine must not start.
  public var nothingLeft: Bool
}

/// Applies `AdaptationRules` and the pain adjustment to a routine. Pure: the same
/// routine and answers always give the same session.
public enum RoutineAdaptation {
  public static let lighterRuleID = "pain-lighter"

  /// `dose`: the level of the person's programme, when the routine is one of its
  /// progressing entries; applied first, so the safety rules still shape the result.
  public static func adapt(
    _ routine: Routine, answers: SafetyAnswers, pain: PainAdjustment, dose: ProgrammeDose? = nil
  ) -> AdaptedRoutine {
    var adapting = Adapting(rules: answers.rules)
    var steps = routine.steps
    var levelChange: AdaptationChange?
    if let dose {
      let dosed = ProgrammeDosing.apply(dose, to: steps)
      levelChange = ProgrammeDosing.change(dose, from: steps, to: dosed)
      steps = dosed
    }
    if pain == .lighter {
      let lighter = steps.map { LighterDose.lighter($0) }
      if lighter != steps {
        adapting.changes.append(
          SidedChange(
            side: .middle, ruleID: lighterRuleID,
            what:
              "Every pressure step is lighter: pressure \(LighterDose.pressureDrop) lower, shorter holds "
              + "and rolling, fewer strokes.",
            why:
              "Your pain is high today, so the session starts gently: \(LighterDose.pressureDrop) points is "
              + "a change you can feel (Farrar 2001, Pain 94:149)."))
      }
      steps = lighter
    }
    steps = adapting.apply(to: steps, side: .middle)
    var tidy = RoutineTidy()
    if adapting.removedAny { steps = tidy.tidy(steps) }
    let changes = (levelChange.map { [$0] } ?? []) + SidedChange.grouped(adapting.changes + tidy.changes)

    var adapted = routine
    adapted.steps = steps
    let leaves = flatten(steps)
    let usedTools = Set(leaves.map(\.tool))
    adapted.tools =
      routine.tools.filter { usedTools.contains($0) }
      + Tool.allCases.filter { $0 != .none && usedTools.contains($0) && !routine.tools.contains($0) }
    let worked = Set(leaves.filter { $0.kind != .rate }.compactMap(\.muscle))
    adapted.targets =
      routine.targets.filter { worked.contains($0) }
      + Muscle.allCases.filter { worked.contains($0) && !routine.targets.contains($0) }
    // A checklist asks questions whatever the answers: it is never "nothing left".
    let nothingLeft = !leaves.contains { $0.kind.loadsTheBody || $0.kind == .breathe || $0.kind == .checklist }
    return AdaptedRoutine(routine: adapted, changes: changes, nothingLeft: nothingLeft)
  }

  /// A step's name in a change line: its title, or its kind, muscle and tool.
  static func name(of step: RoutineStep) -> String {
    if let title = step.title { return title }
    if case .block = step.action { return "A group of steps" }
    var name = SessionStep.Kind(rawValue: step.kind.rawValue)?.name ?? step.kind.rawValue
    if let muscle = step.muscle { name += " on the \(muscle.name.lowercased())" }
    if step.tool != .none { name += " with the \(step.tool.name.lowercased())" }
    return name
  }

  static func flatten(_ steps: [RoutineStep]) -> [RoutineStep] {
    steps.flatMap { step -> [RoutineStep] in
      if case .block(let inner) = step.action { return flatten(inner) }
      return [step]
    }
  }
}

/// The rules' effects, step by step, with the changes they make.
private struct Adapting {
  let rules: [AdaptationRule]
  var changes: [SidedChange] = []
  var removedAny = false

  init(rules: [AdaptationRule]) {
    self.rules = rules
  }

  mutating func apply(to steps: [RoutineStep], side: SideChoice) -> [RoutineStep] {
    steps.compactMap { apply(to: $0, side: side) }
  }

  private mutating func apply(to original: RoutineStep, side outer: SideChoice) -> RoutineStep? {
    let side = original.side == .middle ? outer : original.side
    if case .block(let inner) = original.action {
      var block = original
      let kept = apply(to: inner, side: side)
      block.action = .block(steps: kept)
      if block.position != nil, kept.contains(where: { $0.position != block.position }) {
        block.position = nil
      }
      return block
    }
    var step = original
    // Swaps first, so the step done instead meets every other rule too.
    for rule in rules {
      for case .useAlternative(let position, let words) in rule.effects where step.position == position {
        guard let alternative = step.alternative else {
          note(rule, words, side, "\(RoutineAdaptation.name(of: step)) is left out: there is no other way to do it.")
          removedAny = true
          return nil
        }
        let place = alternative.position?.name ?? "another way"
        note(
          rule, words, side,
          "\(RoutineAdaptation.name(of: step)) is done \(place) instead: "
            + "\(RoutineAdaptation.name(of: alternative)).")
        step = alternative
      }
    }
    for rule in rules {
      for case .leaveOut(let condition, let words) in rule.effects where condition.matches(step) {
        note(rule, words, side, "\(RoutineAdaptation.name(of: step)) is left out.")
        removedAny = true
        return nil
      }
    }
    for rule in rules {
      for effect in rule.effects {
        switch effect {
        case .capPressure(let cap, let condition, let words) where condition.matches(step):
          guard case .hold(let seconds, let pressure) = step.action, pressure.high > cap else { continue }
          let capped = PressureTarget(low: min(pressure.low, cap), high: min(pressure.high, cap))
          step.action = .hold(seconds: seconds, pressure: capped)
          note(
            rule, words, side,
            "\(RoutineAdaptation.name(of: step)) presses at \(capped.range) of 10, not \(pressure.range).")
        case .addCue(let cue, let condition, let words, let change) where condition.matches(step):
          guard !step.cues.contains(cue) else { continue }
          step.cues.insert(cue, at: 0)
          note(rule, words, side, "\(RoutineAdaptation.name(of: step)) \(change).")
        default:
          continue
        }
      }
    }
    return step
  }

  private mutating func note(_ rule: AdaptationRule, _ words: String, _ side: SideChoice, _ what: String) {
    changes.append(
      SidedChange(side: side, ruleID: rule.id, what: what, why: "\(rule.reason): \(words) (\(rule.source))."))
  }
}

/// A change before its side is written into it, so both sides' lines can become one.
struct SidedChange: Equatable {
  var side: SideChoice
  var ruleID: String
  var what: String
  var why: String

  /// "Left: …", "Both sides: …"; the same change on the left and the right is said once
  /// for both sides, and a change said twice is said once.
  static func grouped(_ changes: [SidedChange]) -> [AdaptationChange] {
    var merged: [SidedChange] = []
    for change in changes {
      if let index = merged.firstIndex(where: {
        $0.ruleID == change.ruleID && $0.what == change.what && $0.why == change.why
      }) {
        if merged[index].side != change.side { merged[index].side = .both }
        continue
      }
      merged.append(change)
    }
    return merged.map { change in
      let prefix =
        switch change.side {
        case .left: "Left: "
        case .right: "Right: "
        case .both: "Both sides: "
        case .middle: ""
        }
      return AdaptationChange(ruleID: change.ruleID, what: prefix + change.what, why: change.why)
    }
  }
}
