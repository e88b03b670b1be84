/// Normalizing typed names and finding the nearest known one for "did you mean".
public enum NameMatching {
  /// "Upper Trapezius", "upper_trapezius" and "upper-trapezius" are the same name.
  public static func normalize(_ typed: String) -> String {
    // Names as files write them ("upper-trapezius") are already normal: every
    // vocabulary lookup of every step asks, so that answer costs one pass over bytes.
    if !typed.isEmpty, typed.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D })
    {
      return typed
    }
    let lowered = typed.trimmingWhitespace().lowercased()
    var result = ""
    for char in lowered {
      result.append(char == " " || char == "_" ? "-" : char)
    }
    return result
  }

  /// The candidate closest to `typed` by edit distance, if it is close enough to be
  /// a likely typo (or `typed` is a clear prefix of it).
  public static func nearest(to typed: String, among candidates: [String]) -> String? {
    guard !typed.isEmpty else { return nil }
    let typedChars = Array(typed.utf8.prefix(64))
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(typedChars, Array(candidate.utf8))
      if best == nil || distance < best!.distance {
        best = (candidate, distance)
      }
    }
    guard let best else { return nil }
    let allowed = max(2, min(typedChars.count, best.name.utf8.count) / 3)
    if best.distance <= allowed { return best.name }
    if typed.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(typed) }) {
      return prefixed
    }
    return nil
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and
  /// swaps of two neighbours each cost one.
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}

extension String {
  func trimmingWhitespace() -> String {
    // Most texts have nothing to trim: check the ends' bytes before any Unicode work.
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
      return self
    }
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
