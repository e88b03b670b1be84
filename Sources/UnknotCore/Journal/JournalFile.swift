import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The journal as a file on disk, before SQLite sees it: made private to its owner
/// when unknot creates it, asked about plainly when it exists, so a person hears the
/// real reason a journal cannot be used rather than SQLite's guess.
///
/// Modes: a journal file and folders made here are 0600 and 0700. An existing journal
/// keeps the modes its owner gave it; unknot does not change the permissions of files
/// it did not create.
enum JournalFile {
  /// Checks an existing file can be opened as asked, or creates an empty one (a valid
  /// empty database) with mode 0600 in folders made 0700. Returns whether it created it.
  static func prepare(at path: String, readOnly: Bool) throws(JournalError) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw JournalError(.cannotOpen, path: path, message: "this is not a file (a folder?). Choose another path.")
      }
      // SQLite would quietly fall back to read-only on a file it may not write; asking
      // first gives the person the real reason.
      let descriptor = open(path, (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw JournalError(errno: errno, path: path, doing: readOnly ? "read the journal" : "write to the journal")
      }
      close(descriptor)
      return false
    }
    guard errno == ENOENT else {
      throw JournalError(errno: errno, path: path, doing: "reach the journal")
    }
    guard !readOnly else {
      throw JournalError(
        .cannotOpen, path: path, message: "there is no journal here yet: it starts with the first session.")
    }
    try createFolder(parent(of: path), for: path)
    let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      // Another unknot created it a moment ago: it is that one's, modes included.
      if errno == EEXIST { return false }
      throw JournalError(errno: errno, path: path, doing: "create the journal")
    }
    // The umask may only have taken bits away; make it exactly owner read-write.
    fchmod(descriptor, 0o600)
    close(descriptor)
    return true
  }

  /// Creates `folder` and any missing parents with mode 0700, as the XDG specification
  /// asks of data folders. Existing folders are left as they are.
  private static func createFolder(_ folder: String, for path: String) throws(JournalError) {
    var info = stat()
    if stat(folder, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw JournalError(errno: ENOTDIR, path: path, doing: "create the folder \(folder)")
      }
      return
    }
    guard errno == ENOENT else {
      throw JournalError(errno: errno, path: path, doing: "create the folder \(folder)")
    }
    try createFolder(parent(of: folder), for: path)
    guard mkdir(folder, 0o700) == 0 else {
      if errno == EEXIST { return }
      throw JournalError(errno: errno, path: path, doing: "create the folder \(folder)")
    }
    chmod(folder, 0o700)
  }

  /// Where SQLite should open a journal only to read it. In a folder this user may not
  /// write (a read-only disk, a copy someone shared) SQLite cannot make the side files
  /// its write-ahead log needs even to read, and refuses. With no log there, nobody can
  /// be writing the journal, so it is opened as immutable: read as it stands.
  static func readOnlyLocation(of path: String) -> String {
    var info = stat()
    guard access(parent(of: path), W_OK) != 0, stat(path + "-wal", &info) != 0, errno == ENOENT else { return path }
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    guard let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) else { return path }
    return "file:\(encoded)?immutable=1"
  }

  private static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Sets the files SQLite made beside a journal we created to 0600 too. SQLite gives
  /// them the journal's mode already; this checks rather than trusts it.
  static func restrictModes(ofJournal path: String) {
    for file in [path, path + "-wal", path + "-shm", JournalLiveSessions.lockPath(forJournal: path)] {
      var info = stat()
      if stat(file, &info) == 0, info.st_mode & 0o777 != 0o600 {
        chmod(file, 0o600)
      }
    }
  }
}
