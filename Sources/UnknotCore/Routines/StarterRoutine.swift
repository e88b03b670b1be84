/// The routine file `unknot new` writes: a valid start for a muscle and a tool, made
/// from the catalogue (StarterMuscle, StarterTechnique) and the evidence defaults
/// (PressureRegion, DosageLimits), with a comment on each key so a person can change
/// it without the format's page open. Pure: the same choice always gives the same text.
public enum StarterRoutine {
  /// A muscle and tool no starter is written for, with what would work.
  public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var muscle: Muscle
    public var tool: Tool

    public var description: String {
      let tools = Tool.allCases.filter { StarterRoutine.reaches($0, muscle) }.map(\.id)
      var message = "unknot has no starter for the \(muscle.id) with the \(tool.id)"
      if let why = Tool.toolFreeMuscles[muscle] {
        message += ": \(why)"
      } else if muscle.isTractionOnly {
        message += ": it is worked only with traction, on a clinician's settings"
      } else {
        message += ": the tool does not suit it"
      }
      return message + ". For the \(muscle.id), use --tool " + tools.joined(separator: ", ")
    }
  }

  /// Whether a starter is written for this tool on this muscle: the tools that suit it
  /// (`Tool.suitedMuscles`), none but traction on the neck's vertebrae, no tool at all
  /// where the catalogue says so, and a band only where there is an exercise for it.
  public static func reaches(_ tool: Tool, _ muscle: Muscle) -> Bool {
    if muscle.isTractionOnly { return tool == .tractionDevice }
    if Tool.toolFreeMuscles[muscle] != nil { return tool == .none }
    if tool == .resistanceBand { return StarterExercise.forMuscle[muscle] != nil }
    return tool.suits(muscle)
  }

  /// Every muscle and tool a starter is written for, in the catalogue's order.
  public static var pairs: [(muscle: Muscle, tool: Tool)] {
    Muscle.allCases.flatMap { muscle in Tool.allCases.filter { reaches($0, muscle) }.map { (muscle, $0) } }
  }

  /// Fills in what the person left out: the rhomboids when no muscle is named (the
  /// usual knot between the shoulder blades), the first tool in the catalogue that
  /// reaches the muscle (heat is an addition, never the first choice), or the first
  /// muscle the tool reaches.
  public static func choose(muscle: Muscle?, tool: Tool?) -> Result<(muscle: Muscle, tool: Tool), Refusal> {
    switch (muscle, tool) {
    case (let muscle?, let tool?):
      return reaches(tool, muscle) ? .success((muscle, tool)) : .failure(Refusal(muscle: muscle, tool: tool))
    case (let muscle?, nil):
      let tool = Tool.allCases.first { $0 != .heatPack && reaches($0, muscle) } ?? .none
      return .success((muscle, tool))
    case (nil, let tool?):
      let muscle = Muscle.allCases.first { reaches(tool, $0) } ?? .rhomboids
      return .success((muscle, tool))
    case (nil, nil):
      return .success((.rhomboids, .massageBall))
    }
  }

  /// `my-rhomboids-massage-ball`; `my-rhomboids-stretch` with no tool.
  public static func suggestedID(muscle: Muscle, tool: Tool) -> String {
    "my-\(muscle.id)-" + (tool == .none ? "stretch" : tool.id)
  }

  /// Whether a typed id is one a routine file may have: lower-case letters, digits and
  /// hyphens, not at either end, at most 64 (the loader's rule, YAMLReader.id).
  public static func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.count <= RoutineDecoder.longestID && id.first != "-" && id.last != "-"
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// The first of `my-…`, `my-…-2`, `my-…-3`… that `isTaken` says is free.
  public static func freeID(muscle: Muscle, tool: Tool, isTaken: (String) -> Bool) -> String {
    let base = suggestedID(muscle: muscle, tool: tool)
    var id = base
    var number = 2
    while isTaken(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    return id
  }

  /// The file's text. `tool` must reach `muscle` (see `reaches`).
  public static func text(muscle: Muscle, tool: Tool, id: String) -> String {
    let row = StarterMuscle.of(muscle)
    let technique = StarterTechnique.of(tool, on: muscle)
    var file = StarterYAML()
    file.keyNotes = keyNotes
    file.comment(
      "A starter routine written by `unknot new`: \(shortName(muscle).lowercased()) "
        + (tool == .none ? "with no tool." : "with \(article(tool.name.lowercased())).")
        + " Change anything you like. unknot checks the file when your editor closes, and"
        + " `unknot check --strict` checks it any time. The README's \"Write your own routine\""
        + " and docs/routine-format.md say what every key means.")
    file.blank()
    file.comment("Format version. This version of unknot reads format 1.")
    file.field("format", .plain("1"))
    file.blank()
    file.comment("Stable id: lower-case letters, digits and hyphens. Keep it the same as the file name.")
    file.field("id", .plain(id))
    file.blank()
    file.comment("Shown in lists: at most 60 columns.")
    file.field("title", .text(title(muscle, tool)))
    file.blank()
    file.comment("One or two sentences: what it is for and what you need.")
    file.field("summary", .text(summary(row, tool, technique)))
    file.blank()
    file.comment("The muscles the steps work on (`unknot muscles` lists them). Every step's muscle must be here.")
    file.field("targets", .flow([muscle.id]))
    file.blank()
    file.comment("Every tool a step uses; `none` needs no listing.")
    file.field("tools", .flow(tool == .none ? [] : [tool.id]))
    if tool == .tractionDevice {
      file.blank()
      file.comment("You confirm that a clinician agreed before it starts.")
      file.field("requires-clinician", .plain("true"))
    }
    file.blank()
    file.comment(
      "Shown before the routine starts, after the cautions unknot adds by rule"
        + " (blood thinners, osteoporosis, pregnancy, the neck's danger signs, heat): write only what is particular to it."
    )
    file.field("cautions", .texts(cautions(row, tool, technique)))
    file.blank()
    file.comment("Where the dosages come from. `unknot check --strict` asks for at least one.")
    file.field("sources", .texts(sources(row, technique)))
    file.blank()
    file.comment(
      "The steps, in order. unknot asks how much pain you have before the first step and after the last:"
        + " a `rate` step adds a rating between them.")
    file.field("steps", .steps(steps(row, tool, technique)))
    return file.text
  }

  /// What each step key means, said where the starter first writes it.
  static let keyNotes: [String: String] = [
    "kind": "what the step does",
    "title": "a short name; one is made if left out",
    "side": "both: left, then a switch, then right",
    "muscle": "one of the targets",
    "tool": "one of the tools",
    "position": "how the body is placed, said before the step",
    "placement": "where and how, shown during the step",
    "duration": "such as 45s, 2m or 1m30s",
    "count": "how many strokes",
    "pace": "seconds a stroke",
    "pressure": "of 10, low-high",
    "cues": "short reminders, shown as the step starts",
    "span": "from where to where",
    "reps": "how many times",
    "phases": "one rep's parts, each said as it begins",
    "clinician-settings": "you enter these from your clinician's instructions",
    "steps": "the block's steps, in order",
  ]

  // MARK: - The parts

  /// "Rhomboids", "Erector spinae": the catalogue's name without its gloss.
  static func shortName(_ muscle: Muscle) -> String {
    var name = muscle.name
    for cut in [" (", " /"] {
      if let range = name.range(of: cut) { name = String(name[..<range.lowerBound]) }
    }
    return name
  }

  static func article(_ noun: String) -> String {
    ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun
  }

  static func title(_ muscle: Muscle, _ tool: Tool) -> String {
    switch tool {
    case .tractionDevice: "Neck traction with your clinician's settings"
    case .none: "Stretch for the \(shortName(muscle).lowercased())"
    case .heatPack: "Heat and a stretch for the \(shortName(muscle).lowercased())"
    default: "\(shortName(muscle)) with \(article(tool.name.lowercased()))"
    }
  }

  static func summary(_ row: StarterMuscle, _ tool: Tool, _ technique: StarterTechnique) -> String {
    let muscle = shortName(row.muscle).lowercased()
    let with = article(tool.name.lowercased())
    let place = "the \(muscle), \(row.muscle.location)"
    switch technique {
    case .pressure(let strokes):
      let work = strokes ? "Slow strokes and pressure holds" : "Still pressure"
      return "\(work) with \(with) on \(place), then a stretch."
    case .rolling: return "Slow rolling and a pause on tender spots with \(with) on \(place), then a stretch."
    case .archedSupport: return "Lying back over \(with) for \(place). Start on the lowest setting."
    case .heat: return "Heat on \(place), which may ease tension, then a stretch."
    case .band: return "A strengthening exercise with \(with) for \(place), then a stretch."
    case .traction:
      return
        "Times your neck traction with the settings your clinician gave you. unknot never chooses or suggests any settings."
    case .stretchOnly: return "A stretch with no tool for \(place)."
    }
  }

  /// Where the tool goes on the muscle when one is pressed or rolled on it; else how
  /// to stretch, since no tool touches the muscle; then the tool's own.
  static func cautions(_ row: StarterMuscle, _ tool: Tool, _ technique: StarterTechnique) -> [String] {
    var cautions: [String]
    switch technique {
    case .pressure, .rolling, .traction:
      cautions = [row.caution]
    case .archedSupport:
      cautions = ["Keep your spine in the central groove. Never put the stretcher under your low back or neck."]
    case .heat, .band, .stretchOnly:
      cautions = [StarterStretch.caution] + [row.stretch?.caution].compactMap { $0 }
    }
    return cautions + [StarterTechnique.caution(tool)].compactMap { $0 }
  }

  static func sources(_ row: StarterMuscle, _ technique: StarterTechnique) -> [String] {
    var sources = technique.sources + [row.source]
    if case .pressure = technique {
      let region = PressureRegion.of(row.muscle)
      if region != .back {
        sources.append("Pressure by region (\(PressureRegion.source)): \(region.usual.range) of 10 on \(region.name)")
      }
      if row.muscle == .suboccipitals {
        sources.append(
          "Physiotherapy CME material (secondary): suboccipital release on a cradle, 60 s static, 15 s–2 min")
      }
    }
    if technique.endsWithStretch {
      sources.append("ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps")
    }
    var unique: [String] = []
    for source in sources where !unique.contains(source) { unique.append(source) }
    return unique
  }

  static func steps(_ row: StarterMuscle, _ tool: Tool, _ technique: StarterTechnique) -> [StarterYAML.Step] {
    let muscle = row.muscle
    let position = StarterTechnique.position(tool, on: row.surface)
    var work: [StarterYAML.Step] = []
    let place = StarterYAML.Step(
      comment: "Get into position. The countdown gives you time; without `duration`, you press Enter when ready.",
      [
        ("kind", .plain("place")), ("muscle", .plain(muscle.id)), ("tool", .plain(tool.id)),
        ("placement", .text(StarterTechnique.setUp(tool, on: row))),
      ] + (tool == .tractionDevice ? [] : [("duration", .plain("15s"))]))
    let region = PressureRegion.of(muscle)
    let hold = StarterYAML.Step(
      comment:
        "Sustained pressure: 30–90 s is the evidence range. `pressure` is out of 10: \(region.usual.range)"
        + " is usual on \(region.name), and at most \(region.highest) is advised there.",
      [
        ("kind", .plain("hold")), ("muscle", .plain(muscle.id)), ("tool", .plain(tool.id)),
        ("duration", .plain("\(DosageLimits.defaultHold)s")),
        ("pressure", .plain("\(region.usual.low)-\(region.usual.high)")),
        ("cues", .texts([StarterTechnique.pressing(tool), sentence(region.words)])),
      ])
    switch technique {
    case .pressure(let strokes):
      work.append(place)
      if strokes {
        work.append(
          StarterYAML.Step(
            comment: "Slow strokes to find a tender spot: 6–12 strokes, one every `pace`.",
            [
              ("kind", .plain("strokes")), ("muscle", .plain(muscle.id)), ("tool", .plain(tool.id)),
              ("count", .plain("\(DosageLimits.defaultStrokes)")),
              ("pace", .plain("\(DosageLimits.defaultStrokePace)s")),
              ("placement", .text(StarterTechnique.strokes(tool))),
            ]))
      }
      work.append(hold)
    case .rolling:
      work.append(place)
      work.append(
        StarterYAML.Step(
          comment: "Rolling: 30–120 s a set. `span` says from where to where.",
          [
            ("kind", .plain("roll")), ("muscle", .plain(muscle.id)), ("tool", .plain(tool.id)),
            ("placement", .text("Push gently with your feet to roll slowly up and down.")),
            ("span", .text("a hand's width either side of where you started")),
            ("duration", .plain("\(DosageLimits.defaultRoll)s")),
          ]))
      var pause = hold
      pause.fields.insert(("title", .text("Pause on a tender spot")), at: 1)
      pause.fields[pause.fields.firstIndex { $0.0 == "duration" }!].1 = .plain("30s")
      work.append(pause)
    case .archedSupport:
      work.append(place)
      work.append(
        StarterYAML.Step(
          comment: "Lying over the arch is a stretch: 10–60 s, 2–4 times.",
          [
            ("kind", .plain("stretch")), ("title", .text("Settle over the arch")), ("muscle", .plain(muscle.id)),
            ("tool", .plain(tool.id)), ("placement", .text(StarterTechnique.overTheArch(muscle))),
            ("duration", .plain("\(DosageLimits.defaultStretch)s")),
            ("reps", .plain("\(DosageLimits.defaultStretchReps)")),
            ("cues", .texts(["Breathe slowly. It should feel like a gentle stretch."])),
          ]))
      work.append(
        StarterYAML.Step(
          comment: "A rest to come off the stretcher slowly.",
          [
            ("kind", .plain("rest")), ("title", .text("Roll off and rest")),
            ("placement", .text("Roll onto your side to come off the stretcher, then rest.")),
            ("duration", .plain("\(DosageLimits.defaultRest)s")),
          ]))
    case .heat:
      work.append(
        StarterYAML.Step(
          comment: "Heat: 10–20 minutes; unknot stops it at 20.",
          [
            ("kind", .plain("heat")), ("muscle", .plain(muscle.id)), ("tool", .plain(tool.id)),
            ("placement", .text(StarterTechnique.setUp(tool, on: row))),
            ("duration", .plain("\(DosageLimits.defaultHeat / 60)m")),
          ]))
    case .band:
      let exercise = StarterExercise.forMuscle[muscle]!
      let phases = StarterExercise.phases.map { "{phase: \($0.0.rawValue), duration: \($0.1)s}" }
      work.append(
        StarterYAML.Step(
          comment: "An exercise: `reps` times the `phases` (pull, hold, release), each said as it begins.",
          [
            ("kind", .plain("exercise")), ("title", .text(exercise.title)), ("muscle", .plain(muscle.id)),
            ("tool", .plain(tool.id)), ("position", .plain(exercise.position.id)),
            ("placement", .text(exercise.placement)), ("reps", .plain("\(StarterExercise.reps)")),
            ("phases", .list(phases)), ("cues", .texts([exercise.cue])),
          ]))
    case .traction:
      work.append(place)
      work.append(
        StarterYAML.Step(
          comment: "You enter the settings your clinician gave before it starts; unknot only times them.",
          [
            ("kind", .plain("traction")), ("title", .text("Traction with your clinician's settings")),
            ("muscle", .plain(muscle.id)), ("tool", .plain(tool.id)),
            ("clinician-settings", .flow(["duration", "tension"])),
            ("cues", .texts(["Relax and breathe normally.", "Release the tension at once if arm pain increases."])),
          ]))
      work.append(
        StarterYAML.Step(
          comment: "A rest before getting up.",
          [
            ("kind", .plain("rest")), ("title", .text("Rest before you get up")),
            ("placement", .text("Release the tension fully and rest for a minute before you sit up.")),
            ("duration", .plain("60s")),
          ]))
    case .stretchOnly:
      break
    }
    if technique != .band {
      let toolPosition = ("position", StarterYAML.Value.plain(position.id))
      for index in work.indices {
        guard let tool = work[index].fields.firstIndex(where: { $0.0 == "tool" }) else { continue }
        work[index].fields.insert(toolPosition, at: tool + 1)
      }
    }
    let rate = StarterYAML.Step(
      comment:
        "How \(muscle.isPlural ? "do" : "does") the \(shortName(muscle).lowercased()) feel now? Asked after the work"
        + (row.onBothSides && !work.isEmpty ? ", on each side." : "."),
      [("kind", .plain("rate")), ("muscle", .plain(muscle.id))])

    var steps: [StarterYAML.Step] = []
    let exerciseOnBothSides = technique == .band && StarterExercise.forMuscle[muscle]!.onBothSides
    // Heat lies across both sides at once, and the arch is under the middle of the back.
    let sided: Bool
    switch technique {
    case .band: sided = exerciseOnBothSides
    case .heat, .archedSupport: sided = false
    default: sided = row.onBothSides
    }
    if !work.isEmpty {
      if sided {
        steps.append(
          StarterYAML.Step(
            comment: "A block with `side: both` runs its steps on the left, then says to switch, then the right.",
            [
              ("kind", .plain("block")), ("title", .text("One side at a time")), ("side", .plain("both")),
              ("steps", .steps(work + [rate])),
            ]))
      } else {
        steps += work + [rate]
      }
    }
    if technique.endsWithStretch, let stretch = row.stretch {
      var fields: [(String, StarterYAML.Value)] = [
        ("kind", .plain("stretch")), ("title", .text(stretch.title)), ("muscle", .plain(muscle.id)),
      ]
      if stretch.onBothSides { fields.append(("side", .plain("both"))) }
      fields += [
        ("position", .plain(stretch.position.id)), ("placement", .text(stretch.placement)),
        ("duration", .plain("\(stretch.seconds)s")), ("reps", .plain("\(stretch.reps)")),
        ("cues", .texts([stretch.cue])),
      ]
      steps.append(
        StarterYAML.Step(
          comment: "A stretch: 10–60 s a rep, 2–4 reps." + (stretch.onBothSides ? " `side: both` does each side." : ""),
          fields))
    }
    return steps
  }

  /// "firm but comfortable" → "Firm but comfortable."
  static func sentence(_ words: String) -> String {
    words.prefix(1).uppercased() + words.dropFirst() + "."
  }
}
