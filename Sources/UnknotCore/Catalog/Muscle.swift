/// A muscle (or, for traction only, a joint) that a routine step works on.
public enum Muscle: String, CaseIterable, Sendable, Codable {
  case upperTrapezius = "upper-trapezius"
  case levatorScapulae = "levator-scapulae"
  case suboccipitals
  case cervicalSpine = "cervical-spine"
  case rhomboids
  case middleTrapezius = "middle-trapezius"
  case lowerTrapezius = "lower-trapezius"
  case infraspinatus
  case erectorSpinae = "erector-spinae"
  case latissimusDorsi = "latissimus-dorsi"
  case pectoralisMajor = "pectoralis-major"
  case pectoralisMinor = "pectoralis-minor"
  case intercostals

  /// The id used in routine files and on the command line.
  public var id: String { rawValue }

  public var name: String {
    switch self {
    case .upperTrapezius: "Upper trapezius"
    case .levatorScapulae: "Levator scapulae"
    case .suboccipitals: "Suboccipitals"
    case .cervicalSpine: "Cervical spine (joint target, for traction only)"
    case .rhomboids: "Rhomboids"
    case .middleTrapezius: "Middle trapezius"
    case .lowerTrapezius: "Lower trapezius"
    case .infraspinatus: "Infraspinatus"
    case .erectorSpinae: "Erector spinae / thoracic paraspinals"
    case .latissimusDorsi: "Latissimus dorsi"
    case .pectoralisMajor: "Pectoralis major"
    case .pectoralisMinor: "Pectoralis minor"
    case .intercostals: "Intercostals"
    }
  }

  /// Where it is, in plain words.
  public var location: String {
    switch self {
    case .upperTrapezius: "top of the shoulders up to the neck"
    case .levatorScapulae:
      "side/back of the neck to the upper inner corner of the shoulder blade"
    case .suboccipitals: "small muscles at the base of the skull"
    case .cervicalSpine: "the neck's vertebrae"
    case .rhomboids: "between the inner edge of the shoulder blade and the spine"
    case .middleTrapezius: "across the shoulder blades, level with them"
    case .lowerTrapezius: "from the lower shoulder blade down toward the mid spine"
    case .infraspinatus: "the flat of the shoulder blade, below its bony ridge"
    case .erectorSpinae: "the long muscles on either side of the spine"
    case .latissimusDorsi: "the side of the back, from below the armpit down"
    case .pectoralisMajor: "the front of the chest"
    case .pectoralisMinor: "under pectoralis major, near the front of the shoulder"
    case .intercostals: "between the ribs"
    }
  }

  /// The groups a person can find this muscle under.
  public var groups: [MuscleGroup] {
    switch self {
    case .upperTrapezius, .levatorScapulae: [.neck, .shoulders]
    case .suboccipitals, .cervicalSpine: [.neck]
    case .rhomboids, .middleTrapezius: [.betweenBlades]
    case .lowerTrapezius: [.betweenBlades, .midBack]
    case .infraspinatus: [.shoulderBlade]
    case .erectorSpinae: [.midBack]
    case .latissimusDorsi: [.sides]
    case .pectoralisMajor, .pectoralisMinor, .intercostals: [.chest]
    }
  }

  /// Only traction may work on the spine itself; pressure, strokes and rolling may not.
  public var isTractionOnly: Bool { self == .cervicalSpine }
}
