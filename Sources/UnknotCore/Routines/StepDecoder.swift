/// Reads the `steps` list of a routine, checking each step against its kind's
/// keys, the dosage limits, tool suitability and the routine's tools and targets.
/// The kinds with more to read have their own readers (`BreathingReader`,
/// `TractionReader`, `PressureReader`, `ExercisePhaseReader`); the checks across
/// fields are in `StepCrossChecks`, and how numbers are written in `DosageText`.
struct StepDecoder {
  /// What the steps use, to warn about tools and targets that nothing uses.
  struct Usage {
    var tools: Set<Tool> = []
    var muscles: Set<Muscle> = []
    var hasTraction = false
  }

  static let commonKeys = [
    "kind", "title", "muscle", "tool", "side", "placement", "cues", "sets", "rest-between", "position",
    "alternative",
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
    .checklist: ["items"],
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
    let allowed =
      kind == .block
      ? Self.blockKeys : kind == .checklist ? Self.checklistKeys : Self.commonKeys + (Self.kindKeys[kind] ?? [])
    guard
      let entries = reader.entries(
        of: node, what: "a \(kind.rawValue) step", allowed: allowed,
        misplaced: { key in
          let owners = StepKind.allCases.filter { Self.kindKeys[$0]?.contains(key) ?? false }
          guard !owners.isEmpty || Self.commonKeys.contains(key) else { return nil }
          if kind == .checklist {
            return "'\(key)' does not apply to a checklist step: it asks questions and works no muscle, "
              + "so it takes only title, cues and items"
          }
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

    if kind == .checklist {
      guard let action = readChecklist(entries, at: position) else { return nil }
      step.action = action
      return step
    }

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
    checkWhatTheKindNeeds(kind, step: step, entries: entries, at: position)
    guard let action = readAction(kind, entries: entries, step: step, at: position) else { return nil }
    step.action = action
    checkMuscleAndTool(step, entries: entries, at: position)
    checkTotal(step, at: position)
    if let entry = entries["alternative"] {
      if step.position != .lyingOnBack {
        reader.diagnostics.warning(
          "this step is not done lying on the back, so its 'alternative' is never used", at: entry.keyPosition)
      }
      step.alternative = readAlternative(entry, of: step, insideSidedBlock: insideSidedBlock)
    }
    return step
  }

  /// A step's `alternative`: a whole step, read like any other, that is not a block,
  /// has no alternative of its own and is not done lying on the back. It takes the
  /// step's side.
  private mutating func readAlternative(
    _ entry: YAMLReader.Entry, of step: RoutineStep, insideSidedBlock: Bool
  ) -> RoutineStep? {
    let position = YAMLReader.position(of: entry.value)
    if case .mapping(let mapping) = entry.value {
      if let kindNode = mapping["kind"], case .scalar(let scalar) = kindNode,
        NameMatching.normalize(scalar.string) == StepKind.block.rawValue
      {
        reader.diagnostics.error("an 'alternative' is one step, not a block", at: position)
        return nil
      }
      if mapping["alternative"] != nil {
        reader.diagnostics.error("an 'alternative' cannot have an 'alternative' of its own", at: position)
        return nil
      }
    }
    guard
      var alternative = decodeStep(
        entry.value, insideSidedBlock: insideSidedBlock || step.side != .middle, inheritedPosition: nil)
    else { return nil }
    if alternative.position == .lyingOnBack {
      reader.diagnostics.error(
        "an 'alternative' is for someone who should not lie on their back, so it cannot be "
          + "'\(BodyPosition.lyingOnBack.id)'; use lying-on-side, sitting, standing or at-a-wall", at: position)
      return nil
    }
    if alternative.side == .middle { alternative.side = step.side }
    return alternative
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
    case .checklist:
      return readChecklist(entries, at: position)
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
}
