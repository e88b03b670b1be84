import UnknotCore

/// How the command line words a journal failure: the core's message (what is wrong with
/// which file, and what to do with the file), with any escape character in a path
/// written out rather than sent to the terminal, then the ways out that belong to the
/// command line. Those are chosen by the error's kind, never by searching the message's
/// words, so rewording a message cannot change the advice.
enum JournalFailureText {
  static let goOnUnlogged = "(To go on without logging, add --no-journal.)"

  /// For the commands that guide a session, which can go on without a journal.
  static func forSession(_ error: JournalError) -> CommandLineError {
    let text = UnsafeCharacters.visible(error.description)
    return CommandLineError(sessionCanGoOnUnlogged(error.kind) ? text + "\n" + goOnUnlogged : text)
  }

  /// For history, stats, export and import: they have no --no-journal, only the file.
  static func forJournalCommand(_ error: JournalError) -> CommandLineError {
    CommandLineError(UnsafeCharacters.visible(error.description))
  }

  /// For an export that could not be written to its file.
  static func forExport(_ error: PrivateFile.WriteError) -> CommandLineError {
    let text = UnsafeCharacters.visible(error.description)
    switch error.kind {
    case .alreadyExists: return CommandLineError(text + " (To replace it, add --force.)")
    case .notWritten: return CommandLineError(text)
    }
  }

  /// Whether a session may sensibly go on unlogged: whenever the journal file itself
  /// cannot be used. Listed kind by kind, so a new kind is a decision, not a default.
  static func sessionCanGoOnUnlogged(_ kind: JournalError.Kind) -> Bool {
    switch kind {
    case .cannotOpen, .notADatabase, .corrupt, .permissionDenied, .diskFull, .newerSchema, .busy, .writeFailed:
      true
    // Never met opening a journal to write a session: these belong to reading and importing.
    case .needsUpgrade, .openedReadOnly, .notAnExport:
      false
    }
  }
}
