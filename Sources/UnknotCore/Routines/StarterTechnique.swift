/// How a starter routine (`unknot new`) uses a tool: which steps it writes, how the
/// body is placed and what the set-up says. One answer per tool, so every muscle the
/// tool suits gets the same, checked shape.
public enum StarterTechnique: Sendable, Equatable {
  /// Get into place, slow strokes when the tool and muscle allow them, a pressure hold:
  /// a ball, a cane, a cradle or a point tool.
  case pressure(strokes: Bool)
  /// Get into place, roll, pause on a tender spot: a foam roller.
  case rolling
  /// Get into place, then lie back over the arch: an arched back stretcher.
  case archedSupport
  /// Heat, then a stretch.
  case heat
  /// A strengthening exercise against the band, then a stretch.
  case band
  /// Traction with the settings a clinician gave; never any of unknot's own.
  case traction
  /// A stretch alone, with no tool.
  case stretchOnly

  /// The technique for a tool on a muscle. Static pressure only with a cradle and at
  /// the skull base (docs/evidence.md, "Placement notes per muscle").
  public static func of(_ tool: Tool, on muscle: Muscle) -> StarterTechnique {
    switch tool {
    case .massageBall, .caneMassager, .pointTool:
      .pressure(strokes: muscle != .suboccipitals)
    case .cradleTool: .pressure(strokes: false)
    case .foamRoller: .rolling
    case .thoracicStretcher: .archedSupport
    case .heatPack: .heat
    case .resistanceBand: .band
    case .tractionDevice: .traction
    case .none: .stretchOnly
    }
  }

  /// How the body is placed for the tool's work on a surface of the body.
  public static func position(_ tool: Tool, on surface: StarterMuscle.Surface) -> BodyPosition {
    switch (tool, surface) {
    case (.massageBall, _): .atAWall
    case (.pointTool, .side), (.foamRoller, .side): .lyingOnSide
    case (.pointTool, _): .atAWall
    case (.caneMassager, _), (.heatPack, _): .sitting
    case (.cradleTool, _), (.foamRoller, _), (.thoracicStretcher, _), (.tractionDevice, _): .lyingOnBack
    case (.resistanceBand, _), (.none, _): .standing
    }
  }

  /// The place step's words: how to set the tool on the spot.
  public static func setUp(_ tool: Tool, on row: StarterMuscle) -> String {
    let spot = row.spot
    switch (tool, row.surface) {
    case (.massageBall, .front): return "Face a wall, the ball between you and the wall, on \(spot)."
    case (.massageBall, _): return "Stand with your back to a wall, the ball between you and the wall, on \(spot)."
    case (.caneMassager, _): return "Hook the cane over your shoulder so its knob rests on \(spot)."
    case (.cradleTool, _): return "Lie on your back, knees bent, with a knob of the cradle under \(spot)."
    case (.pointTool, .side): return "Lie on this side with the point tool on the floor under \(spot)."
    case (.pointTool, _): return "Stand with your back to a wall, the tool's base on the wall and its point on \(spot)."
    case (.foamRoller, .side):
      return "Lie on this side with the roller across your body under \(spot). Stretch your lower arm overhead."
    case (.foamRoller, _):
      return "Lie on your back with the roller across \(spot). Support your head with your hands, chin tucked."
    case (.thoracicStretcher, _):
      return
        "Set the stretcher to its lowest setting. Lie back so the arch is under your mid back and your spine rests in the groove."
    case (.tractionDevice, _): return "Set up the device and get into position exactly as your clinician showed you."
    case (.heatPack, _):
      return "Wrap the heat pack in a towel and rest it over the \(StarterRoutine.shortName(row.muscle).lowercased()): "
        + "\(row.muscle.location). Sit comfortably."
    case (.resistanceBand, _), (.none, _): return "Get into position."
    }
  }

  /// What the strokes step says: moving the tool slowly to find a tender spot.
  public static func strokes(_ tool: Tool) -> String {
    switch tool {
    case .caneMassager:
      "With light pressure, move the knob slowly along the muscle, a little at a time. Notice any tender spot."
    case .pointTool:
      "Shift your weight slowly to move the point a little at a time along the muscle. Notice any tender spot."
    default:
      "Bend and straighten your knees to roll the ball slowly up and down, a little at a time. Notice any tender spot."
    }
  }

  /// How the person sets the pressure of a hold with this tool.
  public static func pressing(_ tool: Tool) -> String {
    switch tool {
    case .caneMassager: "Pull the handle down slowly to press the knob in. Ease off whenever you need to."
    case .cradleTool: "Let your weight rest on the knob and keep still."
    case .foamRoller: "Rest on the most tender spot you found and breathe slowly."
    case .pointTool: "Lean in slowly onto the most tender spot. Ease off whenever you need to."
    default: "Stop on the most tender spot and lean in slowly. Ease off whenever you need to."
    }
  }

  /// What lying over the arch does for each muscle the stretcher suits.
  public static func overTheArch(_ muscle: Muscle) -> String {
    switch muscle {
    case .pectoralisMajor:
      "Let your arms fall open to the sides, elbows bent, palms up, until you feel a gentle stretch across the chest."
    case .intercostals:
      "Rest your hands on your ribs and breathe slowly and deeply, letting your ribs widen over the arch."
    default: "Let your back settle over the arch, arms by your sides."
    }
  }

  /// The tool's own caution, written into the routine; nil when the muscle's is enough.
  public static func caution(_ tool: Tool) -> String? {
    switch tool {
    case .caneMassager: "You set the pressure with the handle. Pull slowly and ease off whenever you need to."
    case .cradleTool: "Still pressure only. No rolling, and keep your head still while you lie on the cradle."
    case .thoracicStretcher:
      "Use the lowest setting first and keep the first sessions short. Go higher only when this feels easy."
    case .heatPack: "No heat in the first 72 hours of a new injury, and at most three heat sessions a day."
    case .resistanceBand: "Start with a light band. Move slowly and stop before it hurts."
    case .tractionDevice: "Stop if arm pain increases, and tell your clinician."
    default: nil
    }
  }

  /// Where the technique's dosages come from, as the bundled routines cite them.
  public var sources: [String] {
    switch self {
    case .pressure(let strokes):
      [
        "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s",
        "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases",
      ] + (strokes ? ["Davies, Trigger Point Therapy Workbook (secondary): 6–12 slow strokes a spot"] : [])
        + ["Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"]
    case .rolling:
      [
        "Cheatham 2015, IJSPT 10(6):827; review PMC8998857: foam rolling 30–120 s a set",
        "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot",
      ]
    case .archedSupport:
      [
        "Physiotherapy exercise sheets (secondary): arched stretcher on the lowest setting first, short first sessions"
      ]
    case .heat:
      ["Midlands Partnership NHS, safe use of heat: 10–15 min (some say 20), wrapped, at most 3 a day"]
    case .band:
      [
        "Andersen LL et al. 2011, Pain 152:440: 2 minutes a day of progressive elastic-band exercise reduced neck and shoulder pain",
        "Cools AM et al. 2007, Am J Sports Med 35:1744: exercises that work the middle and lower trapezius with little upper trapezius",
      ]
    case .traction:
      [
        "Graham 2008, Cochrane review CD006408: evidence neither supports nor refutes traction",
        "Rushton 2023, JOSPT 53(1):7: IFOMPT cervical framework, screening before neck treatment",
      ]
    case .stretchOnly: []
    }
  }

  /// Whether a stretch with no tool follows the technique's work.
  public var endsWithStretch: Bool {
    switch self {
    case .archedSupport, .traction: false
    default: true
    }
  }
}

/// A strengthening exercise against a resistance band, for a starter routine.
public struct StarterExercise: Sendable, Equatable {
  public var title: String
  public var position: BodyPosition
  /// One arm at a time.
  public var onBothSides: Bool
  public var placement: String
  public var cue: String

  /// One rep: pull 2 s, hold 1 s, release 2 s, ten times, as the bundled band routine.
  public static let reps = 10
  public static let phases: [(ExercisePhase.Kind, Int)] = [(.pull, 2), (.hold, 1), (.release, 2)]

  /// Every muscle a band suits has one (Tool.resistanceBand.suitedMuscles).
  public static let forMuscle: [Muscle: StarterExercise] = [
    .rhomboids: StarterExercise(
      title: "Band rows", position: .sitting, onBothSides: false,
      placement:
        "Loop the band round something firm at chest height, one end in each hand. Pull: draw your elbows back close to your sides. Hold, then return slowly.",
      cue: "Squeeze your shoulder blades together at the end of each pull."),
    .middleTrapezius: StarterExercise(
      title: "Band pull-aparts", position: .standing, onBothSides: false,
      placement:
        "Hold the band in front of you at shoulder height, arms straight. Pull: spread your arms out to the sides until the band touches your chest. Hold, then return slowly.",
      cue: "Draw your shoulder blades together and down as you pull."),
    .lowerTrapezius: StarterExercise(
      title: "Band pull-downs", position: .standing, onBothSides: false,
      placement:
        "Hold the band overhead in both hands, arms straight and wide. Pull: draw your elbows down to your sides. Hold, then return slowly.",
      cue: "Draw your shoulder blades down and together as you pull."),
    .infraspinatus: StarterExercise(
      title: "Band external rotation", position: .standing, onBothSides: true,
      placement:
        "Band fixed at elbow height on your other side, held in this hand, elbow bent and tucked in. Pull: turn the forearm out. Hold, then return slowly.",
      cue: "Keep your elbow against your side."),
  ]
}
