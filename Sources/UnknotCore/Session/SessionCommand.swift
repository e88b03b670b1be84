/// What a person (or the clock) asks of a running session.
public enum SessionCommand: Sendable, Equatable, Hashable {
  /// The clock was read: let time pass, end steps whose deadlines are due, fire cues.
  case observe
  case begin
  case pause
  /// Hold the countdown while a box is open over the session (journaled as `overlay`).
  case pauseForOverlay
  case resume
  /// Skip the rest of this step.
  case next
  /// Return to the previous step (not a rating) and restart it.
  case back
  /// 15 s more on this countdown.
  case extend
  /// 15 s less, never below 5 s left.
  case shorten
  /// The knot released: end the hold early.
  case released
  /// "I'm in position": end a placement step; in a checklist, go on past an item's advice.
  case confirm
  /// A pain rating, 0…10, in a rating step.
  case rate(Int)
  /// Yes or no to the checklist item asked now.
  case answer(ChecklistAnswer)
  /// Decline to rate, deliberately.
  case skipRating
  /// The time the person's clinician gave for traction, entered before it starts.
  case setClinicianTime(seconds: Int)
  /// One of the stop rules happened: end the session for safety.
  case stopSignal(StopReason)
  /// The answer to a `PainCheck`: how the rest of the session goes.
  case respondToPain(PainChoice)
  case quit

  /// A name for logs and rejections.
  public var name: String {
    switch self {
    case .observe: "observe"
    case .begin: "begin"
    case .pause: "pause"
    case .pauseForOverlay: "pause-for-overlay"
    case .resume: "resume"
    case .next: "next"
    case .back: "back"
    case .extend: "extend"
    case .shorten: "shorten"
    case .released: "released"
    case .confirm: "confirm"
    case .rate: "rate"
    case .answer: "answer"
    case .skipRating: "skip-rating"
    case .setClinicianTime: "set-clinician-time"
    case .stopSignal: "stop-signal"
    case .respondToPain: "respond-to-pain"
    case .quit: "quit"
    }
  }
}
