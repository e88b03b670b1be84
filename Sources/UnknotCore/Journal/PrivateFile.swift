import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a copy of health data, such as a journal export: readable only by its
/// owner (0600) from the first byte, and never over an existing file unless asked.
public enum PrivateFile {
  /// A file that could not be written, with what to do. The message names no flag:
  /// the command line offers replacing a file that exists, from the kind.
  public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
      /// A file is there already, and was not to be replaced.
      case alreadyExists
      /// Anything else: a folder, a missing folder, no permission, a full disk.
      case notWritten
    }

    public var kind: Kind
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }

    init(_ kind: Kind = .notWritten, path: String, message: String) {
      self.kind = kind
      self.path = path
      self.message = message
    }
  }

  /// Writes `data` to `path` with mode 0600. An existing file is an error unless
  /// `replacing`; then the new file is written beside it and renamed over it, so a
  /// failure leaves the old one whole.
  public static func save(_ data: Data, to path: String, replacing: Bool) throws(WriteError) {
    var info = stat()
    let exists = lstat(path, &info) == 0
    if exists {
      guard replacing else {
        throw WriteError(
          .alreadyExists, path: path,
          message: "this file already exists, and unknot does not overwrite files. Choose another name.")
      }
      guard info.st_mode & S_IFMT != S_IFDIR else {
        throw WriteError(path: path, message: "this is a folder. Give the path of a file to write.")
      }
    }
    if !exists {
      // O_EXCL: should a file appear at this path meanwhile, it is not ours to write over.
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { throw failure(path, errno) }
      try fill(descriptor, with: data, path: path, removingOnFailure: path)
      return
    }
    var template = Array((path + ".unknot-XXXXXX").utf8CString)
    // mkstemp makes the file 0600.
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else { throw failure(path, errno) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    try fill(descriptor, with: data, path: path, removingOnFailure: temporary)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw failure(path, code)
    }
  }

  /// Writes everything, syncs and closes; on failure removes the half-written file.
  private static func fill(
    _ descriptor: Int32, with data: Data, path: String, removingOnFailure partial: String
  ) throws(WriteError) {
    // The umask may only have taken bits away; make it exactly owner read-write.
    fchmod(descriptor, 0o600)
    var code: Int32 = 0
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          code = errno
          return
        }
        offset += written
      }
    }
    if code == 0, fsync(descriptor) != 0 { code = errno }
    close(descriptor)
    if code != 0 {
      unlink(partial)
      throw failure(path, code)
    }
  }

  private static func failure(_ path: String, _ code: Int32) -> WriteError {
    switch code {
    case EEXIST:
      return WriteError(path: path, message: "this file appeared while unknot was writing; it was left as it is.")
    case EACCES, EPERM, EROFS:
      return WriteError(path: path, message: "permission denied. Choose a folder you can write to.")
    case ENOSPC, EDQUOT:
      return WriteError(path: path, message: "the disk is full; nothing was written. Free some space and try again.")
    case ENOENT, ENOTDIR:
      return WriteError(path: path, message: "the folder does not exist. Create it first, or choose another path.")
    default:
      return WriteError(path: path, message: "could not write the file: \(String(cString: strerror(code))).")
    }
  }
}
