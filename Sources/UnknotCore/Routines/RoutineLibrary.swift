import Dispatch
import Synchronization

/// Every routine on the search path, with the files that failed to load, the
/// overrides of built-in routines, and duplicate ids reported as errors.
public struct RoutineLibrary: Sendable {
  /// One routine file, loaded or broken.
  public struct Entry: Sendable {
    public var origin: RoutineOrigin
    public var loaded: LoadedRoutine
    /// 0 for built-in, 1 for the user folder, 2… for each --routines folder.
    public var layer: Int
    /// The routine of an earlier layer this one replaces, by the same id.
    public var overrides: RoutineOrigin?

    public var routine: Routine? { loaded.routine }
    public var diagnostics: [Diagnostic] { loaded.diagnostics }
  }

  /// Every file read, in search-path order.
  public private(set) var entries: [Entry]
  /// Problems with folders and links that were not read as files.
  public private(set) var folderProblems: [Diagnostic]

  /// The routines in effect: one per id, the last layer's winning, sorted by id.
  public var routines: [Entry] {
    var byID: [String: Entry] = [:]
    for entry in entries {
      guard let routine = entry.routine else { continue }
      byID[routine.id] = entry
    }
    return byID.values.sorted { $0.routine!.id < $1.routine!.id }
  }

  /// Files that did not load.
  public var broken: [Entry] { entries.filter { $0.routine == nil } }

  /// Every diagnostic, folder problems first, then file by file.
  public var diagnostics: [Diagnostic] {
    folderProblems + entries.flatMap(\.diagnostics)
  }

  public init(entries: [Entry], folderProblems: [Diagnostic] = []) {
    self.entries = entries
    self.folderProblems = folderProblems
    resolveDuplicates()
  }

  /// Loads the search path. Files load in parallel; the result is in path order.
  public static func load(
    _ searchPath: RoutineSearchPath, builtInFiles: [BuiltInRoutineFile] = BuiltInRoutineFiles.all()
  ) -> RoutineLibrary {
    var sources: [(origin: RoutineOrigin, layer: Int)] = []
    var problems: [Diagnostic] = []
    if searchPath.includesBuiltIn {
      sources += builtInFiles.map { (.builtIn(fileName: $0.name), 0) }
    }
    let folders =
      [searchPath.userFolder].compactMap { $0 }.map { ($0, false) }
      + searchPath.extraFolders.map { ($0, true) }
    for (index, (folder, required)) in folders.enumerated() {
      let layer = searchPath.userFolder == nil ? index + 2 : index + 1
      for finding in RoutineFolderScanner.scan(folder, required: required) {
        switch finding {
        case .file(let path): sources.append((.file(path: path), layer))
        case .problem(let diagnostic): problems.append(diagnostic)
        }
      }
    }
    let builtInBytes = Dictionary(builtInFiles.map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    let loaded = Self.loadAll(sources.map(\.origin), builtInBytes: builtInBytes)
    let entries = zip(sources, loaded).map { source, result in
      Entry(origin: source.origin, loaded: result, layer: source.layer)
    }
    return RoutineLibrary(entries: entries, folderProblems: problems)
  }

  /// Loads one file given on the command line, outside the search path.
  public static func loadFile(_ path: String) -> LoadedRoutine {
    loadOne(.file(path: path), builtInBytes: [:])
  }

  /// Below this many files, loading on one thread is as fast and starts no threads.
  static let parallelThreshold = 64

  private static func loadAll(_ origins: [RoutineOrigin], builtInBytes: [String: [UInt8]]) -> [LoadedRoutine] {
    if origins.count < parallelThreshold {
      return origins.map { loadOne($0, builtInBytes: builtInBytes) }
    }
    let results = ResultSlots(count: origins.count)
    DispatchQueue.concurrentPerform(iterations: origins.count) { index in
      results.store(loadOne(origins[index], builtInBytes: builtInBytes), at: index)
    }
    return results.values
  }

  private static func loadOne(_ origin: RoutineOrigin, builtInBytes: [String: [UInt8]]) -> LoadedRoutine {
    switch origin {
    case .builtIn(let name):
      return RoutineLoader.load(bytes: builtInBytes[name] ?? [], path: origin.diagnosticPath, fileStem: stem(name))
    case .file(let path):
      switch RoutineFileReader.read(path) {
      case .success(let bytes):
        return RoutineLoader.load(bytes: bytes, path: path, fileStem: stem(path))
      case .failure(.problem(let diagnostic)):
        return LoadedRoutine(routine: nil, diagnostics: [diagnostic], idPosition: nil, contentHash: "")
      }
    }
  }

  /// A file name without its folder and its .yaml or .yml: the id it should hold.
  public static func stem(_ path: String) -> String {
    let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
    for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
      return String(name.dropLast(suffix.count))
    }
    return name
  }

  /// The same id twice in one layer is an error on the later file; an id in a later
  /// layer overrides the earlier one, which `list` reports.
  private mutating func resolveDuplicates() {
    var firstSeen: [String: (index: Int, layer: Int)] = [:]
    for index in entries.indices {
      guard let id = entries[index].routine?.id else { continue }
      if let earlier = firstSeen[id] {
        let other = entries[earlier.index]
        if earlier.layer == entries[index].layer {
          let place = entries[index].loaded.idPosition ?? .start
          let otherPlace = other.loaded.idPosition ?? .start
          entries[index].loaded.diagnostics.append(
            Diagnostic(
              .error, file: entries[index].origin.diagnosticPath, line: place.line, column: place.column,
              "duplicate routine id '\(id)': also defined at \(other.origin.diagnosticPath):"
                + "\(otherPlace.line):\(otherPlace.column). Give this routine another id"))
          entries[index].loaded.routine = nil
          continue
        }
        entries[index].overrides = other.origin
      }
      firstSeen[id] = (index, entries[index].layer)
    }
  }

  /// The routine with this id, or a message with a suggestion.
  public func routine(id typed: String) -> Result<Entry, LookupFailure> {
    let active = routines
    let id = NameMatching.normalize(typed)
    if let entry = active.first(where: { $0.routine?.id == id }) {
      return .success(entry)
    }
    if let broken = broken.first(where: { RoutineLibrary.stem($0.origin.diagnosticPath) == id }) {
      let first = broken.loaded.firstError?.description ?? "it has errors"
      return .failure(LookupFailure(message: "routine '\(typed)' did not load: \(first)"))
    }
    let near = NameMatching.nearest(to: id, among: active.compactMap { $0.routine?.id })
    var message = "no routine with the id '\(typed)'"
    message += near.map { "; did you mean '\($0)'?" } ?? ". Run `unknot list` to see them all"
    return .failure(LookupFailure(message: message))
  }

  public struct LookupFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }
}

/// Slots written once each from concurrent loads.
private final class ResultSlots: Sendable {
  private let slots: Mutex<[LoadedRoutine?]>

  init(count: Int) {
    slots = Mutex(Array(repeating: nil, count: count))
  }

  func store(_ value: LoadedRoutine, at index: Int) {
    slots.withLock { $0[index] = value }
  }

  var values: [LoadedRoutine] { slots.withLock { $0.map { $0! } } }
}
