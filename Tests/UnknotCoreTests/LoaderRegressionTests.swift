import Foundation
import UnknotCore
import XCTest

/// Every file in LoaderRegressions/ once broke the loader (a crash, a hang, memory
/// without bound), found by the fuzzer (.ci/fuzz) or the hostile-input tests. Each
/// must now load the way a stranger's bad file should: refused, with an error that
/// says where, and with the same fuzz target code path that found it.
final class LoaderRegressionTests: XCTestCase {
  private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("LoaderRegressions")

  func testEveryInputThatOnceBrokeTheLoaderIsNowRefusedWithAnErrorThatSaysWhere() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
    XCTAssertFalse(names.isEmpty, "LoaderRegressions/ holds no inputs")
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
      let loaded = RoutineLoader.load(bytes: bytes, path: name)
      XCTAssertNil(loaded.routine, "\(name) loaded as a routine")
      let errors = loaded.diagnostics.filter { $0.severity == .error }
      XCTAssertFalse(errors.isEmpty, "\(name) was refused without an error")
      for error in errors {
        XCTAssertEqual(error.file, name)
        XCTAssertGreaterThanOrEqual(error.line, 1, error.description)
      }
    }
  }

  /// The input the hostile-input audit found: nine nested blocks of ten sets.
  func testNestedBlocksWhoseSetsMultiplyAreRefusedAtTheStepsKey() throws {
    let bytes = try [UInt8](
      Data(contentsOf: Self.folder.appendingPathComponent("nested-blocks-multiply-sets.yaml")))
    let loaded = RoutineLoader.load(bytes: bytes, path: "nested-blocks-multiply-sets.yaml")
    let error = try XCTUnwrap(loaded.firstError)
    XCTAssertEqual(error.line, 8, error.description)
    XCTAssertTrue(error.message.hasPrefix("the steps expand to more than 10000 steps"), error.description)
  }
}
