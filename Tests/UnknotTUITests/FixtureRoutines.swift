@testable import UnknotCore

/// The routines the screen, key and golden tests run: frozen copies of the bundled
/// Routines/*.yaml as they stood when the goldens were recorded, with the same file
/// names and ids. They are the tests' own, so rewording or retiming a bundled routine
/// changes no test here; change a text below only when a test is meant to change with
/// it. All of them are kept, so every muscle group's list and count, and the body map's
/// shading, come out as a person sees them with the bundled set.
enum FixtureRoutines {
  /// The copies in place of the files the binary carries: loaded by the app's own
  /// library code, so they get the same `built-in` origin and `Routines/…` paths.
  static let files: [BuiltInRoutineFile] = texts.map { name, text in
    BuiltInRoutineFile(name: name, bytes: Array((text + "\n").utf8))
  }

  /// The library as the app loads it at start, with the copies as its built-in routines.
  static let library = RoutineLibrary.load(
    RoutineSearchPath(includesBuiltIn: true, userFolder: nil), builtInFiles: files)

  // Each text is a file's bytes without its final newline, which `files` adds back.
  private static let texts: [(name: String, text: String)] = [
    (
      "between-blades-ball.yaml",
      #"""
      format: 1
      id: between-blades-ball
      title: Between the shoulder blades with a ball
      summary: >-
        Slow strokes and pressure holds for the muscles between the shoulder
        blades, with a massage ball against a wall, then a gentle stretch.
      targets: [rhomboids, middle-trapezius, lower-trapezius]
      tools: [massage-ball]
      cautions:
        - Keep the ball between the shoulder blade and the spine, never on the spine or a bony point.
        - About 1–2 minutes of work a side is enough.
      stop-rules:
        - rule: The ball slides onto the bony ridge of the spine.
          advice: >-
            Lean off the ball and rest. Pressure on the spine's bony ridge can bruise it: do not go on today if it hurt, and see a clinician if the pain lasts.
      sources:
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases"
        - "Davies, Trigger Point Therapy Workbook (secondary): 6–12 slow strokes a spot"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"
        - "Evidence for pressure holds is mixed: PMC9434898; J Back Musculoskelet Rehabil bmr220045"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
      steps:
        - kind: block
          title: One side at a time
          side: both
          position: at-a-wall
          steps:
            - kind: place
              muscle: rhomboids
              tool: massage-ball
              placement: >-
                Stand with your back to a wall. Put the ball between the inner edge of
                the shoulder blade and the spine, never on the spine. Lean into it.
              duration: 15s
            - kind: strokes
              muscle: rhomboids
              tool: massage-ball
              count: 8
              pace: 3s
              placement: >-
                Bend and straighten your knees to roll the ball slowly up and down
                beside the spine. Notice any tender spot.
            - kind: hold
              muscle: rhomboids
              tool: massage-ball
              duration: 45s
              pressure: 5-7
              cues:
                - Stop on the most tender spot and let your weight sink into the ball.
                - If the spot eases before the time is up, you can stop early.
            - kind: place
              muscle: middle-trapezius
              tool: massage-ball
              placement: >-
                Let the ball move down to level with the bony ridge across the shoulder
                blade, still beside the spine, never on it.
              duration: 10s
            - kind: hold
              muscle: middle-trapezius
              tool: massage-ball
              duration: 30s
              pressure: 5-7
              cues:
                - Breathe slowly. Strong, but you can breathe through it.
            - kind: place
              muscle: lower-trapezius
              tool: massage-ball
              placement: >-
                Let the ball move down to just below the lower tip of the shoulder
                blade, still beside the spine.
              duration: 10s
            - kind: hold
              muscle: lower-trapezius
              tool: massage-ball
              duration: 30s
              pressure: 5-7
              cues:
                - Breathe slowly and ease off if the pressure builds.
        - kind: rate
        - kind: stretch
          title: Hug yourself
          muscle: rhomboids
          position: standing
          placement: >-
            Cross your arms, hold your shoulders and round your upper back until you
            feel a stretch between the shoulder blades.
          duration: 30s
          reps: 2
      """#
    ),
    (
      "between-blades-cane.yaml",
      #"""
      format: 1
      id: between-blades-cane
      title: Between the shoulder blades with a hooked cane
      summary: >-
        Still pressure and slow strokes between the shoulder blades with a hooked
        cane, sitting, one side at a time. It reaches the spot without lying down.
      targets: [rhomboids]
      tools: [cane-massager]
      cautions:
        - Reach over the opposite shoulder so the knob rests between the shoulder blade and the spine, never on the spine.
      stop-rules:
        - rule: The knob slides onto the bony ridge of the spine.
          advice: >-
            Ease off the cane and rest. Pressure on the spine's bony ridge can bruise
            it: do not go on today if it hurt, and see a clinician if the pain lasts.
      sources:
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"
        - "Davies, Trigger Point Therapy Workbook (secondary): 6–12 slow strokes a spot"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
        - "Evidence for pressure holds is mixed: PMC9434898; J Back Musculoskelet Rehabil bmr220045"
      steps:
        - kind: block
          title: One side at a time
          side: both
          position: sitting
          steps:
            - kind: place
              muscle: rhomboids
              tool: cane-massager
              placement: >-
                Hold the cane's long end in front of you and hook it over the opposite
                shoulder, so the knob rests between this shoulder blade and the spine.
              duration: 15s
            - kind: hold
              muscle: rhomboids
              tool: cane-massager
              duration: 45s
              pressure: 5-7
              cues:
                - Pull the handle forward and down slowly until the knob presses in.
                - Keep your shoulders relaxed and breathe slowly.
            - kind: strokes
              muscle: rhomboids
              tool: cane-massager
              count: 8
              pace: 3s
              placement: >-
                With lighter pressure, move the knob slowly up and down beside the
                spine, along the inner edge of the shoulder blade.
        - kind: stretch
          title: Hug yourself
          muscle: rhomboids
          position: sitting
          placement: Cross your arms, hold your shoulders and round your upper back.
          duration: 30s
          reps: 2
        - kind: rate
      """#
    ),
    (
      "between-blades-point-tool.yaml",
      #"""
      format: 1
      id: between-blades-point-tool
      title: Between the shoulder blades with a point tool
      summary: >-
        Deep, still pressure between the shoulder blades from a point tool on the
        floor, one side at a time. It may help ease knots that a ball misses.
      targets: [rhomboids, middle-trapezius, lower-trapezius]
      tools: [point-tool]
      cautions:
        - Keep the point between the shoulder blade and the spine, never on the spine or a bony point.
        - The point presses deeply. Start with your feet and elbows taking some of your weight.
        - About 1–2 minutes of work a side is enough.
      stop-rules:
        - rule: The point slides onto the bony ridge of the spine.
          advice: >-
            Lean off the point tool and rest. Pressure on the spine's bony ridge can bruise it: do not go on today if it hurt, and see a clinician if the pain lasts.
      sources:
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"
        - "Evidence for pressure holds is mixed: PMC9434898; J Back Musculoskelet Rehabil bmr220045"
      steps:
        - kind: block
          title: One side at a time
          side: both
          position: lying-on-back
          steps:
            - kind: place
              muscle: rhomboids
              tool: point-tool
              placement: >-
                Lie on your back, knees bent, with the point under you between the inner
                edge of the upper shoulder blade and the spine, never on the spine.
              duration: 20s
            - kind: hold
              muscle: rhomboids
              tool: point-tool
              duration: 45s
              pressure: 5-7
              cues:
                - Lower your weight onto the point slowly. You should breathe easily.
                - If the spot eases before the time is up, you can stop early.
            - kind: place
              muscle: middle-trapezius
              tool: point-tool
              placement: >-
                Lift your hips a little and shift so the point sits level with the bony
                ridge across the shoulder blade, still beside the spine.
              duration: 15s
            - kind: hold
              muscle: middle-trapezius
              tool: point-tool
              duration: 45s
              pressure: 5-7
              cues:
                - Press your feet into the floor to take weight off if it is too strong.
            - kind: place
              muscle: lower-trapezius
              tool: point-tool
              placement: >-
                Shift again so the point sits just below the lower tip of the shoulder
                blade, beside the spine.
              duration: 15s
            - kind: hold
              muscle: lower-trapezius
              tool: point-tool
              duration: 30s
              pressure: 5-7
              cues:
                - Breathe slowly and ease off if the pressure builds.
      """#
    ),
    (
      "box-breathing.yaml",
      #"""
      format: 1
      id: box-breathing
      title: Box breathing for stress
      summary: >-
        About five minutes of even breathing: in for 4, hold for 4, out for 4, hold
        for 4. It may help you calm down when you feel tense. No tools needed.
      targets: [upper-trapezius]
      tools: []
      cautions:
        - Sit or lie comfortably. If the holds feel uncomfortable, breathe normally and stop.
        - If you feel light-headed, breathe normally and rest.
        - Chest pain, or pain with breathlessness, needs urgent care, not this routine.
      sources:
        - "Box breathing, 4-4-4-4 s: from a secondary source; no original study named"
        - "Balban et al. 2023, Cell Rep Med 4:100895 (doi:10.1016/j.xcrm.2022.100895): 5 min a day of paced breathing"
      steps:
        - kind: breathe
          title: Box breathing
          muscle: upper-trapezius
          placement: >-
            Sit or lie comfortably and let your shoulders drop away from your ears.
          phases:
            - {phase: inhale, duration: 4s}
            - {phase: hold, duration: 4s}
            - {phase: exhale, duration: 4s}
            - {phase: hold, duration: 4s}
          cycles: 18
          cues:
            - Breathe in through your nose and keep each count even.
            - Hold gently, without straining.
      """#
    ),
    (
      "cervical-traction.yaml",
      #"""
      format: 1
      id: cervical-traction
      title: Neck traction with your clinician's settings
      summary: >-
        Times your cervical traction session with the time and tension your
        clinician gave you. unknot never chooses or suggests any settings.
      targets: [cervical-spine]
      tools: [traction-device]
      requires-clinician: true
      cautions:
        - Use traction only with the settings your clinician gave you for this device.
        - Not with spinal infection, cancer, cord compression, rheumatoid arthritis, osteoporosis, instability or fracture.
        - Not after an acute injury, with suspected artery problems or with uncontrolled blood pressure.
        - Stop if arm pain increases, and tell your clinician.
        - Research neither supports nor rules out traction for neck pain, so follow your clinician's advice.
      stop-rules:
        - rule: Pain, numbness or tingling in your arm increases.
          advice: >-
            Release the traction at once and rest. Tell your clinician before you use traction again.
        - rule: Your neck pain rises during traction.
          advice: >-
            Release the traction at once and rest. Tell your clinician before you use traction again.
      sources:
        - "Graham 2008, Cochrane review CD006408: evidence neither supports nor refutes traction"
        - "Rushton 2023, JOSPT 53(1):7: IFOMPT cervical framework, screening before neck treatment"
      steps:
        - kind: place
          title: Set up the device
          muscle: cervical-spine
          tool: traction-device
          position: lying-on-back
          placement: >-
            Set up the device and get into position exactly as your clinician showed
            you.
        - kind: traction
          title: Traction with your clinician's settings
          muscle: cervical-spine
          tool: traction-device
          position: lying-on-back
          clinician-settings: [duration, tension]
          cues:
            - Relax and breathe normally.
            - Release the tension at once if arm pain increases.
        - kind: rest
          title: Rest before you get up
          placement: Release the tension fully and rest for a minute before you sit up.
          duration: 60s
      """#
    ),
    (
      "chest-opening.yaml",
      #"""
      format: 1
      id: chest-opening
      title: Chest opening in a doorway
      summary: >-
        Doorway stretches for the front of the chest and shoulder, then pressure
        holds with a ball below the collarbone. It may help a rounded posture.
      targets: [pectoralis-minor, pectoralis-major]
      tools: [massage-ball]
      cautions:
        - Back off at once if your arm tingles or goes numb.
        - Keep the ball below the collarbone, away from the armpit and the groove between shoulder and chest.
        - Ease into each stretch and hold it still. No bouncing.
      stop-rules:
        - rule: The ball slides toward your armpit or onto the collarbone.
          advice: >-
            Ease off the ball and rest. Nerves and blood vessels run near the armpit and collarbone: if your arm tingles or feels numb, do not go on today, and see a clinician if it lasts.
      sources:
        - "Borstad & Ludewig 2006, J Shoulder Elbow Surg 15:324: doorway pectoralis minor stretch"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10"
      steps:
        - kind: stretch
          title: Doorway stretch, front of the shoulder
          muscle: pectoralis-minor
          side: both
          position: standing
          placement: >-
            Stand in a doorway and put the hand of this side on the door frame at
            shoulder height. Turn your trunk away until you feel a stretch.
          duration: 30s
          reps: 3
          cues:
            - You should feel it at the front of the shoulder. Back off if the arm tingles.
        - kind: rest
          duration: 20s
        - kind: stretch
          title: Doorway stretch, across the chest
          muscle: pectoralis-major
          side: both
          position: standing
          placement: >-
            Put the forearm of this side on the door frame, elbow bent to 90° at
            shoulder height. Lean forward and turn away until you feel a stretch
            across the chest.
          duration: 30s
          reps: 2
          cues:
            - Keep your shoulder relaxed and down, away from your ear.
        - kind: rate
        - kind: block
          title: Ball below the collarbone
          side: both
          position: at-a-wall
          steps:
            - kind: place
              muscle: pectoralis-major
              tool: massage-ball
              placement: >-
                Face a wall with the ball on the flat of your chest just below the
                collarbone, away from the armpit and the shoulder. Lean in gently.
              duration: 15s
            - kind: hold
              muscle: pectoralis-major
              tool: massage-ball
              duration: 60s
              pressure: 5-7
              cues:
                - Lean in until it is strong but you can breathe through it.
                - If the spot eases before the time is up, you can stop early.
      """#
    ),
    (
      "chin-tucks.yaml",
      #"""
      format: 1
      id: chin-tucks
      title: Chin tucks and neck stretches
      summary: >-
        Ten slow chin tucks, then stretches for the tops of the shoulders and the
        side of the neck. They may help a stiff neck from a forward head posture.
      targets: [suboccipitals, upper-trapezius, levator-scapulae]
      tools: []
      cautions:
        - Move slowly and gently. No bouncing, and never pull on your head.
        - Stop if tingling or numbness spreads into an arm.
      sources:
        - "Leeds Community Healthcare NHS, neck exercises: chin tucks 10 reps, each held 5 s, then released"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
      steps:
        - kind: exercise
          title: Chin tucks
          muscle: suboccipitals
          position: sitting
          placement: >-
            Sit tall with your eyes level. Tuck: slide your chin straight back, as if
            making a double chin. Hold it there, then release and let your head come
            forward again.
          reps: 10
          phases:
            - {phase: tuck, duration: 2s}
            - {phase: hold, duration: 5s}
            - {phase: release, duration: 2s}
          cues:
            - Keep your eyes level; do not tip your head down.
            - You may feel a gentle stretch at the back of the neck.
        - kind: rest
          duration: 20s
        - kind: stretch
          title: Stretch the top of the shoulder
          muscle: upper-trapezius
          side: both
          position: sitting
          placement: >-
            Sit on the hand of this side, then tip your head away, ear toward the
            other shoulder, until you feel a gentle stretch.
          duration: 30s
          reps: 2
          cues:
            - No bouncing. Breathe out and let the shoulder sink.
        - kind: stretch
          title: Stretch the side of the neck
          muscle: levator-scapulae
          side: both
          position: sitting
          placement: >-
            Turn your head away from this side and bend it down, nose toward the other
            hip. Rest your other hand on your head without pulling.
          duration: 30s
          reps: 2
          cues:
            - Your hand only rests on your head. Let the weight of your head do the work.
      """#
    ),
    (
      "cyclic-sighing.yaml",
      #"""
      format: 1
      id: cyclic-sighing
      title: Cyclic sighing for stress
      summary: >-
        Five minutes of slow breathing with a long out-breath. It may help you
        settle when stress builds up in your neck and shoulders. No tools needed.
      targets: [upper-trapezius]
      tools: []
      cautions:
        - Sit or lie comfortably. If you feel light-headed, breathe normally and rest.
        - Chest pain, or pain with breathlessness, needs urgent care, not this routine.
      sources:
        - "Balban et al. 2023, Cell Rep Med 4:100895 (doi:10.1016/j.xcrm.2022.100895): cyclic sighing, 5 min a day"
      steps:
        - kind: breathe
          title: Cyclic sighing
          muscle: upper-trapezius
          placement: >-
            Sit or lie comfortably and let your shoulders drop away from your ears.
          phases:
            - {phase: inhale, duration: 2s}
            - {phase: top-up, duration: 1s}
            - {phase: exhale, duration: 6s}
          duration: 5m
          cues:
            - Breathe in through your nose, then sip in a little more air.
            - Let the air out slowly through your mouth, all the way.
      """#
    ),
    (
      "desk-posture-break.yaml",
      #"""
      format: 1
      id: desk-posture-break
      title: Desk posture break
      summary: >-
        A two-minute break from the screen that you can do in your chair: chin
        tucks, a gentle stretch for the tops of the shoulders and three slow sighs.
      targets: [suboccipitals, upper-trapezius]
      tools: []
      cautions:
        - Move slowly and only as far as is comfortable. No bouncing.
        - Stop if you feel tingling, numbness or pain spreading into an arm.
        - A break like this every 30 minutes of sitting may help more than one long one.
      sources:
        - "University of Iowa Healthier Workforce Center: a 1–2 min posture break every 30 min of sitting"
        - "Waongenngarm 2018, Applied Ergonomics 68:230: breaks for people who sit at work"
        - "Leeds Community Healthcare NHS, neck exercises: chin tucks 10 reps, each held 5 s, then released"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
        - "Balban et al. 2023, Cell Rep Med 4:100895 (doi:10.1016/j.xcrm.2022.100895): cyclic sighing"
      steps:
        - kind: exercise
          title: Chin tucks
          muscle: suboccipitals
          position: sitting
          placement: >-
            Sit tall with your eyes level. Tuck: slide your chin straight back, as if
            making a double chin. Hold it there, then release and let your head come
            forward again.
          # 5 reps, not the reference's 10: ten reps of 9 s would take 1.5 min on their
          # own, and this is a short break between sittings that also stretches and sighs.
          reps: 5
          phases:
            - {phase: tuck, duration: 2s}
            - {phase: hold, duration: 5s}
            - {phase: release, duration: 2s}
          cues:
            - Keep your eyes level; do not tip your head down.
        - kind: stretch
          title: Stretch the top of the shoulder
          muscle: upper-trapezius
          side: both
          position: sitting
          placement: >-
            Sit on the hand of this side, then tip your head away, ear toward the
            other shoulder, until you feel a gentle stretch.
          duration: 15s
          reps: 2
          cues:
            - Breathe out and let the shoulder sink. No bouncing.
        - kind: breathe
          title: Three slow sighs
          phases:
            - {phase: inhale, duration: 2s}
            - {phase: top-up, duration: 1s}
            - {phase: exhale, duration: 6s}
          cycles: 3
          cues:
            - Breathe in through your nose, sip in a little more, then sigh out slowly.
      """#
    ),
    (
      "full-upper-back.yaml",
      #"""
      format: 1
      id: full-upper-back
      title: Full upper back session
      summary: >-
        About 20 minutes for the whole upper back: breathing, mid back extensions on
        a foam roller, ball work between and on the shoulder blades, and stretches.
      targets:
        - erector-spinae
        - rhomboids
        - lower-trapezius
        - infraspinatus
        - levator-scapulae
        - upper-trapezius
        - pectoralis-minor
        - suboccipitals
      tools: [foam-roller, massage-ball]
      cautions:
        - Keep the roller under the upper and mid back only, never under the low back or neck.
        - Keep the ball off the spine and bony points, and off the side and front of the neck.
        - Keep the ball on the flat of the shoulder blade, not on the back of the upper-arm bone.
        - In the stretches, no bouncing and no pulling on your head. Back off if an arm tingles.
      stop-rules:
        - rule: The ball or roller slides onto the spine, the neck or the low back.
          advice: >-
            Come off the ball or roller and rest. Do not go on with this routine today if it hurt; see a clinician if the pain lasts.
      sources:
        - "Physiotherapy exercise sheets: thoracic extension 5 reps, pause 2–3 s, move one level; 2–3 levels"
        - "Cheatham 2015, IJSPT 10(6):827; review PMC8998857: foam rolling 30–120 s a set"
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Davies, Trigger Point Therapy Workbook (secondary): 6–12 slow strokes a spot"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"
        - "Pressure by region (the team's convention, from safety guidance that neck and skull-base work stays gentle and static): at most 6 of 10 on the neck and tops of the shoulders"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
        - "Borstad & Ludewig 2006, J Shoulder Elbow Surg 15:324: doorway pectoralis minor stretch"
        - "Leeds Community Healthcare NHS, neck exercises: chin tucks 10 reps, each held 5 s, then released"
        - "Balban et al. 2023, Cell Rep Med 4:100895 (doi:10.1016/j.xcrm.2022.100895): cyclic sighing"
      steps:
        - kind: breathe
          title: Settle in
          placement: Sit or lie comfortably and let your shoulders drop away from your ears.
          phases:
            - {phase: inhale, duration: 2s}
            - {phase: top-up, duration: 1s}
            - {phase: exhale, duration: 6s}
          cycles: 6
          cues:
            - Breathe in through your nose, sip in a little more, then sigh out slowly.

        # Part 1: mid back on the foam roller
        - kind: place
          title: Roller, level 1
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Sit with the roller behind you and lie back so it runs across your back at
            the lower tips of the shoulder blades. Hands behind your head, chin tucked.
          duration: 20s
        - kind: exercise
          title: Extensions, level 1
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Let your upper back bend gently back over the roller, pause 2–3 s, then
            curl back up. Keep your hips on the floor.
          reps: 5
          tempo: 5s
        - kind: place
          title: Roller, level 2
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Lift your hips a little and shift so the roller moves one level, a few
            centimetres, up your back.
          duration: 10s
        - kind: exercise
          title: Extensions, level 2
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: Bend back gently over the roller, pause 2–3 s, then curl back up.
          reps: 5
          tempo: 5s
        - kind: place
          title: Roller, level 3
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Move the roller one more level up, to about the middle of the shoulder
            blades. It stays well below the neck.
          duration: 10s
        - kind: exercise
          title: Extensions, level 3
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: Bend back gently over the roller, pause 2–3 s, then curl back up.
          reps: 5
          tempo: 5s
        - kind: roll
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Cross your arms over your chest, lift your hips and roll slowly with your
            legs.
          span: from the lower tips of the shoulder blades up to their middle
          duration: 60s
        - kind: rate

        # Part 2: between the shoulder blades with the ball
        - kind: block
          title: Between the shoulder blades
          side: both
          position: at-a-wall
          steps:
            - kind: place
              muscle: rhomboids
              tool: massage-ball
              placement: >-
                Stand with your back to a wall. Put the ball between the inner edge of
                the shoulder blade and the spine, never on the spine. Lean into it.
              duration: 15s
            - kind: strokes
              muscle: rhomboids
              tool: massage-ball
              count: 8
              pace: 3s
              placement: >-
                Bend and straighten your knees to roll the ball slowly up and down
                beside the spine. Notice any tender spot.
            - kind: hold
              muscle: rhomboids
              tool: massage-ball
              duration: 60s
              pressure: 5-7
              cues:
                - Stop on the most tender spot. Strong, but you can breathe through it.
            - kind: place
              muscle: lower-trapezius
              tool: massage-ball
              placement: >-
                Let the ball move down to just below the lower tip of the shoulder
                blade, still beside the spine.
              duration: 10s
            - kind: hold
              muscle: lower-trapezius
              tool: massage-ball
              duration: 45s
              pressure: 5-7
              cues:
                - Breathe slowly and ease off if the pressure builds.
        - kind: rate

        # Part 3: shoulder blade and the corner of the neck with the ball
        - kind: block
          title: Shoulder blade and neck corner
          side: both
          position: at-a-wall
          steps:
            - kind: place
              muscle: infraspinatus
              tool: massage-ball
              placement: >-
                Move the ball out onto the flat of the shoulder blade, below its bony
                ridge, away from the upper arm. Lean into it.
              duration: 15s
            - kind: hold
              muscle: infraspinatus
              tool: massage-ball
              duration: 60s
              pressure: 5-7
              cues:
                - If the spot eases before the time is up, you can stop early.
            - kind: place
              muscle: levator-scapulae
              tool: massage-ball
              placement: >-
                Move the ball up to just above the upper inner corner of the shoulder
                blade, below the neck and beside the spine.
              duration: 15s
            - kind: hold
              muscle: levator-scapulae
              tool: massage-ball
              duration: 45s
              pressure: 4-6
              cues:
                - Firm but comfortable. Ease off if it builds.
        - kind: rate

        # Part 4: stretches
        - kind: stretch
          title: Stretch the top of the shoulder
          muscle: upper-trapezius
          side: both
          position: sitting
          placement: >-
            Sit on the hand of this side, then tip your head away, ear toward the
            other shoulder, until you feel a gentle stretch.
          duration: 30s
          reps: 2
          cues:
            - No bouncing. Breathe out and let the shoulder sink.
        - kind: stretch
          title: Doorway stretch, front of the shoulder
          muscle: pectoralis-minor
          side: both
          position: standing
          placement: >-
            Stand in a doorway and put the hand of this side on the door frame at
            shoulder height. Turn your trunk away until you feel a stretch.
          duration: 30s
          reps: 3
          cues:
            - You should feel it at the front of the shoulder. Back off if the arm tingles.
        - kind: exercise
          title: Chin tucks
          muscle: suboccipitals
          position: standing
          placement: >-
            Sit or stand tall with your eyes level. Tuck: slide your chin straight
            back, as if making a double chin. Hold it there, then release and let your
            head come forward again.
          reps: 10
          phases:
            - {phase: tuck, duration: 2s}
            - {phase: hold, duration: 5s}
            - {phase: release, duration: 2s}
        - kind: breathe
          title: Finish with slow sighs
          phases:
            - {phase: inhale, duration: 2s}
            - {phase: top-up, duration: 1s}
            - {phase: exhale, duration: 6s}
          cycles: 6
      """#
    ),
    (
      "heat-then-shoulder-ball.yaml",
      #"""
      format: 1
      id: heat-then-shoulder-ball
      title: Heat, then ball holds for the tops of the shoulders
      summary: >-
        Fifteen minutes of moist heat, which may ease tension, then pressure holds
        on the tops of the shoulders with a massage ball against a wall.
      targets: [upper-trapezius]
      tools: [heat-pack, massage-ball]
      cautions:
        - Ask a clinician first if you have a heart condition, poor circulation, numb areas, fever or a skin condition.
        - No heat in the first 72 hours of a new injury, and at most three heat sessions a day.
        - Keep the ball on the muscle at the top of the shoulder, off the side and front of the neck.
      stop-rules:
        - rule: The ball slides onto the side or front of your neck.
          advice: >-
            Ease off the ball at once and rest. The side and front of the neck must never take pressure: if you feel dizzy or your vision or speech changes, get urgent help now.
      sources:
        - "Midlands Partnership NHS, safe use of heat: 10–15 min (some say 20), wrapped, at most 3 a day"
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases"
        - "Pressure by region (the team's convention, from safety guidance that neck and skull-base work stays gentle and static): at most 6 of 10 on the neck and tops of the shoulders"
      steps:
        - kind: heat
          title: Heat on the tops of the shoulders
          muscle: upper-trapezius
          tool: heat-pack
          position: sitting
          placement: >-
            Wrap the heat pack in a towel and lay it across the tops of your
            shoulders. Sit back or lie down comfortably.
          duration: 15min
          cues:
            - Check your skin after a few minutes. It should feel warm, never hot.
            - Stay awake while the heat is on.
        - kind: rate
        - kind: block
          title: One shoulder at a time
          side: both
          position: at-a-wall
          steps:
            - kind: place
              muscle: upper-trapezius
              tool: massage-ball
              placement: >-
                Stand with your back to a wall. Put the ball on the back of the top of
                your shoulder, halfway between the neck and the shoulder tip, and lean in.
              duration: 15s
            - kind: hold
              muscle: upper-trapezius
              tool: massage-ball
              duration: 60s
              pressure: 4-6
              sets: 2
              rest-between: 20s
              cues:
                - Bend your knees a little to set the pressure; you should breathe easily.
                - If the spot eases before the time is up, you can stop early.
      """#
    ),
    (
      "infraspinatus-ball-wall.yaml",
      #"""
      format: 1
      id: infraspinatus-ball-wall
      title: Shoulder blade with a ball at a wall
      summary: >-
        Slow strokes and pressure holds on the flat of the shoulder blade with a
        massage ball against a wall, one side at a time.
      targets: [infraspinatus]
      tools: [massage-ball]
      cautions:
        - Keep the ball on the flat of the shoulder blade, not on the back of the upper-arm bone.
        - Back off if you feel tingling or numbness down the arm.
      stop-rules:
        - rule: The ball slides onto the back of your upper arm or onto the armpit.
          advice: >-
            Ease off the ball and rest. If your arm tingles or feels numb, do not go on today, and see a clinician if it lasts.
      sources:
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases"
        - "Davies, Trigger Point Therapy Workbook (secondary): 6–12 slow strokes a spot"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"
      steps:
        - kind: block
          title: One side at a time
          side: both
          position: at-a-wall
          steps:
            - kind: place
              muscle: infraspinatus
              tool: massage-ball
              placement: >-
                Stand with your back to a wall. Put the ball on the flat of your
                shoulder blade, below its bony ridge, and lean into it.
              duration: 15s
            - kind: strokes
              muscle: infraspinatus
              tool: massage-ball
              count: 8
              pace: 3s
              placement: >-
                Bend and straighten your knees to roll the ball slowly over the flat of
                the shoulder blade. Notice any tender spot.
            - kind: hold
              muscle: infraspinatus
              tool: massage-ball
              duration: 60s
              pressure: 5-7
              sets: 2
              rest-between: 20s
              cues:
                - Stop on the most tender spot. Strong, but you can breathe through it.
                - If the spot eases before the time is up, you can stop early.
      """#
    ),
    (
      "lats-foam-roller.yaml",
      #"""
      format: 1
      id: lats-foam-roller
      title: Sides of the back with a foam roller
      summary: >-
        Lying on your side, slow rolling and a pause on tender spots along the side
        of the back, from below the armpit to the middle of the ribs.
      targets: [latissimus-dorsi]
      tools: [foam-roller]
      cautions:
        - Stop short of the armpit. Keep the roller on the side of your back.
        - Take some of your weight on your top hand and feet to ease the pressure.
        - Back off if you feel tingling or numbness down the arm.
      stop-rules:
        - rule: The roller reaches your armpit.
          advice: >-
            Roll off and rest. Nerves and blood vessels run through the armpit: if your arm tingles or feels numb, do not go on today, and see a clinician if it lasts.
      sources:
        - "Cheatham 2015, IJSPT 10(6):827: foam rolling 30–120 s a set"
        - "Foam rolling review, PMC8998857: 30–120 s a set, 1–3 sets"
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
      steps:
        - kind: block
          title: One side at a time
          side: both
          position: lying-on-side
          steps:
            - kind: place
              muscle: latissimus-dorsi
              tool: foam-roller
              placement: >-
                Lie on this side with the roller across your body just below the
                armpit, not in it. Stretch your lower arm overhead.
              duration: 20s
            - kind: roll
              muscle: latissimus-dorsi
              tool: foam-roller
              placement: Push gently with your feet to roll slowly up and down.
              span: from just below the armpit to the middle of the ribs
              duration: 60s
              sets: 2
              rest-between: 20s
              cues:
                - Roll slowly and stop short of the armpit.
            - kind: hold
              title: Pause on a tender spot
              muscle: latissimus-dorsi
              tool: foam-roller
              duration: 30s
              pressure: 5-7
              cues:
                - Rest on the most tender spot you found and breathe slowly.
      """#
    ),
    (
      "neck-corner-cradle.yaml",
      #"""
      format: 1
      id: neck-corner-cradle
      title: Corner of the neck and shoulder blade on a cradle
      summary: >-
        Gentle, still pressure lying on a cradle just above the upper inner corner of
        the shoulder blade, then a stretch for the side of the neck.
      targets: [levator-scapulae]
      tools: [cradle-tool]
      cautions:
        - Still pressure only. No rolling, and keep your head still while you lie on the cradle.
      stop-rules:
        - rule: The knobs slide onto the side or front of your neck.
          advice: >-
            Lift off the cradle at once and rest. The side and front of the neck must
            never take pressure: if you feel dizzy or your vision or speech changes,
            get urgent help now.
      sources:
        - "Placement notes: levator scapulae at the upper inner corner of the shoulder blade, 30–60 s; stretch nose toward the opposite hip, the other hand resting on the head"
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Pressure by region (the team's convention from IFOMPT, Rushton 2023, and Shariff 2023): at most 6 of 10 on the neck and the tops of the shoulders"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
      steps:
        - kind: block
          title: One side at a time
          side: both
          steps:
            - kind: place
              muscle: levator-scapulae
              tool: cradle-tool
              position: lying-on-back
              placement: >-
                Lie on your back, knees bent, with one knob of the cradle just above the
                upper inner corner of this shoulder blade, beside the spine, below the
                neck.
              duration: 20s
            - kind: hold
              muscle: levator-scapulae
              tool: cradle-tool
              position: lying-on-back
              duration: 45s
              pressure: 4-6
              cues:
                - Let your upper back sink onto the knob. This should feel firm but comfortable.
            - kind: stretch
              title: Stretch the side of the neck
              muscle: levator-scapulae
              position: sitting
              placement: >-
                Sit up. Turn your head away from this side and bend it down, nose toward
                the other hip. Rest your other hand on your head without pulling.
              duration: 30s
              reps: 2
              cues:
                - Your hand only rests on your head. Let its weight do the work.
        - kind: rate
      """#
    ),
    (
      "ribs-breathing-side-bends.yaml",
      #"""
      format: 1
      id: ribs-breathing-side-bends
      title: "Ribs: gentle breathing and side bends"
      summary: >-
        Slow breathing into the ribs and gentle side bends, with no tool. It may
        help a tight chest and stiff ribs.
      targets: [intercostals]
      tools: []
      cautions:
        - No tool pressure on the ribs, especially if you have osteoporosis.
        - Chest pain, or pain with breathlessness, needs urgent care, not this routine.
        - Bend only as far as is comfortable, and breathe normally if you feel light-headed.
      sources:
        - "Physiotherapy guidance (unknot clinical reference): intercostals, gentle breathing and side-bending only, no firm tool pressure on the ribs"
        - "Balban et al. 2023, Cell Rep Med 4:100895 (doi:10.1016/j.xcrm.2022.100895): cyclic sighing"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
      steps:
        - kind: breathe
          title: Breathe into the ribs
          muscle: intercostals
          placement: >-
            Sit tall or lie on your back with a hand on each side of your ribs. Feel
            them widen as you breathe in.
          phases:
            - {phase: inhale, duration: 2s}
            - {phase: top-up, duration: 1s}
            - {phase: exhale, duration: 6s}
          cycles: 10
          cues:
            - Breathe in through your nose, sip in a little more, then sigh out slowly.
        - kind: stretch
          title: Side bend
          muscle: intercostals
          side: both
          position: sitting
          placement: >-
            Sit or stand tall. Reach the arm of this side up and over your head and
            lean gently to the other side until you feel a stretch along the ribs.
          duration: 20s
          reps: 3
          cues:
            - Keep breathing slowly into the stretched side. No bouncing.
        - kind: breathe
          title: Breathe into the ribs again
          muscle: intercostals
          placement: Sit tall or lie on your back with a hand on each side of your ribs.
          phases:
            - {phase: inhale, duration: 2s}
            - {phase: top-up, duration: 1s}
            - {phase: exhale, duration: 6s}
          cycles: 5
      """#
    ),
    (
      "ribs-stretcher-breathing.yaml",
      #"""
      format: 1
      id: ribs-stretcher-breathing
      title: Open the ribs over an arched stretcher
      summary: >-
        Lie back over an arched stretcher on its lowest setting and breathe slowly
        into your ribs. It may help a stiff, tight chest.
      targets: [intercostals, erector-spinae]
      groups: [chest]
      tools: [thoracic-stretcher]
      cautions:
        - Use the lowest setting first, and keep first sessions short.
        - The arch goes under your upper back, never under your neck or low back.
      stop-rules:
        - rule: The stretcher presses on your low back or your neck.
          advice: >-
            Come off the stretcher slowly, rolling to your side, and rest. Do not go
            on today if it hurt; see a clinician if the pain lasts.
      sources:
        - "Physiotherapy exercise sheets (secondary): arched stretcher on the lowest setting first, short first sessions"
        - "Placement notes: intercostals with gentle breathing and side-bending only, no firm tool pressure on the ribs"
        - "Balban et al. 2023, Cell Rep Med 4:100895 (doi:10.1016/j.xcrm.2022.100895): slow breathing with long out-breaths"
      steps:
        - kind: place
          muscle: erector-spinae
          tool: thoracic-stretcher
          position: lying-on-back
          placement: >-
            Set the stretcher to its lowest setting. Lie back over it, knees bent, so
            the arch sits under your upper back, the spine in its groove. Rest your
            head on a cushion.
          duration: 30s
        - kind: stretch
          title: Rest over the arch
          muscle: erector-spinae
          tool: thoracic-stretcher
          position: lying-on-back
          placement: Let your arms rest out to the sides, palms up, and let your chest open.
          duration: 30s
          reps: 2
        - kind: breathe
          title: Breathe into your ribs
          muscle: intercostals
          position: lying-on-back
          placement: >-
            Still over the arch, breathe in slowly through your nose and feel your ribs
            widen to the sides; breathe out for longer.
          phases:
            - {phase: inhale, duration: 4s}
            - {phase: exhale, duration: 6s}
          duration: 2m
        - kind: rest
          placement: Roll to your side and come off the stretcher slowly.
          duration: 30s
        - kind: rate
      """#
    ),
    (
      "shoulder-blade-point-tool.yaml",
      #"""
      format: 1
      id: shoulder-blade-point-tool
      title: Shoulder blade and side of the back with a point tool
      summary: >-
        Still pressure on the flat of the shoulder blade against a wall, then on the
        side of the back lying on your side, from a point tool. It may help ease
        knots around the shoulder blade.
      targets: [infraspinatus, latissimus-dorsi]
      groups: [shoulder-blade, sides]
      tools: [point-tool]
      cautions:
        - The point presses deeply. Start gently and let more weight onto it only as it eases.
        - Keep the point off the back of the upper-arm bone and stop short of the armpit.
      stop-rules:
        - rule: The point slides into your armpit or onto the back of your upper arm.
          advice: >-
            Ease off the point and rest. Nerves and blood vessels run close to the
            armpit: if your arm tingles or feels numb, do not go on today, and see a
            clinician if it lasts.
      sources:
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases"
        - "Ingraham, PainScience self-massage guide: pressure about 5–7 of 10; 30–90 s a spot"
        - "Placement notes: infraspinatus on the flat of the shoulder blade below its ridge; latissimus from below the armpit to mid ribs, lying on the side, pausing 15–30 s on tender spots"
        - "Evidence for pressure holds is mixed: PMC9434898; J Back Musculoskelet Rehabil bmr220045"
      steps:
        - kind: block
          title: One side at a time
          side: both
          steps:
            - kind: place
              muscle: infraspinatus
              tool: point-tool
              position: at-a-wall
              placement: >-
                Hold the point's base against the wall at shoulder height and lean back
                so the point sits on the flat of the shoulder blade, below its bony
                ridge, not on the back of the upper arm.
              duration: 15s
            - kind: hold
              muscle: infraspinatus
              tool: point-tool
              position: at-a-wall
              duration: 45s
              pressure: 5-7
              cues:
                - Lean in only as far as you can breathe easily.
                - If the spot eases before the time is up, you can stop early.
            - kind: place
              muscle: latissimus-dorsi
              tool: point-tool
              position: lying-on-side
              placement: >-
                Lie on this side with the arm reaching overhead and the point under the
                side of your back, a hand's width below the armpit.
              duration: 20s
            - kind: hold
              muscle: latissimus-dorsi
              tool: point-tool
              position: lying-on-side
              duration: 30s
              pressure: 5-7
              cues:
                - Let your weight settle slowly. Stop short of the armpit.
            - kind: rate
              muscle: latissimus-dorsi
        - kind: stretch
          title: Reach up and over
          muscle: latissimus-dorsi
          side: both
          position: standing
          placement: >-
            Stand tall, reach this arm overhead and lean gently to the other side until
            you feel the side of your back lengthen.
          duration: 20s
          reps: 2
          cues:
            - No bouncing. Breathe into the side that stretches.
      """#
    ),
    (
      "shoulder-tops-cane.yaml",
      #"""
      format: 1
      id: shoulder-tops-cane
      title: Tops of the shoulders with a cane massager
      summary: >-
        Pressure holds and slow strokes on the tops of the shoulders with a hooked
        cane massager, which lets you reach them without help, then a stretch.
      targets: [upper-trapezius, levator-scapulae]
      tools: [cane-massager]
      cautions:
        - Keep the knob on the muscle at the top of the shoulder. Stay off the side and front of the neck.
        - You set the pressure with the handle. Pull slowly and ease off whenever you need to.
        - In the stretch, no bouncing.
      stop-rules:
        - rule: The knob slides onto the side or front of your neck.
          advice: >-
            Let go of the cane at once and rest. The side and front of the neck must never take pressure: if you feel dizzy or your vision or speech changes, get urgent help now.
      sources:
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "Gemmell et al. 2008, Clinical Chiropractic 11:30: hold up to 1 min or until it eases"
        - "Davies, Trigger Point Therapy Workbook (secondary): 6–12 slow strokes a spot"
        - "Ingraham, PainScience self-massage guide: 30–90 s a spot"
        - "Pressure by region (the team's convention, from safety guidance that neck and skull-base work stays gentle and static): at most 6 of 10 on the neck and tops of the shoulders"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
      steps:
        - kind: block
          title: One shoulder at a time
          side: both
          position: sitting
          steps:
            - kind: place
              muscle: upper-trapezius
              tool: cane-massager
              placement: >-
                Hook the cane over this shoulder so the knob rests on top of it, on the
                muscle, halfway between the neck and the shoulder tip.
              duration: 15s
            - kind: hold
              muscle: upper-trapezius
              tool: cane-massager
              duration: 60s
              pressure: 4-6
              cues:
                - Pull the handle down slowly so the knob presses down and slightly out.
                - If the spot eases before the time is up, you can stop early.
            - kind: strokes
              muscle: upper-trapezius
              tool: cane-massager
              count: 8
              pace: 3s
              placement: >-
                With light pressure, move the knob slowly along the top of the shoulder,
                from near the neck outward, and stop before the bony tip of the
                shoulder. Never onto the neck.
            - kind: place
              muscle: levator-scapulae
              tool: cane-massager
              placement: >-
                Move the knob back and down to just above the upper inner corner of the
                shoulder blade, beside the spine.
              duration: 15s
            - kind: hold
              muscle: levator-scapulae
              tool: cane-massager
              duration: 45s
              pressure: 4-6
              cues:
                - Firm but comfortable. Ease off if it builds.
        - kind: rate
        - kind: stretch
          title: Stretch the top of the shoulder
          muscle: upper-trapezius
          side: both
          position: sitting
          placement: >-
            Sit on the hand of this side, then tip your head away, ear toward the
            other shoulder, until you feel a gentle stretch.
          duration: 30s
          reps: 2
          cues:
            - No bouncing. Breathe out and let the shoulder sink.
      """#
    ),
    (
      "tension-headache.yaml",
      #"""
      format: 1
      id: tension-headache
      title: "Tension headache: skull base, neck and shoulders"
      summary: >-
        Gentle, still pressure at the skull base and the tops of the shoulders on
        a cradle tool, then two neck stretches. It may help ease a tension headache.
      targets: [suboccipitals, upper-trapezius, levator-scapulae]
      tools: [cradle-tool]
      cautions:
        - Still pressure only at the skull base. No rolling, and no turning or tipping your head back on the cradle.
        - A severe headache with a stiff neck, fever or a rash needs urgent care, not this routine.
        - Keep the knobs off the side and front of your neck. In the stretches, rest your hand; never pull.
      stop-rules:
        - rule: The knobs slide onto the side or front of your neck.
          advice: >-
            Lift your head off the cradle at once and rest. The side and front of the neck must never take pressure: if you feel dizzy or your vision or speech changes, get urgent help now.
      sources:
        - "Physiotherapy CME material (secondary): suboccipital release on a cradle, 60 s static, 15 s–2 min"
        - "Shariff 2023, Cureus, PMC9815484: artery injuries linked to home neck-massage devices; keep neck work gentle, still"
        - "Hou et al. 2002, Arch Phys Med Rehabil 83:1406 (doi:10.1053/apmr.2002.34834): pressure held 60–90 s"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
        - "Pressure by region (the team's convention, from safety guidance that neck and skull-base work stays gentle and static): 2–4 of 10 at the skull base, at most 6 on the tops of the shoulders"
      steps:
        - kind: place
          title: Skull base on the cradle
          muscle: suboccipitals
          tool: cradle-tool
          position: lying-on-back
          placement: >-
            Lie on your back, knees bent. Rest the base of your skull, just below the
            bony ridge, on the knobs of the cradle.
          duration: 20s
        - kind: hold
          title: Still pressure at the skull base
          muscle: suboccipitals
          tool: cradle-tool
          position: lying-on-back
          duration: 60s
          pressure: 2-4
          cues:
            - Let the weight of your head rest on the knobs. Keep your head still.
            - This should feel gentle. Lift your head off if it does not.
        - kind: rest
          placement: Lift your head off the cradle and rest it on the floor.
          duration: 20s
        - kind: place
          title: Tops of the shoulders on the cradle
          muscle: upper-trapezius
          tool: cradle-tool
          position: lying-on-back
          placement: >-
            Move the cradle down under the tops of your shoulders. The bony bump at the
            base of your neck sits in the gap between the knobs, never on a knob; the
            knobs rest on the muscle either side, away from the neck. Lie back on it.
          duration: 20s
        - kind: hold
          muscle: upper-trapezius
          tool: cradle-tool
          position: lying-on-back
          duration: 60s
          pressure: 4-6
          cues:
            - Let your shoulders sink onto the knobs and breathe slowly.
        - kind: rate
        - kind: stretch
          title: Stretch the top of the shoulder
          muscle: upper-trapezius
          side: both
          position: sitting
          placement: >-
            Sit up. Sit on the hand of this side, then tip your head away, ear toward
            the other shoulder, until you feel a gentle stretch.
          duration: 30s
          reps: 2
          cues:
            - No bouncing. Breathe out and let the shoulder sink.
        - kind: stretch
          title: Stretch the side of the neck
          muscle: levator-scapulae
          side: both
          position: sitting
          placement: >-
            Turn your head away from this side and bend it down, nose toward the other
            hip. Rest your other hand on your head without pulling.
          duration: 30s
          reps: 2
          cues:
            - Your hand only rests on your head. Let the weight of your head do the work.
      """#
    ),
    (
      "thoracic-extension-roller.yaml",
      #"""
      format: 1
      id: thoracic-extension-roller
      title: Mid back extensions over a foam roller
      summary: >-
        Gentle backward bends over a foam roller at three levels of the mid back,
        then slow rolling. It may help a stiff, hunched upper back.
      targets: [erector-spinae]
      tools: [foam-roller]
      cautions:
        - Keep the roller under the upper and mid back only, never under the low back or the neck.
        - Support your head with your hands and keep your chin gently tucked.
        - Bend back only as far as is comfortable.
      stop-rules:
        - rule: The roller slips under your low back or your neck.
          advice: >-
            Roll off and rest. Do not go on with this routine today if it hurt; see a clinician if the pain lasts.
      sources:
        - "Physiotherapy exercise sheets: thoracic extension 5 reps, pause 2–3 s, then move the roller one level; 2–3 levels"
        - "Cheatham 2015, IJSPT 10(6):827: foam rolling 30–120 s a set"
        - "Foam rolling review, PMC8998857: 30–120 s a set, 1–3 sets"
      steps:
        - kind: place
          title: Level 1
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Sit with the roller behind you and lie back so it runs across your back at
            the lower tips of the shoulder blades. Hands behind your head, chin tucked.
          duration: 20s
        - kind: exercise
          title: Extensions, level 1
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Let your upper back bend gently back over the roller, pause 2–3 s, then
            curl back up. Keep your hips on the floor.
          reps: 5
          tempo: 5s
          cues:
            - Bend back, pause, and come up slowly. Keep breathing.
        - kind: place
          title: Level 2
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Lift your hips a little and shift so the roller moves one level, a few
            centimetres, up your back.
          duration: 10s
        - kind: exercise
          title: Extensions, level 2
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: Bend back gently over the roller, pause 2–3 s, then curl back up.
          reps: 5
          tempo: 5s
        - kind: place
          title: Level 3
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Move the roller one more level up, to about the middle of the shoulder
            blades. It stays well below the neck.
          duration: 10s
        - kind: exercise
          title: Extensions, level 3
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: Bend back gently over the roller, pause 2–3 s, then curl back up.
          reps: 5
          tempo: 5s
        - kind: rest
          duration: 20s
        - kind: roll
          muscle: erector-spinae
          tool: foam-roller
          position: lying-on-back
          placement: >-
            Cross your arms over your chest, lift your hips and roll slowly with your
            legs. Pause on any tight spot.
          span: from the lower tips of the shoulder blades up to their middle
          duration: 60s
      """#
    ),
    (
      "thoracic-stretcher-arch.yaml",
      #"""
      format: 1
      id: thoracic-stretcher-arch
      title: Lying over an arched back stretcher
      summary: >-
        A short, gentle session lying back over an arched stretcher, which may help
        a stiff mid back and a tight chest. Start on the lowest setting.
      targets: [erector-spinae, pectoralis-major]
      tools: [thoracic-stretcher]
      cautions:
        - Use the lowest setting first and keep the first sessions short. Go higher only when this feels easy.
        - Keep your spine in the central groove. Never put the stretcher under your low back or neck.
        - Back off if your arms tingle or go numb.
      stop-rules:
        - rule: The stretcher presses on your low back or your neck.
          advice: >-
            Come off the stretcher slowly, rolling to your side, and rest. Do not go on today if it hurt; see a clinician if the pain lasts.
      sources:
        - "Physiotherapy guidance (unknot clinical reference): arched stretcher on the lowest setting first, short first sessions"
        - "ACSM position stand, Garber 2011: static stretch 10–30 s, 2–4 reps"
      steps:
        - kind: place
          muscle: erector-spinae
          tool: thoracic-stretcher
          position: lying-on-back
          placement: >-
            Set the stretcher to its lowest setting. Lie back so the arch is under
            your mid back and your spine rests in the groove. Rest your head on a cushion.
          duration: 20s
        - kind: stretch
          title: Settle over the arch
          muscle: erector-spinae
          tool: thoracic-stretcher
          position: lying-on-back
          placement: Let your back settle over the arch, arms by your sides.
          duration: 30s
          reps: 2
          cues:
            - Breathe slowly and let your back relax. It should feel like a gentle stretch.
        - kind: stretch
          title: Open the chest
          muscle: pectoralis-major
          tool: thoracic-stretcher
          position: lying-on-back
          placement: >-
            Let your arms fall open to the sides, elbows bent, palms up, until you feel
            a gentle stretch across the chest.
          duration: 30s
          reps: 2
          cues:
            - Bring your arms back in between the stretches.
        - kind: rest
          title: Roll off and rest
          placement: Roll onto your side to come off the stretcher, then rest on your back.
          duration: 20s
      """#
    ),
  ]
}
