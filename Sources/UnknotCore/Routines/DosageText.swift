/// How the decoder writes dosage numbers in its messages, one unit to a range as
/// docs/routine-format.md writes them, so a message's figures are always the limit's
/// own: a limit changed in `DosageLimits` changes every message that names it.
extension StepDecoder {
  /// "30–90 s", "10–20 min": one unit for a range, as the format doc writes it.
  static func formatRange(_ range: ClosedRange<Int>) -> String {
    let low = range.lowerBound
    let high = range.upperBound
    if high < 120 { return "\(low)–\(high) s" }
    if low % 60 == 0 && high % 60 == 0 { return "\(low / 60)–\(high / 60) min" }
    return "\(format(low))–\(format(high))"
  }

  /// "6–12": a range of counts, as the format doc writes it.
  static func formatCount(_ range: ClosedRange<Int>) -> String {
    "\(range.lowerBound)–\(range.upperBound)"
  }

  /// The longest a step may last, as a person says it: "1 hour".
  static var longestStepText: String {
    let hours = DosageLimits.longestStep / 3600
    return DosageLimits.longestStep % 3600 == 0
      ? "\(hours) hour\(hours == 1 ? "" : "s")" : format(DosageLimits.longestStep)
  }

  static func format(_ seconds: Int) -> String {
    if seconds < 120 { return "\(seconds) s" }
    if seconds % 60 == 0 { return "\(seconds / 60) min" }
    return "\(seconds / 60) min \(seconds % 60) s"
  }
}

extension String {
  /// "5–7" and "5—7" read as "5-7".
  func replacingDashes() -> String {
    String(map { $0 == "–" || $0 == "—" ? "-" : $0 })
  }
}
