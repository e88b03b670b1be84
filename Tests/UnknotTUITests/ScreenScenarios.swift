@testable import UnknotCore
@testable import UnknotTUI

/// Every screen the golden and layout tests look at, each reached by keys from the home
/// screen and by ticks of time, never by setting private state.
enum Scenario {
  /// A full disk, in the words the session's box shows: the journal error's own text, as
  /// the effect performer passes it on, so the golden follows the core's wording. It names
  /// no flag; the box's own question offers going on unlogged.
  static let journalFailure = JournalError.diskFull("/home/alex/.local/share/unknot/journal.sqlite").description

  /// Name and state of every screen, in the order a person meets them.
  static let all: [(name: String, make: @Sendable () -> AppDriver)] =
    [
      ("home-neck", home),
      ("home-between-blades-routines", homeBetweenBladesRoutines),
      ("home-tool-filter-no-tools", homeToolFilterNoTools),
      ("home-help", homeHelp),
      ("tools", tools),
      ("detail-between-blades-ball", detail),
      ("safety-introduction", safetyIntroduction),
      ("safety-question", safetyQuestion),
      ("safety-ask-clinician", safetyAskClinician),
      ("safety-outcome-urgent", safetyOutcomeUrgent),
      ("safety-outcome-clear", safetyOutcomeClear),
      ("cautions-cervical-traction", cautionsTraction),
      ("detail-point-tool-bleeding", detailPointToolBleeding),
      ("cautions-point-tool-bleeding", cautionsPointToolBleeding),
      ("session-rating-before", ratingBefore),
      ("session-rating-before-6", ratingBeforeSix),
      ("session-untimed-placement", untimedPlacement),
      ("session-hold", hold),
      ("session-breathing-inhale", breathing),
      ("session-strokes", strokes),
      ("session-chin-tuck-hold", chinTuckHold),
      ("session-traction-entry", tractionEntry),
      ("session-paused", paused),
      ("session-paused-clock-gap", pausedByClockGap),
      ("session-help", sessionHelp),
      ("session-confirm-quit", confirmQuit),
      ("session-stop-reasons", stopReasons),
      ("session-journal-failed", journalFailed),
      ("summary-finished", summaryFinished),
      ("summary-quit", summaryQuit),
      ("summary-safety-advice", safetyStopAdvice),
      ("summary-urgent-advice", urgentAdvice),
      ("session-stop-reasons-scrolled", stopReasonsScrolled),
      ("home-helped-most", homeHelpedMost),
      ("home-helped-most-routines", homeHelpedMostRoutines),
      ("history", history),
      ("history-scrolled", historyScrolled),
      ("history-empty", historyEmpty),
      ("history-no-journal", historyNoJournal),
      ("summary-beside-history", summaryBesideHistory),
      ("summary-no-journal", summaryNoJournal),
      ("hurts-marking", hurtsMarking),
      ("home-marked-today", homeMarkedToday),
      ("home-trend-notice", homeTrendNotice),
      ("home-programme-today", { homeProgrammeToday() }),
      ("session-pain-rose", painRose),
      ("session-pain-high-before", painHighBefore),
      ("summary-pain-choice", summaryPainChoice),
      ("cautions-desk-check", deskCheckIntroduction),
      ("session-checklist-question", checklistQuestion),
      ("session-checklist-advice", checklistAdvice),
      ("summary-checklist", summaryChecklist),
    ]
    + StopReminder.activeKinds.sorted { $0.rawValue < $1.rawValue }.map { kind in
      ("session-active-\(kind.rawValue)", { activeStep(kind) })
    }

  /// Routines that helped most, as the journal's statistics would mark them.
  static let marks: [MuscleGroup: Set<String>] = [
    .neck: ["chin-tucks", "box-breathing"], .shoulders: ["quick-shoulder"],
  ]

  // MARK: Home

  static func home() -> AppDriver { AppDriver() }

  static func homeBetweenBladesRoutines() -> AppDriver {
    var driver = AppDriver()
    driver.press(.down, .down, .right)
    return driver
  }

  static func homeToolFilterNoTools() -> AppDriver {
    var driver = AppDriver()
    driver.press(.character("t"))
    return driver
  }

  static func homeHelp() -> AppDriver {
    var driver = AppDriver()
    driver.press(.character("?"))
    return driver
  }

  static func tools() -> AppDriver {
    var driver = AppDriver()
    driver.press(.character("o"), .down, .character(" "))
    return driver
  }

  static func detail() -> AppDriver {
    var driver = AppDriver()
    driver.openDetail("between-blades-ball")
    return driver
  }

  // MARK: Safety

  static func safetyIntroduction() -> AppDriver {
    var driver = AppDriver()
    driver.press(.character("s"))
    return driver
  }

  /// The second question, the longest of section A.
  static func safetyQuestion() -> AppDriver {
    var driver = safetyIntroduction()
    driver.press(.enter, .character("n"))
    return driver
  }

  /// A section B sign (fever or weight loss), every other answer no.
  static func safetyAskClinician() -> AppDriver {
    var driver = safetyIntroduction()
    driver.press(.enter)
    for question in SafetyQuestions.all {
      driver.press(.character(question.id == "b-fever-weight" ? "y" : "n"))
    }
    return driver
  }

  static func safetyOutcomeUrgent() -> AppDriver {
    var driver = safetyIntroduction()
    driver.press(.enter, .character("y"))
    return driver
  }

  /// Before a routine, with the check due: all no, so it goes on to the cautions.
  static func safetyOutcomeClear() -> AppDriver {
    var driver = AppDriver(Fixture.state(safetyDue: true))
    driver.openDetail("between-blades-ball")
    driver.press(.enter, .enter)
    for _ in SafetyQuestions.all { driver.press(.character("n")) }
    return driver
  }

  /// A person on blood thinners, a clinician agreed: nothing of the point-tool routine is left.
  static func detailPointToolBleeding() -> AppDriver {
    var state = Fixture.state()
    state.safetyAnswers = SafetyAnswers(["b-bleeding": true])
    var driver = AppDriver(state)
    driver.openDetail("between-blades-point-tool")
    return driver
  }

  /// Enter on it: "Before you start" says why it will not start, and offers no begin.
  static func cautionsPointToolBleeding() -> AppDriver {
    var driver = detailPointToolBleeding()
    driver.press(.enter)
    return driver
  }

  static func cautionsTraction() -> AppDriver {
    var driver = AppDriver()
    driver.openDetail("cervical-traction")
    driver.press(.enter)
    return driver
  }

  // MARK: Session

  static func ratingBefore() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    return driver
  }

  static func ratingBeforeSix() -> AppDriver {
    var driver = ratingBefore()
    driver.type("6")
    return driver
  }

  static func untimedPlacement() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("cervical-traction")
    driver.rate(6)
    return driver
  }

  /// The first pressure hold (rhomboids, left, 45 s), 20 s in.
  static func hold() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    driver.advance(toKind: .hold)
    driver.wait(seconds: 20)
    return driver
  }

  /// Box breathing, 2 s into the first 4 s breath in.
  static func breathing() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("box-breathing")
    driver.rate(6)
    driver.wait(seconds: 2)
    return driver
  }

  /// 8 strokes of 3 s: 7 s in is the third.
  static func strokes() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    driver.advance(toKind: .strokes)
    driver.wait(seconds: 7)
    return driver
  }

  /// Chin tucks of 2 s tuck, 5 s hold, 2 s release: 22 s in is 2 s into the third hold.
  static func chinTuckHold() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("chin-tucks")
    driver.rate(6)
    driver.wait(seconds: 22)
    return driver
  }

  static func tractionEntry() -> AppDriver {
    var driver = untimedPlacement()
    driver.press(.enter)
    driver.type("12")
    return driver
  }

  static func paused() -> AppDriver {
    var driver = hold()
    driver.press(.character(" "))
    return driver
  }

  static func pausedByClockGap() -> AppDriver {
    var driver = hold()
    driver.jump(seconds: 30)
    return driver
  }

  static func sessionHelp() -> AppDriver {
    var driver = hold()
    driver.press(.character("?"))
    return driver
  }

  static func confirmQuit() -> AppDriver {
    var driver = hold()
    driver.press(.character("q"))
    return driver
  }

  static func stopReasons() -> AppDriver {
    var driver = hold()
    driver.press(.character("x"))
    return driver
  }

  static func journalFailed() -> AppDriver {
    var driver = hold()
    driver.send(.journalFailed(journalFailure))
    return driver
  }

  // MARK: Summary

  /// Quick shoulder hold run to its end: rated 6 before and 3 after.
  static func summaryFinished() -> AppDriver {
    var driver = AppDriver(routines: Fixture.library + Fixture.handMade)
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 40)
    driver.rate(3)
    return driver
  }

  static func summaryQuit() -> AppDriver {
    var driver = hold()
    driver.press(.character("q"), .character("y"))
    return driver
  }

  /// Stopped for sharp pain: stop and rest, not urgent.
  static func safetyStopAdvice() -> AppDriver {
    var driver = hold()
    driver.press(.character("x"), .character("h"))
    return driver
  }

  /// Stopped for sudden dizziness during the skull-base hold: the urgent screen.
  static func urgentAdvice() -> AppDriver {
    var driver = activeStep(.hold)
    driver.press(.character("x"), .character("a"))
    return driver
  }

  /// The stop box moved down to the routine's own rule, the last line.
  static func stopReasonsScrolled() -> AppDriver {
    var driver = activeStep(.hold)
    driver.press(.character("x"))
    for _ in 0..<DangerSign.offered.count { driver.press(.down) }
    return driver
  }

  /// Five seconds into the step of this kind in `Fixture.everyActiveKind` (traction
  /// after entering the clinician's 10 minutes).
  static func activeStep(_ kind: SessionStep.Kind) -> AppDriver {
    var driver = AppDriver(routines: Fixture.library + Fixture.handMade)
    driver.startSession(Fixture.everyActiveKind.id)
    driver.advance(toKind: kind)
    if kind == .traction {
      driver.type("10")
      driver.press(.enter)
    }
    driver.wait(seconds: 5)
    return driver
  }

  // MARK: Journal

  /// Neck, with two routines marked as having helped most.
  static func homeHelpedMost() -> AppDriver {
    AppDriver(Fixture.state(history: Fixture.history, helpedMost: marks))
  }

  /// The marked routines' list focused, the first marked one selected.
  static func homeHelpedMostRoutines() -> AppDriver {
    var driver = homeHelpedMost()
    driver.press(.right)
    return driver
  }

  /// `h` on home: thirty days of sessions, newest first.
  static func history() -> AppDriver {
    var driver = AppDriver(Fixture.state(history: Fixture.history))
    driver.press(.character("h"))
    return driver
  }

  /// Down to the quit, safety stop and interrupted sessions, and past the first page.
  static func historyScrolled() -> AppDriver {
    var driver = history()
    for _ in 0..<14 { driver.press(.down) }
    return driver
  }

  static func historyEmpty() -> AppDriver {
    var driver = AppDriver()
    driver.press(.character("h"))
    return driver
  }

  static func historyNoJournal() -> AppDriver {
    var driver = AppDriver(Fixture.state(options: AppOptions(logging: false)))
    driver.press(.character("h"))
    return driver
  }

  /// The quick shoulder hold, rated 6 then 3, after six earlier sessions of it.
  static func summaryBesideHistory() -> AppDriver {
    var driver = AppDriver(Fixture.state(routines: Fixture.library + Fixture.handMade, history: Fixture.history))
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 40)
    driver.rate(3)
    return driver
  }

  static func summaryNoJournal() -> AppDriver {
    var driver = AppDriver(routines: Fixture.library + Fixture.handMade, options: AppOptions(logging: false))
    driver.startSession("quick-shoulder")
    driver.rate(6)
    driver.wait(seconds: 40)
    driver.rate(3)
    return driver
  }

  // MARK: Where it hurts, and the watch over weeks

  /// `w`, the neck rated 6 and the tops of the shoulders 10, not yet saved.
  static func hurtsMarking() -> AppDriver {
    var driver = AppDriver(Fixture.state(history: Fixture.history))
    driver.press(.character("w"), .character("6"), .down, .character("1"), .character("0"))
    return driver
  }

  /// The same marks saved: home shows them beside the groups, and the neck's routines
  /// in the marked order.
  static func homeMarkedToday() -> AppDriver {
    var driver = hurtsMarking()
    driver.press(.enter)
    return driver
  }

  /// Three weeks of neck sessions whose pain before has crept up, loaded as the app
  /// starts: the watch's notice on the home screen.
  static func homeTrendNotice() -> AppDriver {
    var state = Fixture.state(history: Fixture.history)
    let journal = RecordingJournal()
    journal.trend = Fixture.neckNotEasing
    do {
      try AreaInsights.load(into: &state, from: journal, today: Fixture.today)
    } catch {
      preconditionFailure("the journal in memory failed: \(error)")
    }
    return AppDriver(state)
  }
}

extension Scenario {
  /// The desk-worker programme in its second week, one strength session this week:
  /// the daily posture break comes next, or strength once the break is done.
  static func homeProgrammeToday(postureBreakDone: Bool = false) -> AppDriver {
    var state = Fixture.state(history: Fixture.history)
    state.programme = Fixture.deskWorkerWeekTwo
    if !postureBreakDone { state.programme?.sessions.removeAll { $0.routineID == "desk-posture-break" } }
    AppReducer.refreshProgramme(&state, today: Fixture.today)
    return AppDriver(state)
  }
}

extension Fixture {
  /// The bundled desk-worker programme, started 8 days before `today`.
  static var deskWorkerWeekTwo: ProgrammeTracker {
    guard let programme = ProgrammeLibrary.load(userFolder: nil, routines: nil).programme("desk-worker") else {
      preconditionFailure("the bundled desk-worker programme did not load")
    }
    let day = 86_400.0
    return ProgrammeTracker(
      programme: programme,
      enrolment: ProgrammeEnrolment(
        programmeID: programme.id, programmeTitle: programme.title, contentHash: "h",
        startedAt: today.addingTimeInterval(-8 * day)),
      sessions: [
        ProgrammeSession(
          routineID: "band-mid-back-strength", startedAt: today.addingTimeInterval(-5 * day), outcome: .finished,
          before: 3, highest: 3),
        ProgrammeSession(
          routineID: "band-mid-back-strength", startedAt: today.addingTimeInterval(-1 * day), outcome: .finished,
          before: 3, highest: 2),
        ProgrammeSession(
          routineID: "desk-posture-break", startedAt: today.addingTimeInterval(-3600), outcome: .finished, before: 2,
          highest: 1),
      ])
  }
}

extension Fixture {
  /// Sessions at the skull base over the last three weeks, the pain before them rising
  /// from about 5 to about 7.
  static let neckNotEasing: [PainTrendWatch.Session] = [
    (21, 5), (19, 5), (16, 6), (14, 5), (12, 6), (9, 6), (7, 7), (5, 6), (2, 7),
  ].map { daysAgo, before in
    PainTrendWatch.Session(
      startedAt: today.addingTimeInterval(-Double(daysAgo) * 86_400), muscles: [.suboccipitals], before: before)
  }

}

extension Scenario {
  // MARK: Pain that rises

  /// Between the shoulder blades with the ball: 3 before, 6 at the first rating between
  /// steps, so the session asks how to go on.
  static func painRose() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    driver.rate(3)
    if let steps = driver.engine?.steps,
      let between = steps.firstIndex(where: { $0.plan == .rating(.between) })
    {
      driver.advance(toStep: between)
    }
    driver.rate(6)
    return driver
  }

  /// 8 before a routine that presses: lighter, the gentler routines, or the full one.
  static func painHighBefore() -> AppDriver {
    var driver = AppDriver()
    driver.startSession("between-blades-ball")
    driver.rate(8)
    return driver
  }

  /// The session above, lighter from the rating on, finished and rated 2 after.
  static func summaryPainChoice() -> AppDriver {
    var driver = painRose()
    driver.press(.character("1"))
    while let engine = driver.engine, !engine.hasEnded {
      if case .rating = engine.currentStep.plan { driver.rate(2) } else { driver.press(.character("n")) }
    }
    return driver
  }

  // MARK: The desk check (issue 13)

  /// `c` on the home screen: what the desk check asks, before it starts.
  static func deskCheckIntroduction() -> AppDriver {
    var driver = AppDriver()
    driver.press(.character("c"))
    return driver
  }

  /// The third question, after two yeses.
  static func checklistQuestion() -> AppDriver {
    var driver = AppDriver()
    driver.startSession(DeskCheckChange.routineID)
    driver.press(.character("y"))
    driver.press(.character("y"))
    return driver
  }

  /// A "no" to the first question: its advice, until Enter.
  static func checklistAdvice() -> AppDriver {
    var driver = AppDriver()
    driver.startSession(DeskCheckChange.routineID)
    driver.press(.character("n"))
    return driver
  }

  /// Two of eight answered no: what to change, in the order asked.
  static func summaryChecklist() -> AppDriver {
    var driver = AppDriver()
    driver.startSession(DeskCheckChange.routineID)
    for answer in "ynyyyyny" {
      driver.press(.character(answer))
      if answer == "n" { driver.press(.enter) }
    }
    return driver
  }
}
