/// How a sentence to the person names a muscle: in lower case, in plain words, with
/// the side when there is one ("your left upper trapezius").
extension Muscle {
  /// "your left upper trapezius", "the muscles beside your spine on the right".
  /// Muscles whose name is a list or a Latin plural read as plain words instead.
  public func phrase(side: Side?) -> String {
    let sideWord = side.map { $0.rawValue + " " } ?? ""
    switch self {
    case .erectorSpinae:
      return "the muscles beside your spine" + (side.map { " on the \($0.rawValue)" } ?? "")
    case .intercostals:
      return "the muscles between your ribs" + (side.map { " on the \($0.rawValue)" } ?? "")
    case .suboccipitals:
      return "the muscles at the base of your skull" + (side.map { " on the \($0.rawValue)" } ?? "")
    case .cervicalSpine:
      return "your neck"
    default:
      return "your " + sideWord + name.lowercased()
    }
  }

  /// Whether `phrase` takes "do" rather than "does": "How do your rhomboids feel?"
  public var isPlural: Bool {
    switch self {
    case .erectorSpinae, .intercostals, .suboccipitals, .rhomboids: true
    default: false
    }
  }
}
