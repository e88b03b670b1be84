/// Characters that must never reach the terminal from a routine file: they could
/// move the cursor, change colours, retitle the window, or reorder what is shown.
public enum UnsafeCharacters {
  /// Why the scalar is unsafe, or nil when it is fine to show.
  /// Tabs and line breaks are allowed in the file but not inside a text (see RoutineDecoder).
  public static func problem(with scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x1B:
      return "an escape character (a terminal escape sequence could start here)"
    case 0x00:
      return "a NUL byte"
    case 0x09, 0x0A, 0x0D:
      return nil
    case 0x01...0x1F, 0x7F:
      return "the control character U+\(hex(scalar.value))"
    case 0x80...0x9F:
      return "the C1 control character U+\(hex(scalar.value)) (terminals may read it as an escape)"
    case 0x202A...0x202E, 0x2066...0x2069:
      return "the invisible text-direction control U+\(hex(scalar.value)) (it can disguise what text says)"
    case 0xFFF9...0xFFFB:
      return "the invisible annotation control U+\(hex(scalar.value))"
    default:
      return nil
    }
  }

  /// The text with every unsafe character, tab and line break written as `\u{1B}`,
  /// for printing what did not pass the screen (a file's name, a link's target) on
  /// one line without driving the terminal.
  public static func visible(_ text: String) -> String {
    func hidden(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "\t" || scalar == "\n" || scalar == "\r" || problem(with: scalar) != nil
    }
    guard text.unicodeScalars.contains(where: hidden) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if hidden(scalar) {
        out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension UnsafeCharacters {
  /// JSON text with every unsafe character that JSON may hold raw (DEL, the C1 controls,
  /// the text-direction and annotation controls) written as a `\uXXXX` escape: the same
  /// value to any JSON reader, and nothing a terminal would act on. Tabs and line breaks
  /// are left: encoders escape them inside strings, and outside they are layout.
  public static func jsonEscaped(_ text: String) -> String {
    func escaped(_ scalar: Unicode.Scalar) -> Bool {
      scalar != "\t" && scalar != "\n" && scalar != "\r" && problem(with: scalar) != nil
    }
    guard text.unicodeScalars.contains(where: escaped) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if escaped(scalar) {
        out += "\\u" + hex(scalar.value)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
