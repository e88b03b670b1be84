import Foundation

/// Turns engine events into the `events` table's kind and JSON payload, and back, so a
/// session whose process died can be rebuilt with `SessionRecord.rebuild(from:)`.
/// The event's moment is not in the payload: the row's `at` column holds it as a date.
enum JournalEventCodec {
  /// Every field any event needs; absent ones are left out of the JSON.
  struct Payload: Codable, Equatable {
    var routine: String?
    var steps: Int?
    var planned: Int?
    var index: Int?
    var kind: String?
    var muscle: String?
    var side: String?
    var ending: String?
    var activeNs: Int64?
    var adjustedNs: Int64?
    var reason: String?
    /// A routine's own stop rule, and its advice, for `stopped-for-safety`.
    var rule: String?
    var advice: String?
    var gapNs: Int64?
    var byNs: Int64?
    var seconds: Int?
    var value: Int?
    var moment: String?
    var outcome: String?
    var cue: String?
    var command: String?
    /// A choice at a pain check: which check, the rating compared with, and the choice.
    var check: String?
    var from: Int?
    var choice: String?
    /// A checklist answer: the item's id, question and advice as asked, and yes or no.
    var item: String?
    var question: String?
    var answer: String?
  }

  static func kind(of event: SessionEvent) -> String {
    switch event {
    case .sessionStarted: "session-started"
    case .stepStarted: "step-started"
    case .stepEnded: "step-ended"
    case .paused: "paused"
    case .resumed: "resumed"
    case .adjusted: "adjusted"
    case .clinicianTimeSet: "clinician-time-set"
    case .ratingGiven: "rating-given"
    case .ratingSkipped: "rating-skipped"
    case .stoppedForSafety: "stopped-for-safety"
    case .sessionEnded: "session-ended"
    case .cue: "cue"
    case .rejected: "rejected"
    case .painChoice: "pain-choice"
    case .checklistAnswered: "checklist-answer"
    }
  }

  static func payload(of event: SessionEvent) -> Payload {
    var payload = Payload()
    switch event {
    case .sessionStarted(let routineID, let stepCount, let plannedSeconds, _):
      payload.routine = routineID
      payload.steps = stepCount
      payload.planned = plannedSeconds
    case .stepStarted(let start):
      payload.index = start.index
      payload.kind = start.kind.rawValue
      payload.muscle = start.muscle?.rawValue
      payload.side = start.side?.rawValue
      payload.planned = start.plannedSeconds
    case .stepEnded(let end):
      payload.index = end.index
      payload.ending = end.ending.rawValue
      payload.activeNs = end.activeNanoseconds
      payload.adjustedNs = end.adjustedNanoseconds
    case .paused(let reason, _):
      payload.reason = reason.journalWord
      if case .clockGap(let nanoseconds) = reason {
        payload.gapNs = nanoseconds
      }
    case .resumed:
      break
    case .adjusted(let index, let nanoseconds, _):
      payload.index = index
      payload.byNs = nanoseconds
    case .clinicianTimeSet(let index, let seconds, _):
      payload.index = index
      payload.seconds = seconds
    case .ratingGiven(let rating), .ratingSkipped(let rating):
      payload.value = rating.value
      payload.index = rating.stepIndex
      payload.moment = rating.moment.rawValue
      payload.muscle = rating.muscle?.rawValue
      payload.side = rating.side?.rawValue
    case .stoppedForSafety(let reason, _):
      payload.reason = reason.code
      if case .routineRule(let rule) = reason {
        payload.rule = rule.text
        payload.advice = rule.advice
      }
    case .sessionEnded(let outcome, _):
      payload.outcome = outcome.rawValue
    case .cue(let cue, _):
      payload.cue = text(of: cue)
    case .rejected(let command, let reason):
      payload.command = command.name
      payload.reason = reason
    case .painChoice(let response):
      payload.check = response.check.rawValue
      payload.from = response.from
      payload.value = response.to
      payload.index = response.stepIndex
      payload.muscle = response.muscle?.rawValue
      payload.side = response.side?.rawValue
      payload.choice = response.choice.word
      if case .gentlerRoutine(let id) = response.choice { payload.routine = id }
    case .checklistAnswered(let response):
      payload.index = response.stepIndex
      payload.item = response.item.id
      payload.question = response.item.question
      payload.advice = response.item.advice
      payload.rule = response.item.fixed
      payload.answer = response.answer.rawValue
    }
    return payload
  }

  /// The payload as compact JSON with sorted keys: what JSONEncoder with `.sortedKeys`
  /// writes, built directly. Every event of a session goes through here as it happens,
  /// and the generic coders would add over a megabyte to a guided session's memory.
  static func json(_ payload: Payload) -> String {
    var fields: [(String, String)] = []
    func add(_ key: String, _ value: String?) {
      if let value { fields.append((key, quoted(value))) }
    }
    func add(_ key: String, _ value: (some BinaryInteger)?) {
      if let value { fields.append((key, String(value))) }
    }
    add("activeNs", payload.activeNs)
    add("adjustedNs", payload.adjustedNs)
    add("advice", payload.advice)
    add("answer", payload.answer)
    add("byNs", payload.byNs)
    add("check", payload.check)
    add("choice", payload.choice)
    add("command", payload.command)
    add("cue", payload.cue)
    add("ending", payload.ending)
    add("from", payload.from)
    add("gapNs", payload.gapNs)
    add("index", payload.index)
    add("item", payload.item)
    add("kind", payload.kind)
    add("moment", payload.moment)
    add("muscle", payload.muscle)
    add("outcome", payload.outcome)
    add("planned", payload.planned)
    add("question", payload.question)
    add("reason", payload.reason)
    add("routine", payload.routine)
    add("rule", payload.rule)
    add("seconds", payload.seconds)
    add("side", payload.side)
    add("steps", payload.steps)
    add("value", payload.value)
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The event a stored row describes, at `moment`. Rejected commands are not rebuilt:
  /// they changed nothing, and their arguments are not kept.
  static func event(kind: String, at moment: Moment?, payload json: String) -> SessionEvent? {
    guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(json.utf8)) else { return nil }
    let at = moment ?? .zero
    switch kind {
    case "session-started":
      guard let routine = payload.routine else { return nil }
      return .sessionStarted(
        routineID: routine, stepCount: payload.steps ?? 0, plannedSeconds: payload.planned ?? 0, at: at)
    case "step-started":
      guard let index = payload.index, let kind = payload.kind.flatMap(SessionStep.Kind.init(rawValue:)) else {
        return nil
      }
      return .stepStarted(
        SessionEvent.StepStart(
          index: index, kind: kind, muscle: payload.muscle.flatMap(Muscle.init(rawValue:)),
          side: payload.side.flatMap(Side.init(rawValue:)), plannedSeconds: payload.planned, at: at))
    case "step-ended":
      guard let index = payload.index, let ending = payload.ending.flatMap(StepEnding.init(rawValue:)) else {
        return nil
      }
      return .stepEnded(
        SessionEvent.StepEnd(
          index: index, ending: ending, activeNanoseconds: payload.activeNs ?? 0,
          adjustedNanoseconds: payload.adjustedNs ?? 0, at: at))
    case "paused":
      // Any other word (older journals wrote only these three) reads as the person's pause.
      let reason: PauseReason =
        switch payload.reason {
        case "clock-gap": .clockGap(nanoseconds: payload.gapNs ?? 0)
        case "overlay": .overlay
        default: .person
        }
      return .paused(reason: reason, at: at)
    case "resumed":
      return .resumed(at: at)
    case "adjusted":
      guard let index = payload.index, let nanoseconds = payload.byNs else { return nil }
      return .adjusted(stepIndex: index, byNanoseconds: nanoseconds, at: at)
    case "clinician-time-set":
      guard let index = payload.index, let seconds = payload.seconds else { return nil }
      return .clinicianTimeSet(stepIndex: index, seconds: seconds, at: at)
    case "rating-given", "rating-skipped":
      guard let index = payload.index, let ratingMoment = payload.moment.flatMap(SessionStep.RatingMoment.init)
      else { return nil }
      let rating = SessionEvent.Rating(
        value: kind == "rating-given" ? payload.value : nil, stepIndex: index, moment: ratingMoment,
        muscle: payload.muscle.flatMap(Muscle.init(rawValue:)), side: payload.side.flatMap(Side.init(rawValue:)),
        at: at)
      return kind == "rating-given" ? .ratingGiven(rating) : .ratingSkipped(rating)
    case "stopped-for-safety":
      guard let code = payload.reason, let reason = StopReason(code: code, rule: payload.rule, advice: payload.advice)
      else { return nil }
      return .stoppedForSafety(reason: reason, at: at)
    case "session-ended":
      guard let outcome = payload.outcome.flatMap(SessionOutcome.init(rawValue:)) else { return nil }
      return .sessionEnded(outcome: outcome, at: at)
    case "pain-choice":
      guard let check = payload.check.flatMap(PainCheck.Kind.init(rawValue:)), let to = payload.value,
        let index = payload.index,
        let choice = payload.choice.flatMap({ PainChoice(word: $0, routine: payload.routine) })
      else { return nil }
      return .painChoice(
        SessionEvent.PainResponse(
          check: check, from: payload.from, to: to, stepIndex: index,
          muscle: payload.muscle.flatMap(Muscle.init(rawValue:)), side: payload.side.flatMap(Side.init(rawValue:)),
          choice: choice, at: at))
    case "checklist-answer":
      guard let index = payload.index, let id = payload.item, let question = payload.question,
        let answer = payload.answer.flatMap(ChecklistAnswer.init(rawValue:))
      else { return nil }
      let item = ChecklistItem(id: id, question: question, advice: payload.advice ?? "", fixed: payload.rule)
      return .checklistAnswered(.init(stepIndex: index, item: item, answer: answer, at: at))
    case "cue":
      guard let cue = payload.cue.flatMap(cue(from:)) else { return nil }
      return .cue(cue, at: at)
    default:
      return nil
    }
  }

  /// A cue as one word, with its number or side after a colon: `countdown:3`.
  static func text(of cue: Cue) -> String {
    switch cue {
    case .stepStart(let index): "step-start:\(index)"
    case .halfway: "halfway"
    case .countdown(let seconds): "countdown:\(seconds)"
    case .switchSides(let side): "switch-sides:\(side.rawValue)"
    case .breathPhase(let kind): "breath-phase:\(kind.rawValue)"
    case .exercisePhase(let kind): "exercise-phase:\(kind.rawValue)"
    case .repetition(let number): "repetition:\(number)"
    case .knotReleased: "knot-released"
    case .stepEnd(let index): "step-end:\(index)"
    case .sessionEnd: "session-end"
    }
  }

  static func cue(from text: String) -> Cue? {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let argument = parts.count > 1 ? parts[1] : ""
    switch parts.first ?? "" {
    case "step-start": return Int(argument).map { .stepStart(index: $0) }
    case "halfway": return .halfway
    case "countdown": return Int(argument).map { .countdown(secondsLeft: $0) }
    case "switch-sides": return Side(rawValue: argument).map { .switchSides(to: $0) }
    case "breath-phase": return BreathPhase.Kind(rawValue: argument).map { .breathPhase($0) }
    case "exercise-phase": return ExercisePhase.Kind(rawValue: argument).map { .exercisePhase($0) }
    case "repetition": return Int(argument).map { .repetition($0) }
    case "knot-released": return .knotReleased
    case "step-end": return Int(argument).map { .stepEnd(index: $0) }
    case "session-end": return .sessionEnd
    default: return nil
    }
  }
}
