import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which unfinished sessions are still running somewhere, so that opening the journal
/// in a second terminal never marks the first terminal's session as interrupted.
///
/// A running session holds an advisory write lock on one byte of a lock file beside
/// the journal (`journal.sqlite-live`), at the offset of its id. The kernel drops the
/// lock when the process dies however it dies, which is exactly "the session is no
/// longer running". Another process sees the lock with F_GETLK; this process knows its
/// own sessions from the table below, because POSIX record locks never conflict within
/// one process.
///
/// POSIX record locks belong to the process and all of them on a file go away when any
/// descriptor of that file is closed, so the process keeps exactly one descriptor per
/// lock file, opened and closed only here, under the mutex.
enum JournalLiveSessions {
  private struct LockFile {
    var descriptor: Int32
    var sessions: Set<Int64>
  }

  private static let files = Mutex<[String: LockFile]>([:])

  static func lockPath(forJournal path: String) -> String { path + "-live" }

  /// Marks the session as running until `release` or the process's end.
  /// Returns the errno of a failure.
  static func hold(_ sessionID: Int64, journal path: String) -> Int32? {
    let lockPath = lockPath(forJournal: path)
    return files.withLock { files -> Int32? in
      var file: LockFile
      if let open = files[lockPath] {
        file = open
      } else {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return errno }
        file = LockFile(descriptor: descriptor, sessions: [])
      }
      if let failure = lock(file.descriptor, sessionID, type: F_WRLCK) {
        if file.sessions.isEmpty {
          close(file.descriptor)
        }
        return failure
      }
      file.sessions.insert(sessionID)
      files[lockPath] = file
      return nil
    }
  }

  static func release(_ sessionID: Int64, journal path: String) {
    let lockPath = lockPath(forJournal: path)
    files.withLock { files in
      guard var file = files[lockPath], file.sessions.contains(sessionID) else { return }
      _ = lock(file.descriptor, sessionID, type: F_UNLCK)
      file.sessions.remove(sessionID)
      if file.sessions.isEmpty {
        // No lock of ours is left on the file, so closing it releases nothing else.
        close(file.descriptor)
        files[lockPath] = nil
      } else {
        files[lockPath] = file
      }
    }
  }

  /// Whether a process, this one included, is running the session.
  static func isRunning(_ sessionID: Int64, journal path: String) -> Bool {
    let lockPath = lockPath(forJournal: path)
    return files.withLock { files -> Bool in
      if let file = files[lockPath] {
        return file.sessions.contains(sessionID) || lockedElsewhere(file.descriptor, sessionID)
      }
      // No lock of ours is on this file, so opening and closing it here is harmless.
      let descriptor = open(lockPath, O_RDONLY | O_CLOEXEC)
      // Without a lock file no session has ever been held there. When the file cannot
      // be read, the session counts as running: leaving it open is the harmless mistake.
      guard descriptor >= 0 else { return errno != ENOENT }
      defer { close(descriptor) }
      return lockedElsewhere(descriptor, sessionID)
    }
  }

  private static func range(_ sessionID: Int64, type: Int32) -> flock {
    var range = flock()
    range.l_type = Int16(type)
    range.l_whence = Int16(SEEK_SET)
    range.l_start = off_t(sessionID)
    range.l_len = 1
    return range
  }

  private static func lock(_ descriptor: Int32, _ sessionID: Int64, type: Int32) -> Int32? {
    var range = range(sessionID, type: type)
    return fcntl(descriptor, F_SETLK, &range) == 0 ? nil : errno
  }

  private static func lockedElsewhere(_ descriptor: Int32, _ sessionID: Int64) -> Bool {
    var range = range(sessionID, type: F_WRLCK)
    guard fcntl(descriptor, F_GETLK, &range) == 0 else { return true }
    return range.l_type != Int16(F_UNLCK)
  }
}
