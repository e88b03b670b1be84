/// What a starter routine (`unknot new`) says about one muscle: where a tool goes on
/// it, what to keep away from, and a stretch that needs no tool. From the placement
/// notes per muscle (docs/evidence.md, "Placement notes per muscle"); a table, so a test walks
/// every muscle and every routine made from it passes `unknot check --strict`.
public struct StarterMuscle: Sendable, Equatable {
  /// Which way the tool meets the body, so the set-up can say where to face.
  public enum Surface: Sendable, Equatable {
    /// The back, the shoulder blades, the tops of the shoulders and the skull base.
    case back
    /// The chest: the person faces the wall or lies on their front.
    case front
    /// The side of the back: the person lies on that side.
    case side
  }

  public var muscle: Muscle
  /// Where a tool goes, to follow "on": "the muscle between the inner edge of …".
  public var spot: String
  public var surface: Surface
  /// Worked one side at a time (a `side: both` block), or in the middle of the body.
  public var onBothSides: Bool
  /// What to keep the tool away from, written as the routine's own caution.
  public var caution: String
  /// A stretch with no tool; nil where there is none to give (the neck's vertebrae).
  public var stretch: StarterStretch?
  /// The placement note the spot and the stretch come from.
  public var source: String

  /// The row for a muscle.
  public static func of(_ muscle: Muscle) -> StarterMuscle {
    all.first { $0.muscle == muscle }!
  }

  static let placementNotes = "Placement notes (unknot docs/evidence.md)"

  /// Every muscle, in the catalogue's order.
  public static let all: [StarterMuscle] = [
    StarterMuscle(
      muscle: .upperTrapezius,
      spot: "the top of the shoulder, on the muscle, halfway between the neck and the shoulder tip",
      surface: .back, onBothSides: true,
      caution: "Keep the tool on the muscle at the top of the shoulder. Stay off the side and front of the neck.",
      stretch: StarterStretch(
        title: "Stretch the top of the shoulder", position: .sitting, onBothSides: true,
        placement:
          "Sit on the hand of this side, then tip your head away, ear toward the other shoulder, until you feel a gentle stretch.",
        cue: "No bouncing. Breathe out and let the shoulder sink."),
      source: placementNotes + ": upper trapezius, tool on the top of the shoulder; ear-to-shoulder stretch"),
    StarterMuscle(
      muscle: .levatorScapulae,
      spot: "the upper inner corner of the shoulder blade, beside the spine, below the neck",
      surface: .back, onBothSides: true,
      caution:
        "Keep the tool below the neck, at the corner of the shoulder blade. Stay off the side and front of the neck.",
      stretch: StarterStretch(
        title: "Stretch the side of the neck", position: .sitting, onBothSides: true,
        placement:
          "Turn your head away from this side and bend it down, nose toward the other hip. Rest your other hand on your head without pulling.",
        cue: "Your hand only rests on your head. Let its weight do the work."),
      source: placementNotes
        + ": levator scapulae at the upper inner corner of the shoulder blade; stretch nose toward the opposite hip"),
    StarterMuscle(
      muscle: .suboccipitals,
      spot: "the base of your skull, just below its bony ridge",
      surface: .back, onBothSides: false,
      caution:
        "Still pressure only. No rolling, and keep your head still, not turned or tilted back, while it rests on the tool.",
      stretch: StarterStretch(
        title: "Nod at the base of the skull", position: .sitting, onBothSides: false,
        placement:
          "Sit tall. Tuck your chin in a little, then nod your head gently forward until you feel a stretch at the base of your skull.",
        cue: "A small, slow nod. Keep your shoulders relaxed."),
      source: placementNotes + ": suboccipitals, lying on the back, static only"),
    StarterMuscle(
      muscle: .cervicalSpine,
      spot: "the neck, exactly as your clinician showed you",
      surface: .back, onBothSides: false,
      caution: "Use traction only with the settings your clinician gave you for this device.",
      stretch: nil,
      source: "Graham 2008, Cochrane review CD006408: evidence neither supports nor refutes traction"),
    StarterMuscle(
      muscle: .rhomboids,
      spot: "the muscle between the inner edge of the shoulder blade and the spine, never on the spine",
      surface: .back, onBothSides: true,
      caution: "Keep the tool between the shoulder blade and the spine, never on the spine or a bony point.",
      stretch: .hugYourself,
      source: placementNotes + ": rhomboids between the shoulder blade and the spine, never on the spine"),
    StarterMuscle(
      muscle: .middleTrapezius,
      spot: "the muscle beside the spine, level with the bony ridge across the shoulder blade",
      surface: .back, onBothSides: true,
      caution: "Keep the tool beside the spine, never on the spine or a bony point.",
      stretch: .hugYourself,
      source: placementNotes + ": middle trapezius between the shoulder blade and the spine, never on the spine"),
    StarterMuscle(
      muscle: .lowerTrapezius,
      spot: "the muscle beside the spine, just below the lower tip of the shoulder blade",
      surface: .back, onBothSides: true,
      caution: "Keep the tool beside the spine, never on the spine or a bony point.",
      stretch: .hugYourself,
      source: placementNotes + ": lower trapezius between the shoulder blade and the spine, never on the spine"),
    StarterMuscle(
      muscle: .infraspinatus,
      spot: "the flat of the shoulder blade, below its bony ridge",
      surface: .back, onBothSides: true,
      caution: "Keep the tool on the flat of the shoulder blade, not on the back of the upper-arm bone.",
      stretch: StarterStretch(
        title: "Arm across the chest", position: .standing, onBothSides: true,
        placement:
          "Bring this arm across your chest and hold it with your other hand, just above the elbow, until you feel a stretch behind the shoulder.",
        cue: "Keep the shoulder down, away from your ear."),
      source: placementNotes + ": infraspinatus on the flat of the shoulder blade, not on the upper-arm bone"),
    StarterMuscle(
      muscle: .erectorSpinae,
      spot: "your mid back, level with the lower tips of your shoulder blades",
      surface: .back, onBothSides: false,
      caution: "Keep the tool on the mid back. Never put it under your low back or neck.",
      stretch: StarterStretch(
        title: "Round the back", position: .sitting, onBothSides: false,
        placement:
          "Sit tall with your hands on your knees, then slowly round your back, chin toward your chest, until you feel a gentle stretch along the spine.",
        cue: "Breathe out as you round, and come back up slowly."),
      source: placementNotes
        + ": erector spinae across the back at the lower shoulder blades, never the low back or neck"),
    StarterMuscle(
      muscle: .latissimusDorsi,
      spot: "the side of your back, just below the armpit, not in it",
      surface: .side, onBothSides: true,
      caution: "Stop short of the armpit. Keep the tool on the side of your back.",
      stretch: StarterStretch(
        title: "Reach up and over", position: .standing, onBothSides: true,
        placement:
          "Reach this arm overhead and lean gently to the other side until you feel a stretch along the side of your back.",
        cue: "Lean, do not twist. Breathe into the side you stretch."),
      source: placementNotes + ": latissimus dorsi from below the armpit to the mid ribs, stop short of the armpit"),
    StarterMuscle(
      muscle: .pectoralisMajor,
      spot: "the front of the chest, below the collarbone, away from the armpit",
      surface: .front, onBothSides: true,
      caution: "Keep the tool below the collarbone, away from the armpit and the groove between shoulder and chest.",
      stretch: StarterStretch(
        title: "Doorway stretch", position: .standing, onBothSides: true,
        placement:
          "Stand in a doorway, this elbow bent at a right angle and the forearm on the frame at shoulder height. Lean and turn gently away.",
        cue: "Stop at a gentle stretch across the chest."),
      source: placementNotes
        + ": pectoralis major, doorway stretch with the elbow at 90°; tool only below the collarbone"),
    StarterMuscle(
      muscle: .pectoralisMinor,
      spot: "the front of the shoulder",
      surface: .front, onBothSides: true,
      caution: "No tool on it: it is stretched in a doorway only.",
      stretch: StarterStretch(
        title: "Doorway stretch, hand on the frame", position: .standing, onBothSides: true,
        placement:
          "Stand in a doorway with this hand on the frame at shoulder height, then turn your trunk gently away until you feel a stretch at the front of the shoulder.",
        cue: "A gentle stretch only. Keep your shoulder down.", reps: 3,
        caution: "Back off if your arm tingles or goes numb."),
      source: "Borstad & Ludewig 2006, J Shoulder Elbow Surg 15:324: doorway pectoralis minor stretch"),
    StarterMuscle(
      muscle: .intercostals,
      spot: "your ribs",
      surface: .side, onBothSides: true,
      caution: "No firm pressure on the ribs: gentle breathing and side bends only.",
      stretch: StarterStretch(
        title: "Side bend", position: .standing, onBothSides: true,
        placement: "Reach this arm overhead and bend gently to the other side, breathing into the ribs you stretch.",
        cue: "Breathe slowly and deeply into your side."),
      source: placementNotes + ": intercostals, gentle breathing and side-bending only"),
  ]
}

/// A stretch a starter routine gives, with no tool.
public struct StarterStretch: Sendable, Equatable {
  public var title: String
  public var position: BodyPosition
  /// Stretched one side at a time.
  public var onBothSides: Bool
  public var placement: String
  public var cue: String
  /// 2–4 reps of 10–60 s is the evidence range (ACSM position stand, Garber 2011).
  public var reps: Int = DosageLimits.defaultStretchReps
  public var seconds: Int = DosageLimits.defaultStretch
  /// What is particular to this stretch, beside `StarterStretch.caution`.
  public var caution: String? = nil

  /// Every stretch: a stretch is held, never pushed (ACSM position stand, Garber 2011).
  public static let caution = "Stretch only as far as is comfortable, and never bounce."

  /// For the muscles between the shoulder blades: both sides at once.
  static let hugYourself = StarterStretch(
    title: "Hug yourself", position: .standing, onBothSides: false,
    placement:
      "Cross your arms, hold your shoulders and round your upper back until you feel a stretch between the shoulder blades.",
    cue: "Breathe into your upper back and let it widen.")
}
