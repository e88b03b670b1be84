/// The lighter version of a pressure step, for a session that starts with high pain or
/// in which pain rose (docs/evidence.md, "When pain rises"): the pressure target two
/// levels lower, never below 2, and the time or count at the low end of its evidence
/// range. Stretches, breathing, heat and rests are not pressure and stay as written.
public enum LighterDose {
  /// How many levels lighter: the usual clinically important change in a pain rating
  /// (Farrar 2001, Pain 94:149), so "lighter" is a change a person can feel.
  public static let pressureDrop = 2
  /// No lighter target goes below this: lower still is barely touching.
  public static let lowestPressure = 2

  /// "5–7" becomes "3–5", "4–6" becomes "2–4", "2–4" becomes "2"; a target already at
  /// or below 2 stays as written, never firmer.
  public static func pressure(_ target: PressureTarget) -> PressureTarget {
    PressureTarget(
      low: max(min(lowestPressure, target.low), target.low - pressureDrop),
      high: max(min(lowestPressure, target.high), target.high - pressureDrop))
  }

  /// A hold's seconds at the low end of its evidence range, never longer than written.
  /// A cradle under the skull base has its own, lower range.
  public static func holdSeconds(_ seconds: Int, on muscle: Muscle?) -> Int {
    let low =
      muscle == .suboccipitals
      ? DosageLimits.suboccipitalCradleHold.range.lowerBound
      : (DosageLimits.evidenceSeconds[.hold]?.range.lowerBound ?? seconds)
    return min(seconds, low)
  }

  /// Rolling time at the low end of its range (Cheatham 2015; PMC8998857).
  public static func rollSeconds(_ seconds: Int) -> Int {
    min(seconds, DosageLimits.evidenceSeconds[.roll]?.range.lowerBound ?? seconds)
  }

  /// Strokes per spot at the low end of their range (Davies, secondary).
  public static func strokeCount(_ count: Int) -> Int {
    min(count, DosageLimits.strokeCountEvidence.range.lowerBound)
  }

  /// A routine step made lighter; blocks are made lighter all through.
  public static func lighter(_ step: RoutineStep) -> RoutineStep {
    var step = step
    switch step.action {
    case .hold(let seconds, let target):
      step.action = .hold(seconds: holdSeconds(seconds, on: step.muscle), pressure: pressure(target))
    case .strokes(let count, let pace):
      step.action = .strokes(count: strokeCount(count), secondsPerStroke: pace)
    case .roll(let seconds, let span):
      step.action = .roll(seconds: rollSeconds(seconds), span: span)
    case .block(let steps):
      step.action = .block(steps: steps.map(lighter))
    case .place, .stretch, .exercise, .phasedExercise, .breathe, .heat, .traction, .rest, .rate, .checklist:
      break
    }
    return step
  }

  /// A session step made lighter: the same rules, on a step already expanded.
  public static func lighter(_ step: SessionStep) -> SessionStep {
    var step = step
    switch (step.kind, step.plan) {
    case (.hold, .timed(let seconds)):
      step.plan = .timed(seconds: holdSeconds(seconds, on: step.muscle))
      step.pressure = step.pressure.map(pressure)
    case (.strokes, .repetitions(let count, let each)):
      step.plan = .repetitions(count: strokeCount(count), secondsEach: each)
    case (.roll, .timed(let seconds)):
      step.plan = .timed(seconds: rollSeconds(seconds))
    default:
      break
    }
    return step
  }
}
