import Foundation
import GRDB

/// Writes a synthetic journal of daily use, the same from the same seed, for the
/// benchmark: one session a day with the bundled routines, each rated before, four
/// times between steps, where the routine itself rates a muscle after its work, and
/// after. The events go through the same recorder as a live
/// session's, so the rows look exactly like real ones; only the event log is skipped.
public enum JournalGenerator {
  public struct Summary: Sendable, Equatable {
    public var sessions: Int
    public var ratings: Int
    public var steps: Int
  }

  /// Twenty years of daily use.
  public static let defaultDays = 7300
  /// Ratings added between steps in every generated session, besides the routine's own.
  public static let betweenRatings = 4

  /// Adds `days` sessions, one a day from `firstDay`, in one transaction.
  @discardableResult
  public static func generate(
    into journal: SQLiteJournal, days: Int = defaultDays, seed: UInt64 = 1,
    firstDay: Date = Date(timeIntervalSince1970: 1_577_836_800)
  ) throws(JournalError) -> Summary {
    guard !journal.isReadOnly else { throw .readOnly(journal.path) }
    let templates = self.templates()
    guard !templates.isEmpty else {
      throw JournalError(.writeFailed, path: journal.path, message: "no bundled routine loaded to generate from")
    }
    return try journal.perform("generate a synthetic journal") {
      try journal.dbQueue.write { db in
        var random = SplitMix64(seed: seed)
        // Each person has favourites, and routines that suit them better than others.
        let weights = templates.map { _ in 1 + random.unit() * 4 }
        let effects = templates.map { _ in 0.3 + random.unit() * 2.4 }
        var summary = Summary(sessions: 0, ratings: 0, steps: 0)
        var terms = JournalTerms()
        for day in 0..<max(0, days) {
          let template = templates[random.weighted(weights)]
          let effect = effects[templates.firstIndex { $0.routine.id == template.routine.id } ?? 0]
          // Pain that slowly eases over the years, with good and bad days.
          let baseline = 6.0 - 2.5 * Double(day) / Double(max(1, days)) + random.normal() * 1.3
          let minute = 7 * 60 + Int(random.below(14 * 60))
          let startedAt = firstDay.addingTimeInterval(Double(day) * 86_400 + Double(minute) * 60 + random.unit())
          let counts = try session(
            template, startedAt: startedAt, baseline: baseline, effect: effect, random: &random, terms: &terms,
            in: db)
          summary.sessions += 1
          summary.ratings += counts.ratings
          summary.steps += counts.steps
        }
        return summary
      }
    }
  }

  /// A routine ready to generate from: its timeline with the between ratings added.
  struct Template {
    var routine: Routine
    var contentHash: String
    var steps: [SessionStep]
  }

  static func templates() -> [Template] {
    BuiltInRoutineFiles.all().compactMap { file -> Template? in
      let loaded = RoutineLoader.load(bytes: file.bytes, path: file.name)
      // The desk check asks questions and no rating: a pain journal has nothing to make of it.
      guard let routine = loaded.routine, !routine.isChecklistOnly else { return nil }
      var steps = Timeline(routine: routine).steps
      // Between ratings after evenly spaced working steps, about the muscle just worked;
      // the routine's own ratings, about the muscle its block worked, stay where they are.
      let working = steps.indices.dropFirst().dropLast()
      let positions = (1...betweenRatings).map { working.lowerBound + $0 * working.count / (betweenRatings + 1) }
      for position in positions.reversed() {
        let worked = steps[max(0, position - 1)]
        steps.insert(
          SessionStep(
            kind: .rate, title: "Rate your pain", muscle: worked.muscle, side: worked.side,
            plan: .rating(.between)),
          at: position)
      }
      return Template(routine: routine, contentHash: loaded.contentHash, steps: steps)
    }
  }

  private static func session(
    _ template: Template, startedAt: Date, baseline: Double, effect: Double, random: inout SplitMix64,
    terms: inout JournalTerms, in db: Database
  ) throws -> (ratings: Int, steps: Int) {
    let start = JournalSessionStart(
      routineID: template.routine.id, routineTitle: template.routine.title, contentHash: template.contentHash,
      muscles: template.routine.targets, startedAt: startedAt, startMoment: .zero)
    let sessionID = try SQLiteJournal.insertSession(start, in: db)
    var recorder = JournalRecorder(newSession: sessionID, start: start, logsEvents: false)
    recorder.terms = terms
    defer { terms = recorder.terms }

    // 92% finished, 5% quit, 1% stopped for safety, 2% interrupted by a dead process.
    let fate = random.unit()
    let lastStep: Int
    switch fate {
    case ..<0.92: lastStep = template.steps.count - 1
    default: lastStep = Int(random.below(UInt64(max(1, template.steps.count - 1))))
    }
    let stopsEarly = fate >= 0.92
    let dies = fate >= 0.98
    let before = clamp(baseline)
    let after = clamp(baseline - effect + random.normal() * 0.9)
    var now: Int64 = 0
    var events: [SessionEvent] = [
      .sessionStarted(
        routineID: template.routine.id, stepCount: template.steps.count,
        plannedSeconds: template.steps.reduce(0) { $0 + ($1.plan.seconds ?? 0) }, at: .zero)
    ]
    var ratings = 0
    var betweenSeen = 0
    let betweenCount = template.steps.filter { $0.plan == .rating(.between) }.count
    for (index, step) in template.steps.enumerated() where index <= lastStep {
      events.append(
        .stepStarted(
          SessionEvent.StepStart(
            index: index, kind: step.kind, muscle: step.muscle, side: step.side, plannedSeconds: step.plan.seconds,
            at: Moment(nanoseconds: now))))
      var active: Int64
      var ending = StepEnding.completed
      switch step.plan {
      case .rating(let moment):
        active = Int64(3 + random.below(6)) * nanosecondsPerSecond
        let value: Int
        switch moment {
        case .before: value = before
        case .after: value = after
        case .between:
          betweenSeen += 1
          // Pain eases across the session's checks, whatever their number.
          let fraction = Double(betweenSeen) / Double(betweenCount + 1)
          value = clamp(Double(before) + (Double(after) - Double(before)) * fraction + random.normal() * 0.6)
        }
        let rating = SessionEvent.Rating(
          value: value, stepIndex: index, moment: moment, muscle: step.muscle, side: step.side,
          at: Moment(nanoseconds: now + active))
        // A session that stops at a rating step stops with the question still on screen.
        if index < lastStep || !stopsEarly {
          events.append(random.unit() < 0.03 ? .ratingSkipped(rating.withValue(nil)) : .ratingGiven(rating))
          ratings += 1
        }
      case .clinicianTimed:
        let seconds = 60 * Int(5 + random.below(11))
        events.append(.clinicianTimeSet(stepIndex: index, seconds: seconds, at: Moment(nanoseconds: now)))
        active = Int64(seconds) * nanosecondsPerSecond
      default:
        let planned = Int64(step.plan.seconds ?? Int(5 + random.below(20)))
        active = planned * nanosecondsPerSecond + Int64(random.below(900_000_000))
        if step.kind == .hold, random.unit() < 0.05 {
          ending = .releasedEarly
          active = active * Int64(40 + random.below(50)) / 100
        } else if random.unit() < 0.03 {
          ending = .skipped
          active /= 3
        }
      }
      var paused: Int64 = 0
      if step.kind != .rate, random.unit() < 0.02 {
        // Paused by the person, or by the clock when the laptop slept.
        let gap = random.unit() < 0.1
        paused = Int64(10 + random.below(gap ? 3600 : 110)) * nanosecondsPerSecond
        let pausedAt = Moment(nanoseconds: now + active / 2)
        events.append(.paused(reason: gap ? .clockGap(nanoseconds: paused) : .person, at: pausedAt))
        events.append(.resumed(at: pausedAt + paused))
      }
      now += active + paused
      if index == lastStep, stopsEarly {
        ending = .interrupted
      }
      // A dead process never ended its last step.
      if index < lastStep || !dies {
        events.append(
          .stepEnded(
            SessionEvent.StepEnd(
              index: index, ending: ending, activeNanoseconds: active, adjustedNanoseconds: 0,
              at: Moment(nanoseconds: now))))
      }
      now += Int64(random.below(2_000_000_000))
    }
    switch fate {
    case ..<0.92: events.append(.sessionEnded(outcome: .finished, at: Moment(nanoseconds: now)))
    case ..<0.97: events.append(.sessionEnded(outcome: .quit, at: Moment(nanoseconds: now)))
    case ..<0.98:
      let sign = DangerSign.offered[Int(random.below(UInt64(DangerSign.offered.count)))]
      events.append(.stoppedForSafety(reason: .sign(sign), at: Moment(nanoseconds: now)))
      events.append(.sessionEnded(outcome: .stoppedForSafety, at: Moment(nanoseconds: now)))
    default: break
    }
    try recorder.record(events, in: db)
    if dies {
      // The process died: what markInterruptedSessions would find and close.
      try JournalRecorder.interrupt(
        sessionID, at: JournalTime.milliseconds(start.date(of: Moment(nanoseconds: now))), in: db)
    }
    return (ratings, min(lastStep + 1, template.steps.count))
  }

  private static func clamp(_ value: Double) -> Int {
    min(10, max(0, Int(value.rounded())))
  }

}

extension SessionEvent.Rating {
  /// The same rating with another value.
  fileprivate func withValue(_ value: Int?) -> SessionEvent.Rating {
    var rating = self
    rating.value = value
    return rating
  }
}

/// The draws a synthetic journal needs, from the shared seeded generator.
extension SplitMix64 {
  mutating func below(_ bound: UInt64) -> UInt64 {
    bound == 0 ? 0 : next() % bound
  }

  /// Standard normal, by Box–Muller.
  mutating func normal() -> Double {
    let u1 = max(unit(), .leastNonzeroMagnitude)
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
  }

  mutating func weighted(_ weights: [Double]) -> Int {
    var target = unit() * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return weights.count - 1
  }
}
