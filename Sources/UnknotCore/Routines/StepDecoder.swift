/// Reads the `steps` list of a routine, checking each step against its kind's
/// keys, the dosage limits, tool suitability and the routine's tools and targets.
struct StepDecoder {
  /// What the steps use, to warn about tools and targets that nothing uses.
  struct Usage {
    var tools: Set<Tool> = []
    var muscles: Set<Muscle> = []
    var hasTraction = false
  }

  static let commonKeys = [
    "kind", "title", "muscle", "tool", "side", "placement", "cues", "sets", "rest-between", "position",
  ]
  static let kindKeys: [StepKind: [String]] = [
    .place: ["duration"],
    .hold: ["duration", "pressure"],
    .strokes: ["count", "pace"],
    .roll: ["duration", "span"],
    .stretch: ["duration", "reps"],
    .exercise: ["reps", "tempo", "phases"],
    .breathe: ["phases", "cycles", "duration"],
    .heat: ["duration"],
    .traction: ["clinician-settings"],
    .rest: ["duration"],
    .rate: [],
    .block: ["steps"],
  ]
  /// A block's `position` is its steps' unless a step names its own.
  static let blockKeys = ["kind", "title", "side", "sets", "rest-between", "position", "steps"]
  /// Kinds that must name the muscle they work on.
  static let kindsNeedingMuscle: Set<StepKind> = [.place, .hold, .strokes, .roll, .stretch]
  /// Kinds that press on or move over tissue: never on the spine itself.
  static let pressureKinds: Set<StepKind> = [.hold, .strokes, .roll]

  var reader: YAMLReader
  let routineTools: Set<Tool>
  let routineTargets: Set<Muscle>
  var used = Usage()

  init(reader: YAMLReader, routineTools: Set<Tool>, routineTargets: Set<Muscle>) {
    self.reader = reader
    self.routineTools = routineTools
    self.routineTargets = routineTargets
  }

  mutating func decodeList(
    _ node: YAMLNode, insideSidedBlock: Bool, position inherited: BodyPosition? = nil
  ) -> [RoutineStep] {
    guard case .sequence(let sequence) = node else {
      if !YAMLReader.isNull(node) {
        reader.diagnostics.error("'steps' should be a list of steps", at: YAMLReader.position(of: node))
      }
      return []
    }
    return sequence.compactMap { decodeStep($0, insideSidedBlock: insideSidedBlock, inheritedPosition: inherited) }
  }

  private mutating func decodeStep(
    _ node: YAMLNode, insideSidedBlock: Bool, inheritedPosition: BodyPosition?
  ) -> RoutineStep? {
    let position = YAMLReader.position(of: node)
    guard case .mapping(let mapping) = node else {
      reader.diagnostics.error("a step should be a mapping with a 'kind'", at: position)
      return nil
    }
    guard let kindNode = mapping["kind"] else {
      reader.diagnostics.error("this step has no 'kind'; add one of: \(Self.kindList)", at: position)
      return nil
    }
    guard let kind = readKind(kindNode) else { return nil }
    let allowed = kind == .block ? Self.blockKeys : Self.commonKeys + (Self.kindKeys[kind] ?? [])
    guard
      let entries = reader.entries(
        of: node, what: "a \(kind.rawValue) step", allowed: allowed,
        misplaced: { key in
          let owners = StepKind.allCases.filter { Self.kindKeys[$0]?.contains(key) ?? false }
          guard !owners.isEmpty || Self.commonKeys.contains(key) else { return nil }
          if key == "duration" && kind == .traction {
            return "a traction step takes no 'duration': its time comes from the person's clinician. "
              + "List 'duration' under 'clinician-settings' instead"
          }
          let owningKinds =
            owners.isEmpty ? "other steps" : owners.map { "\($0.rawValue) steps" }.joined(separator: ", ")
          return "'\(key)' does not apply to a \(kind.rawValue) step (it belongs to \(owningKinds))"
        })
    else { return nil }

    var step = RoutineStep(.rate)
    step.title = entries["title"].flatMap { reader.text($0.value, field: "title", maxLines: 1, maxColumns: 60) }
    if let entry = entries["side"] {
      step.side = readSide(entry.value) ?? .middle
      if insideSidedBlock {
        reader.diagnostics.error(
          "this step is inside a block that already sets 'side'; remove it here", at: entry.keyPosition)
      }
    }
    step.placement = entries["placement"].flatMap { reader.text($0.value, field: "placement") }
    step.cues = entries["cues"].map { reader.texts($0.value, field: "cues") } ?? []
    step.sets = entries["sets"].flatMap { reader.integer($0.value, field: "sets", range: DosageLimits.sets) } ?? 1
    step.restBetweenSets = entries["rest-between"].flatMap { readSeconds($0, kind: .rest) }
    step.position = entries["position"].flatMap { reader.term($0.value, as: BodyPosition.self) } ?? inheritedPosition

    if kind == .block {
      guard let stepsEntry = entries["steps"] else {
        reader.diagnostics.error("this block has no 'steps'; add the steps it groups", at: position)
        return nil
      }
      let inner = decodeList(
        stepsEntry.value, insideSidedBlock: insideSidedBlock || step.side != .middle, position: step.position)
      if inner.isEmpty {
        reader.diagnostics.error("this block has no steps", at: stepsEntry.keyPosition)
      }
      step.action = .block(steps: inner)
      checkTotal(step, at: position)
      return step
    }

    step.muscle = entries["muscle"].flatMap { reader.term($0.value, as: Muscle.self) }
    if let entry = entries["tool"], let tool = reader.term(entry.value, as: Tool.self) {
      step.tool = tool
    } else if kind == .traction {
      step.tool = .tractionDevice
    }
    if kind == .traction, step.muscle == nil {
      step.muscle = .cervicalSpine
    }
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
    guard let action = readAction(kind, entries: entries, step: step, at: position) else { return nil }
    step.action = action
    checkMuscleAndTool(step, entries: entries, at: position)
    checkTotal(step, at: position)
    return step
  }

  static var kindList: String {
    StepKind.allCases.map(\.rawValue).joined(separator: ", ")
  }

  static var positionList: String {
    BodyPosition.allCases.map(\.rawValue).joined(separator: ", ")
  }

  private mutating func readKind(_ node: YAMLNode) -> StepKind? {
    let position = YAMLReader.position(of: node)
    guard case .scalar(let scalar) = node else {
      reader.diagnostics.error("'kind' should be one of: \(Self.kindList)", at: position)
      return nil
    }
    let typed = NameMatching.normalize(scalar.string)
    if let kind = StepKind(rawValue: typed) { return kind }
    let synonyms: [String: StepKind] = [
      "press": .hold, "pressure": .hold, "massage": .strokes, "stroke": .strokes, "rolling": .roll,
      "breathing": .breathe, "breath": .breathe, "pause": .rest, "rating": .rate, "group": .block,
      "position": .place, "setup": .place,
    ]
    let suggestion =
      synonyms[typed]?.rawValue
      ?? NameMatching.nearest(to: typed, among: StepKind.allCases.map(\.rawValue))
    var message = "unknown step kind '\(scalar.string)'"
    message += suggestion.map { "; did you mean '\($0)'?" } ?? "; use one of: \(Self.kindList)"
    reader.diagnostics.error(message, at: position)
    return nil
  }

  private mutating func readSide(_ node: YAMLNode) -> SideChoice? {
    guard case .scalar(let scalar) = node,
      let side = SideChoice(rawValue: scalar.string.lowercased()), side != .middle
    else {
      reader.diagnostics.error(
        "'side' should be left, right or both (leave it out for the middle of the body)",
        at: YAMLReader.position(of: node))
      return nil
    }
    return side
  }

  /// A duration checked against the kind's hard limits (error) and evidence range (warning).
  private mutating func readSeconds(
    _ entry: YAMLReader.Entry, kind: StepKind, evidence: DosageLimits.EvidenceRange? = nil
  ) -> Int? {
    guard let seconds = reader.duration(entry.value, field: entry.key) else { return nil }
    let position = YAMLReader.position(of: entry.value)
    if seconds < DosageLimits.shortestStep {
      reader.diagnostics.error(
        "'\(entry.key)' is \(seconds) s; a step must last at least \(Self.format(DosageLimits.shortestStep))",
        at: position)
      return nil
    }
    if let hard = DosageLimits.hardSeconds[kind], !hard.contains(seconds) {
      reader.diagnostics.error(
        "a \(kind.rawValue) of \(Self.format(seconds)) is over the limit of \(Self.format(hard.upperBound))",
        at: position)
      return nil
    }
    if seconds > DosageLimits.longestStep {
      reader.diagnostics.error(
        "'\(entry.key)' is over \(Self.longestStepText); no step may be that long", at: position)
      return nil
    }
    if let evidence = evidence ?? DosageLimits.evidenceSeconds[kind], !evidence.range.contains(seconds) {
      reader.diagnostics.warning(
        "a \(kind.rawValue) of \(Self.format(seconds)) is outside the usual "
          + "\(Self.formatRange(evidence.range)) "
          + "(\(evidence.source))", at: position)
    }
    return seconds
  }

  private mutating func readAction(
    _ kind: StepKind, entries: [String: YAMLReader.Entry], step: RoutineStep, at position: SourcePosition
  ) -> StepAction? {
    func seconds(_ key: String = "duration", default value: Int, evidence: DosageLimits.EvidenceRange? = nil) -> Int? {
      guard let entry = entries[key] else { return value }
      return readSeconds(entry, kind: kind, evidence: evidence)
    }
    switch kind {
    case .place:
      guard let entry = entries["duration"] else { return .place(getReadySeconds: nil) }
      return readSeconds(entry, kind: .place).map { .place(getReadySeconds: $0) }
    case .hold:
      let cradle = step.tool == .cradleTool && step.muscle == .suboccipitals
      guard
        let time = seconds(
          default: DosageLimits.defaultHold, evidence: cradle ? DosageLimits.suboccipitalCradleHold : nil)
      else { return nil }
      // Without a number, the hold presses at what its muscle's region usually takes.
      let usual = step.muscle.map { PressureRegion.of($0).usual } ?? .standard
      let pressure = entries["pressure"].map { readPressure($0.value, on: step.muscle) } ?? usual
      return pressure.map { .hold(seconds: time, pressure: $0) }
    case .strokes:
      let count =
        entries["count"].map {
          reader.integer($0.value, field: "count", range: DosageLimits.strokeCount)
        } ?? DosageLimits.defaultStrokes
      if let count, let entry = entries["count"], !DosageLimits.strokeCountEvidence.range.contains(count) {
        reader.diagnostics.warning(
          "\(count) strokes is outside the usual \(Self.formatCount(DosageLimits.strokeCountEvidence.range)) "
            + "slow strokes (\(DosageLimits.strokeCountEvidence.source))",
          at: YAMLReader.position(of: entry.value))
      }
      let pace = readSecondsEach(
        entries["pace"], default: DosageLimits.defaultStrokePace, range: DosageLimits.strokePace, per: "stroke")
      guard let count, let pace else { return nil }
      return .strokes(count: count, secondsPerStroke: pace)
    case .roll:
      let span = entries["span"].flatMap { reader.text($0.value, field: "span") }
      return seconds(default: DosageLimits.defaultRoll).map { .roll(seconds: $0, span: span) }
    case .stretch:
      let reps =
        entries["reps"].map {
          reader.integer($0.value, field: "reps", range: DosageLimits.stretchReps)
        } ?? DosageLimits.defaultStretchReps
      if let reps, let entry = entries["reps"], !DosageLimits.stretchRepsEvidence.range.contains(reps) {
        reader.diagnostics.warning(
          "\(reps) reps is outside the usual \(Self.formatCount(DosageLimits.stretchRepsEvidence.range)) "
            + "(\(DosageLimits.stretchRepsEvidence.source))",
          at: YAMLReader.position(of: entry.value))
      }
      guard let time = seconds(default: DosageLimits.defaultStretch), let reps else { return nil }
      return .stretch(secondsPerRep: time, reps: reps)
    case .exercise:
      guard let repsEntry = entries["reps"] else {
        reader.diagnostics.error("an exercise step needs 'reps'", at: position)
        return nil
      }
      let reps = reader.integer(repsEntry.value, field: "reps", range: DosageLimits.exerciseReps)
      if let phasesEntry = entries["phases"] {
        let phases = readExercisePhases(phasesEntry)
        if let tempoEntry = entries["tempo"] {
          reader.diagnostics.error(
            "give either 'tempo' or 'phases', not both: with 'phases' each rep lasts as long as its phases",
            at: tempoEntry.keyPosition)
          return nil
        }
        guard let reps, let phases else { return nil }
        return .phasedExercise(reps: reps, phases: phases)
      }
      let tempo = readSecondsEach(
        entries["tempo"], default: DosageLimits.defaultExerciseTempo, range: DosageLimits.exerciseTempo, per: "rep")
      guard let reps, let tempo else { return nil }
      return .exercise(reps: reps, secondsPerRep: tempo)
    case .breathe:
      return readBreathing(entries, at: position)
    case .heat:
      return seconds(default: DosageLimits.defaultHeat).map { .heat(seconds: $0) }
    case .traction:
      return readTraction(entries, at: position)
    case .rest:
      return seconds(default: DosageLimits.defaultRest).map { .rest(seconds: $0) }
    case .rate:
      return .rate
    case .block:
      return nil
    }
  }

  /// The seconds each stroke or rep takes (`pace`, `tempo`), or the default.
  private mutating func readSecondsEach(
    _ entry: YAMLReader.Entry?, default value: Int, range: ClosedRange<Int>, per noun: String
  ) -> Int? {
    guard let entry else { return value }
    guard let seconds = reader.duration(entry.value, field: entry.key) else { return nil }
    guard range.contains(seconds) else {
      reader.diagnostics.error(
        "'\(entry.key)' is \(seconds) s per \(noun); it must be from \(range.lowerBound) to \(range.upperBound) s",
        at: YAMLReader.position(of: entry.value))
      return nil
    }
    return seconds
  }

  private mutating func readPressure(_ node: YAMLNode, on muscle: Muscle?) -> PressureTarget? {
    let position = YAMLReader.position(of: node)
    guard case .scalar(let scalar) = node else {
      reader.diagnostics.error("'pressure' should be a level such as 6 or a range such as 5-7", at: position)
      return nil
    }
    let parts = scalar.string.replacingDashes().split(separator: "-").map { Int(String($0).trimmingWhitespace()) }
    guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
      low <= high, low >= 1, high <= 10
    else {
      reader.diagnostics.error(
        "'pressure' should be a level from 1 to 10 such as 6, or a range such as 5-7", at: position)
      return nil
    }
    let region = muscle.map(PressureRegion.of) ?? .back
    let advice = "\(region.usual.low)-\(region.usual.high) (\(region.words))"
    if high > PressureTarget.maximum {
      reader.diagnostics.error(
        "pressure above \(PressureTarget.maximum) of 10 is never advised; use at most \(advice)", at: position)
      return nil
    }
    // A warning, not an error: the limits per region are a convention, not a study's figure.
    if let muscle, high > region.highest {
      reader.diagnostics.warning(
        "pressure up to \(high) on '\(muscle.rawValue)' is above \(region.highest) of 10, the most advised on "
          + "\(region.name); use at most \(region.highest), such as \(advice). Pressure by region is "
          + PressureRegion.source, at: position)
    }
    return PressureTarget(low: low, high: high)
  }

  private mutating func readBreathing(_ entries: [String: YAMLReader.Entry], at position: SourcePosition) -> StepAction?
  {
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
      return reader.integer(cycles.value, field: "cycles", range: 1...1000).map {
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

  private mutating func readTraction(_ entries: [String: YAMLReader.Entry], at position: SourcePosition) -> StepAction?
  {
    guard let entry = entries["clinician-settings"] else {
      reader.diagnostics.error(
        "a traction step needs 'clinician-settings' (at least [duration]): unknot only times "
          + "traction with the settings the person's clinician gave", at: position)
      return nil
    }
    let settings = reader.texts(entry.value, field: "clinician-settings").map(NameMatching.normalize)
    guard settings.contains("duration") else {
      reader.diagnostics.error(
        "'clinician-settings' must include 'duration', so the person enters the time their clinician gave",
        at: YAMLReader.position(of: entry.value))
      return nil
    }
    used.hasTraction = true
    return .traction(clinicianSettings: settings)
  }

  private mutating func checkMuscleAndTool(
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
  private mutating func checkTotal(_ step: RoutineStep, at position: SourcePosition) {
    let total = Timeline.plannedSeconds(of: step)
    if total > DosageLimits.longestStep {
      reader.diagnostics.error(
        "this step lasts \(Self.format(total)) with its sets; no step may last over \(Self.longestStepText)",
        at: position)
    }
  }

  /// "30–90 s", "10–20 min": one unit for a range, as the format doc writes it.
  static func formatRange(_ range: ClosedRange<Int>) -> String {
    let low = range.lowerBound
    let high = range.upperBound
    if high < 120 { return "\(low)–\(high) s" }
    if low % 60 == 0 && high % 60 == 0 { return "\(low / 60)–\(high / 60) min" }
    return "\(format(low))–\(format(high))"
  }

  /// "6–12": a range of counts, as the format doc writes it.
  static func formatCount(_ range: ClosedRange<Int>) -> String {
    "\(range.lowerBound)–\(range.upperBound)"
  }

  /// The longest a step may last, as a person says it: "1 hour".
  static var longestStepText: String {
    let hours = DosageLimits.longestStep / 3600
    return DosageLimits.longestStep % 3600 == 0
      ? "\(hours) hour\(hours == 1 ? "" : "s")" : format(DosageLimits.longestStep)
  }

  static func format(_ seconds: Int) -> String {
    if seconds < 120 { return "\(seconds) s" }
    if seconds % 60 == 0 { return "\(seconds / 60) min" }
    return "\(seconds / 60) min \(seconds % 60) s"
  }
}

extension String {
  /// "5–7" and "5—7" read as "5-7".
  func replacingDashes() -> String {
    String(map { $0 == "–" || $0 == "—" ? "-" : $0 })
  }
}
