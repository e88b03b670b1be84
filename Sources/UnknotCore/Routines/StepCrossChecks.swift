/// The checks that look at several of a step's fields together, or at the step against
/// its routine: what a kind needs, muscle against tool and the routine's lists, and the
/// step's whole length with its sets.
extension StepDecoder {
  /// The keys a kind cannot do without: a muscle to work on, a place step's placement,
  /// and (a warning) the position of a step that loads the body.
  mutating func checkWhatTheKindNeeds(
    _ kind: StepKind, step: RoutineStep, entries: [String: YAMLReader.Entry], at position: SourcePosition
  ) {
    if Self.kindsNeedingMuscle.contains(kind), entries["muscle"] == nil {
      reader.diagnostics.error("a \(kind.rawValue) step needs a 'muscle'", at: position)
    }
    if kind == .place, step.placement == nil, entries["placement"] == nil {
      reader.diagnostics.error("a place step needs a 'placement' saying where the tool goes", at: position)
    }
    if kind.loadsTheBody, step.position == nil, entries["position"] == nil {
      reader.diagnostics.warning(
        "this \(kind.rawValue) step has no 'position'; add one of: \(Self.positionList) "
          + "(the screen says how to get there, and some cautions depend on it)", at: position)
    }
  }

  /// The muscle against the kind, the tool and the routine's targets; the tool against
  /// the muscle and the routine's tools. Notes what the step uses, for the routine's
  /// unused-tool and unused-target warnings.
  mutating func checkMuscleAndTool(
    _ step: RoutineStep, entries: [String: YAMLReader.Entry], at position: SourcePosition
  ) {
    let musclePosition = entries["muscle"].map { YAMLReader.position(of: $0.value) } ?? position
    let toolPosition = entries["tool"].map { YAMLReader.position(of: $0.value) } ?? position
    if let muscle = step.muscle {
      used.muscles.insert(muscle)
      if !routineTargets.contains(muscle), entries["muscle"] != nil {
        reader.diagnostics.error(
          "'\(muscle.rawValue)' is not in the routine's 'targets'; add it there", at: musclePosition)
      }
      if muscle.isTractionOnly, Self.pressureKinds.contains(step.kind) {
        reader.diagnostics.error(
          "no \(step.kind == .hold ? "pressure" : step.kind == .strokes ? "strokes" : "rolling") on "
            + "'cervical-spine': the neck's vertebrae are for clinician-set traction only", at: musclePosition)
      }
      if step.kind == .traction, muscle != .cervicalSpine {
        reader.diagnostics.error("traction works on 'cervical-spine' only", at: musclePosition)
      }
      if step.kind != .traction, step.kind != .place, step.tool == .tractionDevice {
        reader.diagnostics.error(
          "the traction device is used only to get into position and in traction steps", at: toolPosition)
      } else if step.tool != .none, let reason = Tool.toolFreeMuscles[muscle] {
        reader.diagnostics.warning(
          "no \(step.tool.rawValue) on the \(muscle.rawValue): \(reason); use 'tool: none'", at: toolPosition)
      } else if !step.tool.suits(muscle) {
        reader.diagnostics.warning(
          "a \(step.tool.rawValue) does not suit the \(muscle.rawValue) "
            + "(it suits \((step.tool.suitedMuscles ?? []).map(\.rawValue).sorted().joined(separator: ", ")))",
          at: toolPosition)
      }
    }
    if step.kind == .traction, step.tool != .tractionDevice {
      reader.diagnostics.error("a traction step uses the 'traction-device'", at: toolPosition)
    }
    if step.tool != .none {
      used.tools.insert(step.tool)
      if !routineTools.contains(step.tool) {
        reader.diagnostics.error(
          "'\(step.tool.rawValue)' is not in the routine's 'tools'; add it there", at: toolPosition)
      }
    }
  }

  /// No step, with its sets, may run longer than an hour.
  mutating func checkTotal(_ step: RoutineStep, at position: SourcePosition) {
    let total = Timeline.plannedSeconds(of: step)
    if total > DosageLimits.longestStep {
      reader.diagnostics.error(
        "this step lasts \(Self.format(total)) with its sets; no step may last over \(Self.longestStepText)",
        at: position)
    }
  }
}
