import Foundation

/// What `unknot list` prints: the routines that match the filters.
public struct RoutineListReport: Sendable {
  /// One routine as `list --format json` writes it.
  public struct Row: Encodable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var groups: [String]
    public var muscles: [String]
    public var tools: [String]
    public var totalSeconds: Int
    /// Traction or untimed placement adds time the plan cannot know.
    public var openEnded: Bool
    /// For a routine of checklists alone (the desk check): how many questions it asks.
    public var questions: Int?
    public var origin: String
    public var overrides: String?
  }

  /// A file that failed to load, with its first error.
  public struct BrokenFile: Sendable, Equatable {
    public var origin: String
    public var firstError: String
  }

  public var rows: [Row]
  public var broken: [BrokenFile]

  public struct Filter: Sendable {
    public var group: MuscleGroup?
    public var muscle: Muscle?
    public var tool: Tool?

    public init(group: MuscleGroup? = nil, muscle: Muscle? = nil, tool: Tool? = nil) {
      self.group = group
      self.muscle = muscle
      self.tool = tool
    }

    public func accepts(_ routine: Routine) -> Bool {
      if let group, !routine.groups.contains(group) { return false }
      if let muscle, !routine.targets.contains(muscle) { return false }
      if let tool, !routine.tools.contains(tool), !(tool == .none && routine.toolsNeeded.isEmpty) {
        return false
      }
      return true
    }
  }

  public init(library: RoutineLibrary, filter: Filter = Filter()) {
    rows = library.routines.compactMap { entry in
      guard let routine = entry.routine, filter.accepts(routine) else { return nil }
      let timeline = Timeline(routine: routine)
      return Row(
        id: routine.id, title: routine.title, summary: routine.summary, groups: routine.groups.map(\.rawValue),
        muscles: routine.targets.map(\.rawValue), tools: routine.tools.map(\.rawValue),
        totalSeconds: timeline.plannedSeconds, openEnded: timeline.hasOpenEndedSteps,
        questions: routine.isChecklistOnly ? routine.questionCount : nil, origin: entry.origin.label,
        overrides: entry.overrides?.label)
    }
    // Links and entries that were not read (a loop, a link out of the folder) are
    // listed too, or `list` would drop them without a word.
    broken =
      library.folderProblems.map { BrokenFile(origin: $0.file, firstError: $0.description) }
      + library.broken.map { entry in
        BrokenFile(
          origin: entry.origin.diagnosticPath,
          firstError: entry.loaded.firstError?.description ?? "did not load")
      }
  }

  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(rows)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  /// A table for people: one line per routine, then its groups, muscles and tools.
  public func table() -> String {
    guard !rows.isEmpty || !broken.isEmpty else {
      return "No routines match. Try fewer filters, or `unknot muscles` to see what is there.\n"
    }
    let idWidth = min(28, rows.map(\.id.count).max() ?? 2)
    var out = ""
    for row in rows {
      let time =
        row.questions.map { "\($0) questions" } ?? DurationText.of(seconds: row.totalSeconds)
        + (row.openEnded ? "+" : "")
      out += pad(row.id, idWidth) + "  " + pad(time, 11) + "  " + row.title + "\n"
      var details: String
      if row.questions != nil, row.muscles.isEmpty {
        details = "yes/no questions, no muscle worked"
      } else {
        details = "groups: \(row.groups.joined(separator: ", "))"
        details += " · muscles: \(row.muscles.joined(separator: ", "))"
      }
      details += " · tools: \(row.tools.isEmpty ? "none" : row.tools.joined(separator: ", "))"
      for line in TextWrap.lines(details, width: 74) {
        out += "    \(line)\n"
      }
      let origin = UnsafeCharacters.visible(row.origin)
      if let overrides = row.overrides {
        out += "    from \(origin) (overrides the \(UnsafeCharacters.visible(overrides)) routine)\n"
      } else if row.origin != "built-in" {
        out += "    from \(origin)\n"
      }
    }
    for file in broken {
      out += "broken: \(UnsafeCharacters.visible(file.origin))\n    \(file.firstError)\n"
    }
    out += "\(rows.count) routine\(rows.count == 1 ? "" : "s")"
    if !broken.isEmpty {
      out += ", \(broken.count) broken file\(broken.count == 1 ? "" : "s") (run `unknot check` for details)"
    }
    out += ". \"+\" means some steps take as long as you need.\n"
    return out
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let shown = DisplayWidth.of(text) > width ? String(text.prefix(max(1, width - 1))) + "…" : text
    return shown + String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
  }
}
