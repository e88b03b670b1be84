import UnknotCore

/// The words of the pain box, the same in the full screen and plain mode: why it asks,
/// each choice, and what the choice changed.
enum PainChoiceText {
  /// The most gentler routines the box lists: a short list is easier to read lying down.
  static let mostGentler = 3

  /// What the box offers for a check: the engine's choices and, before the start at 8
  /// or more, the gentler routines for the same group, after "lighter".
  static func options(for check: PainCheck, session: SessionScreen, state: AppState) -> [PainChoice] {
    guard check.kind == .highBefore, check.to >= PainRules.severe else { return check.choices }
    let gentler = gentlerRoutines(for: session, state: state).map { PainChoice.gentlerRoutine($0.routine.id) }
    var options = check.choices
    options.insert(contentsOf: gentler, at: min(1, options.count))
    return options
  }

  /// Routines with no pressure and no strength work (breathing, heat, stretches) that the person's
  /// tools and safety answers allow, the shortest first: those for the group they chose
  /// from, or, when that group has none, any (calm breathing suits every group).
  static func gentlerRoutines(for session: SessionScreen, state: AppState) -> [LoadedEntry] {
    let routine = session.entry.routine
    let group = routine.groups.contains(session.returnTo.group) ? session.returnTo.group : routine.groups.first
    func gentle(_ entries: [LoadedEntry]) -> [LoadedEntry] {
      entries.filter {
        // A checklist works nothing: it is no gentler way to treat the pain.
        $0.routine.id != routine.id && !$0.routine.requiresClinician && !$0.routine.isChecklistOnly
          && !RemainingSteps.anyPressure(Timeline(routine: $0.routine).steps)
          && !Timeline(routine: $0.routine).steps.contains(where: RemainingSteps.strengthens)
          && !state.adapted($0).nothingLeft
          && (!state.ownedTools.filterOn || state.ownedTools.allows($0.routine))
      }
    }
    var found = group.map { gentle(state.routines(for: $0)) } ?? []
    if found.isEmpty { found = gentle(state.routines) }
    return Array(
      found.sorted {
        (gentleness($0.routine), Timeline(routine: $0.routine).plannedSeconds)
          < (gentleness($1.routine), Timeline(routine: $1.routine).plannedSeconds)
      }
      .prefix(mostGentler))
  }

  /// Breathing alone first, then heat and stretches without a tool, then the rest (a
  /// stretcher or roller still loads the back).
  static func gentleness(_ routine: Routine) -> Int {
    let steps = Timeline(routine: routine).steps
    let working = steps.filter { ![.rate, .rest, .switchSides].contains($0.kind) }
    if working.allSatisfy({ $0.kind == .breathe }) { return 0 }
    if working.allSatisfy({ $0.tool == .none || $0.tool == .heatPack }) { return 1 }
    return 2
  }

  /// Whether the box lists a gentler routine.
  static func offersGentler(_ options: [PainChoice]) -> Bool {
    options.contains {
      if case .gentlerRoutine = $0 { return true }
      return false
    }
  }

  /// The box's title.
  static func title(_ check: PainCheck) -> String {
    check.kind == .rose ? "Your pain has gone up" : "Your pain is high today"
  }

  /// Why the box asks, in a sentence or two; `offersGentler`: the box lists gentler routines.
  static func reason(_ check: PainCheck, offersGentler: Bool = false) -> String {
    switch check.kind {
    case .rose:
      let change =
        check.from.map { "Your pain rose from \($0) to \(check.to)." } ?? "Your pain is \(check.to) of 10."
      return change + " Pressure should not make pain worse. How would you like to go on?"
    case .highBefore where check.to >= PainRules.severe:
      return "Your pain is \(check.to) of 10. A lighter version of this one"
        + (offersGentler ? ", or a gentler routine," : "") + " may suit today better."
    case .highBefore:
      return "Your pain is \(check.to) of 10, so this session starts lighter: pressure 2 lower and shorter holds. "
        + "You can still choose the full routine."
    }
  }

  /// One choice as its line says it.
  static func line(_ choice: PainChoice, check: PainCheck, state: AppState) -> String {
    switch choice {
    case .lighter:
      return check.kind == .rose
        ? "Lighter: the rest of the session 2 points lower, with shorter holds"
        : "Lighter: pressure 2 points lower, with shorter holds"
    case .skipPressure:
      return "Skip the pressure on \(muscleWords(check)); stretches and breathing stay"
    case .stop:
      return "Stop the session"
    case .asWritten:
      return check.kind == .rose ? "Carry on: no more pressure is left to change" : "The full routine, as written"
    case .gentlerRoutine(let id):
      guard let entry = state.entry(id: id) else { return "A gentler routine" }
      let minutes = DurationText.of(seconds: Timeline(routine: entry.routine).plannedSeconds)
      return "Gentler: \(entry.routine.title) (\(minutes))"
    }
  }

  /// "your left rhomboids", or "that muscle" when none is known.
  static func muscleWords(_ check: PainCheck) -> String {
    check.muscle?.phrase(side: check.side) ?? "that muscle"
  }

  /// The status line after the choice: what changed.
  static func chosen(_ choice: PainChoice, check: PainCheck) -> String {
    switch choice {
    case .lighter: "Lighter from here: pressure 2 points lower, never below 2, and shorter holds."
    case .skipPressure: "The pressure on \(muscleWords(check)) is left out; its stretches stay."
    case .stop: "Stopped because pain rose."
    case .asWritten: check.kind == .rose ? "Carrying on." : "The full routine, as written."
    case .gentlerRoutine: "Your rating of \(check.to) carries over to the gentler routine."
    }
  }

  /// The one kind line when pain eased by 2 or more.
  static func eased(from before: Int, to now: Int) -> String {
    "Your pain has eased from \(before) to \(now). Good: keep the pressure where it is."
  }
}
