/// Checks an edited routine file before it replaces the one at `path`, as `unknot
/// check` would once it had: the same loader and diagnostics, named at the real path
/// (not the editor's temporary copy), and an id another routine of the same folder
/// already has is the same duplicate-id error.
public enum RoutineEditCheck {
  public static func diagnostics(of bytes: [UInt8], at path: String, in library: RoutineLibrary) -> [Diagnostic] {
    let loaded = RoutineLoader.load(bytes: bytes, path: path, fileStem: RoutineLibrary.stem(path))
    let origin = RoutineOrigin.file(path: path)
    var others = library.entries.filter { $0.origin != origin }
    let layer = library.entries.first { $0.origin == origin }?.layer ?? 1
    // Last in its layer: a duplicate id is reported on the later file, this one.
    let index = others.lastIndex { $0.layer <= layer }.map { $0 + 1 } ?? 0
    others.insert(RoutineLibrary.Entry(origin: origin, loaded: loaded, layer: layer), at: index)
    let checked = RoutineLibrary(entries: others)
    return checked.entries.first { $0.origin == origin }?.diagnostics ?? loaded.diagnostics
  }
}
