/// Where routines are looked for, in order: the built-in library, the person's
/// routine folder, then each `--routines DIR`. Later places override earlier ones.
public struct RoutineSearchPath: Sendable, Equatable {
  public var includesBuiltIn: Bool
  public var userFolder: String?
  public var extraFolders: [String]

  public init(includesBuiltIn: Bool = true, userFolder: String?, extraFolders: [String] = []) {
    self.includesBuiltIn = includesBuiltIn
    self.userFolder = userFolder
    self.extraFolders = extraFolders
  }

  /// `$XDG_CONFIG_HOME/unknot/routines`, or `~/.config/unknot/routines`.
  public static func defaultUserFolder(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/unknot/routines"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.config/unknot/routines"
  }

  public static func standard(environment: [String: String], extraFolders: [String] = []) -> RoutineSearchPath {
    RoutineSearchPath(userFolder: defaultUserFolder(environment: environment), extraFolders: extraFolders)
  }
}
