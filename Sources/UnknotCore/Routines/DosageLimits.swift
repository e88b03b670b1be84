/// The hard limits (errors) and evidence ranges (warnings) for step dosages.
/// Figures and their sources: docs/routine-format.md, "Step keys".
public enum DosageLimits {
  /// No step may be shorter than this in total, or longer than `longestStep`.
  public static let shortestStep = 1
  public static let longestStep = 60 * 60

  /// An inclusive range with where it comes from, for the warning text.
  public struct EvidenceRange: Sendable {
    public var range: ClosedRange<Int>
    public var source: String
  }

  public static let hardSeconds: [StepKind: ClosedRange<Int>] = [
    .place: 1...120,
    .hold: 1...300,
    .roll: 1...600,
    .stretch: 1...300,
    // Safe-heat guidance says 10–15 min, some sources 20: none allows more.
    .heat: 1...(20 * 60),
    .rest: 1...600,
  ]

  public static let evidenceSeconds: [StepKind: EvidenceRange] = [
    .place: EvidenceRange(range: 1...30, source: "a short get-ready countdown"),
    .hold: EvidenceRange(
      range: 30...90, source: "Hou et al. 2002; Gemmell et al. 2008"),
    .roll: EvidenceRange(range: 30...120, source: "Cheatham 2015; PMC8998857"),
    .stretch: EvidenceRange(range: 10...60, source: "ACSM position stand, Garber 2011"),
    .heat: EvidenceRange(
      range: 10 * 60...20 * 60, source: "Midlands Partnership NHS, safe use of heat"),
  ]

  /// A cradle under the skull base: 15 s – 2 min, static (docs/evidence.md, "Doses").
  public static let suboccipitalCradleHold = EvidenceRange(
    range: 15...120, source: "suboccipital release, physiotherapy CME material")

  public static let strokeCount = 1...50
  public static let strokeCountEvidence = EvidenceRange(range: 6...12, source: "Davies")
  public static let strokePace = 1...20
  public static let stretchReps = 1...20
  public static let stretchRepsEvidence = EvidenceRange(
    range: 2...4, source: "ACSM position stand, Garber 2011")
  public static let exerciseReps = 1...100
  public static let exerciseTempo = 1...60
  public static let breathPhase = 1...20
  /// A breathe step's `cycles`: a thousand of the shortest breaths is already far past
  /// `longestStep`, so this only keeps the count a sane number before the hour is checked.
  public static let breathCycles = 1...1000
  public static let exercisePhase = 1...20
  public static let sets = 1...10

  public static let defaultHold = 60
  public static let defaultStrokes = 8
  public static let defaultStrokePace = 3
  public static let defaultRoll = 60
  public static let defaultStretch = 30
  public static let defaultStretchReps = 2
  public static let defaultExerciseTempo = 3
  public static let defaultHeat = 15 * 60
  public static let defaultRest = 20
}
