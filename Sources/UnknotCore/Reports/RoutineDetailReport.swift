import Foundation

/// What `unknot show ID` prints: every expanded step and the total time.
public struct RoutineDetailReport: Sendable {
  /// One expanded step as `show --format json` writes it.
  public struct Step: Encodable, Sendable, Equatable {
    public var number: Int
    public var kind: String
    public var title: String
    public var muscle: String?
    public var tool: String
    public var side: String?
    /// Planned seconds; null when the person decides (untimed placement, traction).
    public var seconds: Int?
    public var count: Int?
    public var secondsEach: Int?
    /// The parts of one rep of a phased exercise, in order.
    public var phases: [Phase]?
    public var pressure: String?
    /// How the pressure should feel there: by its number, capped by the muscle's region.
    public var pressureWords: String?
    /// The pressure as the text says it ("6", "5–7"); not encoded, the JSON has `pressure`.
    public var pressureRange: String?
    public var placement: String?
    public var set: Int?
    public var setCount: Int?
    public var rating: String?
    public var clinicianSettings: [String]?
    /// The body position's id, when the step names one.
    public var position: String?
    /// A checklist's questions, each with its id and the advice for a "no".
    public var items: [ChecklistItem]?

    /// One phase of a rep: `{"phase": "hold", "seconds": 5}`.
    public struct Phase: Encodable, Sendable, Equatable {
      public var phase: String
      public var seconds: Int
    }

    enum CodingKeys: String, CodingKey {
      case number, kind, title, muscle, tool, side, seconds, count, secondsEach, phases, pressure, pressureWords,
        placement, set, setCount, rating, clinicianSettings, position, items
    }

    /// `muscle`, `side` and `seconds` are always present (null when they do not
    /// apply), so scripts can rely on every step having them; the rest only when set.
    public func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(number, forKey: .number)
      try container.encode(kind, forKey: .kind)
      try container.encode(title, forKey: .title)
      try container.encode(muscle, forKey: .muscle)
      try container.encode(tool, forKey: .tool)
      try container.encode(side, forKey: .side)
      try container.encode(seconds, forKey: .seconds)
      try container.encodeIfPresent(count, forKey: .count)
      try container.encodeIfPresent(secondsEach, forKey: .secondsEach)
      try container.encodeIfPresent(phases, forKey: .phases)
      try container.encodeIfPresent(pressure, forKey: .pressure)
      try container.encodeIfPresent(pressureWords, forKey: .pressureWords)
      try container.encodeIfPresent(placement, forKey: .placement)
      try container.encodeIfPresent(set, forKey: .set)
      try container.encodeIfPresent(setCount, forKey: .setCount)
      try container.encodeIfPresent(rating, forKey: .rating)
      try container.encodeIfPresent(clinicianSettings, forKey: .clinicianSettings)
      try container.encodeIfPresent(position, forKey: .position)
      try container.encodeIfPresent(items, forKey: .items)
    }
  }

  /// One caution with where it comes from: `origin` is `rule` (with the rule's id,
  /// the steps it is about and its source) or `routine` (the file's own).
  public struct CautionEntry: Encodable, Sendable, Equatable {
    public var text: String
    public var origin: String
    public var rule: String?
    public var about: String?
    public var source: String?

    init(_ caution: Caution) {
      text = caution.text
      let rule = caution.rule
      origin = rule == nil ? "routine" : "rule"
      self.rule = rule?.id
      about = rule?.about
      source = rule?.source
    }
  }

  public struct Document: Encodable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var origin: String
    public var groups: [String]
    public var muscles: [String]
    public var tools: [String]
    public var cautions: [CautionEntry]
    public var stopRules: [StopRule]
    public var requiresClinician: Bool
    public var sources: [String]
    public var totalSeconds: Int
    public var steps: [Step]
  }

  /// A choice of the stop box, with what unknot advises when it is picked.
  public struct StopRule: Encodable, Sendable {
    /// The danger sign's id, or `routine-rule` for the routine's own.
    public var reason: String
    public var text: String
    public var urgent: Bool
    public var advice: String
  }

  public let document: Document

  public init(routine: Routine, origin: RoutineOrigin) {
    let timeline = Timeline(routine: routine)
    let steps = timeline.steps.enumerated().map { index, step in
      Self.describe(step, number: index + 1)
    }
    document = Document(
      id: routine.id, title: routine.title, summary: routine.summary, origin: origin.label,
      groups: routine.groups.map(\.rawValue), muscles: routine.targets.map(\.rawValue),
      tools: routine.tools.map(\.rawValue), cautions: RoutineCautions.of(routine).map(CautionEntry.init),
      stopRules: routine.stopChoices.all.map { choice in
        StopRule(
          reason: choice.reason.code, text: choice.text, urgent: choice.reason.advice.isUrgent,
          advice: choice.reason.advice.paragraphs.joined(separator: " "))
      },
      requiresClinician: routine.requiresClinician, sources: routine.sources,
      totalSeconds: timeline.plannedSeconds, steps: steps)
  }

  static func describe(_ step: SessionStep, number: Int) -> Step {
    var out = Step(
      number: number, kind: step.kind.rawValue, title: step.title, muscle: step.muscle?.rawValue,
      tool: step.tool.rawValue, side: step.side?.rawValue, seconds: step.plan.seconds,
      pressure: step.pressure.map { "\($0.low)-\($0.high)" }, pressureWords: step.pressure?.words(on: step.muscle),
      placement: step.placement, position: step.position?.rawValue)
    out.pressureRange = step.pressure?.range
    if step.setCount > 1 {
      out.set = step.set
      out.setCount = step.setCount
    }
    switch step.plan {
    case .repetitions(let count, let each):
      out.count = count
      out.secondsEach = each
    case .breathing(let phases, let cycles):
      out.count = cycles
      out.secondsEach = phases.reduce(0) { $0 + $1.seconds }
    case .phasedRepetitions(let phases, let count):
      out.count = count
      out.secondsEach = ExercisePhase.repetitionSeconds(phases)
      out.phases = phases.map { Step.Phase(phase: $0.kind.rawValue, seconds: $0.seconds) }
    case .rating(let moment):
      out.rating = moment.rawValue
    case .clinicianTimed(let settings):
      out.clinicianSettings = settings
    case .checklist(let items):
      out.items = items
    case .untimed, .timed:
      break
    }
    return out
  }

  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  public func text() -> String {
    let doc = document
    var out = "\(doc.title)  (\(doc.id), \(UnsafeCharacters.visible(doc.origin)))\n"
    out += wrap(doc.summary, indent: "")
    out +=
      doc.muscles.isEmpty
      ? "Works on: no muscle; it asks questions only\n" : "Works on: \(doc.muscles.joined(separator: ", "))\n"
    out += "Tools: \(doc.tools.isEmpty ? "none" : doc.tools.joined(separator: ", "))\n"
    if doc.requiresClinician {
      out += "Only with your clinician's agreement and settings.\n"
    }
    for caution in doc.cautions {
      out += wrap("! " + caution.text, indent: "  ", hanging: "    ")
      if let about = caution.about {
        out += wrap("(added by rule, for \(about))", indent: "    ")
      }
    }
    // Questions alone load no body part: no danger signs to watch for.
    if !doc.muscles.isEmpty || doc.steps.contains(where: { $0.items == nil }) {
      out += wrap(StopReminder.full, indent: "")
    }
    for rule in doc.stopRules where rule.reason == StopReason.routineRuleCode {
      out += wrap("Also stop if: " + rule.text + " " + rule.advice, indent: "  ", hanging: "    ")
    }
    out += "\n"
    let numberWidth = String(doc.steps.count).count
    for step in doc.steps {
      let number = String(repeating: " ", count: numberWidth - String(step.number).count) + "\(step.number)."
      out += "\(number) \(headline(step))\n"
      let indent = String(repeating: " ", count: numberWidth + 2)
      if let words = step.pressureWords {
        out += wrap("Pressure: \(words).", indent: indent)
      }
      if let placement = step.placement {
        out += wrap(placement, indent: indent)
      }
      for item in step.items ?? [] {
        out += wrap("- " + item.question, indent: indent, hanging: indent + "  ")
        out += wrap("If not: " + item.advice, indent: indent + "  ", hanging: indent + "  ")
      }
    }
    let questions = doc.steps.reduce(0) { $0 + ($1.items?.count ?? 0) }
    if doc.steps.allSatisfy({ $0.items != nil }) {
      out += "\nTotal: \(questions) yes/no questions, as long as you need"
    } else {
      out += "\nTotal: \(DurationText.of(seconds: doc.totalSeconds))"
      if doc.steps.contains(where: { $0.seconds == nil && $0.rating == nil && $0.items == nil }) {
        out += ", plus the steps that take as long as you need"
      }
      if questions > 0 { out += ", plus \(questions) questions" }
    }
    out += "\n"
    if !doc.sources.isEmpty {
      out += "\nSources:\n"
      for source in doc.sources {
        out += wrap("- " + source, indent: "  ", hanging: "    ")
      }
    }
    return out
  }

  private func headline(_ step: Step) -> String {
    var parts = [step.title]
    var location: [String] = []
    if let muscle = step.muscle { location.append(muscle) }
    if let side = step.side { location.append(side) }
    if step.tool != Tool.none.rawValue { location.append(step.tool) }
    if let position = step.position.flatMap(BodyPosition.init(rawValue:)) { location.append(position.name) }
    if !location.isEmpty { parts.append(location.joined(separator: ", ")) }
    parts.append(amount(step))
    return parts.joined(separator: " — ")
  }

  private func amount(_ step: Step) -> String {
    var text: String
    if let rating = step.rating {
      return "pain rating, \(rating)"
    } else if let items = step.items {
      return "\(items.count) yes/no questions"
    } else if let settings = step.clinicianSettings {
      return "your clinician's \(settings.joined(separator: " and "))"
    } else if step.kind == SessionStep.Kind.breathe.rawValue, let cycles = step.count, let each = step.secondsEach {
      text = "\(cycles) cycles of \(each) s (\(DurationText.of(seconds: cycles * each)))"
    } else if let count = step.count, let phases = step.phases {
      let pattern = phases.compactMap { phase in
        ExercisePhase.Kind(rawValue: phase.phase).map { ExercisePhase($0, seconds: phase.seconds) }
      }
      text = "\(count) reps of \(ExercisePhase.pattern(pattern))"
    } else if let count = step.count, let each = step.secondsEach {
      let unit = step.kind == SessionStep.Kind.strokes.rawValue ? "strokes" : "reps"
      text = "\(count) \(unit) × \(each) s"
    } else if let seconds = step.seconds {
      text = DurationText.of(seconds: seconds)
    } else {
      text = "until you are in position"
    }
    if let range = step.pressureRange {
      text += " at about \(range) of 10"
    }
    if let set = step.set, let count = step.setCount {
      text += " (set \(set) of \(count))"
    }
    return text
  }

  private func wrap(_ text: String, indent: String, hanging: String? = nil) -> String {
    let continuation = hanging ?? indent
    let width = 78 - max(indent.count, continuation.count)
    return TextWrap.lines(text, width: width).enumerated().map { index, line in
      (index == 0 ? indent : continuation) + line + "\n"
    }.joined()
  }
}
