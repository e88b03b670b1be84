import Foundation
import UnknotCore

/// The break settings of `remind` and `status`, from the config file; a problem in the
/// file ends the command with its `PATH:LINE:COL: error: …` lines.
func breakSettings(environment: [String: String], every: String?) throws -> BreakSettings {
  var settings = BreakSettings()
  if let path = BreakConfig.path(environment: environment) {
    switch BreakConfig.load(path: path) {
    case .success(let loaded): settings = loaded
    case .failure(let failure):
      throw CommandLineError(failure.description + "\nFix the file, or move it aside to use the defaults.")
    }
  }
  if let every {
    guard let seconds = YAMLDuration.seconds(every), seconds >= 60, seconds <= 24 * 3600 else {
      throw CommandLineError(
        "--every '\(UnsafeCharacters.visible(every))' is not a duration between 1m and 24h; write one such as 30m")
    }
    settings.every = seconds
  }
  return settings
}
