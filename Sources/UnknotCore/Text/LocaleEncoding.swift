/// Whether text output may use Unicode, from the locale the environment names: the
/// first of LC_ALL, LC_CTYPE and LANG that is set decides, as the C library does.
/// For output that does not go through curses (which asks the C library itself).
public enum LocaleEncoding {
  public static func isUTF8(environment: [String: String]) -> Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      let lowered = value.lowercased()
      return lowered.contains("utf-8") || lowered.contains("utf8")
    }
    return false
  }
}
