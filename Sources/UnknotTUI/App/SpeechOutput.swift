import ChildProcesses
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Speaks short phrases through espeak-ng or spd-say, started as an argument vector
/// (never through a shell, so routine text cannot run anything) and never waited
/// for, so speech cannot hold up the countdown.
public final class SpeechOutput {
  public let program: String
  /// The phrase being spoken, if it has not ended yet.
  private var speaking: ChildProcess?
  /// Phrases told to stop that have not been collected yet.
  private var stopping: [ChildProcess] = []

  /// The programs tried, in order.
  public static let candidates = ["espeak-ng", "spd-say"]

  /// Finds a speech program on PATH, or nil with none installed.
  public static func find(environment: [String: String]) -> SpeechOutput? {
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for name in candidates {
      for folder in folders {
        let path = "\(folder)/\(name)"
        if access(path, X_OK) == 0 { return SpeechOutput(program: path) }
      }
    }
    return nil
  }

  /// Shown when --speak finds no program.
  public static let missingMessage =
    "Speech is off: --speak needs espeak-ng or spd-say (for example: sudo apt install espeak-ng)."

  public init(program: String) {
    self.program = program
  }

  deinit {
    stopSpeaking()
    collect()
  }

  public func say(_ text: String) {
    // A new cue matters more than the end of the last one.
    stopSpeaking()
    collect()
    // A leading "-" would be read as an option by the speech program.
    let phrase = String(text.drop { $0 == "-" || $0 == " " }.prefix(200))
    guard !phrase.isEmpty else { return }
    speaking = try? ChildProcess([program, phrase])
  }

  private func stopSpeaking() {
    guard let phrase = speaking else { return }
    speaking = nil
    if phrase.poll() == nil {
      phrase.send(SIGTERM)
      stopping.append(phrase)
    }
  }

  /// Collects stopped speech processes that have ended, so none linger as zombies,
  /// without waiting for the ones still ending.
  private func collect() {
    stopping.removeAll { $0.poll() != nil }
  }
}
