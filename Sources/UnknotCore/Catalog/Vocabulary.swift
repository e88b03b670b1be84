/// A closed vocabulary whose members have ids and also answer to common aliases.
public protocol Vocabulary: CaseIterable, Sendable, RawRepresentable<String> {
  /// Other names people type for a member, in lower-case kebab form.
  static var aliases: [String: Self] { get }
  /// What the vocabulary is called in messages: "muscle", "tool", "group".
  static var noun: String { get }
}

/// The outcome of looking up a typed name.
public enum Lookup<Term: Vocabulary>: Sendable {
  case found(Term)
  /// No match; `suggestion` is the nearest id, when one is close enough.
  case unknown(suggestion: String?)
}

extension Vocabulary {
  /// Finds a member by id or alias, forgiving case, spaces and underscores.
  public static func lookup(_ typed: String) -> Lookup<Self> {
    let key = NameMatching.normalize(typed)
    if let term = Self(rawValue: key) ?? aliases[key] {
      return .found(term)
    }
    let candidates = allCases.map(\.rawValue) + aliases.keys.sorted()
    guard let near = NameMatching.nearest(to: key, among: candidates) else {
      return .unknown(suggestion: nil)
    }
    let id = Self(rawValue: near)?.rawValue ?? aliases[near]?.rawValue ?? near
    return .unknown(suggestion: id)
  }

  /// A message for an unknown name: "unknown muscle 'rhomboid'; did you mean 'rhomboids'?"
  public static func unknownMessage(_ typed: String, suggestion: String?) -> String {
    var message = "unknown \(noun) '\(typed)'"
    if let suggestion {
      message += "; did you mean '\(suggestion)'?"
    } else {
      message += "; known \(noun)s: \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
    return message
  }
}
