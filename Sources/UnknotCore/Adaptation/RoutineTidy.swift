/// What is left pointless once steps are left out: getting into place for a step that
/// is gone, a group with nothing that works the body, a rating of a muscle nothing
/// works any more. Each is left out too, and said.
struct RoutineTidy {
  static let ruleID = "tidy"

  var changes: [SidedChange] = []

  mutating func tidy(_ steps: [RoutineStep]) -> [RoutineStep] {
    let worked = Set(
      // Breathing into the ribs works the intercostals as surely as a stretch does.
      RoutineAdaptation.flatten(steps).filter { ($0.kind.loadsTheBody && $0.kind != .place) || $0.kind == .breathe }
        .compactMap(\.muscle))
    return tidyList(steps, side: .middle, worked: worked)
  }

  private mutating func tidyList(_ steps: [RoutineStep], side outer: SideChoice, worked: Set<Muscle>) -> [RoutineStep] {
    var kept: [RoutineStep] = []
    for (index, original) in steps.enumerated() {
      let side = original.side == .middle ? outer : original.side
      var step = original
      switch step.action {
      case .block(let inner):
        let innerKept = tidyList(inner, side: side, worked: worked)
        guard innerKept.contains(where: { $0.kind.loadsTheBody || $0.kind == .breathe || $0.kind == .checklist })
        else {
          let with =
            innerKept.isEmpty
            ? "" : ", with " + innerKept.map { RoutineAdaptation.name(of: $0) }.joined(separator: ", ")
          note(
            side, "\(RoutineAdaptation.name(of: step)) is left out\(with).", "nothing in it that works the body is left"
          )
          continue
        }
        step.action = .block(steps: innerKept)
      case .place:
        let following = steps[(index + 1)...].prefix { $0.kind != .place }
        guard following.contains(where: { $0.muscle == step.muscle && $0.tool == step.tool }) else {
          note(side, "\(RoutineAdaptation.name(of: step)) is left out.", "the step it gets you ready for is left out")
          continue
        }
      case .rate:
        if let muscle = step.muscle, !worked.contains(muscle) {
          note(
            side, "\(RoutineAdaptation.name(of: step)) is left out.",
            "nothing is left that works the \(muscle.name.lowercased())")
          continue
        }
      default:
        break
      }
      kept.append(step)
    }
    return kept
  }

  private mutating func note(_ side: SideChoice, _ what: String, _ why: String) {
    changes.append(SidedChange(side: side, ruleID: Self.ruleID, what: what, why: "It follows: \(why)."))
  }
}
