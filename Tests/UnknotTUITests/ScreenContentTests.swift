import UnknotCore
import XCTest

@testable import UnknotTUI

/// What a person must be able to read on each screen, at 80×24 and at 60×18, and that
/// nothing is drawn over anything else or off the edge.
final class ScreenContentTests: XCTestCase {
  static let sizes = [CanvasSize.standard, CanvasSize.smallest]

  /// The screen as one line of words, so wrapped sentences can be searched.
  private func words(_ canvas: MemoryCanvas) -> String {
    canvas.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Layout problems of a state, drawn at a size.
  private func problems(_ driver: AppDriver, _ size: CanvasSize, _ capabilities: CanvasCapabilities = .full)
    -> [String]
  {
    let canvas = CheckingCanvas(size: size, capabilities: capabilities)
    ScreenRenderer.draw(driver.state, now: driver.now, on: canvas)
    return canvas.problems
  }

  // MARK: Wording

  func testTheRatingAsksInTheSameWordsEveryTime() {
    for size in Self.sizes {
      let lines = Scenario.ratingBefore().draw(size).lines.map { $0.trimmingCharacters(in: .whitespaces) }
      XCTAssertTrue(lines.contains("How much pain do you have right now?"), "\(size)")
      XCTAssertTrue(lines.contains("0 = no pain, 10 = worst pain imaginable."), "\(size)")
    }
  }

  func testTheRatingNamesTheBandOfTheChosenValue() {
    let bands = [0: "none", 1: "mild", 3: "mild", 4: "moderate", 6: "moderate", 7: "severe", 10: "severe"]
    for (value, band) in bands {
      var driver = Scenario.ratingBefore()
      driver.type(String(value))
      for size in Self.sizes {
        let text = words(driver.draw(size))
        XCTAssertTrue(text.contains("Your rating: \(value) — \(band)"), "\(value) at \(size): \(text)")
      }
    }
  }

  func testTheHoldShowsThePressureTargetAndTheStopRule() {
    for size in Self.sizes {
      let text = words(Scenario.hold().draw(size))
      XCTAssertTrue(text.contains("Press about 5–7 of 10: strong, but you can breathe through it."), "\(size)")
      let reminder = size == .standard ? StopReminder.full + " Press x." : StopReminder.short
      XCTAssertTrue(text.contains(reminder), "\(size): \(text)")
    }
  }

  /// The signs show during every step that loads the body, in a form that names each
  /// one at both sizes, and never during rests, placements or ratings.
  func testTheDangerSignsShowDuringEveryActiveStepAtEverySize() {
    for kind in StopReminder.activeKinds {
      let driver = Scenario.activeStep(kind)
      XCTAssertEqual(driver.engine?.currentStep.kind, kind)
      for size in Self.sizes {
        let text = words(driver.draw(size))
        XCTAssertTrue(
          text.contains(StopReminder.full + " Press x.") || text.contains(StopReminder.short),
          "\(kind) at \(size): \(text)")
        XCTAssertTrue(text.contains("Also stop if: the knobs slide onto the side or front of your neck."), "\(kind)")
      }
    }
    for text in [words(Scenario.untimedPlacement().draw(.standard)), words(Scenario.ratingBefore().draw(.standard))] {
      XCTAssertFalse(text.contains(StopReminder.short) || text.contains(StopReminder.full), text)
    }
  }

  /// Every sign fits at 80×24; at 60×18 the box scrolls to the highlighted one and
  /// says what lies beyond.
  func testTheStopBoxShowsEveryChoiceOrScrollsToIt() {
    // The box's lines as words, its frame and runs of spaces gone.
    func boxWords(_ canvas: MemoryCanvas) -> String {
      words(canvas).replacingOccurrences(of: "│", with: " ").split(separator: " ").joined(separator: " ")
    }
    let all = StopChoices(rules: Fixture.everyActiveKind.extraStopRules).all
    let whole = boxWords(Scenario.activeStep(.hold).pressing(.character("x")).draw(.standard))
    for choice in all {
      XCTAssertTrue(whole.contains("\(choice.key) \(choice.text)"), "\(choice.key) at 80×24: \(whole)")
    }
    XCTAssertFalse(whole.contains("more ↓"))
    let top = boxWords(Scenario.activeStep(.hold).pressing(.character("x")).draw(.smallest))
    XCTAssertTrue(top.contains("a Sudden dizziness"), top)
    XCTAssertTrue(top.contains("more ↓"), top)
    XCTAssertFalse(top.contains("l The knobs slide"), top)
    let bottom = boxWords(Scenario.stopReasonsScrolled().draw(.smallest))
    XCTAssertTrue(bottom.contains("l The knobs slide onto the side or front of your neck."), bottom)
    XCTAssertTrue(bottom.contains("more ↑"), bottom)
  }

  func testTheUrgentScreenSaysGetHelpDoNotDriveAndWhatToTellThem() {
    for size in Self.sizes {
      let text = words(Scenario.urgentAdvice().draw(size))
      XCTAssertTrue(text.contains("GET URGENT MEDICAL HELP NOW"), "\(size)")
      XCTAssertTrue(text.contains("You stopped for: sudden dizziness."), "\(size)")
      XCTAssertTrue(text.contains("Call your local emergency number, or go to urgent care, now."), "\(size)")
      XCTAssertTrue(text.contains("Do not drive yourself."), "\(size)")
      XCTAssertTrue(
        text.contains(
          "Tell them what you were doing and when it started: self-massage, Still pressure at the skull base"),
        "\(size): \(text)")
      XCTAssertTrue(text.contains("you stopped at 2026-01-15 12:00"), "\(size): \(text)")
    }
  }

  /// Pressure by region: the skull base is gentle, whatever the screen's size, and the
  /// tops of the shoulders are at most firm. Never "strong" on either.
  func testTheHoldsPressureWordsFollowTheRegion() {
    var skullBase = AppDriver()
    skullBase.startSession("tension-headache")
    skullBase.advance(toKind: .hold)
    var shoulderTop = skullBase
    shoulderTop.press(.character("n"))
    shoulderTop.advance(toKind: .hold)
    for size in Self.sizes {
      let skull = words(skullBase.draw(size))
      XCTAssertTrue(skull.contains("Press about 2–4 of 10: gentle, the weight of the head only."), "\(size): \(skull)")
      XCTAssertFalse(skull.lowercased().contains("strong"), "\(size): \(skull)")
      let shoulder = words(shoulderTop.draw(size))
      XCTAssertTrue(shoulder.contains("Upper trapezius"), "\(size): \(shoulder)")
      XCTAssertTrue(shoulder.contains("Press about 4–6 of 10: firm but comfortable."), "\(size): \(shoulder)")
      XCTAssertFalse(shoulder.lowercased().contains("strong"), "\(size): \(shoulder)")
    }
  }

  /// The position is said in plain words above the countdown, so a person knows how to
  /// lie or stand before the time starts to matter.
  func testTheStepSaysThePositionAboveTheCountdown() {
    let cases: [(driver: AppDriver, sentence: String, clock: String)] = [
      (Scenario.hold(), "Stand at a wall, close enough to lean into it.", "0:25"),
      (Scenario.strokes(), "Stand at a wall, close enough to lean into it.", "0:17"),
      (Scenario.untimedPlacement(), "Lie on your back, knees bent.", "Press Enter when you are in position."),
    ]
    for (driver, sentence, clock) in cases {
      for size in Self.sizes {
        let lines = driver.draw(size).lines.map { $0.trimmingCharacters(in: .whitespaces) }
        let position = lines.firstIndex(of: sentence)
        XCTAssertNotNil(position, "\(size): no '\(sentence)' in\n\(lines.joined(separator: "\n"))")
        let countdown = lines.firstIndex { $0.contains(clock) || $0.hasPrefix("█") }
        if let position, let countdown {
          XCTAssertLessThan(position, countdown, "\(size): the position comes before the countdown")
        }
      }
    }
  }

  /// The cautions a routine's steps call for by rule show before it starts, first, even
  /// though the routine file does not list them.
  func testBeforeYouStartShowsTheRuleMadeCautionsFirst() {
    let routine = Fixture.entry("cervical-traction").routine
    XCTAssertFalse(routine.cautions.contains { $0.contains("pregnant") }, "the file does not list it")
    for size in Self.sizes {
      let lines = Scenario.cautionsTraction().draw(size).lines.map { $0.trimmingCharacters(in: .whitespaces) }
      let first = lines.first { $0.hasPrefix("!") }
      XCTAssertEqual(first?.hasPrefix("! If you are pregnant, ask a clinician first."), true, "\(size): \(lines)")
    }
    let text = words(Scenario.cautionsTraction().draw(.standard))
    XCTAssertTrue(text.contains("Stop at once and get urgent help if you feel dizzy"), text)
    XCTAssertTrue(text.contains("Use traction only with the settings your clinician gave you"), text)
  }

  func testTheDetailScreenShowsTheRuleMadeCautions() {
    for size in Self.sizes {
      let text = words(Scenario.detail().draw(size))
      XCTAssertTrue(
        text.contains("! If you take blood thinners or have a bleeding disorder, ask a clinician before pressing"),
        "\(size): \(text)")
    }
  }

  func testTheHoldCountdownIsLargeAt80x24AndTextAt60x18() {
    let digits = MemoryCanvas(size: CanvasSize(rows: BigDigits.height, columns: 40))
    BigDigits.draw("0:25", on: digits, row: 0, column: 0)
    let screen = Scenario.hold().draw(.standard).lines.map { $0.trimmingCharacters(in: .whitespaces) }
    let glyphs = digits.lines.map { $0.trimmingCharacters(in: .whitespaces) }
    let start = screen.firstIndex(of: glyphs[0])
    XCTAssertNotNil(start, "no big 0:25 at 80×24")
    if let start { XCTAssertEqual(Array(screen[start..<start + BigDigits.height]), glyphs) }

    let small = Scenario.hold().draw(.smallest).lines.map { $0.trimmingCharacters(in: .whitespaces) }
    XCTAssertTrue(small.contains("0:25 left"), "no text clock at 60×18")
    XCTAssertFalse(small.contains(glyphs[0]), "no big digits at 60×18")
  }

  /// A chin tuck shows which phase it is in, which rep of how many, and how far through
  /// the phase: a bar that fills once per phase, so the end of the hold can be seen coming.
  func testAChinTuckShowsItsPhaseItsRepAndABarThroughThePhase() {
    let moments: [(seconds: Double, line: String, filled: Int)] = [
      (18.5, "TUCK · Rep 3 of 10", 12), (22, "HOLD · Rep 3 of 10", 20), (24, "HOLD · Rep 3 of 10", 40),
      (25.5, "RELEASE · Rep 3 of 10", 12), (27, "TUCK · Rep 4 of 10", 0),
    ]
    for size in Self.sizes {
      var driver = AppDriver()
      driver.startSession("chin-tucks")
      driver.rate(6)
      var waited = 0.0
      for moment in moments {
        driver.wait(seconds: moment.seconds - waited, tick: 0.5)
        waited = moment.seconds
        let canvas = driver.draw(size)
        let lines = canvas.lines
        guard let row = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == moment.line }) else {
          XCTFail("no \"\(moment.line)\" at \(moment.seconds) s, \(size):\n\(canvas.text)")
          continue
        }
        let column = lines[row].firstIndex { $0 != " " }.map {
          lines[row].distance(from: lines[row].startIndex, to: $0)
        }
        XCTAssertEqual(canvas.style(row: row, column: column ?? 0), .bold, "\(moment.line) at \(size)")
        let bar = lines[row + 1]
        XCTAssertEqual(bar.filter { $0 == "█" }.count, moment.filled, "\(moment.seconds) s, \(size): \(bar)")
        XCTAssertTrue(bar.contains("░") || moment.filled == 50, "\(moment.seconds) s, \(size): no bar under the phase")
      }
    }
  }

  func testTheSummaryShowsTheChangeItsBandAndTheCaveat() {
    for size in Self.sizes {
      let canvas = Scenario.summaryFinished().draw(size)
      let text = words(canvas)
      XCTAssertTrue(text.contains("6 → 3, −3, −50%"), "\(size)")
      XCTAssertTrue(text.contains("(a substantial reduction)"), "\(size)")
      XCTAssertTrue(text.contains(PainChange.caveat), "\(size)")
      XCTAssertTrue(text.contains("One session's change is not a validated outcome"), "\(size)")
    }
  }

  /// 1 → 0 is −100% but one point: the summary shows the numbers as they are and calls
  /// the change what it is; 9 → 7 is two points but −22%, a small reduction.
  func testTheSummaryNeverCallsASmallChangeImportant() {
    let cases = [
      (1, 0, "1 → 0, −1, −100%", "(within the usual day-to-day variation)"),
      (9, 7, "9 → 7, −2, −22%", "(a small reduction)"),
      (9, 6, "9 → 6, −3, −33%", "(a moderate reduction)"),
      (3, 4, "3 → 4, +1, +33%", "(within the usual day-to-day variation)"),
      (4, 6, "4 → 6, +2, +50%", "(pain went up)"),
    ]
    for (before, after, numbers, phrase) in cases {
      var driver = AppDriver(routines: Fixture.library + Fixture.handMade)
      driver.startSession("quick-shoulder")
      driver.rate(before)
      // 9 before a routine that presses asks first: the full routine, as these ratings came from.
      if let session = driver.session, session.overlay == .painChoice,
        let full = session.painOptions.firstIndex(of: .asWritten)
      {
        driver.type(String(full + 1))
      }
      driver.wait(seconds: 40)
      driver.rate(after)
      for size in Self.sizes {
        let text = words(driver.draw(size))
        XCTAssertTrue(text.contains(numbers), "\(before) → \(after) at \(size): \(text)")
        XCTAssertTrue(text.contains(phrase), "\(before) → \(after) at \(size): \(text)")
      }
    }
  }

  func testTheSummaryAfterQuittingKeepsTheRatingBefore() {
    let text = words(Scenario.summaryQuit().draw(.standard))
    XCTAssertTrue(text.contains("Session ended early"))
    XCTAssertTrue(text.contains("Pain before: 6 (moderate). No rating after."))
    XCTAssertTrue(text.contains("Kept in your journal as quit."))
  }

  func testTheSafetyStopSaysToRestAndSeeAClinician() {
    for size in Self.sizes {
      let text = words(Scenario.safetyStopAdvice().draw(size))
      XCTAssertTrue(text.contains("You stopped for: sharp, shooting or spreading pain."), "\(size)")
      XCTAssertTrue(text.contains("Do not repeat this routine until it has settled."), "\(size)")
      XCTAssertTrue(text.contains("See a clinician if it lasts more than a day or comes back."), "\(size)")
      XCTAssertFalse(text.contains("urgent"), "\(size): sharp pain is not an urgent sign")
    }
  }

  func testTooSmallAsksForALargerTerminal() {
    var driver = Scenario.hold()
    driver.press(.character("?"))
    for state in [Scenario.home(), driver] {
      let text = words(state.draw(CanvasSize(rows: 15, columns: 50)))
      XCTAssertTrue(text.contains("make the terminal larger"), text)
      XCTAssertTrue(text.contains("60×18"), text)
    }
  }

  // MARK: Keys on screen

  /// Hints each screen must show, whatever the size.
  static let hints: [String: [String]] = [
    "home-neck": [
      "↑↓ move", "→/Enter routines", "t my tools only", "h history", "o choose tools", "s safety check", "w pain",
      "? help", "q quit",
    ],
    "home-between-blades-routines": ["Enter open", "q quit"],
    "home-tool-filter-no-tools": ["t my tools only", "o choose tools"],
    "home-help": ["any key to go back"],
    "tools": ["space tick", "Enter done"],
    "detail-between-blades-ball": ["Enter start", "Esc back"],
    "safety-introduction": ["Enter begin", "Esc not now"],
    "safety-question": ["y yes", "n no", "Esc stop"],
    "safety-ask-clinician": ["y yes, a clinician agreed", "n no, not yet"],
    "safety-outcome-urgent": ["Enter home"],
    "safety-outcome-clear": ["Enter continue"],
    "cautions-cervical-traction": ["y yes, begin", "n no", "Esc back"],
    "detail-point-tool-bleeding": ["Enter start", "Esc back"],
    "cautions-point-tool-bleeding": ["Esc back"],
    // Enter saves only once a number is chosen: before that it would do nothing, so it is not offered.
    "session-rating-before": ["s skip this rating", "x stop", "q quit"],
    "session-rating-before-6": ["Enter save", "s skip this rating"],
    "session-untimed-placement": ["Enter in position", "x stop", "q quit", "? help"],
    "session-hold": ["space pause", "n/→ next", "b/← back", "r released", "x stop", "q quit", "? help"],
    "session-breathing-inhale": ["space pause", "x stop", "q quit"],
    "session-strokes": ["space pause", "x stop", "q quit"],
    "session-chin-tuck-hold": ["space pause", "+/- 15 s more/less", "x stop", "q quit"],
    "session-traction-entry": ["x stop", "q quit"],
    "session-paused": ["space to continue", "q to quit"],
    "session-paused-clock-gap": ["space to continue", "q to quit"],
    "session-help": ["Any key to go back"],
    "session-confirm-quit": ["y quit", "n keep going"],
    "session-stop-reasons": ["a letter, or ↑↓ and Enter", "Esc back"],
    "session-stop-reasons-scrolled": ["a letter, or ↑↓ and Enter", "Esc back"],
    "summary-urgent-advice": ["Enter see the summary", "q quit"],
    "session-active-breathe": ["space pause", "x stop", "q quit"],
    "session-active-exercise": ["space pause", "x stop", "q quit"],
    "session-active-heat": ["space pause", "x stop", "q quit"],
    "session-active-hold": ["space pause", "r released", "x stop", "q quit"],
    "session-active-roll": ["space pause", "x stop", "q quit"],
    "session-active-stretch": ["space pause", "x stop", "q quit"],
    "session-active-strokes": ["space pause", "x stop", "q quit"],
    "session-active-traction": ["space pause", "x stop", "q quit"],
    "session-journal-failed": ["y continue unlogged", "n end the session"],
    "summary-finished": ["Enter home", "q quit"],
    "session-pain-rose": ["↑↓ choose", "number choose that line", "Enter go on with it", "1  Lighter"],
    "session-pain-high-before": ["number choose that line", "Enter go on with it", "Gentler: Box breathing"],
    "summary-pain-choice": ["Pain rose from 3 to 6 at step 9; you chose lighter.", "Enter home", "q quit"],
    "summary-quit": ["Enter home", "q quit"],
    "summary-safety-advice": ["Enter see the summary", "q quit"],
    "home-helped-most": ["h history", "q quit"],
    "home-helped-most-routines": ["h history", "q quit"],
    "history": ["↑↓ scroll", "Esc back"],
    "history-scrolled": ["↑↓ scroll", "Esc back"],
    "history-empty": ["Esc back"],
    "history-no-journal": ["Esc back"],
    "summary-beside-history": ["Enter home", "q quit"],
    "summary-no-journal": ["Enter home", "q quit"],
    "hurts-marking": ["↑↓ move", "0-10 or ←→ rate", "x clear", "Enter save", "Esc back without saving"],
    "home-marked-today": ["↑↓ move", "→/Enter routines", "w pain", "q quit"],
    // The notice says its own key, and what it is not.
    "home-trend-notice": ["↑↓ move", "d: put away", "not a diagnosis", "w pain", "q quit"],
    // A followed programme's next thing to do comes first.
    "home-programme-today": ["Today (g): posture break, 0 of 7 this week", "↑↓ move", "w pain", "q quit"],
    // The desk check: questions only, no stop reminder and no pain rating.
    "cautions-desk-check": ["8 questions", "Enter begin", "Esc back", "no pain ratings"],
    "session-checklist-question": ["3 of 8", "y yes", "n no", "b/← back", "q quit"],
    "session-checklist-advice": ["1 of 8", "What to change:", "Enter next question", "q quit"],
    "summary-checklist": ["What to change (2 of 8):", "Enter home", "q quit"],
  ]

  func testEveryScreenShowsItsKeys() {
    for (name, make) in Scenario.all {
      guard let wanted = Self.hints[name] else {
        XCTFail("no hints listed for \(name)")
        continue
      }
      let driver = make()
      for size in Self.sizes {
        let screen = driver.draw(size).text
        for hint in wanted where !screen.contains(hint) {
          XCTFail("\(name) at \(size.columns)×\(size.rows) does not show \"\(hint)\":\n\(screen)")
        }
      }
    }
  }

  // MARK: ASCII

  func testASCIIModeDrawsOnlyASCII() {
    for driver in [Scenario.home(), Scenario.hold(), Scenario.ratingBeforeSix(), Scenario.summaryFinished()] {
      for size in Self.sizes {
        let text = driver.draw(size, .plain).text
        let foreign = text.unicodeScalars.filter { !$0.isASCII }
        XCTAssertTrue(foreign.isEmpty, "\(size): \(String(String.UnicodeScalarView(foreign)))\n\(text)")
      }
    }
  }

  /// Regression test; the bug was: CellText.asciiFallback has no ASCII for "↑", "↓" and "±", so the key hints read
  /// "?? move" and "+/- ?15 s": "?" is itself a key (help), and the arrows are lost.
  func testASCIIKeyHintsKeepTheirMeaning() {
    let home = Scenario.home().draw(.standard, .plain).lines.suffix(2).joined(separator: "\n")
    XCTAssertFalse(home.contains("??"), home)
    let hold = Scenario.hold().draw(.standard, .plain).lines.suffix(2).joined(separator: "\n")
    XCTAssertFalse(hold.contains("?15"), hold)
  }

  /// Regression test; the bug was: Layout.clip measures "…" as one cell, but without Unicode it is drawn as "...",
  /// three cells: clipped titles run into the time beside them ("clinician's..1 min+") and
  /// clipped lines run off the right edge.
  func testASCIIScreensStayInsideTheirColumns() {
    for (name, make) in Scenario.all {
      let driver = make()
      for size in Self.sizes {
        // Other overlaps are the same as with Unicode, and reported by the test below.
        for problem in problems(driver, size, .plain) where problem.contains("…") {
          XCTFail("\(name) at \(size.columns)×\(size.rows), ASCII: \(problem)")
        }
      }
    }
  }

  // MARK: Layout

  func testNoScreenDrawsOverItselfOrOffTheEdge() {
    for (name, make) in Scenario.all {
      let driver = make()
      for size in Self.sizes {
        for problem in problems(driver, size) {
          XCTFail("\(name) at \(size.columns)×\(size.rows): \(problem)")
        }
      }
    }
  }

  /// Every step of every built-in routine, 1 s in, at both sizes. This one runs the
  /// routines the app really carries, not the fixtures: a bundled routine edited so that
  /// a step no longer fits should fail here.
  func testEveryStepOfEveryBuiltInRoutineFits() {
    for entry in Fixture.bundled {
      var driver = AppDriver(routines: Fixture.bundled)
      driver.startSession(entry.routine.id)
      var seen = 0
      while let engine = driver.engine, !engine.hasEnded, seen < 100 {
        let index = engine.stepIndex
        if case .clinicianTimed = engine.currentStep.plan, engine.stepLength == nil {
          driver.type("10")
          driver.press(.enter)
        }
        driver.wait(seconds: 1)
        if driver.engine?.stepIndex == index {
          let step = "\(entry.routine.id) step \(index + 1) (\(engine.currentStep.kind))"
          for size in Self.sizes {
            for problem in problems(driver, size) {
              XCTFail("\(step) at \(size.columns)×\(size.rows): \(problem)")
            }
          }
          switch engine.currentStep.plan {
          case .rating: driver.rate(4)
          // Each item answered no, so every advice is drawn too.
          case .checklist: driver.press(engine.showingAdvice ? .enter : .character("n"))
          default: driver.press(.character("n"))
          }
        }
        seen += 1
      }
      XCTAssertNotNil(driver.summary, "\(entry.routine.id) did not reach its summary")
    }
  }

  /// Regression test; the bug was: at 60×18 the home screen has no room for its routines: the tool-filter line is
  /// drawn on the first routine's row ("…only ones for your toolsmin 48 s"), and with the
  /// routines focused "Needs: massage ball" is drawn over the selected routine.
  func testHomeAt60x18ShowsTheGroupsRoutines() {
    let neck = Scenario.home().draw(.smallest)
    XCTAssertTrue(neck.text.contains("Box breathing for stress"), neck.text)
    let focused = Scenario.homeBetweenBladesRoutines().draw(.smallest)
    XCTAssertTrue(focused.text.contains("▸ Between the shoulder blades wit"), focused.text)
    XCTAssertTrue(focused.text.contains("Needs: massage ball"), focused.text)
  }

  /// Regression test; the bug was: at 60×18 a hold leaves no row for the status line: a rejected key's message, or
  /// the "Not logging" note, is drawn over the "Next:" line.
  func testTheHoldAt60x18HasRoomForAStatusLine() {
    var rejected = Scenario.hold()
    rejected.press(.enter)
    var unlogged = AppDriver(Fixture.state(options: AppOptions(logging: false)))
    unlogged.startSession("between-blades-ball")
    unlogged.advance(toKind: .hold)
    for (driver, status) in [
      (rejected, "There is nothing to confirm in this step."),
      (unlogged, "Not logging: sessions are not written to your journal."),
    ] {
      let text = driver.draw(.smallest).text
      XCTAssertTrue(text.contains(status), text)
      XCTAssertTrue(text.contains("Next: Get into position — Middle trapezius"), text)
    }
  }

  /// Without a journal, neither the help nor the quit question promises to keep the session.
  func testAnUnloggedSessionNeverSaysItIsKept() {
    var unlogged = AppDriver(Fixture.state(options: AppOptions(logging: false)))
    unlogged.startSession("between-blades-ball")
    unlogged.advance(toKind: .hold)
    unlogged.press(.character("?"))
    let help = unlogged.draw(.standard).text
    XCTAssertTrue(help.contains("quit (nothing is kept)"), help)
    XCTAssertFalse(help.contains("kept as quit"), help)
    unlogged.press(.escape)
    unlogged.press(.character("q"))
    let quit = unlogged.draw(.standard).text
    XCTAssertTrue(quit.contains("Nothing of it is kept: this session is not being"), quit)
    XCTAssertFalse(quit.contains("stays in your journal"), quit)
  }

  /// At every size the digits typed so far stay visible while the time is entered.
  func testTheTypedTractionTimeIsVisibleAt60x18() {
    for size in Self.sizes {
      let lines = Scenario.tractionEntry().draw(size).lines.map { $0.trimmingCharacters(in: .whitespaces) }
      XCTAssertTrue(lines.contains("12_"), "\(size):\n\(lines.joined(separator: "\n"))")
      XCTAssertTrue(
        lines.contains("Type the minutes your clinician gave, then Enter:"),
        "\(size):\n\(lines.joined(separator: "\n"))")
    }
  }

  /// A routine's own stop rules (`stop-rules:`, "added to the standard stop rules during
  /// holds", docs/routine-format.md) show under the standard one.
  func testTheHoldShowsTheRoutinesOwnStopRules() {
    let rule = Fixture.entry("between-blades-ball").routine.extraStopRules
    XCTAssertEqual(rule.map(\.text), ["The ball slides onto the bony ridge of the spine."])
    for size in Self.sizes {
      let text = words(Scenario.hold().draw(size))
      XCTAssertTrue(text.contains("Also stop if: the ball slides onto the bony ridge of the spine"), "\(size): \(text)")
    }
  }

  /// Regression test; the bug was: at 60×18 the traction cautions stop after three of five with no sign that more
  /// exist; "Stop if arm pain increases, and tell your clinician." is never shown.
  func testTheCautionsShowEveryCautionOrSayThereAreMore() {
    let cautions = RoutineCautions.of(Fixture.entry("cervical-traction").routine).map(\.text)
    for size in Self.sizes {
      let text = words(Scenario.cautionsTraction().draw(size))
      let missing = cautions.filter { !text.contains($0) }
      if !missing.isEmpty && !text.contains("more") {
        XCTFail("\(size.columns)×\(size.rows) hides \(missing.count) cautions without saying so: \(missing)")
      }
    }
  }

  /// Regression test; the bug was: at 60×18 the help screen cuts its first paragraph at "please see…", dropping
  /// "a clinician", while three rows below stay empty.
  func testHomeHelpAt60x18KeepsTheAdviceToSeeAClinician() {
    let text = words(Scenario.homeHelp().draw(.smallest))
    XCTAssertTrue(text.contains("please see a clinician"), text)
  }

  /// Regression test; the bug was: when the last journal write of a session fails (the rating after, the end), the
  /// failure reaches the reducer on the summary screen, which ignores it: the summary still
  /// says "Saved in your journal."
  func testTheSummaryDoesNotClaimASaveThatFailed() {
    var driver = Scenario.summaryFinished()
    driver.send(.journalFailed(Scenario.journalFailure))
    let text = words(driver.draw(.standard))
    XCTAssertFalse(text.contains("Saved in your journal."), text)
  }

  /// Regression test; the bug was: after "The journal could not be written", n ends the session, and its summary says
  /// "Kept in your journal as quit." although the journal is what failed.
  func testEndingASessionBecauseTheJournalFailedDoesNotClaimItWasKept() {
    var driver = Scenario.journalFailed()
    driver.press(.character("n"))
    XCTAssertEqual(driver.summary?.record.outcome, .quit)
    let text = words(driver.draw(.standard))
    XCTAssertFalse(text.contains("Kept in your journal"), text)
  }
}
