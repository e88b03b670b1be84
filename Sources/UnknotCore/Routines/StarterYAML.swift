/// Writes a starter routine as YAML a person reads and edits: a comment before each
/// key, texts quoted or folded to 80 columns, flow lists for ids. Only for the text
/// unknot makes itself (StarterRoutine); it never writes what a person typed.
struct StarterYAML {
  /// A value, by how it is written.
  enum Value: Equatable {
    /// An id, a number or a duration, written as it is.
    case plain(String)
    /// Words for a person: quoted on one line when they fit, folded when not.
    case text(String)
    /// Texts, one list item each.
    case texts([String])
    /// Ids in a flow list: `[rhomboids]`.
    case flow([String])
    /// Items already written as YAML, one list item each.
    case list([String])
    /// Steps, one list item each.
    case steps([Step])
  }

  /// One step: its fields in order and a comment above it.
  struct Step: Equatable {
    var comment: String?
    var fields: [(String, Value)]

    init(comment: String?, _ fields: [(String, Value)]) {
      self.comment = comment
      self.fields = fields
    }

    static func == (lhs: Step, rhs: Step) -> Bool {
      lhs.comment == rhs.comment && lhs.fields.map(\.0) == rhs.fields.map(\.0)
        && lhs.fields.map(\.1) == rhs.fields.map(\.1)
    }
  }

  static let width = 80
  private(set) var text = ""
  /// A few words on a step key, said where it is first written (StarterRoutine.keyNotes).
  var keyNotes: [String: String] = [:]
  private var noted: Set<String> = []

  mutating func blank() {
    text += "\n"
  }

  mutating func comment(_ words: String, indent: Int = 0) {
    let pad = String(repeating: " ", count: indent)
    for line in Self.wrap(words, width: Self.width - indent - 2) {
      text += pad + "# " + line + "\n"
    }
  }

  mutating func field(_ key: String, _ value: Value, indent: Int = 0, first: String? = nil) {
    // `first` is the "- " that starts a list item, in place of the indent's last two spaces.
    let pad = first.map { String(repeating: " ", count: indent - 2) + $0 } ?? String(repeating: " ", count: indent)
    let inner = String(repeating: " ", count: indent + 2)
    // A step key's note, the first time it is written: after the value when the line
    // has room, else on a comment line of its own above the key.
    var note = ""
    if indent > 0, let words = keyNotes[key], !noted.contains(key) {
      noted.insert(key)
      let oneLine: String? =
        switch value {
        case .plain(let word): "\(pad)\(key): \(word)"
        case .text(let words): "\(pad)\(key): \(Self.quoted(words))"
        case .flow(let items): "\(pad)\(key): [\(items.joined(separator: ", "))]"
        default: nil
        }
      let folded = "\(pad)\(key): >-"
      let written = oneLine.map { $0.count <= Self.width ? $0 : folded } ?? "\(pad)\(key):"
      if written.count + 4 + words.count <= Self.width {
        note = "  # " + words
      } else {
        // Above the key; for a list item's first key, above the item.
        comment(words, indent: first == nil ? indent : indent - 2)
      }
    }
    switch value {
    case .plain(let word):
      text += "\(pad)\(key): \(word)\(note)\n"
    case .text(let words):
      let quoted = Self.quoted(words)
      if pad.count + key.count + 2 + quoted.count <= Self.width {
        text += "\(pad)\(key): \(quoted)\(note)\n"
      } else {
        text += "\(pad)\(key): >-\(note)\n"
        for line in Self.wrap(words, width: Self.width - indent - 2) {
          text += inner + line + "\n"
        }
      }
    case .texts(let items):
      text += "\(pad)\(key):\(note)\n"
      for item in items {
        let quoted = Self.quoted(item)
        if inner.count + 2 + quoted.count <= Self.width {
          text += "\(inner)- \(quoted)\n"
        } else {
          text += "\(inner)- >-\n"
          for line in Self.wrap(item, width: Self.width - indent - 6) {
            text += inner + "    " + line + "\n"
          }
        }
      }
    case .flow(let items):
      text += "\(pad)\(key): [\(items.joined(separator: ", "))]\(note)\n"
    case .list(let items):
      text += "\(pad)\(key):\(note)\n"
      for item in items { text += "\(inner)- \(item)\n" }
    case .steps(let steps):
      text += "\(pad)\(key):\(note)\n"
      for step in steps {
        if let comment = step.comment { self.comment(comment, indent: indent + 2) }
        for (index, (stepKey, stepValue)) in step.fields.enumerated() {
          field(stepKey, stepValue, indent: indent + 4, first: index == 0 ? "- " : nil)
        }
      }
    }
  }

  /// A double-quoted YAML scalar: only a backslash and a quote need escaping in the
  /// texts unknot writes, which hold no control characters.
  static func quoted(_ words: String) -> String {
    var result = "\""
    for char in words {
      if char == "\\" || char == "\"" { result.append("\\") }
      result.append(char)
    }
    return result + "\""
  }

  /// Words in lines of at most `width` columns (a longer word gets a line of its own).
  static func wrap(_ words: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in words.split(separator: " ") {
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
