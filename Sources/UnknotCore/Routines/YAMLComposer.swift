// libyaml itself, as the Yams package (pinned exactly in Package.swift) builds it.
// Yams's own tree costs more than the parse: see "Where the time went" in
// docs/performance.md. Yams stays the authority for every file this composer declines.
import CYaml
import Yams

/// Builds a routine file's `YAMLNode` tree straight from libyaml's events: the tree
/// `Yams.compose` would give, for about half the instructions (no per-node tag
/// objects, no hashing every mapping's keys, no Foundation string conversion).
///
/// It answers only for files it can be sure of: one document, plain text keys, each
/// key once, aliases to anchors already seen. Anything else — a syntax error, a
/// duplicate key, a second document, a complex key, an unknown alias — it declines,
/// and the loader asks Yams, whose errors (and their places) the messages are
/// written for. A test holds the two to the same trees.
enum YAMLComposer {
  enum Outcome {
    /// The document's root; nil for a file with no document.
    case composed(YAMLNode?)
    /// Ask Yams: the file has an error or something this composer does not build.
    case declined
  }

  static func compose(_ text: String) -> Outcome {
    var text = text
    return text.withUTF8 { bytes in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return .declined }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
      var builder = Builder()
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else { return .declined }
        let step = builder.take(event)
        yaml_event_delete(&event)
        switch step {
        case .goOn: continue
        case .done: return .composed(builder.root)
        case .decline: return .declined
        }
      }
    }
  }

  /// Collects nodes as their events arrive; nesting is a stack, not recursion, so a
  /// deep file cannot exhaust a worker thread's small stack.
  private struct Builder {
    enum Step { case goOn, done, decline }

    /// A sequence or mapping whose end has not come yet. Kept in an array and changed
    /// in place, so appending to it never copies what it holds.
    private struct Open {
      var mark: YAMLNode.Mark
      var anchor: String?
      var isMapping: Bool
      var nodes: [YAMLNode] = []
      var pairs: [(key: YAMLNode, value: YAMLNode)] = []
      var pendingKey: YAMLNode?
      var keys: Set<String> = []
    }

    /// Up to this many keys, a new key is compared with each one before it.
    static let keysComparedOneByOne = 24

    private var open: [Open] = []
    private var anchors: [String: YAMLNode] = [:]
    private var documents = 0
    private(set) var root: YAMLNode?

    mutating func take(_ event: yaml_event_t) -> Step {
      let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
      switch event.type {
      case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
        return .goOn
      case YAML_DOCUMENT_START_EVENT:
        // Yams.compose refuses a second document; let it say so.
        documents += 1
        return documents > 1 ? .decline : .goOn
      case YAML_STREAM_END_EVENT:
        return .done
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        let node = YAMLNode.scalar(YAMLNode.Scalar(string: value, style: Self.style(scalar.style), mark: mark))
        // A key with a tag of its own ("!!int 1: …") is Yams's to compare with the others.
        let tagged = scalar.tag != nil && scalar.quoted_implicit != 1
        return add(node, anchor: Self.string(scalar.anchor), leaveKeyToYams: tagged)
      case YAML_ALIAS_EVENT:
        guard let name = Self.string(event.data.alias.anchor), let node = anchors[name] else { return .decline }
        return add(node, anchor: nil, leaveKeyToYams: true)
      case YAML_SEQUENCE_START_EVENT:
        open.append(Open(mark: mark, anchor: Self.string(event.data.sequence_start.anchor), isMapping: false))
        return .goOn
      case YAML_MAPPING_START_EVENT:
        open.append(Open(mark: mark, anchor: Self.string(event.data.mapping_start.anchor), isMapping: true))
        return .goOn
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let last = open.popLast(), last.isMapping == (event.type == YAML_MAPPING_END_EVENT),
          last.pendingKey == nil
        else { return .decline }
        let node: YAMLNode =
          last.isMapping
          ? .mapping(YAMLNode.Mapping(pairs: last.pairs, mark: last.mark))
          : .sequence(YAMLNode.Sequence(nodes: last.nodes, mark: last.mark))
        return add(node, anchor: last.anchor)
      default:
        return .decline
      }
    }

    /// A finished node joins what is open, or becomes the root.
    private mutating func add(_ node: YAMLNode, anchor: String?, leaveKeyToYams: Bool = false) -> Step {
      if let anchor { anchors[anchor] = node }
      let top = open.count - 1
      guard top >= 0 else {
        guard root == nil else { return .decline }
        root = node
        return .goOn
      }
      guard open[top].isMapping else {
        open[top].nodes.append(node)
        return .goOn
      }
      if let key = open[top].pendingKey {
        open[top].pairs.append((key: key, value: node))
        open[top].pendingKey = nil
        return .goOn
      }
      // Plain text keys, each once: anything else is Yams's to judge and word. A step's
      // few keys are compared one by one; a set (hashing every key) only for many.
      guard case .scalar(let key) = node, !leaveKeyToYams else { return .decline }
      if open[top].pairs.count < Self.keysComparedOneByOne {
        guard !open[top].pairs.contains(where: { $0.key.string == key.string }) else { return .decline }
      } else {
        if open[top].keys.isEmpty { open[top].keys = Set(open[top].pairs.compactMap(\.key.string)) }
        guard open[top].keys.insert(key.string).inserted else { return .decline }
      }
      open[top].pendingKey = node
      return .goOn
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
      switch style {
      case YAML_PLAIN_SCALAR_STYLE: .plain
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: .literal
      case YAML_FOLDED_SCALAR_STYLE: .folded
      default: .any
      }
    }
  }
}

extension YAMLComposer {
  /// The tree as Yams composes it: every scalar as text (the basic resolver).
  static func composeWithYams(_ text: String) throws -> YAMLNode? {
    try Yams.compose(yaml: text, .basic, .default, .utf8).map(YAMLNode.init)
  }
}

extension YAMLNode {
  /// The same tree from Yams's, for the files the composer declines and Yams reads.
  init(_ node: Node) {
    let mark = Mark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    switch node {
    case .scalar(let scalar):
      let style: Scalar.Style =
        switch scalar.style {
        case .plain: .plain
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        case .any: .any
        }
      self = .scalar(Scalar(string: scalar.string, style: style, mark: mark))
    case .mapping(let mapping):
      self = .mapping(Mapping(pairs: mapping.map { (key: YAMLNode($0.key), value: YAMLNode($0.value)) }, mark: mark))
    case .sequence(let sequence):
      self = .sequence(Sequence(nodes: sequence.map(YAMLNode.init), mark: mark))
    case .alias:
      // Yams.compose expands aliases; a tree never holds one.
      self = .scalar(Scalar(string: "", style: .plain, mark: mark))
    }
  }
}
