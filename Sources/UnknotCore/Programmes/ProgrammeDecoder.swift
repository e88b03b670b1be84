/// Turns a parsed programme file into a `Programme`, reporting every problem it finds
/// in the same `PATH:LINE:COL` voice as routine files.
struct ProgrammeDecoder {
  static let formatVersion = 1
  static let programmeKeys = ["format", "id", "title", "summary", "weeks", "sources", "schedule", "progression"]
  static let entryKeys = ["routine", "routines", "label", "days", "times-per-week", "weeks", "progression"]
  /// A programme runs a year at most: longer plans are better made again.
  static let weekRange = 1...52
  /// The longest label, so "strength, 2 of 3 this week" fits a status line.
  static let longestLabel = 24

  var reader: YAMLReader
  let fileStem: String?
  /// Some entry asks for progression, even one with errors of its own.
  private var sawProgression = false
  /// The routines the programme may name, by id; nil skips that check.
  let routines: [String: Routine]?

  init(file: String, fileStem: String?, routines: [String: Routine]?) {
    reader = YAMLReader(diagnostics: DiagnosticList(file: file))
    self.fileStem = fileStem
    self.routines = routines
  }

  var diagnostics: DiagnosticList { reader.diagnostics }

  mutating func decode(_ root: YAMLNode) -> Programme? {
    let rootPosition = YAMLReader.position(of: root)
    guard let entries = reader.entries(of: root, what: "a programme", allowed: Self.programmeKeys) else { return nil }
    func required(_ key: String) -> YAMLReader.Entry? {
      if let entry = entries[key] { return entry }
      reader.diagnostics.error("the programme has no '\(key)'; add it", at: rootPosition)
      return nil
    }
    if let format = required("format"),
      let version = reader.integer(format.value, field: "format", range: 1...Int.max), version != Self.formatVersion
    {
      reader.diagnostics.error(
        "this programme is written in format \(version); this version of unknot reads format "
          + "\(Self.formatVersion). Update unknot, or ask the author for a format \(Self.formatVersion) file",
        at: YAMLReader.position(of: format.value))
    }
    let id = required("id").flatMap { readID($0.value) }
    let title = required("title").flatMap { reader.text($0.value, field: "title", maxLines: 1, maxColumns: 60) }
    let summary = required("summary").flatMap { reader.text($0.value, field: "summary") }
    let weeks = required("weeks").flatMap { reader.integer($0.value, field: "weeks", range: Self.weekRange) }
    let sources = entries["sources"].map { reader.texts($0.value, field: "sources") } ?? []
    if sources.isEmpty {
      reader.diagnostics.warning(
        "the programme names no sources; add 'sources' saying where its plan and doses come from",
        at: entries["sources"]?.keyPosition ?? rootPosition)
    }
    let ladder = entries["progression"].flatMap { readLadder($0.value) }
    var schedule: [ProgrammeEntry] = []
    if let entry = required("schedule") {
      schedule = readSchedule(entry, weeks: weeks)
      let progressing = sawProgression
      if progressing, entries["progression"] == nil {
        reader.diagnostics.error(
          "an entry has 'progression: true' but the programme has no 'progression'; add one with "
            + "'reps: {from: 10, to: 15, step: 1}' and 'sets: {from: 1, to: 3}'", at: rootPosition)
      }
      if !progressing, let progression = entries["progression"] {
        reader.diagnostics.warning(
          "no schedule entry has 'progression: true', so 'progression' changes nothing; "
            + "add 'progression: true' to the strength entry or remove it", at: progression.keyPosition)
      }
    }
    guard let id, let title, let summary, let weeks, !reader.diagnostics.hasErrors else { return nil }
    return Programme(
      id: id, title: title, summary: summary, weeks: weeks, sources: sources, schedule: schedule,
      progression: ladder)
  }

  private mutating func readID(_ node: YAMLNode) -> String? {
    reader.id(node, fileStem: fileStem)
  }

  private mutating func readSchedule(_ entry: YAMLReader.Entry, weeks: Int?) -> [ProgrammeEntry] {
    guard case .sequence(let items) = entry.value, !items.isEmpty else {
      reader.diagnostics.error(
        "'schedule' should be a list of entries, each with 'routine' and 'days' or 'times-per-week'",
        at: YAMLReader.position(of: entry.value))
      return []
    }
    var result: [ProgrammeEntry] = []
    var placeOf: [String: SourcePosition] = [:]
    for item in items {
      let entry = readEntry(item, weeks: weeks)
      for (id, position) in entry.positions {
        if let earlier = placeOf[id] {
          reader.diagnostics.error(
            "the routine '\(id)' is already in the schedule at line \(earlier.line), column \(earlier.column); "
              + "a routine may appear in one entry only, so its sessions count once", at: position)
        } else {
          placeOf[id] = position
        }
      }
      if let read = entry.entry { result.append(read) }
    }
    return result
  }

  private mutating func readEntry(
    _ node: YAMLNode, weeks: Int?
  ) -> (entry: ProgrammeEntry?, positions: [(String, SourcePosition)]) {
    let position = YAMLReader.position(of: node)
    guard let fields = reader.entries(of: node, what: "a schedule entry", allowed: Self.entryKeys) else {
      return (nil, [])
    }
    let errorsBefore = reader.diagnostics.items.count { $0.severity == .error }
    var routineNodes: [YAMLNode] = []
    switch (fields["routine"], fields["routines"]) {
    case (let one?, nil): routineNodes = [one.value]
    case (nil, let several?):
      routineNodes = reader.list(several.value, field: "routines")
      if routineNodes.isEmpty {
        reader.diagnostics.error("'routines' is empty; list one or more routine ids", at: several.keyPosition)
      }
    case (_?, let several?):
      reader.diagnostics.error(
        "write either 'routine' (one) or 'routines' (any one of several), not both", at: several.keyPosition)
    case (nil, nil):
      reader.diagnostics.error(
        "this entry names no routine; add 'routine: ID', or 'routines: [ID, ID]' for any one of several",
        at: position)
    }
    var ids: [(String, SourcePosition)] = []
    for routineNode in routineNodes {
      guard let id = readRoutineID(routineNode) else { continue }
      ids.append((id, YAMLReader.position(of: routineNode)))
    }
    let days = readDays(fields, at: position)
    let inWeeks = fields["weeks"].flatMap { readWeeks($0.value, weeks: weeks) }
    let progresses = fields["progression"].flatMap { reader.boolean($0.value, field: "progression") } ?? false
    if progresses { sawProgression = true }
    if progresses, let routines, let field = fields["progression"] {
      for (id, _) in ids where routines[id].map({ !Self.hasExercise($0.steps) }) ?? false {
        reader.diagnostics.error(
          "the routine '\(id)' has no exercise step, so a level would change nothing in it; "
            + "remove 'progression: true' or name a routine with exercise steps", at: field.keyPosition)
      }
    }
    var label: String?
    if let field = fields["label"] {
      label = reader.text(field.value, field: "label", maxLines: 1, maxColumns: Self.longestLabel)
    } else if ids.count > 1 {
      reader.diagnostics.error(
        "an entry with several routines needs a 'label' saying what they are for, such as 'strength'", at: position)
    } else if let (id, _) = ids.first {
      // The id, not the title: short enough for a status line, and the same whether or
      // not the routines were loaded with the programme.
      label = id
    }
    let errorsAfter = reader.diagnostics.items.count { $0.severity == .error }
    guard errorsAfter == errorsBefore, let days, let label, !ids.isEmpty else { return (nil, ids) }
    return (
      ProgrammeEntry(
        routineIDs: ids.map(\.0), label: label, days: days, inWeeks: inWeeks, progresses: progresses),
      ids
    )
  }

  private mutating func readRoutineID(_ node: YAMLNode) -> String? {
    guard let id = reader.text(node, field: "routine", maxLines: 1) else { return nil }
    guard let routines, routines[id] == nil else { return id }
    var message = "no routine with the id '\(id)'"
    if let near = NameMatching.nearest(to: id, among: Array(routines.keys)) {
      message += "; did you mean '\(near)'?"
    } else {
      message += ". Run `unknot list` to see the routines"
    }
    reader.diagnostics.error(message, at: YAMLReader.position(of: node))
    return nil
  }

  private mutating func readDays(_ fields: [String: YAMLReader.Entry], at position: SourcePosition) -> ProgrammeDays? {
    switch (fields["days"], fields["times-per-week"]) {
    case (_?, let times?):
      reader.diagnostics.error(
        "write either 'days' or 'times-per-week', not both", at: times.keyPosition)
      return nil
    case (nil, let times?):
      return reader.integer(times.value, field: "times-per-week", range: 1...7).map(ProgrammeDays.timesPerWeek)
    case (let days?, nil):
      if case .scalar(let scalar) = days.value, scalar.string.lowercased() == "daily" { return .daily }
      var set = Set<Weekday>()
      for item in reader.list(days.value, field: "days") {
        guard let word = item.string, let day = Self.weekday(word) else {
          reader.diagnostics.error(
            "'\(item.string ?? "this")' is not a day; write daily, or a list of mon, tue, wed, thu, fri, sat, sun",
            at: YAMLReader.position(of: item))
          continue
        }
        if !set.insert(day).inserted {
          reader.diagnostics.warning("'\(day.rawValue)' is listed twice in 'days'", at: YAMLReader.position(of: item))
        }
      }
      guard !set.isEmpty else {
        reader.diagnostics.error(
          "'days' names no day; write daily, or days such as [mon, wed, fri]", at: days.keyPosition)
        return nil
      }
      return .weekdays(set)
    case (nil, nil):
      reader.diagnostics.error(
        "this entry does not say when it is due; add 'days: daily', 'days: [mon, wed, fri]' or 'times-per-week: 3'",
        at: position)
      return nil
    }
  }

  /// "mon", "Monday", "MON": the three-letter word or the whole name.
  static func weekday(_ word: String) -> Weekday? {
    let lowered = word.trimmingWhitespace().lowercased()
    return Weekday.allCases.first { $0.rawValue == lowered || $0.name.lowercased() == lowered }
  }

  private mutating func readWeeks(_ node: YAMLNode, weeks: Int?) -> Set<Int>? {
    var result = Set<Int>()
    let items = reader.list(node, field: "weeks")
    for item in items {
      guard let week = reader.integer(item, field: "weeks", range: 1...(weeks ?? Self.weekRange.upperBound)) else {
        continue
      }
      if !result.insert(week).inserted {
        reader.diagnostics.warning("week \(week) is listed twice in 'weeks'", at: YAMLReader.position(of: item))
      }
    }
    if items.isEmpty {
      reader.diagnostics.error(
        "'weeks' names no week; list the programme weeks it runs in, such as [1, 5], or remove it",
        at: YAMLReader.position(of: node))
    }
    return result.isEmpty ? nil : result
  }

  private mutating func readLadder(_ node: YAMLNode) -> ProgressionLadder? {
    guard let fields = reader.entries(of: node, what: "'progression'", allowed: ["reps", "sets"]) else { return nil }
    let position = YAMLReader.position(of: node)
    guard let repsField = fields["reps"], let setsField = fields["sets"] else {
      reader.diagnostics.error(
        "'progression' needs 'reps: {from: 10, to: 15, step: 1}' and 'sets: {from: 1, to: 3}'", at: position)
      return nil
    }
    let reps = readRange(repsField.value, field: "reps", limits: DosageLimits.exerciseReps, withStep: true)
    let sets = readRange(setsField.value, field: "sets", limits: DosageLimits.sets, withStep: false)
    guard let reps, let sets else { return nil }
    if reps.range.upperBound - reps.range.lowerBound > 0, reps.step > reps.range.upperBound - reps.range.lowerBound {
      reader.diagnostics.error(
        "'step' is \(reps.step), more than the whole range of reps; use a step of 1 to "
          + "\(reps.range.upperBound - reps.range.lowerBound)", at: YAMLReader.position(of: repsField.value))
      return nil
    }
    // ACSM: 8–12 reps, 10–15 for beginners and older adults; 1 set to start, 2–4 later.
    if reps.range.lowerBound < 8 || reps.range.upperBound > 15 {
      reader.diagnostics.warning(
        "reps from \(reps.range.lowerBound) to \(reps.range.upperBound) go outside the 8 to 15 the ACSM "
          + "advises (Garber 2011); keep to it unless your source says otherwise",
        at: YAMLReader.position(of: repsField.value))
    }
    if sets.range.upperBound > 4 {
      reader.diagnostics.warning(
        "up to \(sets.range.upperBound) sets is more than the 2 to 4 the ACSM advises (Garber 2011)",
        at: YAMLReader.position(of: setsField.value))
    }
    return ProgressionLadder(reps: reps.range, repsStep: reps.step, sets: sets.range)
  }

  private mutating func readRange(
    _ node: YAMLNode, field: String, limits: ClosedRange<Int>, withStep: Bool
  ) -> (range: ClosedRange<Int>, step: Int)? {
    let allowed = withStep ? ["from", "to", "step"] : ["from", "to"]
    guard let fields = reader.entries(of: node, what: "'\(field)'", allowed: allowed) else { return nil }
    guard let fromField = fields["from"], let toField = fields["to"] else {
      reader.diagnostics.error(
        "'\(field)' needs 'from' and 'to', such as {from: \(limits.lowerBound), to: \(limits.lowerBound + 2)}",
        at: YAMLReader.position(of: node))
      return nil
    }
    let from = reader.integer(fromField.value, field: "\(field).from", range: limits)
    let to = reader.integer(toField.value, field: "\(field).to", range: limits)
    let step = fields["step"].flatMap { reader.integer($0.value, field: "\(field).step", range: 1...limits.upperBound) }
    if fields["step"] != nil, step == nil { return nil }
    guard let from, let to else { return nil }
    guard from <= to else {
      reader.diagnostics.error(
        "'\(field)' goes from \(from) down to \(to); 'from' must not be more than 'to'",
        at: YAMLReader.position(of: toField.value))
      return nil
    }
    return (from...to, step ?? 1)
  }

  /// Whether any step, inside blocks too, is an exercise a level can dose.
  static func hasExercise(_ steps: [RoutineStep]) -> Bool {
    steps.contains { step in
      switch step.action {
      case .exercise, .phasedExercise: true
      case .block(let inner): hasExercise(inner)
      default: false
      }
    }
  }
}
