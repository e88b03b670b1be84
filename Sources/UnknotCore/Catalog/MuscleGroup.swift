/// A region of the upper back a person picks from, in the order a picker shows them.
public enum MuscleGroup: String, CaseIterable, Sendable, Codable, Comparable {
  case neck
  case shoulders
  case betweenBlades = "between-blades"
  case shoulderBlade = "shoulder-blade"
  case midBack = "mid-back"
  case sides
  case chest

  /// The id used in routine files and on the command line.
  public var id: String { rawValue }

  /// What the picker shows.
  public var name: String {
    switch self {
    case .neck: "Neck and skull base"
    case .shoulders: "Tops of the shoulders"
    case .betweenBlades: "Between the shoulder blades"
    case .shoulderBlade: "Shoulder blade"
    case .midBack: "Spine and mid back"
    case .sides: "Sides of the back"
    case .chest: "Chest and ribs"
    }
  }

  /// The muscles in this group, in the order domain.md lists them.
  public var muscles: [Muscle] {
    Muscle.allCases.filter { $0.groups.contains(self) }
  }

  public static func < (lhs: MuscleGroup, rhs: MuscleGroup) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
