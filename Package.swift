// swift-tools-version: 6.0
import PackageDescription

// `UNKNOT_FUZZ=1 swift build …` (README, "Fuzzing") instruments the routine loader for
// libFuzzer. Only UnknotCore and the fuzz target get the flags: a global -Xswiftc would
// also reach the build plugin's tool, whose own main clashes with libFuzzer's.
let fuzzing = Context.environment["UNKNOT_FUZZ"] != nil
let fuzzerFlags: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

// How the release `unknot` is linked (the idle figures in README, "Performance"):
// lld lays the functions start-up runs side by side, in the order .ci/startup-order
// recorded, so a running hold touches a few MB of code instead of pages all over the
// binary; and no symbols are exported, so the dynamic loader has fewer to search.
let releaseLinkFlags = [
  "-static-stdlib", "-use-ld=lld", "-Xlinker", "-no-pie", "-Xlinker", "--no-export-dynamic",
  "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/unknot/startup-order.txt",
  "-Xlinker", "--no-warn-symbol-ordering",
]

// Linux only, the platform CI builds and tests on. The platform-specific code sits
// behind #if and in small Platform files; docs/porting.md lists what a macOS port
// changes.
let package = Package(
  name: "unknot",
  products: [
    .executable(name: "unknot", targets: ["unknot"]),
    .executable(name: "unknot-benchmark", targets: ["UnknotBenchmark"]),
    .executable(name: "unknot-fuzz", targets: ["UnknotFuzz"]),
  ],
  // Exact versions, so every build resolves the same code. Package.resolved, which
  // would also pin the commits, is not committed: the machines this is built on fetch
  // these packages from mirrors whose commit ids differ from upstream's, so a
  // Package.resolved written on one would not resolve on the other.
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // The system ncursesw, wide-character API enabled by the shim (see docs/terminal.md).
    // The library is linked by UnknotTUI, whose linker settings can name it per platform.
    .systemLibrary(
      name: "CNcursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The one way unknot, its benchmark and its tests start child processes.
    .target(name: "CChildProcess"),
    .target(name: "ChildProcesses", dependencies: ["CChildProcess"]),
    // Turns Routines/*.yaml into Swift source at build time, so the binary carries them.
    .executableTarget(name: "RoutineEmbedder"),
    .plugin(
      name: "EmbedRoutines", capability: .buildTool(), dependencies: ["RoutineEmbedder"],
      // Kept under Sources/ so the top level stays as the design card lists it.
      path: "Sources/EmbedRoutines"
    ),
    // Everything that is not the terminal: vocabularies, routines, sessions.
    .target(
      name: "UnknotCore",
      dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: fuzzerFlags,
      plugins: ["EmbedRoutines"]
    ),
    // The ncurses front end.
    .target(
      name: "UnknotTUI",
      dependencies: ["UnknotCore", "CNcursesw", "ChildProcesses"],
      linkerSettings: [.linkedLibrary("ncursesw", .when(platforms: [.linux]))]
    ),
    .executableTarget(
      name: "unknot",
      dependencies: [
        "UnknotCore",
        "UnknotTUI",
        "ChildProcesses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["startup-order.txt"],
      // A release binary carries the Swift runtime and Foundation inside it: it runs when
      // copied to a machine without Swift, starts faster, and touches less memory (no PIE
      // relocations to apply). Debug builds and tests stay dynamic, and quick to link.
      swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
      linkerSettings: [.unsafeFlags(releaseLinkFlags, .when(platforms: [.linux], configuration: .release))]
    ),
    // Measures the speed targets; see README, "Performance".
    .executableTarget(
      name: "UnknotBenchmark",
      dependencies: [
        "UnknotCore",
        "ChildProcesses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The routine loader under libFuzzer; see README, "Fuzzing".
    .executableTarget(
      name: "UnknotFuzz", dependencies: ["UnknotCore"],
      swiftSettings: fuzzerFlags + (fuzzing ? [.define("FUZZING")] : []),
      linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
    ),
    // LoaderRegressions: inputs that once broke the loader.
    // LoaderRegressions and Fixtures (small routines of the tests' own, so editing a
    // bundled routine breaks no unit test) are read through #filePath.
    .testTarget(name: "UnknotCoreTests", dependencies: ["UnknotCore"], exclude: ["LoaderRegressions", "Fixtures"]),
    // Golden screens and the fixture routines are read through #filePath, not bundled.
    .testTarget(name: "UnknotTUITests", dependencies: ["UnknotTUI"], exclude: ["Golden", "Fixtures"]),
    // The built binary driven under tmux, as a person would use it.
    // The built binary driven under tmux, as a person would use it; the journal is
    // read back through GRDB, and the seeded generator is UnknotCore's.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["unknot", "UnknotCore", "ChildProcesses", .product(name: "GRDB", package: "GRDB.swift")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
