import Foundation

/// What `unknot import` asks of a file's bytes before any JSON reader sees them, and
/// how a reader's complaint is put in plain words. A stranger's file may be empty,
/// enormous, not UTF-8, cut short or nested a hundred thousand brackets deep; each is
/// answered in a sentence, never with a library's error and never with a crash.
enum ImportFileScreen {
  /// Far more than any journal's export: twenty years of daily sessions is about 60 MB.
  static let largestFile = 512 * 1024 * 1024
  /// An export nests six deep (document, sessions, a session, its steps, a step); a
  /// reader that follows a hundred thousand brackets could run out of stack.
  static let deepestNesting = 32

  /// Why the bytes cannot be an export, or nil when they may be one.
  static func problem(with data: Data) -> String? {
    if data.isEmpty { return "this file is empty; an unknot export holds at least its format and version" }
    if let tooLarge = tooLarge(data.count) { return tooLarge }
    return data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      if let offset = firstInvalidUTF8(bytes) {
        return "this file is not UTF-8 text (byte \(offset + 1) is not); an unknot export is UTF-8 JSON"
      }
      return nesting(bytes)
    }
  }

  static func tooLarge(_ size: Int) -> String? {
    guard size > largestFile else { return nil }
    return "this file is \(size / 1_048_576) MB, larger than any unknot export (at most \(largestFile / 1_048_576) MB)"
  }

  /// The offset of the first byte that breaks UTF-8, or nil.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    var consumed = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        consumed += UTF8.width(scalar)
        offset = consumed
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// Whether the brackets nest too deep or are left open at the end (a file cut short).
  /// Brackets inside strings do not count; a backslash escapes the next byte.
  static func nesting(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > deepestNesting {
          return
            "this file nests lists and groups more than \(deepestNesting) deep; an unknot export nests 6 deep, "
            + "so this is not one"
        }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    if inString || depth > 0 {
      return "this file ends before its last text or bracket is closed; it may have been cut short while copying"
    }
    return nil
  }

  // MARK: - A reader's complaint, in words

  /// The decoding error as a sentence naming the session (its routine and date) and the
  /// field, read from the same bytes: never the decoder's own words.
  static func describe(_ error: any Error, in data: Data) -> String {
    guard let error = error as? DecodingError else { return notJSON }
    let tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    switch error {
    case .typeMismatch(let type, let context):
      guard !context.codingPath.isEmpty else { return notAnExport }
      return "\(place(context.codingPath, in: tree)) is \(found(context.codingPath, in: tree)); "
        + "it should be \(expected(type))"
    case .valueNotFound(let type, let context):
      return "\(place(context.codingPath, in: tree)) is empty (null); it should be \(expected(type))"
    case .keyNotFound(let key, let context):
      guard !context.codingPath.isEmpty || !["format", "version"].contains(key.stringValue) else {
        return notAnExport
      }
      return "\(place(context.codingPath + [key], in: tree)) is missing"
    case .dataCorrupted(let context):
      // The reader calls a number it cannot hold "not valid JSON", with no path: when
      // the file is valid JSON, the number is found here and named.
      if let (path, number) = firstNumberNotWhole(in: tree) {
        let shown = "\(place(path, in: tree)) is \(number)"
        let double = number.doubleValue
        if double.isFinite, double.rounded() != double, abs(double) < 9e18 {
          return "\(shown); it should be a whole number"
        }
        return "\(shown), a number too large for unknot to keep"
      }
      guard tree != nil, !context.codingPath.isEmpty else { return notJSON }
      return "\(place(context.codingPath, in: tree)) is \(found(context.codingPath, in: tree)), "
        + "which unknot cannot read"
    @unknown default:
      return notJSON
    }
  }

  /// For a file whose format and version could not be read: JSON of another kind, or
  /// no JSON at all.
  static func notJSONOrNotAnExport(_ data: Data) -> String {
    (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil ? notJSON : notAnExport
  }

  static let notAnExport = "this is not an unknot journal export (it has no 'format' of 'unknot-journal')"
  static let notJSON =
    "this file is not JSON that unknot can read: it may have been cut short or edited by hand "
    + "(look for a missing quote, comma or bracket)"

  /// Where a value sits, in the words of the file: "session 3 (between-blades-ball,
  /// 2025-03-04): 'actualMs' of step 2".
  static func place(_ path: [any CodingKey], in tree: Any?) -> String {
    var parts: [String] = []
    var session: String?
    var index = 0
    while index < path.count {
      let key = path[index].stringValue
      if index + 1 < path.count, let number = path[index + 1].intValue {
        if key == "sessions" {
          session = sessionName(number, in: tree)
        } else {
          parts.insert("\(singular[key] ?? key) \(number + 1)", at: 0)
        }
        index += 2
        continue
      }
      parts.insert("'\(UnsafeCharacters.visible(key))'", at: 0)
      index += 1
    }
    let field = parts.isEmpty ? "the file" : parts.joined(separator: " of ")
    return session.map { "\($0): \(field)" } ?? field
  }

  private static let singular = [
    "steps": "step", "ratings": "rating", "pauses": "pause", "painChoices": "pain choice",
    "checklistAnswers": "checklist answer", "events": "event", "safetyChecks": "safety check",
    "painMarks": "pain mark", "dismissedNotices": "dismissed notice", "programmes": "programme",
    "muscles": "muscle", "answers": "answer",
  ]

  /// "session 3 (between-blades-ball, 2025-03-04)", from whatever the file holds there.
  static func sessionName(_ index: Int, in tree: Any?) -> String {
    let sessions = (tree as? [String: Any])?["sessions"] as? [Any]
    let entry = sessions.flatMap { index < $0.count ? $0[index] as? [String: Any] : nil }
    return ImportRules.sessionName(
      number: index + 1, routineID: entry?["routineID"] as? String, startedAt: entry?["startedAt"] as? String)
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
      self.stringValue = "\(intValue)"
      self.intValue = intValue
    }
  }

  /// The first number that no field of an export can hold (every number in an export
  /// is a whole number that fits in 64 bits), with its path; keys in sorted order.
  static func firstNumberNotWhole(in tree: Any?, at path: [any CodingKey] = []) -> ([any CodingKey], NSNumber)? {
    switch tree {
    case let object as [String: Any]:
      for key in object.keys.sorted() {
        if let found = firstNumberNotWhole(in: object[key], at: path + [Key(stringValue: key)]) { return found }
      }
    case let list as [Any]:
      for (index, element) in list.enumerated() {
        if let found = firstNumberNotWhole(in: element, at: path + [Key(intValue: index)]) { return found }
      }
    case let number as NSNumber:
      if let decimal = number as? NSDecimalNumber {
        let limit = NSDecimalNumber(value: Int64.max)
        if decimal.compare(limit) == .orderedDescending
          || decimal.compare(NSDecimalNumber(value: Int64.min))
            == .orderedAscending
        {
          return (path, number)
        }
        return nil
      }
      let type = String(cString: number.objCType)
      if type == "d" || type == "f" {
        let double = number.doubleValue
        if !double.isFinite || double.rounded() != double || abs(double) >= 9.2e18 { return (path, number) }
      }
    default: break
    }
    return nil
  }

  private static func value(at path: [any CodingKey], in tree: Any?) -> Any? {
    var node = tree
    for key in path {
      if let number = key.intValue, let list = node as? [Any] {
        node = number < list.count ? list[number] : nil
      } else {
        node = (node as? [String: Any])?[key.stringValue]
      }
    }
    return node
  }

  /// What the file holds at the path, in a few words.
  private static func found(_ path: [any CodingKey], in tree: Any?) -> String {
    switch value(at: path, in: tree) {
    case let text as String: "text ('\(ImportRules.shown(text))')"
    case is NSNull: "empty (null)"
    case let list as [Any]: list.isEmpty ? "an empty list" : "a list"
    case is [String: Any]: "a group of fields"
    case let number as NSNumber where String(cString: number.objCType) == "c": number.boolValue ? "true" : "false"
    case let number as NSNumber: "the number \(number)"
    default: "something else"
    }
  }

  private static func expected(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text in quotes"
    case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
    case is Bool.Type: "true or false"
    case is Double.Type: "a number"
    default:
      "\(type)".hasPrefix("Array") ? "a list in [ ]" : "a group of fields in { }"
    }
  }
}
