/// Pressure by region: how hard a hold may press on each part of the upper back and
/// neck, and how that is said. Every muscle is in exactly one region. The table is
/// data the loader, `unknot check` and the screens apply, so no routine file can
/// forget it (docs/routine-format.md, "Pressure by region").
public struct PressureRegion: Sendable, Equatable, Identifiable {
  public var id: String
  /// "the skull base", as a sentence names it.
  public var name: String
  public var muscles: [Muscle]
  /// The highest level advised here; `unknot check` warns above it.
  public var highest: Int
  /// What a hold here presses at when its routine file gives no `pressure`.
  public var usual: PressureTarget
  /// The strongest words a hold here says, whatever its number.
  public var words: String

  /// The strongest feel the region allows.
  public var feel: PressureFeel { PressureFeel(level: highest) }

  /// Where the table comes from: no study gives these figures.
  public static let source =
    "the team's convention, from safety guidance that neck and skull-base work stays gentle and static"

  /// Static pressure only, the head's own weight on the tool: case reports link
  /// artery injuries to home neck-massage devices (Shariff 2023, Cureus, PMC9815484).
  public static let skullBase = PressureRegion(
    id: "skull-base", name: "the skull base", muscles: [.suboccipitals], highest: 4,
    usual: PressureTarget(low: 2, high: 4), words: "gentle, the weight of the head only")

  /// The neck's vertebrae are here too: pressure on them is refused outright, and
  /// should a hold ever reach them, it is held to the neck's limit, not the back's.
  public static let neckAndShoulderTops = PressureRegion(
    id: "neck-and-shoulder-tops", name: "the neck and the tops of the shoulders",
    muscles: [.upperTrapezius, .levatorScapulae, .cervicalSpine], highest: 6,
    usual: PressureTarget(low: 4, high: 6), words: "firm but comfortable")

  /// Everything else: the back, the shoulder blades, the chest and the sides.
  public static let back = PressureRegion(
    id: "back", name: "the back, shoulder blades, chest and sides",
    muscles: Muscle.allCases.filter { !skullBase.muscles.contains($0) && !neckAndShoulderTops.muscles.contains($0) },
    highest: PressureTarget.maximum, usual: .standard, words: "strong, but you can breathe through it")

  /// Gentlest first.
  public static let all = [skullBase, neckAndShoulderTops, back]

  /// The region a muscle is in.
  public static func of(_ muscle: Muscle) -> PressureRegion {
    all.first { $0.muscles.contains(muscle) } ?? back
  }
}
