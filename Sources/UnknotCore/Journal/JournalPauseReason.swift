/// The words the journal writes for why a countdown paused: in `pauses.reason`, in the
/// `paused` event's payload, and in exports. One list, so the recorder, the event log
/// and import agree on them. (Migrations spell the words out: a shipped migration
/// must not change when this list grows.)
extension PauseReason {
  /// Every word `pauses.reason` may hold since schema v4.
  static let journalWords = ["person", "clock-gap", "overlay"]

  /// The word for this reason. A clock gap's length is kept beside it, not in it.
  var journalWord: String {
    switch self {
    case .person: "person"
    case .overlay: "overlay"
    case .clockGap: "clock-gap"
    }
  }
}
