/// Text placed in an HTML page, such as the clinician's report: every character that
/// HTML reads as markup is written as an entity, so a routine title from a stranger's
/// journal export shows as the words it is and can never open a tag, close an
/// attribute or start a script. Control and text-direction characters are written out
/// as `\u{1B}` first (`UnsafeCharacters.visible`): invisible, they could disguise what
/// the page says.
public enum HTMLText {
  /// The text, safe between tags and inside a quoted attribute.
  public static func escaped(_ text: String) -> String {
    let visible = UnsafeCharacters.visible(text)
    var out = ""
    out.reserveCapacity(visible.utf8.count)
    for character in visible {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
