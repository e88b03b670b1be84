import Yams

/// One routine file, loaded: the routine when it has no errors, and every diagnostic.
public struct LoadedRoutine: Sendable {
  public var routine: Routine?
  public var diagnostics: [Diagnostic]
  /// Where the id is written, to point duplicate-id errors at it.
  public var idPosition: SourcePosition?
  /// Identifies the exact bytes the routine was loaded from (FNV-1a, 64 bits, hex).
  public var contentHash: String

  public var firstError: Diagnostic? { diagnostics.first { $0.severity == .error } }
}

/// Loads one routine file's bytes: screen the raw bytes, parse the YAML, bound what
/// aliases expand to, then decode and validate. Never crashes, whatever the bytes.
public enum RoutineLoader {
  /// Aliases may repeat parts of a file, but what they expand to stays small.
  public static let maximumNodes = 10_000

  public static func load(bytes: [UInt8], path: String, fileStem: String? = nil) -> LoadedRoutine {
    var diagnostics = DiagnosticList(file: path)
    let hash = contentHash(bytes)
    func finished(_ routine: Routine? = nil, idPosition: SourcePosition? = nil) -> LoadedRoutine {
      LoadedRoutine(routine: routine, diagnostics: diagnostics.sorted, idPosition: idPosition, contentHash: hash)
    }
    guard
      let root = document(
        bytes, into: &diagnostics,
        emptyMessage: "the file is empty; a routine needs at least format, id, title and steps",
        aliasAdvice: "write the steps out instead of repeating them with aliases")
    else { return finished() }

    var decoder = RoutineDecoder(file: path, fileStem: fileStem)
    let routine = decoder.decode(root)
    for item in decoder.diagnostics.items {
      diagnostics.append(item)
    }
    let idPosition = root["id"].map(YAMLReader.position(of:))
    return finished(diagnostics.hasErrors ? nil : routine, idPosition: idPosition)
  }

  /// The file's YAML as a tree, after screening the raw bytes and bounding what
  /// aliases expand to; nil with the problem in `diagnostics` when it cannot be read.
  /// Shared by every YAML file unknot reads (routines, programmes), so they speak alike.
  static func document(
    _ bytes: [UInt8], into diagnostics: inout DiagnosticList, emptyMessage: String, aliasAdvice: String
  ) -> YAMLNode? {
    guard let text = RoutineFileScreen.screen(bytes, into: &diagnostics) else { return nil }
    let document: YAMLNode?
    do {
      switch YAMLComposer.compose(text) {
      case .composed(let node):
        document = node
      case .declined:
        // An error, or YAML the quick composer leaves to Yams: Yams decides and words it.
        document = try YAMLComposer.composeWithYams(text)
      }
    } catch let error as YamlError {
      let (message, position) = describe(error, in: text)
      diagnostics.error(message, at: position)
      return nil
    } catch {
      diagnostics.error("cannot read this file as YAML: \(error)", at: .start)
      return nil
    }
    guard let root = document else {
      diagnostics.error(emptyMessage, at: .start)
      return nil
    }
    var budget = maximumNodes
    // Only anchors can make a tree larger than its text, which is already bounded.
    let hasAnchors = text.containsByte(UInt8(ascii: "&"))
    guard !hasAnchors || fits(root, budget: &budget) else {
      diagnostics.error(
        "YAML aliases here expand to more than \(maximumNodes) values; \(aliasAdvice)",
        at: YAMLReader.position(of: root))
      return nil
    }
    return root
  }

  /// Counts nodes as aliases expand them, stopping as soon as the budget runs out,
  /// so an alias bomb costs at most `maximumNodes` steps.
  static func fits(_ node: YAMLNode, budget: inout Int) -> Bool {
    budget -= 1
    guard budget >= 0 else { return false }
    switch node {
    case .scalar:
      return true
    case .sequence(let sequence):
      for item in sequence where !fits(item, budget: &budget) { return false }
      return true
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard fits(key, budget: &budget), fits(value, budget: &budget) else { return false }
      }
      return true
    }
  }

  static func describe(_ error: YamlError, in text: String) -> (String, SourcePosition) {
    func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line, column: mark.column) }
    func phrase(_ problem: String, _ context: YamlError.Context?) -> String {
      var message = "YAML syntax error: \(problem)"
      if let context {
        message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
      }
      return message
    }
    switch error {
    case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level"):
      // libyaml's own text names a C function; say what it means for the file instead.
      return (
        "lists and mappings nest more than 1000 levels deep here; a routine needs only a few levels. "
          + "Close every '[' and '{', and flatten the nesting", at(mark)
      )
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      return (phrase(problem, context), at(mark))
    case .composer(let context, let problem, let mark, _):
      if problem.contains("another document") {
        return ("the file holds more than one YAML document; put one routine in each file", at(mark))
      }
      return (phrase(problem, context), at(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return ("the key \(keys) appears twice in the same mapping; keep one", at(context.mark))
    case .reader(let problem, let offset, _, _):
      return ("cannot read the text: \(problem)", position(ofCharacter: offset ?? 0, in: text))
    default:
      return ("cannot read this file as YAML: \(error)", .start)
    }
  }

  static func position(ofCharacter offset: Int, in text: String) -> SourcePosition {
    var position = SourcePosition.start
    for (index, char) in text.enumerated() {
      if index >= offset { break }
      if char == "\n" {
        position.line += 1
        position.column = 1
      } else {
        position.column += 1
      }
    }
    return position
  }

  /// FNV-1a over the bytes: cheap, stable across runs and platforms.
  public static func contentHash(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

extension DiagnosticList {
  mutating func append(_ diagnostic: Diagnostic) {
    if diagnostic.severity == .error {
      error(diagnostic.message, at: SourcePosition(line: diagnostic.line, column: diagnostic.column))
    } else {
      warning(diagnostic.message, at: SourcePosition(line: diagnostic.line, column: diagnostic.column))
    }
  }
}
