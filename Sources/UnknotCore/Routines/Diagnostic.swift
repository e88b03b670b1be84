/// One problem found in a routine file, reported as a compiler would:
/// `PATH:LINE:COLUMN: error: MESSAGE`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable, Codable, Comparable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var severity: Severity
  /// The file's path as the person gave it, or `built-in/NAME` for a bundled file.
  public var file: String
  /// 1-based line and column (in characters) of the offending key or value.
  public var line: Int
  public var column: Int
  public var message: String

  public init(_ severity: Severity, file: String, line: Int, column: Int, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// The file name and message may hold what a routine folder's author chose (a file
  /// name, a link's target): control characters in them are shown, never sent.
  public var description: String {
    let file = UnsafeCharacters.visible(file)
    return "\(file):\(line):\(column): \(severity.rawValue): \(UnsafeCharacters.visible(message))"
  }
}

/// A place in a source file.
public struct SourcePosition: Sendable, Equatable, Comparable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static let start = SourcePosition(line: 1, column: 1)

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// Collects the diagnostics of one file, so every problem is reported in one pass.
public struct DiagnosticList: Sendable {
  public let file: String
  public private(set) var items: [Diagnostic] = []

  public init(file: String) {
    self.file = file
  }

  public mutating func error(_ message: String, at position: SourcePosition) {
    items.append(Diagnostic(.error, file: file, line: position.line, column: position.column, message))
  }

  public mutating func warning(_ message: String, at position: SourcePosition) {
    items.append(
      Diagnostic(.warning, file: file, line: position.line, column: position.column, message))
  }

  public var hasErrors: Bool { items.contains { $0.severity == .error } }

  /// In file order, so a person can fix them top to bottom.
  public var sorted: [Diagnostic] {
    items.enumerated().sorted { a, b in
      (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
    }.map(\.element)
  }
}
