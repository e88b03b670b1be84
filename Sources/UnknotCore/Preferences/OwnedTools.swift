import Foundation

/// The tools a person owns, remembered between runs so the home screen can show
/// only routines they can do. A preference, not health data: a small text file in
/// the config folder (`$XDG_CONFIG_HOME/unknot/tools`), one tool id per line.
public struct OwnedTools: Sendable, Equatable {
  public var tools: Set<Tool>
  /// Whether the home screen shows only routines these tools allow.
  public var filterOn: Bool

  public init(tools: Set<Tool> = [], filterOn: Bool = false) {
    self.tools = tools
    self.filterOn = filterOn
  }

  /// Whether a person with these tools can do the routine.
  public func allows(_ routine: Routine) -> Bool {
    routine.toolsNeeded.allSatisfy { tools.contains($0) }
  }

  public static func defaultPath(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/unknot/tools"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.config/unknot/tools"
  }

  /// Reads the file; a missing or unreadable file means no tools chosen yet.
  public static func load(path: String?) -> OwnedTools {
    guard let path, let data = FileManager.default.contents(atPath: path), data.count < 4096 else {
      return OwnedTools()
    }
    var result = OwnedTools()
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let word = line.trimmingCharacters(in: .whitespaces)
      if word == "filter: on" {
        result.filterOn = true
      } else if let tool = Tool(rawValue: word) {
        result.tools.insert(tool)
      }
    }
    return result
  }

  /// Writes the file atomically (never half-written), readable only by the person.
  public func save(path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    var text = "# Tools you own, for unknot's home screen filter. One per line.\n"
    text += filterOn ? "filter: on\n" : "filter: off\n"
    for tool in Tool.allCases where tools.contains(tool) {
      text += tool.rawValue + "\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
  }
}
