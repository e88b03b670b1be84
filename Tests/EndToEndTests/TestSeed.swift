import Foundation

/// The seed of a randomized test: `UNKNOT_E2E_SEED` when it is set, to replay a
/// failure, otherwise the test's own. The generator is UnknotCore's SplitMix64.
enum TestSeed {
  static let variable = "UNKNOT_E2E_SEED"

  static func value(default fallback: UInt64) -> UInt64 {
    guard let text = ProcessInfo.processInfo.environment[variable], let seed = UInt64(text) else { return fallback }
    return seed
  }

  /// For failure messages: the seed and how to run the test with it again.
  static func replay(_ seed: UInt64) -> String {
    "seed \(seed); replay with \(variable)=\(seed)"
  }
}
