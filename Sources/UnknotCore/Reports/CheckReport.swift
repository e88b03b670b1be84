/// What `unknot check` prints: every diagnostic, then a line with the counts.
public struct CheckReport: Sendable {
  public let diagnostics: [Diagnostic]
  public let fileCount: Int

  /// The routine library and, when given, the programmes loaded with it.
  public init(library: RoutineLibrary, programmes: ProgrammeLibrary? = nil) {
    diagnostics = library.diagnostics + (programmes?.diagnostics ?? [])
    fileCount = library.entries.count + (programmes?.entries.count ?? 0)
  }

  /// Checks the given files and folders as one set, so duplicate ids among them are
  /// found. A file with a top-level `schedule:` is checked as a programme, against the
  /// routines checked with it and those of `searchPath` (the person's library).
  public static func paths(_ paths: [String], searchPath: RoutineLibrary? = nil) -> CheckReport {
    var files: [String] = []
    var folderFiles: [String] = []
    var problems: [Diagnostic] = []
    for path in paths {
      guard RoutineFolderScanner.isFolder(path) else {
        files.append(path)
        continue
      }
      for finding in RoutineFolderScanner.scan(path, required: true) {
        switch finding {
        case .file(let file): folderFiles.append(file)
        case .problem(let diagnostic): problems.append(diagnostic)
        }
      }
    }
    var routineEntries: [RoutineLibrary.Entry] = []
    var programmeFiles: [String] = []
    for file in files + folderFiles {
      if case .success(let bytes) = RoutineFileReader.read(file), ProgrammeLoader.looksLikeProgramme(bytes) {
        programmeFiles.append(file)
      } else {
        routineEntries.append(
          RoutineLibrary.Entry(origin: .file(path: file), loaded: RoutineLibrary.loadFile(file), layer: 1))
      }
    }
    let routines = RoutineLibrary(entries: routineEntries, folderProblems: problems)
    var known = searchPath.map(ProgrammeLibrary.routineTable) ?? [:]
    known.merge(ProgrammeLibrary.routineTable(routines)) { _, checked in checked }
    let programmes = ProgrammeLibrary(
      entries: programmeFiles.map { file in
        ProgrammeLibrary.Entry(
          origin: .file(path: file), loaded: ProgrammeLibrary.loadFile(file, routines: known), layer: 1)
      })
    return CheckReport(library: routines, programmes: programmeFiles.isEmpty ? nil : programmes)
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
