extension StepDecoder {
  /// Reads a breathe step: its `phases` (one breath), and how long it goes on, as
  /// `cycles` or a `duration` rounded up to whole cycles.
  mutating func readBreathing(_ entries: [String: YAMLReader.Entry], at position: SourcePosition) -> StepAction? {
    guard let phasesEntry = entries["phases"] else {
      reader.diagnostics.error(
        "a breathe step needs 'phases', e.g. [{phase: inhale, duration: 4s}, {phase: exhale, duration: 6s}]",
        at: position)
      return nil
    }
    var phases: [BreathPhase] = []
    for item in reader.list(phasesEntry.value, field: "phases") {
      guard let fields = reader.entries(of: item, what: "a breathing phase", allowed: ["phase", "duration"]) else {
        continue
      }
      guard let phaseEntry = fields["phase"], let durationEntry = fields["duration"] else {
        reader.diagnostics.error("a breathing phase needs 'phase' and 'duration'", at: YAMLReader.position(of: item))
        continue
      }
      let kindText = phaseEntry.value.string.map(NameMatching.normalize) ?? ""
      guard let kind = BreathPhase.Kind(rawValue: kindText) else {
        reader.diagnostics.error(
          "unknown breathing phase '\(phaseEntry.value.string ?? "")'; use inhale, top-up, hold or exhale",
          at: YAMLReader.position(of: phaseEntry.value))
        continue
      }
      guard let seconds = reader.duration(durationEntry.value, field: "duration") else { continue }
      guard DosageLimits.breathPhase.contains(seconds) else {
        reader.diagnostics.error(
          "a breathing phase of \(seconds) s is outside \(Self.formatRange(DosageLimits.breathPhase))",
          at: YAMLReader.position(of: durationEntry.value))
        continue
      }
      phases.append(BreathPhase(kind, seconds: seconds))
    }
    guard !phases.isEmpty else {
      if !reader.diagnostics.hasErrors {
        reader.diagnostics.error("'phases' is empty", at: phasesEntry.keyPosition)
      }
      return nil
    }
    let cycleSeconds = phases.reduce(0) { $0 + $1.seconds }
    switch (entries["cycles"], entries["duration"]) {
    case (.some(let cycles), .some):
      reader.diagnostics.error("give either 'cycles' or 'duration', not both", at: cycles.keyPosition)
      return nil
    case (.some(let cycles), nil):
      return reader.integer(cycles.value, field: "cycles", range: DosageLimits.breathCycles).map {
        .breathe(phases: phases, cycles: $0)
      }
    case (nil, .some(let duration)):
      guard let total = reader.duration(duration.value, field: "duration") else { return nil }
      guard total <= DosageLimits.longestStep else {
        reader.diagnostics.error(
          "'duration' is over \(Self.longestStepText); no step may be that long",
          at: YAMLReader.position(of: duration.value))
        return nil
      }
      guard total >= DosageLimits.shortestStep else {
        reader.diagnostics.error(
          "'duration' is \(total) s; a step must last at least \(Self.format(DosageLimits.shortestStep))",
          at: YAMLReader.position(of: duration.value))
        return nil
      }
      return .breathe(phases: phases, cycles: max(1, (total + cycleSeconds - 1) / cycleSeconds))
    case (nil, nil):
      reader.diagnostics.error("a breathe step needs 'cycles' or 'duration'", at: position)
      return nil
    }
  }
}
