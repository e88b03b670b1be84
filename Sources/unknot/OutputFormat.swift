import ArgumentParser

/// How `list` prints: a table for people or JSON for programs.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// How `show` prints: text for people or JSON for programs.
enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
