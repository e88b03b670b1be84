/// What `unknot check` prints: every diagnostic, then a line with the counts.
public struct CheckReport: Sendable {
  public let diagnostics: [Diagnostic]
  public let fileCount: Int

  public init(library: RoutineLibrary) {
    diagnostics = library.diagnostics
    fileCount = library.entries.count
  }

  /// Checks the given files and folders as one set, so duplicate ids among them are found.
  public static func paths(_ paths: [String]) -> CheckReport {
    var folders: [String] = []
    var entries: [RoutineLibrary.Entry] = []
    for path in paths {
      if RoutineFolderScanner.isFolder(path) {
        folders.append(path)
      } else {
        entries.append(RoutineLibrary.Entry(origin: .file(path: path), loaded: RoutineLibrary.loadFile(path), layer: 1))
      }
    }
    let library = RoutineLibrary.load(RoutineSearchPath(includesBuiltIn: false, userFolder: nil, extraFolders: folders))
    let all =
      entries
      + library.entries.map { entry in
        var entry = entry
        entry.layer = 1
        entry.overrides = nil
        return entry
      }
    return CheckReport(library: RoutineLibrary(entries: all, folderProblems: library.folderProblems))
  }

  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

  /// 0 when clean; 1 on any error, or with `strict` on any warning.
  public func exitCode(strict: Bool) -> Int32 {
    errorCount > 0 || (strict && warningCount > 0) ? 1 : 0
  }

  public var summary: String {
    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    return "checked \(count(fileCount, "file")): \(count(errorCount, "error")), \(count(warningCount, "warning"))"
  }
}
