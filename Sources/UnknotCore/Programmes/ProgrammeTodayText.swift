/// Today in a programme in words: one short phrase for the home screen's "Today" and
/// `unknot status`, and the lines of today's plan for `unknot programme today`.
/// Every text passes through `UnsafeCharacters.visible`: labels come from files.
public enum ProgrammeTodayText {
  /// "strength, 2 of 3 this week": the first entry still to do today; otherwise all
  /// done, a rest day, paused or finished. Without the "Today: " the caller puts before it.
  public static func phrase(_ today: ProgrammeToday) -> String {
    let text: String
    switch today.state {
    case .finished:
      text = "\(today.title) is finished, well done"
    case .paused:
      text = "\(today.title) is paused"
    case .active:
      if let next = today.entries.first(where: { $0.dueToday && !$0.doneToday }) {
        text = "\(next.label), \(next.doneThisWeek) of \(next.plannedThisWeek) this week"
      } else if today.entries.contains(where: \.doneToday) {
        text = "all done for today, week \(today.week) of \(today.weeks)"
      } else {
        text = "a rest day, week \(today.week) of \(today.weeks)"
      }
    }
    return UnsafeCharacters.visible(text)
  }

  /// The plan: the week, each entry with what is due and done, and the levels.
  public static func lines(_ today: ProgrammeToday, enrolment: ProgrammeEnrolment, zone: DisplayZone) -> [String] {
    var lines: [String] = []
    switch today.state {
    case .finished:
      lines.append("You have finished the \(today.weeks) weeks of \(today.title). Well done.")
      lines.append(
        "Keep doing the routines that helped you. To start it again or choose another, "
          + "leave it first: unknot programme leave")
      return lines.map(UnsafeCharacters.visible)
    case .paused:
      let since = enrolment.pauses.last.map { DateText.day($0.pausedAt, in: zone) } ?? ""
      lines.append("\(today.title): paused since \(since), in week \(today.week) of \(today.weeks).")
      lines.append("Paused time does not count. Carry on with: unknot programme resume")
      return lines.map(UnsafeCharacters.visible)
    case .active:
      lines.append("\(today.title): week \(today.week) of \(today.weeks).")
    }
    for entry in today.entries {
      let routines = entry.routineIDs.joined(separator: " or ")
      let progress = "\(entry.doneThisWeek) of \(entry.plannedThisWeek) this week"
      if entry.plannedThisWeek == 0 {
        lines.append("  Not this week: \(entry.label) (\(routines)).")
        continue
      }
      let status =
        entry.doneToday ? "Done today" : entry.dueToday ? "To do today" : "Not today"
      lines.append("  \(status): \(entry.label) (\(routines)), \(progress).")
      if let dose = entry.dose {
        lines.append("    \(levelLine(entry, dose: dose, zone: zone))")
      }
    }
    return lines.map(UnsafeCharacters.visible)
  }

  /// "Level 3 of 18: 12 reps, 1 set. Up a level after two good sessions in a row."
  public static func levelLine(_ entry: ProgrammeToday.Entry, dose: ProgrammeDose, zone: DisplayZone) -> String {
    var line = "Level \(dose.level)"
    if let top = entry.topLevel { line += " of \(top)" }
    line += ": \(dose.text)."
    switch entry.levelChange {
    case .movedUp: line += " Up a level after two good sessions in a row."
    case .steppedBackAfterPainRose(let date):
      line += " Back a level: your pain rose by 2 or more on \(DateText.day(date, in: zone))."
    case .steppedBackAfterSafetyStop(let date):
      line += " Back a level after a stop for safety on \(DateText.day(date, in: zone))."
    case .steppedBackAfterGap:
      line += " Back a level after \(ProgrammeProgress.longGapDays) days without a session."
    case nil: break
    }
    if entry.goodInARow > 0, dose.level < (entry.topLevel ?? 0) {
      line += " One more good session moves you up."
    }
    return line
  }

  /// What the session screen and plain mode say changed: "Level 3 of your programme:
  /// 12 reps, 1 set in each exercise."
  public static func doseChange(_ dose: ProgrammeDose) -> String {
    "Level \(dose.level) of your programme: \(dose.text) in each exercise."
  }
}
