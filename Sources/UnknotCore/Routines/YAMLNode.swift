/// A routine file's YAML as a tree: scalars with their text, style and place;
/// mappings with their pairs in file order; sequences. Aliases are already expanded,
/// and tags are not kept: every scalar is text, and the decoders decide the rest.
/// The decoders read only this, so how the tree is built (`YAMLComposer`) can change
/// without them.
public enum YAMLNode: Sendable, Equatable {
  case scalar(Scalar)
  case mapping(Mapping)
  case sequence(Sequence)

  /// Where a node starts: line and column from 1, columns counted in Unicode scalars.
  public struct Mark: Sendable, Equatable {
    public var line: Int
    public var column: Int
  }

  public struct Scalar: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
      case any, plain, singleQuoted, doubleQuoted, literal, folded
    }
    public var string: String
    public var style: Style
    public var mark: Mark
  }

  public struct Mapping: Sendable, Equatable, RandomAccessCollection {
    public var pairs: [(key: YAMLNode, value: YAMLNode)]
    public var mark: Mark

    public var startIndex: Int { pairs.startIndex }
    public var endIndex: Int { pairs.endIndex }
    public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

    public static func == (left: Mapping, right: Mapping) -> Bool {
      left.mark == right.mark && left.pairs.count == right.pairs.count
        && zip(left.pairs, right.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// The value of the first pair whose key is the scalar `key`.
    public subscript(key: String) -> YAMLNode? {
      pairs.first { pair in
        if case .scalar(let scalar) = pair.key { return scalar.string == key }
        return false
      }?.value
    }
  }

  public struct Sequence: Sendable, Equatable, RandomAccessCollection {
    public var nodes: [YAMLNode]
    public var mark: Mark

    public var startIndex: Int { nodes.startIndex }
    public var endIndex: Int { nodes.endIndex }
    public subscript(position: Int) -> YAMLNode { nodes[position] }
  }

  public var mark: Mark {
    switch self {
    case .scalar(let scalar): scalar.mark
    case .mapping(let mapping): mapping.mark
    case .sequence(let sequence): sequence.mark
    }
  }

  /// A scalar's text; nil for a mapping or a sequence.
  public var string: String? {
    if case .scalar(let scalar) = self { return scalar.string }
    return nil
  }

  /// In a mapping, the value under the scalar key `key`.
  public subscript(key: String) -> YAMLNode? {
    if case .mapping(let mapping) = self { return mapping[key] }
    return nil
  }
}
