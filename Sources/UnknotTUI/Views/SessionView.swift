import UnknotCore

/// A guided step: what to do, where, a countdown readable from the floor, progress,
/// what comes next, and the keys. Rating steps and overlays draw over this frame.
enum SessionView {
  static func draw(_ state: AppState, _ session: SessionScreen, now: Moment, on canvas: Canvas) {
    let engine = session.engine
    let step = engine.currentStep
    let progress = SessionProgress(engine, at: now)
    Layout.header(
      session.entry.routine.title, right: "step \(engine.stepIndex + 1) of \(engine.steps.count)", on: canvas)
    switch step.plan {
    case .rating(let moment):
      RatingView.draw(state, session, moment: moment, on: canvas)
    case .checklist(let items):
      ChecklistView.draw(state, session, items: items, on: canvas)
    default:
      drawStep(state, session, step: step, progress: progress, on: canvas)
    }
    if let overlay = session.overlay {
      OverlayView.draw(overlay, state: state, session: session, on: canvas)
    } else if case .paused(let reason) = engine.status {
      OverlayView.drawPaused(reason, on: canvas)
    }
  }

  /// One piece of the step screen: its lines, and how readily it gives way when the
  /// terminal is small: dropped at `givesWay` (0 never), or first shortened to
  /// `fallback` at `shrinksAt`. Higher numbers give way first.
  private struct Block {
    var lines: [(String, TextStyle)]
    var centered = false
    /// Draws itself instead of lines (the big digits, the breath bar).
    var height = 0
    var draw: ((Int) -> Void)?
    var givesWay: Int
    var fallback: [(String, TextStyle)]?
    var shrinksAt = 0

    var rows: Int { draw == nil ? lines.count : height }
    var nextGiving: Int { fallback != nil ? shrinksAt : givesWay }
  }

  /// Laid out from the bottom up: key hints, the status line, the progress bars and
  /// what comes next. Above them the step's own lines are fitted: the clock and, for
  /// holds, the pressure target and stop rule always show; the rest gives way on a
  /// small terminal, least needed first.
  private static func drawStep(
    _ state: AppState, _ session: SessionScreen, step: SessionStep, progress: SessionProgress, on canvas: Canvas
  ) {
    let size = canvas.size
    let width = size.columns - 2
    let hints = KeyTable.hints(state)
    let statusRow = size.rows - Layout.footerHeight(hints, on: canvas) - 1
    let barsRow = statusRow - 3
    drawBars(session, progress: progress, row: barsRow, on: canvas)
    Layout.footer(hints, status: state.status ?? HomeView.loggingNote(state), on: canvas)

    func wrapped(_ text: String, _ style: TextStyle = [], maxLines: Int = 3) -> [(String, TextStyle)] {
      TextWrap.lines(text, width: width).prefix(maxLines).map { ($0, style) }
    }
    var blocks: [Block] = []
    let kind = StepText.kindName(step.kind).uppercased()
    let title =
      step.title.caseInsensitiveCompare(StepText.kindName(step.kind)) == .orderedSame ? "" : " — " + step.title
    blocks.append(Block(lines: [(Layout.clip(kind + title, width), [.bold, .accent])], givesWay: 0))
    let place = StepText.place(step)
    if !place.isEmpty {
      blocks.append(Block(lines: [(Layout.clip(place, width), .bold)], givesWay: 40))
    }
    // Said before the placement: a person on the floor needs to know how to lie first.
    if let position = StepText.position(step) {
      blocks.append(Block(lines: wrapped(position, maxLines: 2), givesWay: 35))
    }
    if let text = step.placement ?? step.cues.first {
      let full = wrapped(text)
      let short = full.count > 1 ? [(Layout.clip(full[0].0 + " …", width), TextStyle())] : full
      blocks.append(Block(lines: full, givesWay: 60, fallback: short, shrinksAt: 70))
    }
    blocks.append(Block(lines: [("", [])], givesWay: 90))
    if let clock = countdownText(session, progress: progress) {
      let big = size.columns >= 80 && size.rows >= 24 && BigDigits.width(of: clock) <= width
      let small: [(String, TextStyle)] = [(clock + " left", [.bold, .reverse])]
      if big {
        let column = (size.columns - BigDigits.width(of: clock)) / 2
        blocks.append(
          Block(
            lines: [], height: BigDigits.height + 1,
            draw: { row in
              for (offset, line) in BigDigits.rows(clock, unicode: canvas.capabilities.unicode).enumerated() {
                canvas.put(line, row: row + offset, column: column)
              }
            }, givesWay: 0,
            fallback: small, shrinksAt: 25))
      } else {
        blocks.append(Block(lines: small, centered: true, givesWay: 0))
      }
    }
    let detail = detailLine(session, step: step, progress: progress)
    if !detail.isEmpty {
      blocks.append(Block(lines: detail.map { ($0, TextStyle.bold) }, centered: true, givesWay: 10))
    }
    if let fraction = phaseBarFraction(progress) {
      let barWidth = min(50, width - 4)
      blocks.append(
        Block(
          lines: [], height: 1,
          draw: { row in
            ProgressBar.draw(
              fraction: fraction, width: barWidth, on: canvas, row: row, column: (size.columns - barWidth) / 2,
              style: .accent)
          }, givesWay: 50))
    }
    if let pressure = step.pressure {
      blocks.append(
        Block(
          lines: wrapped("Press " + pressure.text(on: step.muscle) + "."), givesWay: 0,
          fallback: [("Press about \(pressure.range) of 10: \(pressure.feel(on: step.muscle).name).", [])],
          shrinksAt: 5))
    }
    if StopReminder.shows(during: step.kind) {
      // Every sign is always named: the short form replaces the full one when it would
      // take more than four lines, or when rows run out.
      let full = TextWrap.lines(StopReminder.full + " Press x.", width: width)
      let short = wrapped(StopReminder.short, .warning)
      blocks.append(
        full.count <= 4
          ? Block(lines: full.map { ($0, .warning) }, givesWay: 0, fallback: short, shrinksAt: 75)
          : Block(lines: short, givesWay: 0))
      for rule in session.entry.routine.extraStopRules {
        blocks.append(
          Block(
            lines: wrapped("Also stop if: " + StepText.sentenceCase(rule.text), .warning, maxLines: 2), givesWay: 30))
      }
    }
    if step.pressure == nil, step.placement != nil, let cue = step.cues.first {
      blocks.append(Block(lines: wrapped(cue, .dim, maxLines: 1), givesWay: 80))
    }

    // Shrink, then drop, the most expendable blocks until everything fits.
    let available = barsRow - 2
    var total = blocks.reduce(0) { $0 + $1.rows }
    while total > available {
      guard
        let index = blocks.indices.filter({ blocks[$0].nextGiving > 0 })
          .max(by: { blocks[$0].nextGiving < blocks[$1].nextGiving })
      else { break }
      total -= blocks[index].rows
      if let fallback = blocks[index].fallback {
        // The clock's short form stays centred, as the big digits were.
        blocks[index].centered = blocks[index].draw != nil || blocks[index].centered
        blocks[index].lines = fallback
        blocks[index].draw = nil
        blocks[index].fallback = nil
        total += blocks[index].rows
      } else {
        blocks.remove(at: index)
      }
    }
    var row = 2
    for block in blocks {
      if let draw = block.draw {
        draw(row)
      } else {
        for (offset, line) in block.lines.enumerated() {
          if block.centered {
            Layout.centered(line.0, row: row + offset, style: line.1, on: canvas)
          } else {
            canvas.put(line.0, row: row + offset, column: 1, style: line.1)
          }
        }
      }
      row += block.rows
    }
  }

  /// "0:45" for a countdown; nil when the step waits for the person.
  static func countdownText(_ session: SessionScreen, progress: SessionProgress) -> String? {
    guard let remaining = progress.stepRemaining else { return nil }
    // Rounded up: "0:01" shows until the very end, and "0:00" only when it is over.
    let seconds = Int((remaining + nanosecondsPerSecond - 1) / nanosecondsPerSecond)
    return DurationText.clock(seconds: seconds)
  }

  /// How full the phase bar is, for breathing and phased exercises; nil for no bar.
  static func phaseBarFraction(_ progress: SessionProgress) -> Double? {
    if let breath = progress.breath {
      switch breath.kind {
      case .inhale, .topUp: return breath.fraction
      case .hold: return 1
      case .exhale: return 1 - breath.fraction
      }
    }
    // Each exercise phase fills the bar once, the hold too: the person sees when the
    // next phase, above all the release, comes.
    return progress.exercisePhase?.fraction
  }

  /// What the step asks beyond the countdown: the count, the breath, the entry.
  static func detailLine(_ session: SessionScreen, step: SessionStep, progress: SessionProgress) -> [String] {
    if let breath = progress.breath {
      return ["\(StepText.breathWord(breath.kind)) · breath \(breath.cycle)"]
    }
    if let phase = progress.exercisePhase, let count = progress.repetitionCount {
      // The phase word in capitals: the one thing to read from across the room.
      return ["\(phase.kind.word.uppercased()) · Rep \(phase.repetition) of \(count)"]
    }
    if let repetition = progress.repetition, let count = progress.repetitionCount {
      let noun = step.kind == .strokes ? "Stroke" : step.kind == .stretch ? "Stretch" : "Rep"
      return ["\(noun) \(repetition) of \(count)"]
    }
    switch step.plan {
    case .untimed:
      return ["Press Enter when you are in position."]
    case .clinicianTimed where session.engine.stepLength == nil:
      let typed = session.tractionEntry.isEmpty ? "_" : session.tractionEntry + "_"
      return ["Type the minutes your clinician gave, then Enter:", typed]
    default:
      if step.setCount > 1 { return ["Set \(step.set) of \(step.setCount)"] }
      return []
    }
  }

  private static func drawBars(_ session: SessionScreen, progress: SessionProgress, row: Int, on canvas: Canvas) {
    let engine = session.engine
    let width = canvas.size.columns
    let labelWidth = 9
    let timeWidth = 14
    let barWidth = max(3, width - labelWidth - timeWidth - 4)
    // Times beside the bars are plain text: a changing dim number costs attribute
    // codes every second. The session's time counts in minutes, changing rarely.
    if let fraction = progress.stepFraction, let remaining = progress.stepRemaining {
      canvas.put("step", row: row, column: 1, style: .dim)
      ProgressBar.draw(fraction: fraction, width: barWidth, on: canvas, row: row, column: labelWidth + 1)
      canvas.put(StepText.clock(remaining) + " left", row: row, column: labelWidth + barWidth + 2)
    }
    let sessionFraction =
      progress.sessionLength > 0 ? 1 - Double(progress.sessionRemaining) / Double(progress.sessionLength) : 0
    canvas.put("session", row: row + 1, column: 1, style: .dim)
    ProgressBar.draw(fraction: sessionFraction, width: barWidth, on: canvas, row: row + 1, column: labelWidth + 1)
    canvas.put(roughly(progress.sessionRemaining) + " left", row: row + 1, column: labelWidth + barWidth + 2)
    if engine.stepIndex + 1 < engine.steps.count {
      let next = engine.steps[engine.stepIndex + 1]
      canvas.put(Layout.clip("Next: " + StepText.headline(next), width - 2), row: row + 2, column: 1, style: .dim)
    }
  }

  /// "about 12 min", or seconds in the last minute.
  static func roughly(_ nanoseconds: Int64) -> String {
    let seconds = Int((nanoseconds + nanosecondsPerSecond - 1) / nanosecondsPerSecond)
    return seconds < 60 ? "\(seconds) s" : "\((seconds + 59) / 60) min"
  }
}
