/// What `unknot programme show` and `list` print about a programme: its schedule,
/// weeks, progression rule and sources, in plain words.
public enum ProgrammeDetailText {
  public static func lines(_ programme: Programme) -> [String] {
    var lines = [programme.title, "", programme.summary, "", "\(programme.weeks) weeks. The plan:"]
    for entry in programme.schedule {
      var line = "  \(entry.label): \(entry.routineIDs.joined(separator: " or ")), \(when(entry.days))"
      if let weeks = entry.inWeeks {
        line += ", in week\(weeks.count == 1 ? "" : "s") \(weeks.sorted().map(String.init).joined(separator: ", "))"
      }
      if entry.progresses { line += "; grows with your level" }
      lines.append(line + ".")
    }
    if let ladder = programme.progression {
      let first = ladder.dose(atLevel: 1)
      let top = ladder.dose(atLevel: ladder.topLevel)
      lines += [
        "",
        "Levels: from \(first.text) (level 1) to \(top.text) (level \(top.level)). Each level adds "
          + "\(ladder.repsStep) rep\(ladder.repsStep == 1 ? "" : "s") up to \(ladder.reps.upperBound), then a set "
          + "with the reps back at \(ladder.reps.lowerBound).",
        "Up a level after two good sessions in a row, on two days. Back a level after a session in which "
          + "your pain rose by \(ProgrammeProgress.painRise) or more, or you stopped for safety; nothing more "
          + "counts that day. Back a level after \(ProgrammeProgress.longGapDays) days without a session "
          + "(paused time not counted).",
      ]
    }
    if !programme.sources.isEmpty {
      lines += ["", "Sources:"] + programme.sources.map { "  - \($0)" }
    }
    return lines.map(UnsafeCharacters.visible)
  }

  /// "daily", "on Monday, Wednesday and Friday", "3 times a week".
  public static func when(_ days: ProgrammeDays) -> String {
    switch days {
    case .daily: return "daily"
    case .timesPerWeek(let times): return times == 1 ? "once a week" : "\(times) times a week"
    case .weekdays(let set):
      let names = set.sorted().map(\.name)
      guard names.count > 1 else { return "on \(names.first ?? "")" }
      return "on " + names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
  }
}
