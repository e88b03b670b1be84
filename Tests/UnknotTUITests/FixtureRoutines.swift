import Foundation

@testable import UnknotCore

/// The routines the screen, key and golden tests run: frozen copies of the bundled
/// Routines/*.yaml as they stood when the goldens were recorded, with the same file
/// names and ids, in Tests/UnknotTUITests/Fixtures/Routines (read through #filePath).
/// They are the tests' own, so rewording or retiming a bundled routine changes no test
/// here; change a fixture only when a test is meant to change with it. All of them are
/// kept, so every muscle group's list and count, and the body map's shading, come out
/// as a person sees them with the bundled set.
enum FixtureRoutines {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Routines")

  /// The copies in place of the files the binary carries: loaded by the app's own
  /// library code, so they get the same `built-in` origin and `Routines/…` paths.
  static let files: [BuiltInRoutineFile] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let files = names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name -> BuiltInRoutineFile? in
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
        return nil
      }
      return BuiltInRoutineFile(name: name, bytes: Array(data))
    }
    precondition(!files.isEmpty, "no fixture routines in \(folder.path)")
    return files
  }()

  /// The library as the app loads it at start, with the copies as its built-in routines.
  static let library = RoutineLibrary.load(
    RoutineSearchPath(includesBuiltIn: true, userFolder: nil), builtInFiles: files)
}
