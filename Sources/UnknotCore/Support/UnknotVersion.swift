/// unknot's version: the one place it is written. `unknot --version`, the JSON export,
/// the clinician's report and the man page read it from here.
public enum UnknotVersion {
  public static let current = "0.13.0"
}
