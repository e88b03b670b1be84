/// Typed reading of YAML nodes, recording a diagnostic at the node for each problem.
/// Every scalar arrives as text (no YAML type resolution), and this code decides
/// what is a number or a boolean (no "Norway problem").
struct YAMLReader {
  var diagnostics: DiagnosticList

  static func position(of node: YAMLNode) -> SourcePosition {
    SourcePosition(line: node.mark.line, column: node.mark.column)
  }

  /// A mapping entry with its key's text and place.
  struct Entry {
    var key: String
    var keyPosition: SourcePosition
    var value: YAMLNode
  }

  /// The entries of a mapping, after reporting keys not in `allowed` (with a suggestion).
  /// `misplaced` explains keys that are valid elsewhere but not here.
  mutating func entries(
    of node: YAMLNode, what: String, allowed: [String], misplaced: (String) -> String? = { _ in nil }
  ) -> [String: Entry]? {
    guard case .mapping(let mapping) = node else {
      diagnostics.error("\(what) should be a mapping of keys to values", at: Self.position(of: node))
      return nil
    }
    var result: [String: Entry] = [:]
    result.reserveCapacity(mapping.count)
    for (keyNode, value) in mapping {
      let keyPosition = Self.position(of: keyNode)
      guard case .scalar(let scalar) = keyNode else {
        diagnostics.error("keys in \(what) must be plain text", at: keyPosition)
        continue
      }
      let key = scalar.string
      guard allowed.contains(key) else {
        if let reason = misplaced(key) {
          diagnostics.error(reason, at: keyPosition)
        } else if let near = NameMatching.nearest(to: key, among: allowed) {
          diagnostics.error("unknown key '\(key)' in \(what); did you mean '\(near)'?", at: keyPosition)
        } else {
          diagnostics.error(
            "unknown key '\(key)' in \(what); known keys: \(allowed.joined(separator: ", "))",
            at: keyPosition)
        }
        continue
      }
      result[key] = Entry(key: key, keyPosition: keyPosition, value: value)
    }
    return result
  }

  /// A plain scalar that YAML would read as "no value".
  static func isNull(_ node: YAMLNode) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// A file's `id`: lower-case letters, digits and hyphens, at most
  /// `RoutineDecoder.longestID`; a warning when it differs from the file's name, which
  /// routines and programmes share so each is found by its id.
  mutating func id(_ node: YAMLNode, fileStem: String?) -> String? {
    guard let id = text(node, field: "id", maxLines: 1) else { return nil }
    let allowed = id.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    let longest = RoutineDecoder.longestID
    guard allowed, id.count <= longest, id.first != "-", id.last != "-" else {
      diagnostics.error(
        "'\(id)' is not a valid id; use lower-case letters, digits and hyphens (at most \(longest))",
        at: Self.position(of: node))
      return nil
    }
    if let fileStem, fileStem != id {
      diagnostics.warning(
        "the id '\(id)' differs from the file name '\(fileStem)'; name the file \(id).yaml",
        at: Self.position(of: node))
    }
    return id
  }

  /// Text to show a person: one scalar, checked for unsafe characters and for fitting
  /// in `maxLines` lines of 76 columns (80 less the screens' margins).
  mutating func text(_ node: YAMLNode, field: String, maxLines: Int = 3, maxColumns: Int? = nil) -> String? {
    let position = Self.position(of: node)
    guard case .scalar(let scalar) = node, !Self.isNull(node) else {
      diagnostics.error("'\(field)' should be text", at: position)
      return nil
    }
    let value = scalar.string.trimmingWhitespace()
    guard !value.isEmpty else {
      diagnostics.error("'\(field)' is empty; write a short text or remove the key", at: position)
      return nil
    }
    // Printable ASCII holds no tab, no unsafe and no invisible character: most texts
    // skip the scalar-by-scalar checks below.
    let printableASCII =
      value.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
      } ?? false
    for scalar in value.unicodeScalars where !printableASCII {
      if scalar == "\t" {
        diagnostics.error("'\(field)' contains a tab; use spaces", at: position)
        return nil
      }
      if let problem = UnsafeCharacters.problem(with: scalar) {
        diagnostics.error(
          "'\(field)' contains \(problem), written as an escape in quoted text; delete it",
          at: position)
        return nil
      }
    }
    // After the unsafe characters, which have their own message: a text of only
    // zero-width or no-break spaces looks as empty on screen as "".
    guard printableASCII || InvisibleCharacters.hasVisibleText(value) else {
      diagnostics.error(
        "'\(field)' has nothing visible in it, only \(InvisibleCharacters.describe(value)); "
          + "write a short text or remove the key", at: position)
      return nil
    }
    if let maxColumns, DisplayWidth.of(value) > maxColumns {
      diagnostics.error(
        "'\(field)' is \(DisplayWidth.of(value)) columns wide; keep it to \(maxColumns)", at: position)
      return nil
    }
    let lineCount = TextWrap.lineCount(value, width: Self.textWidth)
    if lineCount > maxLines {
      diagnostics.error(
        "'\(field)' takes \(lineCount) lines at 80 columns; shorten it to fit in \(maxLines)",
        at: position)
      return nil
    }
    return value
  }

  /// The width texts wrap to on an 80-column screen.
  static let textWidth = 76

  mutating func texts(_ node: YAMLNode, field: String) -> [String] {
    list(node, field: field).compactMap { text($0, field: field) }
  }

  /// A sequence's items; a single scalar counts as a list of one.
  mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode] {
    switch node {
    case .sequence(let sequence): return Array(sequence)
    case .scalar where !Self.isNull(node): return [node]
    case .scalar: return []
    default:
      diagnostics.error("'\(field)' should be a list", at: Self.position(of: node))
      return []
    }
  }

  mutating func integer(_ node: YAMLNode, field: String, range: ClosedRange<Int>) -> Int? {
    let position = Self.position(of: node)
    guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingWhitespace()) else {
      diagnostics.error("'\(field)' should be a whole number", at: position)
      return nil
    }
    guard range.contains(value) else {
      diagnostics.error(
        "'\(field)' is \(value); it must be from \(range.lowerBound) to \(range.upperBound)",
        at: position)
      return nil
    }
    return value
  }

  mutating func boolean(_ node: YAMLNode, field: String) -> Bool? {
    guard case .scalar(let scalar) = node else {
      diagnostics.error("'\(field)' should be true or false", at: Self.position(of: node))
      return nil
    }
    switch scalar.string.lowercased() {
    case "true": return true
    case "false": return false
    default:
      diagnostics.error(
        "'\(field)' should be true or false, not '\(scalar.string)'", at: Self.position(of: node))
      return nil
    }
  }

  /// A duration in whole seconds: `60`, `45s`, `2m`, `1m30s`, `15min`, `1h`.
  mutating func duration(_ node: YAMLNode, field: String) -> Int? {
    let position = Self.position(of: node)
    guard case .scalar(let scalar) = node, let seconds = Self.parseDuration(scalar.string) else {
      diagnostics.error(
        "'\(field)' should be a duration such as 60, 45s, 2m, 1m30s or 15min", at: position)
      return nil
    }
    return seconds
  }

  static func parseDuration(_ raw: String) -> Int? {
    // Units and digits are ASCII, and no other character lowercases into one of
    // them, so anything else is not a duration. Spaces may sit anywhere: "1 min 30 s".
    var text: [UInt8] = []
    for byte in raw.utf8 where byte != UInt8(ascii: " ") {
      guard byte < 0x80 else { return nil }
      text.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
    }
    guard !text.isEmpty, text.count <= 30 else { return nil }
    if text.allSatisfy(isDigit) { return clamped(text[...]) }
    var total = 0
    var index = 0
    var sawUnit = false
    while index < text.count {
      let digitsEnd = text[index...].firstIndex { !isDigit($0) } ?? text.count
      // Digits with no unit after them, or a unit with no number before it, are no duration.
      guard digitsEnd < text.count, let number = clamped(text[index..<digitsEnd]) else { return nil }
      let rest = text[digitsEnd...]
      guard let (unit, factor) = durationUnits.first(where: { rest.starts(with: $0.0) }) else { return nil }
      total = min(longestDuration, total + number * factor)
      index = digitsEnd + unit.count
      sawUnit = true
    }
    return sawUnit ? total : nil
  }

  /// Longest first, so "min" is not read as "m" followed by "in".
  private static let durationUnits: [([UInt8], Int)] = [
    ("hours", 3600), ("hour", 3600), ("h", 3600), ("minutes", 60), ("minute", 60), ("mins", 60), ("min", 60),
    ("m", 60), ("seconds", 1), ("second", 1), ("secs", 1), ("sec", 1), ("s", 1),
  ].map { (Array($0.0.utf8), $0.1) }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  /// Durations are clamped here, long past every limit (which then reports them), so
  /// no later arithmetic on a huge number can overflow.
  static let longestDuration = 10_000_000

  private static func clamped(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
    guard digits.count <= 8 else { return longestDuration }
    return min(digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }, longestDuration)
  }

  /// Looks a typed name up in a vocabulary, reporting unknown names with a suggestion.
  mutating func term<Term: Vocabulary>(_ node: YAMLNode, as type: Term.Type) -> Term? {
    let position = Self.position(of: node)
    guard case .scalar(let scalar) = node, !Self.isNull(node) else {
      diagnostics.error("expected a \(Term.noun) name", at: position)
      return nil
    }
    switch Term.lookup(scalar.string) {
    case .found(let term): return term
    case .unknown(let suggestion):
      diagnostics.error(Term.unknownMessage(scalar.string, suggestion: suggestion), at: position)
      return nil
    }
  }
}
