extension StepDecoder {
  /// Reads an exercise's `phases`: one repetition as a list of `{phase, duration}`.
  /// Nil, with every problem reported, when any phase is wrong: a rep that silently
  /// lost its hold would time something other than what the file says.
  mutating func readExercisePhases(_ entry: YAMLReader.Entry) -> [ExercisePhase]? {
    var phases: [ExercisePhase] = []
    var complete = true
    for item in reader.list(entry.value, field: "phases") {
      guard let fields = reader.entries(of: item, what: "an exercise phase", allowed: ["phase", "duration"]) else {
        complete = false
        continue
      }
      guard let phaseEntry = fields["phase"], let durationEntry = fields["duration"] else {
        reader.diagnostics.error(
          "an exercise phase needs 'phase' and 'duration', e.g. {phase: hold, duration: 5s}",
          at: YAMLReader.position(of: item))
        complete = false
        continue
      }
      let kind = readExercisePhaseKind(phaseEntry.value)
      let seconds = reader.duration(durationEntry.value, field: "duration")
      if let seconds, !DosageLimits.exercisePhase.contains(seconds) {
        reader.diagnostics.error(
          "an exercise phase of \(seconds) s is outside \(Self.formatRange(DosageLimits.exercisePhase))",
          at: YAMLReader.position(of: durationEntry.value))
        complete = false
        continue
      }
      guard let kind, let seconds else {
        complete = false
        continue
      }
      phases.append(ExercisePhase(kind, seconds: seconds))
    }
    guard complete else { return nil }
    guard !phases.isEmpty else {
      reader.diagnostics.error(
        "'phases' is empty; list the parts of one rep, e.g. [{phase: tuck, duration: 2s}, "
          + "{phase: hold, duration: 5s}, {phase: release, duration: 2s}]", at: entry.keyPosition)
      return nil
    }
    return phases
  }

  private mutating func readExercisePhaseKind(_ node: YAMLNode) -> ExercisePhase.Kind? {
    let typed = node.string ?? ""
    if let kind = ExercisePhase.Kind(rawValue: NameMatching.normalize(typed)) { return kind }
    var message = "unknown exercise phase '\(typed)'"
    if let suggestion = ExercisePhase.Kind.suggestion(for: typed) {
      message += "; did you mean '\(suggestion.rawValue)'?"
    } else {
      message += "; use one of: \(ExercisePhase.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
    }
    reader.diagnostics.error(message, at: YAMLReader.position(of: node))
    return nil
  }
}
