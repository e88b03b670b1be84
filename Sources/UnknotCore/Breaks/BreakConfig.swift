import Foundation
import Yams

/// Reads `unknot/config.yaml` (break settings) with the routine loader's YAML machinery,
/// reporting each problem as `PATH:LINE:COL: error: …`.
public enum BreakConfig {
  public static let keys = ["break-every", "break-routine", "quiet-hours"]

  /// `$XDG_CONFIG_HOME/unknot/config.yaml`, else `~/.config/unknot/config.yaml`.
  public static func path(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return xdg + "/unknot/config.yaml"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.config/unknot/config.yaml"
  }

  /// The settings from the file at `path`; a missing file gives the defaults.
  public static func load(path: String) -> Result<BreakSettings, DiagnosticFailure> {
    guard let data = FileManager.default.contents(atPath: path) else {
      if FileManager.default.fileExists(atPath: path) {
        return .failure(
          DiagnosticFailure([
            Diagnostic(.error, file: path, line: 1, column: 1, "cannot read this file; check its permissions")
          ]))
      }
      return .success(BreakSettings())
    }
    return parse(String(decoding: data, as: UTF8.self), path: path)
  }

  /// The settings in `text`, or every problem found in it.
  public static func parse(_ text: String, path: String) -> Result<BreakSettings, DiagnosticFailure> {
    var reader = YAMLReader(diagnostics: DiagnosticList(file: path))
    let document: YAMLNode?
    do {
      switch YAMLComposer.compose(text) {
      case .composed(let node): document = node
      case .declined: document = try YAMLComposer.composeWithYams(text)
      }
    } catch let error as YamlError {
      let (message, position) = RoutineLoader.describe(error, in: text)
      reader.diagnostics.error(message, at: position)
      return .failure(DiagnosticFailure(reader.diagnostics.sorted))
    } catch {
      reader.diagnostics.error("cannot read this file as YAML: \(error); fix the YAML or delete the file", at: .start)
      return .failure(DiagnosticFailure(reader.diagnostics.sorted))
    }
    var settings = BreakSettings()
    guard let root = document, !YAMLReader.isNull(root) else { return .success(settings) }
    guard let entries = reader.entries(of: root, what: "the config file", allowed: keys) else {
      return .failure(DiagnosticFailure(reader.diagnostics.sorted))
    }
    if let every = entries["break-every"] {
      if let seconds = reader.duration(every.value, field: "break-every") {
        if seconds < 60 || seconds > 24 * 3600 {
          reader.diagnostics.error(
            "'break-every' should be between 1m and 24h, such as 30m", at: YAMLReader.position(of: every.value))
        } else {
          settings.every = seconds
        }
      }
    }
    if let routine = entries["break-routine"] {
      if let id = reader.text(routine.value, field: "break-routine", maxLines: 1) {
        if id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
          settings.routine = id
        } else {
          reader.diagnostics.error(
            "'break-routine' should be a routine id such as desk-posture-break (see unknot list)",
            at: YAMLReader.position(of: routine.value))
        }
      }
    }
    if let quiet = entries["quiet-hours"] {
      if case .scalar(let scalar) = quiet.value, let hours = QuietHours.parse(scalar.string) {
        settings.quietHours = hours
      } else {
        reader.diagnostics.error(
          "'quiet-hours' should be two times of day such as 22:00-07:00", at: YAMLReader.position(of: quiet.value))
      }
    }
    if reader.diagnostics.hasErrors { return .failure(DiagnosticFailure(reader.diagnostics.sorted)) }
    return .success(settings)
  }
}

/// Problems found in a file, each `PATH:LINE:COL: error: …`.
public struct DiagnosticFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Durations as routine files and the config file write them: `30m`, `1h`, `90s`.
public enum YAMLDuration {
  public static func seconds(_ text: String) -> Int? { YAMLReader.parseDuration(text) }
}
