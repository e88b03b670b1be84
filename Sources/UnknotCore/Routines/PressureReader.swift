extension StepDecoder {
  /// Reads a hold's `pressure`, a level or a range of `PressureTarget.levels`, refused above
  /// what is ever advised and warned above what the muscle's region takes.
  mutating func readPressure(_ node: YAMLNode, on muscle: Muscle?) -> PressureTarget? {
    let position = YAMLReader.position(of: node)
    guard case .scalar(let scalar) = node else {
      reader.diagnostics.error("'pressure' should be a level such as 6 or a range such as 5-7", at: position)
      return nil
    }
    let scale = PressureTarget.levels
    let parts = scalar.string.replacingDashes().split(separator: "-").map { Int(String($0).trimmingWhitespace()) }
    guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
      low <= high, scale.contains(low), scale.contains(high)
    else {
      reader.diagnostics.error(
        "'pressure' should be a level from \(scale.lowerBound) to \(scale.upperBound) such as 6, "
          + "or a range such as 5-7", at: position)
      return nil
    }
    let region = muscle.map(PressureRegion.of) ?? .back
    let advice = "\(region.usual.low)-\(region.usual.high) (\(region.words))"
    if high > PressureTarget.maximum {
      reader.diagnostics.error(
        "pressure above \(PressureTarget.maximum) of \(scale.upperBound) is never advised; use at most \(advice)",
        at: position)
      return nil
    }
    // A warning, not an error: the limits per region are a convention, not a study's figure.
    if let muscle, high > region.highest {
      reader.diagnostics.warning(
        "pressure up to \(high) on '\(muscle.rawValue)' is above \(region.highest) of \(scale.upperBound), "
          + "the most advised on \(region.name); use at most \(region.highest), such as \(advice). "
          + "Pressure by region is "
          + PressureRegion.source, at: position)
    }
    return PressureTarget(low: low, high: high)
  }
}
