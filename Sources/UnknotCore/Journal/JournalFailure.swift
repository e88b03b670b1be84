import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The journal's failures as a person reads them: what is wrong with which file, that
/// nothing was changed or lost, and what to do with the file. Nothing here repairs or
/// replaces a file, and nothing here names a command-line flag: going on without a
/// journal is the front end's to offer, from the error's kind.
extension JournalError {
  static func notADatabase(_ path: String) -> JournalError {
    JournalError(
      .notADatabase, path: path,
      message:
        "this file is not an unknot journal (it is not an SQLite database). unknot left it untouched. "
        + "Move it aside and unknot will start a new journal here.")
  }

  static func corrupt(_ path: String, detail: String) -> JournalError {
    JournalError(
      .corrupt, path: path,
      message:
        "the journal is damaged (\(detail)). unknot left it untouched. Keep a copy of it; "
        + "`sqlite3 journal.sqlite .recover` can often rescue its sessions. Then move it aside to start "
        + "a new journal.")
  }

  static func permissionDenied(_ path: String, doing action: String) -> JournalError {
    JournalError(
      .permissionDenied, path: path,
      message:
        "permission denied: unknot may not \(action). Check that the file and its folder belong to you "
        + "(ls -l) and that the disk is not mounted read-only.")
  }

  static func diskFull(_ path: String) -> JournalError {
    JournalError(
      .diskFull, path: path,
      message:
        "the disk is full, so the last entry was not saved; everything saved before it is intact. "
        + "Free some space and try again.")
  }

  static func newerSchema(_ path: String, unknown: [String]) -> JournalError {
    JournalError(
      .newerSchema, path: path,
      message:
        "this journal was written by a newer unknot (schema \(unknown.joined(separator: ", ")), which this "
        + "version does not know); update unknot. unknot left the journal untouched.")
  }

  static func readOnly(_ path: String) -> JournalError {
    JournalError(
      .openedReadOnly, path: path,
      message: "the journal was opened read-only, for history and statistics; nothing can be written through it.")
  }

  /// A failure reported by SQLite while doing `action` ("open the journal", "save the rating").
  init(_ error: any Error, path: String, doing action: String) {
    guard let error = error as? DatabaseError else {
      self.init(.writeFailed, path: path, message: "could not \(action): \(error)")
      return
    }
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_NOTADB:
      self = .notADatabase(path)
    case .SQLITE_CORRUPT:
      self = .corrupt(path, detail: detail)
    case .SQLITE_FULL:
      self = .diskFull(path)
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
      self = .permissionDenied(path, doing: action)
    case .SQLITE_CANTOPEN:
      self.init(
        .cannotOpen, path: path,
        message: "could not \(action): SQLite cannot open the file (\(detail)). Check the path and its folder.")
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      self.init(
        .busy, path: path,
        message:
          "could not \(action): another unknot kept the journal busy for more than "
          + "\(Int(SQLiteJournal.busyTimeout)) seconds. Nothing is lost; try again.")
    default:
      self.init(.writeFailed, path: path, message: "could not \(action): \(detail)")
    }
  }

  /// A failure of a file system call made before SQLite got the path.
  init(errno code: Int32, path: String, doing action: String) {
    switch code {
    case EACCES, EPERM, EROFS:
      self = .permissionDenied(path, doing: action)
    case ENOSPC, EDQUOT:
      self = .diskFull(path)
    case ENOTDIR, EEXIST:
      self.init(
        .cannotOpen, path: path,
        message:
          "could not \(action): part of the path is a file where a folder should be. Move it or choose another path.")
    default:
      let reason = String(cString: strerror(code))
      self.init(.cannotOpen, path: path, message: "could not \(action): \(reason).")
    }
  }
}
