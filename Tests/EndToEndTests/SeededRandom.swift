import Foundation

/// A small seeded generator, so a failing randomized run can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// The seed of a randomized test: `UNKNOT_E2E_SEED` when it is set, to replay a
/// failure, otherwise the test's own.
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
