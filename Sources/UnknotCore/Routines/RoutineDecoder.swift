/// Turns a parsed YAML document into a `Routine`, reporting every problem it finds.
struct RoutineDecoder {
  /// The format version this build reads.
  static let formatVersion = 1
  /// The longest id, in characters: it is typed after `unknot start` and shown in
  /// tables at 80 columns.
  static let longestID = 64

  static let routineKeys = [
    "format", "id", "title", "summary", "targets", "groups", "tools", "cautions", "stop-rules",
    "requires-clinician", "sources", "steps",
  ]

  var reader: YAMLReader
  /// The file name without its extension, to compare with the id.
  let fileStem: String?

  init(file: String, fileStem: String?) {
    reader = YAMLReader(diagnostics: DiagnosticList(file: file))
    self.fileStem = fileStem
  }

  var diagnostics: DiagnosticList { reader.diagnostics }

  mutating func decode(_ root: YAMLNode) -> Routine? {
    let rootPosition = YAMLReader.position(of: root)
    guard let entries = reader.entries(of: root, what: "a routine", allowed: Self.routineKeys)
    else { return nil }

    func required(_ key: String) -> YAMLReader.Entry? {
      if let entry = entries[key] { return entry }
      reader.diagnostics.error("the routine has no '\(key)'; add it", at: rootPosition)
      return nil
    }

    if let format = required("format") {
      if let version = reader.integer(format.value, field: "format", range: 1...Int.max),
        version != Self.formatVersion
      {
        reader.diagnostics.error(
          "this routine is written in format \(version); this version of unknot reads format "
            + "\(Self.formatVersion). Update unknot, or ask the author for a format \(Self.formatVersion) file",
          at: YAMLReader.position(of: format.value))
      }
    }
    let id = required("id").flatMap { readID($0.value) }
    let title = required("title").flatMap { reader.text($0.value, field: "title", maxLines: 1, maxColumns: 60) }
    let summary = required("summary").flatMap { reader.text($0.value, field: "summary") }
    let targets = required("targets").map { readTerms($0.value, field: "targets", as: Muscle.self) } ?? []
    // A routine of checklists alone (the desk check) works no muscle: `targets: []`.
    if let entry = entries["targets"], targets.isEmpty, !reader.diagnostics.hasErrors,
      !Self.onlyChecklistKinds(entries["steps"]?.value)
    {
      reader.diagnostics.error("'targets' is empty; list the muscles this routine works on", at: entry.keyPosition)
    }
    let tools = required("tools").map { readTerms($0.value, field: "tools", as: Tool.self) } ?? []
    var groups = Array(Set(targets.flatMap(\.groups))).sorted()
    if let entry = entries["groups"] {
      groups = readGroups(entry.value, targets: targets)
    }
    let cautionNodes = entries["cautions"].map { reader.list($0.value, field: "cautions") } ?? []
    let cautions = cautionNodes.compactMap { node in
      reader.text(node, field: "cautions").map { (text: $0, position: YAMLReader.position(of: node)) }
    }
    let stopRules = entries["stop-rules"].map { readStopRules($0.value) } ?? []
    let declaredClinician = entries["requires-clinician"].flatMap {
      reader.boolean($0.value, field: "requires-clinician")
    }
    var sources: [String] = []
    if let entry = entries["sources"] {
      sources = reader.texts(entry.value, field: "sources")
    }
    if sources.isEmpty {
      reader.diagnostics.warning(
        "the routine names no sources; add 'sources' saying where its dosages come from",
        at: entries["sources"]?.keyPosition ?? rootPosition)
    }

    var steps: [RoutineStep] = []
    if let entry = required("steps") {
      var stepDecoder = StepDecoder(reader: reader, routineTools: Set(tools), routineTargets: Set(targets))
      steps = stepDecoder.decodeList(entry.value, insideSidedBlock: false)
      reader = stepDecoder.reader
      if Timeline.plannedSize(of: steps).steps > Timeline.maximumSteps {
        reader.diagnostics.error(
          "the steps expand to more than \(Timeline.maximumSteps) steps with their sets and sides; "
            + "use fewer sets or fewer nested blocks", at: entry.keyPosition)
      }
      if steps.isEmpty, case .sequence(let sequence) = entry.value, sequence.isEmpty {
        reader.diagnostics.error("the routine has no steps; add at least one", at: entry.keyPosition)
      } else if YAMLReader.isNull(entry.value) {
        reader.diagnostics.error("the routine has no steps; add at least one", at: entry.keyPosition)
      }
      warnUnused(
        tools: tools, targets: targets, used: stepDecoder.used, toolsPosition: entries["tools"]?.keyPosition,
        targetsPosition: entries["targets"]?.keyPosition)
      warnRepeatedRuleCautions(cautions, steps: steps)
      let hasTraction = stepDecoder.used.hasTraction
      guard let id, let title, let summary, !reader.diagnostics.hasErrors else { return nil }
      return Routine(
        id: id, title: title, summary: summary, groups: groups, targets: targets, tools: tools,
        cautions: cautions.map(\.text), extraStopRules: stopRules,
        requiresClinician: (declaredClinician ?? false) || hasTraction, sources: sources, steps: steps)
    }
    return nil
  }

  /// Whether the steps, as written, are checklists alone (blocks opened), read before
  /// the steps are decoded so that `targets: []` can be allowed for them.
  static func onlyChecklistKinds(_ node: YAMLNode?) -> Bool {
    guard let node, case .sequence(let sequence) = node, !sequence.isEmpty else { return false }
    return sequence.allSatisfy { step in
      guard case .mapping(let mapping) = step, let kind = mapping["kind"], case .scalar(let scalar) = kind else {
        return false
      }
      switch NameMatching.normalize(scalar.string) {
      case StepKind.checklist.rawValue: return true
      case StepKind.block.rawValue: return onlyChecklistKinds(mapping["steps"])
      default: return false
      }
    }
  }

  /// Each stop rule is a text, or `{rule: …, advice: …}` to say what to do when it happens.
  private mutating func readStopRules(_ node: YAMLNode) -> [RoutineStopRule] {
    reader.list(node, field: "stop-rules").compactMap { item in
      if case .mapping = item {
        guard let fields = reader.entries(of: item, what: "a stop rule", allowed: ["rule", "advice"]) else {
          return nil
        }
        guard let ruleEntry = fields["rule"] else {
          reader.diagnostics.error(
            "this stop rule has no 'rule'; say what the person notices", at: YAMLReader.position(of: item))
          return nil
        }
        guard let text = reader.text(ruleEntry.value, field: "rule", maxLines: 2) else { return nil }
        let advice = fields["advice"].flatMap { reader.text($0.value, field: "advice") }
        if fields["advice"] != nil, advice == nil { return nil }
        return RoutineStopRule(text: text, advice: advice)
      }
      return reader.text(item, field: "stop-rules").map { RoutineStopRule(text: $0) }
    }
  }

  private mutating func readID(_ node: YAMLNode) -> String? {
    reader.id(node, fileStem: fileStem)
  }

  private mutating func readTerms<Term: Vocabulary & Hashable>(_ node: YAMLNode, field: String, as: Term.Type) -> [Term]
  {
    var seen = Set<Term>()
    var result: [Term] = []
    for item in reader.list(node, field: field) {
      guard let term = reader.term(item, as: Term.self) else { continue }
      if seen.insert(term).inserted {
        result.append(term)
      } else {
        reader.diagnostics.warning(
          "'\(term.rawValue)' is listed twice in '\(field)'", at: YAMLReader.position(of: item))
      }
    }
    return result
  }

  private mutating func readGroups(_ node: YAMLNode, targets: [Muscle]) -> [MuscleGroup] {
    var groups: [MuscleGroup] = []
    for item in reader.list(node, field: "groups") {
      guard let group = reader.term(item, as: MuscleGroup.self) else { continue }
      if !targets.isEmpty, !targets.contains(where: { $0.groups.contains(group) }) {
        reader.diagnostics.warning(
          "none of the targets belongs to the group '\(group.rawValue)' "
            + "(it holds \(group.muscles.map(\.rawValue).joined(separator: ", ")))",
          at: YAMLReader.position(of: item))
      }
      if !groups.contains(group) { groups.append(group) }
    }
    return groups.sorted()
  }

  /// A routine's own caution that says again what a rule adds to it would show twice
  /// in other words; the rule's wording is the one kept up to date.
  private mutating func warnRepeatedRuleCautions(
    _ cautions: [(text: String, position: SourcePosition)], steps: [RoutineStep]
  ) {
    let rules = CautionRules.rules(for: steps)
    for caution in cautions {
      guard let rule = CautionRules.rule(repeatedBy: caution.text, among: rules) else { continue }
      reader.diagnostics.warning(
        "this caution repeats the one unknot adds to every routine with \(rule.about) (\"\(rule.text)\"); "
          + "remove it, or keep only what is particular to this routine", at: caution.position)
    }
  }

  private mutating func warnUnused(
    tools: [Tool], targets: [Muscle], used: StepDecoder.Usage, toolsPosition: SourcePosition?,
    targetsPosition: SourcePosition?
  ) {
    for tool in tools where tool != .none && !used.tools.contains(tool) {
      reader.diagnostics.warning(
        "'\(tool.rawValue)' is listed in 'tools' but no step uses it", at: toolsPosition ?? .start)
    }
    for muscle in targets where !used.muscles.contains(muscle) {
      reader.diagnostics.warning(
        "'\(muscle.rawValue)' is listed in 'targets' but no step works on it", at: targetsPosition ?? .start)
    }
  }
}
