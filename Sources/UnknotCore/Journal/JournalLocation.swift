/// Where the pain journal lives by default, following the XDG base directory
/// specification like the routine folder does.
public enum JournalLocation {
  /// The journal's file name inside the data folder.
  public static let fileName = "journal.sqlite"

  /// `$XDG_DATA_HOME/unknot/journal.sqlite`, or `~/.local/share/unknot/journal.sqlite`;
  /// nil when neither an absolute XDG_DATA_HOME nor HOME is set.
  public static func defaultPath(environment: [String: String]) -> String? {
    folder(environment: environment).map { $0 + "/" + fileName }
  }

  /// The folder holding the journal: `$XDG_DATA_HOME/unknot` or `~/.local/share/unknot`.
  public static func folder(environment: [String: String]) -> String? {
    // The specification says a relative XDG_DATA_HOME is invalid and must be ignored:
    // it would put health data wherever the program happened to be started.
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return trimmed(data) + "/unknot"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return trimmed(home) + "/.local/share/unknot"
  }

  /// The path without trailing slashes, so joined paths read cleanly in messages.
  private static func trimmed(_ path: String) -> String {
    var path = path
    while path.count > 1, path.hasSuffix("/") {
      path.removeLast()
    }
    return path
  }
}
