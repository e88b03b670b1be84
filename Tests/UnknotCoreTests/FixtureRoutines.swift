import Foundation

@testable import UnknotCore

/// Routines of the tests' own, in Tests/UnknotCoreTests/Fixtures, read through
/// #filePath. Tests that need "real routines" (nested blocks, sides, sets, phases,
/// breathing, heat) use these, so editing a bundled routine's text or timing breaks no
/// unit test. Tests of the bundled library itself (BundledLibraryTests, the pressure
/// check over every bundled hold) keep reading Routines/.
enum FixtureRoutines {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// Every fixture file, by name, as the bundled files are handed to the loader.
  static func all() -> [BuiltInRoutineFile] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
        return nil
      }
      return BuiltInRoutineFile(name: name, bytes: Array(data))
    }
  }
}
