import Foundation
import Glibc

/// Speaks short phrases through espeak-ng or spd-say, started as an argument vector
/// (never through a shell, so routine text cannot run anything) and never waited
/// for, so speech cannot hold up the countdown.
public final class SpeechOutput {
  public let program: String
  private var speaking: pid_t?

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
    reap()
  }

  public func say(_ text: String) {
    reap()
    // A new cue matters more than the end of the last one.
    stopSpeaking()
    // A leading "-" would be read as an option by the speech program.
    let phrase = String(text.drop { $0 == "-" || $0 == " " }.prefix(200))
    guard !phrase.isEmpty else { return }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(program), strdup(phrase), nil]
    defer {
      for argument in arguments { free(argument) }
    }
    var pid: pid_t = 0
    if posix_spawn(&pid, program, &actions, nil, arguments, environ) == 0 {
      speaking = pid
    }
  }

  private func stopSpeaking() {
    if let pid = speaking {
      kill(pid, SIGTERM)
    }
  }

  /// Collects finished speech processes so none linger as zombies.
  private func reap() {
    var status: Int32 = 0
    while case let pid = waitpid(-1, &status, WNOHANG), pid > 0 {
      if pid == speaking { speaking = nil }
    }
  }
}
