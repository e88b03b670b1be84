import ArgumentParser

/// How `list` prints: a table for people or JSON for programs.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// How `show` prints: text for people or JSON for programs.
enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// How `history` prints: a table (and a chart, in a terminal), CSV or JSON.
enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

/// How `stats` prints: a table for people or JSON for programs.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// What `export` writes: CSV (a row per session) or JSON (everything, for `import`).
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json
}
