/// One part of an exercise repetition, with the word a person hears as it begins.
///
/// The words are a small closed set, so a routine cannot cue a movement unknot has no
/// plain word for. Together they cover the reference's chin tuck (tuck, hold, release)
/// and a strength tempo's "up, hold, down" (lift, hold, lower; pull or squeeze, hold,
/// release). docs/routine-format.md lists them.
public struct ExercisePhase: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// Slide the chin straight back, as in a double chin.
    case tuck
    /// Raise an arm, the head or the chest: the "up" of a strength tempo.
    case lift
    /// Draw the arms back or apart, against a band or a weight.
    case pull
    /// Draw the shoulder blades together and down.
    case squeeze
    /// Stay still where the movement took you.
    case hold
    /// Let go of a tuck, pull or squeeze, back to where it began.
    case release
    /// Come back down slowly: the "down" of a strength tempo.
    case lower

    /// The word on the screen and spoken: "Tuck".
    public var word: String {
      rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// Words people may write for a phase, to suggest the one unknot knows. They are
    /// never accepted as they are: the file says exactly what the person will hear.
    static let suggestions: [String: Kind] = [
      "up": .lift, "raise": .lift, "rise": .lift, "down": .lower, "pause": .hold, "stay": .hold,
      "relax": .release, "let-go": .release, "row": .pull, "retract": .tuck, "chin-tuck": .tuck,
    ]

    /// The phase a typed word most likely meant, for "did you mean".
    static func suggestion(for typed: String) -> Kind? {
      let word = NameMatching.normalize(typed)
      if let kind = suggestions[word] { return kind }
      return NameMatching.nearest(to: word, among: allCases.map(\.rawValue)).flatMap(Kind.init(rawValue:))
    }
  }

  public var kind: Kind
  public var seconds: Int

  public init(_ kind: Kind, seconds: Int) {
    self.kind = kind
    self.seconds = seconds
  }

  /// One repetition's length in seconds.
  public static func repetitionSeconds(_ phases: [ExercisePhase]) -> Int {
    phases.reduce(0) { $0 + $1.seconds }
  }

  /// "tuck 2 s, hold 5 s, release 2 s": the pattern as plain mode and `show` write it.
  public static func pattern(_ phases: [ExercisePhase]) -> String {
    phases.map { "\($0.kind.rawValue) \($0.seconds) s" }.joined(separator: ", ")
  }
}
