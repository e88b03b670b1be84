// The names people actually type: gym shorthand, anatomy shorthand, shop names.
// Keys are in normalized form (lower case, hyphens); see NameMatching.normalize.

extension Muscle: Vocabulary {
  public static let noun = "muscle"
  public static let aliases: [String: Muscle] = [
    "traps": .upperTrapezius, "upper-traps": .upperTrapezius, "trapezius": .upperTrapezius,
    "upper-trap": .upperTrapezius, "trap": .upperTrapezius,
    "levator": .levatorScapulae, "levator-scap": .levatorScapulae,
    "skull-base": .suboccipitals, "suboccipital": .suboccipitals,
    "neck-spine": .cervicalSpine, "cervical": .cervicalSpine,
    "rhomboid": .rhomboids, "rhombs": .rhomboids,
    "mid-traps": .middleTrapezius, "middle-traps": .middleTrapezius,
    "mid-trapezius": .middleTrapezius,
    "lower-traps": .lowerTrapezius, "low-traps": .lowerTrapezius,
    "infra": .infraspinatus, "rotator-cuff": .infraspinatus,
    "erectors": .erectorSpinae, "paraspinals": .erectorSpinae,
    "thoracic-paraspinals": .erectorSpinae, "spinal-erectors": .erectorSpinae,
    "lats": .latissimusDorsi, "lat": .latissimusDorsi, "latissimus": .latissimusDorsi,
    "pecs": .pectoralisMajor, "pec": .pectoralisMajor, "pec-major": .pectoralisMajor,
    "chest": .pectoralisMajor,
    "pec-minor": .pectoralisMinor,
    "ribs": .intercostals,
  ]
}

extension Tool: Vocabulary {
  public static let noun = "tool"
  public static let aliases: [String: Tool] = [
    "lacrosse-ball": .massageBall, "ball": .massageBall, "tennis-ball": .massageBall,
    "trigger-point-ball": .massageBall,
    "theracane": .caneMassager, "thera-cane": .caneMassager, "cane": .caneMassager,
    "hook": .caneMassager, "back-buddy": .caneMassager,
    "cradle": .cradleTool, "neck-cradle": .cradleTool, "occipital-release": .cradleTool,
    "point": .pointTool, "knobble": .pointTool, "elbow-tool": .pointTool,
    "back-stretcher": .thoracicStretcher, "stretcher": .thoracicStretcher,
    "back-arch": .thoracicStretcher, "spine-stretcher": .thoracicStretcher,
    "roller": .foamRoller, "foam": .foamRoller,
    "traction": .tractionDevice, "neck-traction": .tractionDevice,
    "heat": .heatPack, "hot-pack": .heatPack, "heating-pad": .heatPack,
    "theraband": .resistanceBand, "elastic-band": .resistanceBand, "band": .resistanceBand,
    "tubing": .resistanceBand, "exercise-band": .resistanceBand,
    "hands": .none, "no-tool": .none, "wall": .none, "doorway": .none,
  ]
}

extension MuscleGroup: Vocabulary {
  public static let noun = "group"
  public static let aliases: [String: MuscleGroup] = [
    "skull-base": .neck, "head": .neck,
    "shoulder": .shoulders, "shoulder-tops": .shoulders, "tops-of-the-shoulders": .shoulders,
    "between-shoulder-blades": .betweenBlades, "between-the-shoulder-blades": .betweenBlades,
    "upper-back": .betweenBlades, "blades": .betweenBlades,
    "scapula": .shoulderBlade, "shoulder-blades": .shoulderBlade,
    "mid": .midBack, "spine": .midBack, "thoracic": .midBack, "middle-back": .midBack,
    "side": .sides, "flanks": .sides,
    "ribs": .chest, "front": .chest,
  ]
}

extension BodyPosition: Vocabulary {
  public static let noun = "position"
  public static let aliases: [String: BodyPosition] = [
    "supine": .lyingOnBack, "on-back": .lyingOnBack, "on-your-back": .lyingOnBack, "back": .lyingOnBack,
    "lying-on-your-back": .lyingOnBack, "face-up": .lyingOnBack, "lying-face-up": .lyingOnBack,
    "prone": .lyingOnFront, "on-front": .lyingOnFront, "front": .lyingOnFront, "face-down": .lyingOnFront,
    "lying-on-your-front": .lyingOnFront, "lying-face-down": .lyingOnFront, "on-stomach": .lyingOnFront,
    "lying-on-stomach": .lyingOnFront, "lying-on-your-stomach": .lyingOnFront,
    "side-lying": .lyingOnSide, "on-side": .lyingOnSide, "side": .lyingOnSide, "lying-on-your-side": .lyingOnSide,
    "seated": .sitting, "sit": .sitting, "sitting-down": .sitting, "chair": .sitting, "in-a-chair": .sitting,
    "stand": .standing, "standing-up": .standing, "upright": .standing,
    "wall": .atAWall, "at-wall": .atAWall, "against-a-wall": .atAWall, "against-wall": .atAWall,
    "against-the-wall": .atAWall, "at-the-wall": .atAWall, "standing-at-a-wall": .atAWall,
    "all-fours": .handsAndKnees, "on-all-fours": .handsAndKnees, "quadruped": .handsAndKnees,
    "on-hands-and-knees": .handsAndKnees, "hands-knees": .handsAndKnees,
  ]
}
