/// Where a routine came from.
public enum RoutineOrigin: Sendable, Equatable, Hashable {
  /// Compiled into the binary from the package's Routines/ folder.
  case builtIn(fileName: String)
  /// A file on disk, by the path as found on the search path.
  case file(path: String)

  /// `built-in` or the file's path, as `list` prints it.
  public var label: String {
    switch self {
    case .builtIn: "built-in"
    case .file(let path): path
    }
  }

  /// The path diagnostics name.
  public var diagnosticPath: String {
    switch self {
    case .builtIn(let name): "Routines/\(name)"
    case .file(let path): path
    }
  }

  public var isBuiltIn: Bool {
    if case .builtIn = self { return true }
    return false
  }
}
