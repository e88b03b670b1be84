// The routine loader and validator under libFuzzer. Routine files may come from
// strangers, so whatever the bytes, loading must end with a routine or diagnostics,
// never a crash, a hang or unbounded memory. Built two ways (see README, "Fuzzing"):
//
//   with -DFUZZING and -sanitize=fuzzer,address: libFuzzer supplies main and calls
//   LLVMFuzzerTestOneInput with generated files;
//   in a plain build: `unknot-fuzz FILE…` runs saved inputs (a crash libFuzzer found)
//   through the same code, to reproduce it without the sanitizer.
import UnknotCore

/// Everything a stranger's file reaches when it is listed, shown or started.
func exercise(_ bytes: [UInt8]) -> LoadedRoutine {
  let loaded = RoutineLoader.load(bytes: bytes, path: "fuzz.yaml", fileStem: "fuzz")
  for diagnostic in loaded.diagnostics {
    _ = diagnostic.description
  }
  if let routine = loaded.routine {
    _ = Timeline(routine: routine)
    let detail = RoutineDetailReport(routine: routine, origin: .file(path: "fuzz.yaml"))
    _ = detail.text()
    _ = detail.json()
  }
  return loaded
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzRoutineLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    _ = exercise(bytes)
    return 0
  }

  typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments, _ input: FuzzInput
  ) -> CInt

  // SwiftPM links every executable with main renamed to <module>_main, so hand that
  // entry point to libFuzzer's driver.
  @_cdecl("UnknotFuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzRoutineLoader($0, $1) }
  }
#else
  import Foundation

  @main
  enum ReplayFuzzInputs {
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      guard !paths.isEmpty else {
        print("usage: unknot-fuzz FILE…  (runs saved fuzzer inputs through the routine loader)")
        exit(2)
      }
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          print("\(path): cannot read this file")
          exit(1)
        }
        let loaded = exercise(Array(data))
        let verdict = loaded.routine == nil ? "refused" : "loaded"
        print("\(path): \(verdict), \(loaded.diagnostics.count) diagnostic(s)")
      }
    }
  }
#endif
