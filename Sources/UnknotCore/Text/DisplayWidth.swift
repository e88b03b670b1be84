import Synchronization

/// How many terminal columns text takes: wide East Asian characters and most emoji
/// take two, combining marks and zero-width characters none.
public enum DisplayWidth {
  // Inlinable so the screens, which measure text every second, get a version made for
  // String or Substring rather than a generic one that goes through witness tables.
  @inlinable
  public static func of(_ text: some StringProtocol) -> Int {
    var width = 0
    for byte in text.utf8 {
      // Printable ASCII is one column each; anything else takes the slow path.
      guard byte >= 0x20 && byte < 0x7F else {
        width = 0
        for scalar in text.unicodeScalars {
          width += of(scalar)
        }
        return width
      }
      width += 1
    }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    // Punctuation, arrows, box drawing and blocks, which every screen draws every
    // second: one column each, without a Unicode property lookup.
    if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x2190...0x21FF).contains(value)
      || (0x2500...0x25FC).contains(value)
    {
      return 1
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    if isWide(value) { return 2 }
    return 1
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

/// Word wrapping by display width, as the screens lay text out.
public enum TextWrap {
  /// The same wrapping over bytes, for printable ASCII (one column per byte): the
  /// screens redraw every second, so the common case must be cheap.
  static func asciiLines(_ bytes: [UInt8], width: Int) -> [String] {
    var lines: [String] = []
    var line: [UInt8] = []
    var index = 0
    func flush() {
      lines.append(String(decoding: line, as: UTF8.self))
      line.removeAll(keepingCapacity: true)
    }
    while index <= bytes.count {
      if index == bytes.count || bytes[index] == 0x0A {
        flush()
        index += 1
        continue
      }
      if bytes[index] == 0x20 {
        index += 1
        continue
      }
      var end = index
      while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A { end += 1 }
      var word = bytes[index..<end]
      if !line.isEmpty && line.count + 1 + word.count <= width {
        line.append(0x20)
        line.append(contentsOf: word)
      } else {
        if !line.isEmpty { flush() }
        while word.count > width {
          lines.append(String(decoding: word.prefix(width), as: UTF8.self))
          word = word.dropFirst(width)
        }
        line.append(contentsOf: word)
      }
      index = end
    }
    return lines
  }

  /// How many lines `lines(text, width:)` would give, without building them.
  public static func lineCount(_ text: String, width: Int) -> Int {
    if text.utf8.count <= width && !text.containsByte(UInt8(ascii: "\n")) { return 1 }
    let width = max(1, width)
    var count = 0
    var lineWidth = 0
    var wordWidth = 0
    var asciiOnly = true
    // One pass over the bytes for printable ASCII, the common case; anything else
    // takes the general path below.
    func endWord() {
      guard wordWidth > 0 else { return }
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        lineWidth += 1 + wordWidth
      } else {
        if lineWidth > 0 { count += 1 }
        // A word wider than a line is cut into full lines, as `lines` does.
        count += (wordWidth - 1) / width
        lineWidth = wordWidth - (wordWidth - 1) / width * width
      }
      wordWidth = 0
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: " "):
        endWord()
      case UInt8(ascii: "\n"):
        endWord()
        count += 1
        lineWidth = 0
      case 0x21..<0x7F:
        wordWidth += 1
      default:
        asciiOnly = false
      }
      if !asciiOnly { break }
    }
    guard asciiOnly else { return wideLineCount(text, width: width) }
    endWord()
    return count + 1
  }

  /// `lineCount` for text beyond printable ASCII (dashes, arrows, accents), from the
  /// words' widths instead of the lines themselves.
  static func wideLineCount(_ text: String, width: Int) -> Int {
    guard let paragraphs = scalarWords(text, width: width) else { return characterLines(text, width: width).count }
    var count = 0
    for words in paragraphs {
      var lineWidth = 0
      for word in words {
        if lineWidth > 0 && lineWidth + 1 + word.width <= width {
          lineWidth += 1 + word.width
        } else {
          if lineWidth > 0 { count += 1 }
          lineWidth = word.width
        }
      }
      count += 1
    }
    return count
  }

  /// A word and the columns it takes.
  struct Word {
    var text: Substring
    var width: Int
  }

  /// The paragraphs' words, split at spaces and newlines scalar by scalar: far cheaper
  /// than finding every Character's bounds, and the same split when no scalar next to
  /// a separator could join it into one Character (a combining accent after a space,
  /// say). Nil when one could, or when a word is wider than a line (cut by
  /// Character): then only the Character-by-Character wrapping is right.
  static func scalarWords(_ text: String, width: Int) -> [[Word]]? {
    var paragraphs: [[Word]] = []
    var words: [Word] = []
    var wordStart: String.Index?
    var wordWidth = 0
    var previous: Unicode.Scalar = " "
    let scalars = text.unicodeScalars
    func endWord(at end: String.Index) -> Bool {
      guard let start = wordStart else { return true }
      guard wordWidth <= width else { return false }
      words.append(Word(text: text[start..<end], width: wordWidth))
      wordStart = nil
      wordWidth = 0
      return true
    }
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let isSeparator = scalar == " " || scalar == "\n"
      let wasSeparator = previous == " " || previous == "\n"
      if isSeparator != wasSeparator && (mayJoinAcrossSeparator(scalar) || mayJoinAcrossSeparator(previous)) {
        return nil
      }
      if isSeparator {
        guard endWord(at: index) else { return nil }
        if scalar == "\n" {
          paragraphs.append(words)
          words = []
        }
      } else {
        if wordStart == nil { wordStart = index }
        wordWidth += DisplayWidth.of(scalar)
      }
      previous = scalar
      index = scalars.index(after: index)
    }
    guard endWord(at: scalars.endIndex) else { return nil }
    paragraphs.append(words)
    return paragraphs
  }

  /// Whether a scalar could share a Character with a space or newline beside it.
  /// Printable ASCII, Latin letters with accents, punctuation, arrows and box drawing
  /// cannot (they are neither combining marks, joiners, prepended marks nor CR).
  static func mayJoinAcrossSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0x0A, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x25FF:
      return false
    default:
      return true
    }
  }

  /// The last texts wrapped, so a screen redrawn every second of a hold does not wrap
  /// the same placement and stop signs again each time. Small, and emptied when full.
  private static let recent = Mutex<[WrapKey: [String]]>([:])
  private static let recentLimit = 64

  private struct WrapKey: Hashable, Sendable {
    var text: String
    var width: Int
  }

  public static func lines(_ text: String, width: Int) -> [String] {
    let key = WrapKey(text: text, width: width)
    if let known = recent.withLock({ $0[key] }) { return known }
    let lines = wrap(text, width: width)
    recent.withLock { recent in
      if recent.count >= recentLimit { recent.removeAll(keepingCapacity: true) }
      recent[key] = lines
    }
    return lines
  }

  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    let printable = text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
    }
    if printable ?? text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
      return asciiLines(Array(text.utf8), width: width)
    }
    if let paragraphs = scalarWords(text, width: width) {
      return paragraphs.map { words in
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in words {
          if currentWidth > 0 && currentWidth + 1 + word.width <= width {
            current += " " + word.text
            currentWidth += 1 + word.width
            continue
          }
          if currentWidth > 0 { lines.append(current) }
          current = String(word.text)
          currentWidth = word.width
        }
        lines.append(current)
        return lines
      }.flatMap { $0 }
    }
    return characterLines(text, width: width)
  }

  /// Wrapping Character by Character: right for any text, and the reference the
  /// quicker paths are tested against.
  static func characterLines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      var currentWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = Substring(word)
        var wordWidth = DisplayWidth.of(word)
        if currentWidth > 0 && currentWidth + 1 + wordWidth <= width {
          current += " " + word
          currentWidth += 1 + wordWidth
          continue
        }
        if currentWidth > 0 {
          lines.append(current)
          current = ""
          currentWidth = 0
        }
        while wordWidth > width {
          var head = ""
          var headWidth = 0
          var rest = word[...]
          while let char = rest.first, headWidth + DisplayWidth.of(String(char)) <= width {
            head.append(char)
            headWidth += DisplayWidth.of(String(char))
            rest = rest.dropFirst()
          }
          if head.isEmpty { break }
          lines.append(head)
          word = rest
          wordWidth = DisplayWidth.of(word)
        }
        current = String(word)
        currentWidth = wordWidth
      }
      lines.append(current)
    }
    return lines
  }
}
