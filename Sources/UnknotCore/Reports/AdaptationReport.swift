import Foundation

/// What `unknot show ID --as-me` prints: the routine as a session would run it for the
/// answers kept with the last safety check, then what changed and why.
public struct AdaptationReport: Sendable {
  /// Whose answers these are: none on record, not counting (due again or a check that
  /// stopped sessions), or counting.
  public enum Basis: String, Sendable, Encodable {
    case noCheck = "no-check"
    case checkDue = "check-due"
    /// The last check advised a clinician or urgent care first: no session starts on it.
    case checkStopped = "check-stopped"
    case answers
  }

  /// `show --as-me --format json`.
  public struct Document: Encodable, Sendable {
    public var basis: Basis
    public var nothingLeft: Bool
    public var changes: [Change]
    public var routine: RoutineDetailReport.Document?
  }

  /// One change as the JSON writes it.
  public struct Change: Encodable, Sendable, Equatable {
    public var rule: String
    public var what: String
    public var why: String
  }

  public static let noCheckText =
    "No safety check is on record, so this is the routine as written. unknot asks the safety "
    + "questions before your first session."
  public static let checkDueText =
    "Your last safety check is due again, so its answers do not change anything yet: this is the "
    + "routine as written. unknot asks the safety questions before your next session."
  public static let checkStoppedText =
    "Your last safety check advised seeing a clinician first, so no session starts on it: this is the "
    + "routine as written. Once a clinician has agreed, answer the safety check again."
  public static let nothingChangesText = "Nothing changes for your answers."
  public static let nothingLeftText = "Nothing of this routine is left for your answers; it will not start."

  public let basis: Basis
  public let adapted: AdaptedRoutine
  let detail: RoutineDetailReport?

  /// `dose`: the level of the programme the person follows, when the routine is one of
  /// its progressing entries (`ActiveProgramme.doses`).
  public init(routine: Routine, origin: RoutineOrigin, check: SafetyCheck?, now: Date, dose: ProgrammeDose? = nil) {
    let answers = SafetyAnswers(check: check, now: now)
    basis =
      if let check {
        !check.allowsSessions ? .checkStopped : SafetyCheck.isDue(latest: check, now: now) ? .checkDue : .answers
      } else {
        .noCheck
      }
    adapted = RoutineAdaptation.adapt(routine, answers: answers, pain: .asWritten, dose: dose)
    detail = adapted.nothingLeft ? nil : RoutineDetailReport(routine: adapted.routine, origin: origin)
  }

  /// Whether the command should fail: there is nothing to start.
  public var nothingLeft: Bool { adapted.nothingLeft }

  public func text() -> String {
    var out = ""
    switch basis {
    case .noCheck: out += wrap(Self.noCheckText, indent: "") + "\n"
    case .checkDue: out += wrap(Self.checkDueText, indent: "") + "\n"
    case .checkStopped: out += wrap(Self.checkStoppedText, indent: "") + "\n"
    case .answers: break
    }
    if let detail {
      out += detail.text()
    } else {
      out += UnsafeCharacters.visible(adapted.routine.title) + "  (\(adapted.routine.id))\n"
    }
    guard basis == .answers else { return out }
    out += "\n"
    if adapted.changes.isEmpty {
      out += Self.nothingChangesText + "\n"
    } else {
      out += "Changed for you:\n"
      // Changes for one reason are listed together, the reason said once after them.
      for (index, change) in adapted.changes.enumerated() {
        out += wrap("- " + UnsafeCharacters.visible(change.what), indent: "  ", hanging: "    ")
        let next = adapted.changes.dropFirst(index + 1).first
        if next?.why != change.why {
          out += wrap("Why: " + UnsafeCharacters.visible(change.why), indent: "    ")
        }
      }
    }
    if adapted.nothingLeft {
      out += "\n" + Self.nothingLeftText + "\n"
    }
    return out
  }

  public func json() -> String {
    let document = Document(
      basis: basis, nothingLeft: adapted.nothingLeft,
      changes: adapted.changes.map { Change(rule: $0.ruleID, what: $0.what, why: $0.why) },
      routine: detail?.document)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  private func wrap(_ text: String, indent: String, hanging: String? = nil) -> String {
    let continuation = hanging ?? indent
    let width = 78 - max(indent.count, continuation.count)
    return TextWrap.lines(text, width: width).enumerated().map { index, line in
      (index == 0 ? indent : continuation) + line + "\n"
    }.joined()
  }
}
