/// Something a person uses in a routine. Generic names only, never brands.
public enum Tool: String, CaseIterable, Sendable, Codable {
  case massageBall = "massage-ball"
  case caneMassager = "cane-massager"
  case cradleTool = "cradle-tool"
  case pointTool = "point-tool"
  case thoracicStretcher = "thoracic-stretcher"
  case foamRoller = "foam-roller"
  case tractionDevice = "traction-device"
  case heatPack = "heat-pack"
  case resistanceBand = "resistance-band"
  case none

  /// The id used in routine files and on the command line.
  public var id: String { rawValue }

  /// What it is, in plain words.
  public var name: String {
    switch self {
    case .massageBall: "Massage ball"
    case .caneMassager: "Hooked cane massager"
    case .cradleTool: "Skull-base cradle"
    case .pointTool: "Point tool on a base"
    case .thoracicStretcher: "Arched back stretcher"
    case .foamRoller: "Foam roller"
    case .tractionDevice: "Cervical traction device"
    case .heatPack: "Heat pack"
    case .resistanceBand: "Resistance band"
    case .none: "No tool (hands, a wall or a doorway)"
    }
  }

  public var description: String {
    switch self {
    case .massageBall: "a firm ball (lacrosse or massage ball)"
    case .caneMassager: "a hooked cane with knobs"
    case .cradleTool: "a cradle-shaped trigger-point tool with fingertip-like knobs"
    case .pointTool: "a solid elbow-like point on a stable base"
    case .thoracicStretcher: "an arched support with a central groove that keeps the spine free"
    case .foamRoller: "a foam cylinder"
    case .tractionDevice: "a cervical traction device with adjustable tension"
    case .heatPack: "a moist heat pack or heated massager"
    case .resistanceBand: "an elastic band or tubing"
    case .none: "hands, a wall or a doorway"
    }
  }

  /// How it is used, in plain words.
  public var usage: String {
    switch self {
    case .massageBall:
      "between the back and a wall or the floor; lean in to set the pressure"
    case .caneMassager:
      "hook over the shoulder, pull the handle to press the knob into a knot"
    case .cradleTool:
      "lying on the back, the head's weight rests on it; static pressure only"
    case .pointTool: "against a wall or on the floor for deep sustained pressure"
    case .thoracicStretcher: "lying back over it for gradual thoracic extension"
    case .foamRoller: "rolling and thoracic extensions; never under the low back or neck"
    case .tractionDevice: "only with settings a clinician gave; unknot times it, never prescribes it"
    case .heatPack: "wrapped, 10–15 minutes"
    case .resistanceBand: "pull-aparts, rows and external rotation; a light band first"
    case .none: "stretches, breathing, posture exercises"
    }
  }

  /// The muscles this tool is suited to (docs/evidence.md, "Doses" and the placement notes);
  /// nil means any muscle.
  public var suitedMuscles: Set<Muscle>? {
    switch self {
    case .massageBall:
      [
        .rhomboids, .middleTrapezius, .lowerTrapezius, .upperTrapezius, .infraspinatus,
        .levatorScapulae, .pectoralisMajor,
      ]
    case .caneMassager:
      [.upperTrapezius, .middleTrapezius, .lowerTrapezius, .rhomboids, .levatorScapulae]
    case .cradleTool: [.suboccipitals, .upperTrapezius, .levatorScapulae]
    case .pointTool:
      [.rhomboids, .middleTrapezius, .lowerTrapezius, .infraspinatus, .latissimusDorsi]
    case .thoracicStretcher: [.erectorSpinae, .pectoralisMajor, .intercostals]
    case .foamRoller: [.erectorSpinae, .latissimusDorsi]
    case .tractionDevice: [.cervicalSpine]
    case .resistanceBand: [.middleTrapezius, .lowerTrapezius, .rhomboids, .infraspinatus]
    case .heatPack, .none: nil
    }
  }

  /// Muscles that no tool should work on, with why; `check` warns about a tool on one.
  public static let toolFreeMuscles: [Muscle: String] = [
    .pectoralisMinor: "it is stretched in a doorway only, with no tool (Borstad & Ludewig 2006)"
  ]

  public func suits(_ muscle: Muscle) -> Bool {
    suitedMuscles?.contains(muscle) ?? true
  }
}
