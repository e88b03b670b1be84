/// Every programme: the bundled ones and those in the person's programme folder, with
/// the files that failed to load and duplicate ids reported as errors. Checked against
/// the routine library they are loaded with.
public struct ProgrammeLibrary: Sendable {
  public struct Entry: Sendable {
    public var origin: RoutineOrigin
    public var loaded: LoadedProgramme
    /// 0 for built-in, 1 for the person's folder.
    public var layer: Int

    public var programme: Programme? { loaded.programme }
    public var diagnostics: [Diagnostic] { loaded.diagnostics }
  }

  public private(set) var entries: [Entry]
  public private(set) var folderProblems: [Diagnostic]

  /// The programmes in effect, one per id (the person's own winning), sorted by id.
  public var programmes: [Entry] {
    var byID: [String: Entry] = [:]
    for entry in entries {
      guard let programme = entry.programme else { continue }
      byID[programme.id] = entry
    }
    return byID.values.sorted { $0.programme!.id < $1.programme!.id }
  }

  public var diagnostics: [Diagnostic] { folderProblems + entries.flatMap(\.diagnostics) }

  public init(entries: [Entry], folderProblems: [Diagnostic] = []) {
    self.entries = entries
    self.folderProblems = folderProblems
    resolveDuplicates()
  }

  /// `$XDG_CONFIG_HOME/unknot/programmes` (or `~/.config/unknot/programmes`): next to
  /// the person's routine folder.
  public static func userFolder(environment: [String: String]) -> String? {
    RoutineSearchPath.defaultUserFolder(environment: environment).map { routines in
      String(routines.dropLast("routines".count)) + "programmes"
    }
  }

  /// Loads the bundled programmes and those in `userFolder`, checking the routine ids
  /// they name against `routines` (nil skips that check: a status line that only
  /// needs the active programme's schedule does not load every routine).
  public static func load(
    userFolder: String?, routines: RoutineLibrary?, includesBuiltIn: Bool = true,
    builtInFiles: [BuiltInRoutineFile] = BuiltInProgrammeFiles.all()
  ) -> ProgrammeLibrary {
    let known = routines.map(routineTable)
    var entries: [Entry] = []
    var problems: [Diagnostic] = []
    if includesBuiltIn {
      for file in builtInFiles {
        let origin = RoutineOrigin.builtIn(fileName: "programmes/" + file.name)
        let loaded = ProgrammeLoader.load(
          bytes: file.bytes, path: origin.diagnosticPath, fileStem: RoutineLibrary.stem(file.name), routines: known)
        entries.append(Entry(origin: origin, loaded: loaded, layer: 0))
      }
    }
    if let userFolder {
      for finding in RoutineFolderScanner.scan(userFolder) {
        switch finding {
        case .file(let path):
          entries.append(Entry(origin: .file(path: path), loaded: loadFile(path, routines: known), layer: 1))
        case .problem(let diagnostic): problems.append(diagnostic)
        }
      }
    }
    return ProgrammeLibrary(entries: entries, folderProblems: problems)
  }

  /// The routines a programme may name, by id.
  public static func routineTable(_ library: RoutineLibrary) -> [String: Routine] {
    var table: [String: Routine] = [:]
    for entry in library.routines {
      if let routine = entry.routine { table[routine.id] = routine }
    }
    return table
  }

  /// Loads one file given on the command line or found in a folder.
  public static func loadFile(_ path: String, routines: [String: Routine]?) -> LoadedProgramme {
    switch RoutineFileReader.read(path) {
    case .success(let bytes):
      return ProgrammeLoader.load(
        bytes: bytes, path: path, fileStem: RoutineLibrary.stem(path), routines: routines)
    case .failure(.problem(let diagnostic)):
      return LoadedProgramme(programme: nil, diagnostics: [diagnostic], idPosition: nil, contentHash: "")
    }
  }

  /// The same id twice in one layer is an error on the later file; the person's own
  /// programme with a bundled one's id replaces it.
  private mutating func resolveDuplicates() {
    var firstSeen: [String: Int] = [:]
    for index in entries.indices {
      guard let id = entries[index].programme?.id else { continue }
      if let earlier = firstSeen[id], entries[earlier].layer == entries[index].layer {
        let place = entries[index].loaded.idPosition ?? .start
        let otherPlace = entries[earlier].loaded.idPosition ?? .start
        entries[index].loaded.diagnostics.append(
          Diagnostic(
            .error, file: entries[index].origin.diagnosticPath, line: place.line, column: place.column,
            "duplicate programme id '\(id)': also defined at \(entries[earlier].origin.diagnosticPath):"
              + "\(otherPlace.line):\(otherPlace.column). Give this programme another id"))
        entries[index].loaded.programme = nil
        continue
      }
      firstSeen[id] = index
    }
  }

  /// The programme with this id, or a message with a suggestion.
  public func programme(id typed: String) -> Result<Entry, RoutineLibrary.LookupFailure> {
    let id = NameMatching.normalize(typed)
    let active = programmes
    if let entry = active.first(where: { $0.programme?.id == id }) { return .success(entry) }
    if let broken = entries.first(where: { $0.programme == nil && RoutineLibrary.stem($0.origin.diagnosticPath) == id })
    {
      let first = broken.loaded.diagnostics.first { $0.severity == .error }?.description ?? "it has errors"
      return .failure(.init(message: "programme '\(typed)' did not load: \(first)"))
    }
    var message = "no programme with the id '\(typed)'"
    if let near = NameMatching.nearest(to: id, among: active.compactMap { $0.programme?.id }) {
      message += "; did you mean '\(near)'?"
    } else {
      message += ". Run `unknot programme list` to see them all"
    }
    return .failure(.init(message: message))
  }
}
