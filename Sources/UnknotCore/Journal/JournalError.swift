/// A journal that cannot be used: which file, what kind of trouble, and a message that
/// says what is wrong and what to do about the file itself. The message names no
/// command-line flag: each front end adds its own ways out (such as going on without
/// a journal) from the kind, so no one has to read them back out of the text.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable, CaseIterable {
    /// The path leads nowhere usable: nothing there yet, a folder, a file where a
    /// folder should be, or SQLite cannot open it.
    case cannotOpen = "cannot-open"
    /// The file is not an SQLite database.
    case notADatabase = "not-a-database"
    /// An SQLite database whose pages are damaged.
    case corrupt
    /// The file or its folder may not be read or written by this user.
    case permissionDenied = "permission-denied"
    case diskFull = "disk-full"
    /// Written by a newer unknot (or, for an import, a newer export format).
    case newerSchema = "newer-schema"
    /// Written by an older unknot, and opened only to read, so it cannot be upgraded.
    case needsUpgrade = "needs-upgrade"
    /// Another unknot kept the journal busy for longer than the busy timeout.
    case busy
    /// A write through a journal opened only for reading.
    case openedReadOnly = "opened-read-only"
    /// A file given to import that is not an unknot export, or holds a value the
    /// journal cannot take.
    case notAnExport = "not-an-export"
    /// Anything else that went wrong while reading or writing.
    case writeFailed = "write-failed"
  }

  public var kind: Kind
  public var path: String
  public var message: String

  public init(_ kind: Kind, path: String, message: String) {
    self.kind = kind
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
