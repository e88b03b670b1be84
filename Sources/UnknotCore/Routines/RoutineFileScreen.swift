/// Checks the raw bytes of a routine file before any YAML parser sees them: size,
/// UTF-8, unsafe characters and hostile alias use. Whatever the bytes, it runs in
/// one linear pass and never allocates more than the file's size.
public enum RoutineFileScreen {
  /// Larger files are refused before they are read into a parser.
  public static let maximumBytes = 256 * 1024
  /// At most this many unsafe-character errors are listed per file.
  static let maximumListedCharacters = 10

  /// The decoded text when the bytes may be parsed; diagnostics go into `diagnostics`.
  public static func screen(_ bytes: [UInt8], into diagnostics: inout DiagnosticList) -> String? {
    guard bytes.count <= maximumBytes else {
      diagnostics.error(
        "the file is \(bytes.count) bytes; routine files may be at most \(maximumBytes / 1024) KiB (\(maximumBytes) bytes). "
          + "Split it into several routines.", at: .start)
      return nil
    }
    // The standard library's check is several times faster than the scan below, which
    // is kept for the position a person needs when the bytes are not UTF-8.
    guard var text = String(validating: bytes, as: UTF8.self) else {
      let bad = firstInvalidUTF8(bytes) ?? (bytes.first ?? 0, .start)
      diagnostics.error(
        "invalid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); "
          + "save the file as UTF-8 text", at: bad.position)
      return nil
    }
    if text.unicodeScalars.first == "\u{FEFF}" {
      text.unicodeScalars.removeFirst()
    }
    guard !mayHoldUnsafeCharacters(bytes) || unsafeCharactersAreAbsent(text, into: &diagnostics) else {
      return nil
    }
    guard aliasUseIsSafe(text, into: &diagnostics) else { return nil }
    return text
  }

  // MARK: - UTF-8

  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (byte: UInt8, position: SourcePosition)? {
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      var minimum: UInt32 = 0
      var value: UInt32
      switch byte {
      case 0x00...0x7F:
        length = 1
        value = UInt32(byte)
      case 0xC2...0xDF:
        length = 2
        value = UInt32(byte & 0x1F)
        minimum = 0x80
      case 0xE0...0xEF:
        length = 3
        value = UInt32(byte & 0x0F)
        minimum = 0x800
      case 0xF0...0xF4:
        length = 4
        value = UInt32(byte & 0x07)
        minimum = 0x10000
      default: return (byte, SourcePosition(line: line, column: column))
      }
      guard index + length <= bytes.count else {
        return (byte, SourcePosition(line: line, column: column))
      }
      for offset in 1..<length {
        let continuation = bytes[index + offset]
        guard continuation & 0xC0 == 0x80 else {
          // The lead byte is the one a person can find (e.g. Latin-1 "é" as 0xE9).
          return (byte, SourcePosition(line: line, column: column))
        }
        value = value << 6 | UInt32(continuation & 0x3F)
      }
      if value < minimum || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF {
        return (byte, SourcePosition(line: line, column: column))
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return nil
  }

  // MARK: - Unsafe characters

  /// A quick byte scan that is true whenever an unsafe character is present (the
  /// file is valid UTF-8 by now): C0 controls and DEL, C1 controls (C2 80–9F),
  /// direction controls (E2 80 AA–AE, E2 81 A6–A9) and annotation controls
  /// (EF BF B9–BB). Clean files skip the character-by-character scan.
  static func mayHoldUnsafeCharacters(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var index = 0
      func next(_ offset: Int) -> UInt8 { index + offset < count ? buffer[index + offset] : 0 }
      while index < count {
        let byte = buffer[index]
        index += 1
        // Printable ASCII, nearly every byte of a routine file, in one comparison.
        if byte &- 0x20 < 0x5F { continue }
        switch byte {
        case 0x09, 0x0A, 0x0D: break
        case 0x00..<0x20, 0x7F: return true
        case 0xC2 where (0x80...0x9F).contains(next(0)): return true
        case 0xE2 where next(0) == 0x80 && (0xAA...0xAE).contains(next(1)): return true
        case 0xE2 where next(0) == 0x81 && (0xA6...0xA9).contains(next(1)): return true
        case 0xEF where next(0) == 0xBF && (0xB9...0xBB).contains(next(1)): return true
        default: break
        }
      }
      return false
    }
  }

  static func unsafeCharactersAreAbsent(_ text: String, into diagnostics: inout DiagnosticList) -> Bool {
    var line = 1
    var column = 1
    var found = 0
    for scalar in text.unicodeScalars {
      if let problem = UnsafeCharacters.problem(with: scalar) {
        found += 1
        if found <= maximumListedCharacters {
          diagnostics.error(
            "\(problem); routine files may not contain control characters. Delete it.",
            at: SourcePosition(line: line, column: column))
        }
      }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    if found > maximumListedCharacters {
      diagnostics.error(
        "\(found - maximumListedCharacters) more control characters not listed",
        at: SourcePosition(line: line, column: 1))
    }
    return found == 0
  }

  // MARK: - Aliases

  /// YAML aliases are cheap for a parser to hold but can be exponentially large to
  /// walk or hash ("billion laughs"). Routine files never need complex keys, so any
  /// alias, list or mapping used as a key is refused here, before parsing; the
  /// size of what aliases expand to is bounded after parsing (RoutineLoader).
  /// The scan only matters when the file defines an anchor, so plain text that
  /// merely looks like YAML syntax is never misread in anchor-free files.
  static func aliasUseIsSafe(_ text: String, into diagnostics: inout DiagnosticList) -> Bool {
    // Without an '&' there is no anchor, so no alias can expand to anything.
    guard text.containsByte(UInt8(ascii: "&")) else { return true }
    let tokens = AnchorScanner.scan(text)
    guard tokens.hasAnchors else { return true }
    var safe = true
    for key in tokens.complexKeys {
      diagnostics.error(
        "\(key.what) used as a mapping key; routine files take plain text keys only",
        at: key.position)
      safe = false
    }
    return safe
  }
}

/// A minimal YAML lexer that finds anchors, aliases and complex keys while
/// skipping comments and quoted text. It need not understand all of YAML: it only
/// has to be conservative about the constructs that can make parsing explode.
struct AnchorScanner {
  struct ComplexKey {
    var what: String
    var position: SourcePosition
  }

  var hasAnchors = false
  var complexKeys: [ComplexKey] = []

  static func scan(_ text: String) -> AnchorScanner {
    var result = AnchorScanner()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    var line = 1
    var column = 1
    var lineHasContent = false

    func advance() {
      if scalars[index] == "\n" {
        line += 1
        column = 1
        lineHasContent = false
      } else {
        column += 1
      }
      index += 1
    }
    func isBlank(_ i: Int) -> Bool {
      i >= scalars.count || scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\n"
        || scalars[i] == "\r"
    }
    func atTokenStart() -> Bool {
      index == 0 || " \t\n\r[{,".unicodeScalars.contains(scalars[index - 1])
    }
    func followedByKeyColon(from start: Int) -> Bool {
      var i = start
      while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
      return i < scalars.count && scalars[i] == ":" && isBlank(i + 1)
    }

    while index < scalars.count {
      let scalar = scalars[index]
      let position = SourcePosition(line: line, column: column)
      switch scalar {
      case "#" where atTokenStart():
        while index < scalars.count, scalars[index] != "\n" { advance() }
        continue
      case "'" where atTokenStart():
        advance()
        while index < scalars.count {
          if scalars[index] == "'" {
            if index + 1 < scalars.count, scalars[index + 1] == "'" {
              advance()
            } else {
              break
            }
          }
          advance()
        }
      case "\"" where atTokenStart():
        advance()
        while index < scalars.count, scalars[index] != "\"" {
          if scalars[index] == "\\" { advance() }
          if index < scalars.count { advance() }
        }
      case "&" where atTokenStart() && !isBlank(index + 1):
        result.hasAnchors = true
      case "*" where atTokenStart() && !isBlank(index + 1):
        var end = index + 1
        while end < scalars.count, !isBlank(end), !",[]{}".unicodeScalars.contains(scalars[end]),
          !(scalars[end] == ":" && isBlank(end + 1))
        {
          end += 1
        }
        if followedByKeyColon(from: end) {
          result.complexKeys.append(ComplexKey(what: "an alias", position: position))
        }
      case "?" where !lineHasContent && isBlank(index + 1):
        result.complexKeys.append(ComplexKey(what: "an explicit '?' key", position: position))
      case "]", "}":
        if followedByKeyColon(from: index + 1) {
          result.complexKeys.append(ComplexKey(what: "a list or mapping", position: position))
        }
      default:
        break
      }
      if scalar != " " && scalar != "\t" && scalar != "-" && scalar != "\n" {
        lineHasContent = true
      }
      if index < scalars.count { advance() }
    }
    return result
  }
}
