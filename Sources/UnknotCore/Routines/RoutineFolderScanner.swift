import Foundation

/// Finds the routine files in a folder and its subfolders, safely: symbolic links
/// are followed only while they stay inside the folder, loops are reported instead
/// of followed, and anything that is not a regular file (a FIFO named x.yaml, a
/// device) is never opened.
public struct RoutineFolderScanner {
  /// A file found, or a problem with an entry that was not followed.
  public enum Finding: Sendable, Equatable {
    case file(path: String)
    case problem(Diagnostic)
  }

  /// Folders nest at most this deep below the routine folder.
  public static let maximumDepth = 8
  /// A folder contributes at most this many files.
  public static let maximumFiles = 10_000

  public static func isRoutineFile(_ name: String) -> Bool {
    !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
  }

  /// The files, sorted by path, or one problem when the folder itself cannot be read.
  /// A folder that does not exist yields nothing: the user folder is optional.
  public static func scan(_ folder: String, required: Bool = false) -> [Finding] {
    guard let root = realPath(folder) else {
      if required || FileManager.default.fileExists(atPath: folder) {
        return [.problem(problem(folder, "cannot open this routine folder; check that it exists and is readable"))]
      }
      return []
    }
    var scanner = Walk(root: root)
    scanner.visit(displayFolder: folder, resolved: root, depth: 0)
    return scanner.findings
  }

  private struct Walk {
    let root: String
    /// Every folder read, so one reached twice (a link beside its target) is read once.
    var visited: Set<String> = []
    /// The folders being read right now, outermost first: a link to one of them is a loop.
    var ancestors: [String] = []
    var findings: [Finding] = []
    var fileCount = 0

    init(root: String) {
      self.root = root
    }

    mutating func visit(displayFolder: String, resolved: String, depth: Int) {
      guard visited.insert(resolved).inserted else { return }
      ancestors.append(resolved)
      defer { ancestors.removeLast() }
      guard let entries = RoutineFolderScanner.entries(of: resolved) else {
        findings.append(.problem(problem(displayFolder, "cannot read this folder; check its permissions")))
        return
      }
      var names: [String] = []
      for raw in entries {
        if let name = String(validating: raw, as: UTF8.self) {
          names.append(name)
        } else if RoutineFolderScanner.isRoutineFile(String(decoding: raw, as: UTF8.self)) {
          // Such a name cannot be shown or typed; say so rather than skip the file unseen.
          let shown = raw.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
          let display = (displayFolder.hasSuffix("/") ? displayFolder : displayFolder + "/") + shown
          findings.append(
            .problem(problem(display, "the file name is not valid UTF-8; not read. Rename it (letters, digits, -)")))
        }
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let display = displayFolder.hasSuffix("/") ? displayFolder + name : displayFolder + "/" + name
        let path = resolved + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
          guard let linked = realPath(path) else {
            if errno == ELOOP {
              findings.append(.problem(problem(display, "symbolic link loop; not followed. Remove or fix the link")))
            } else if RoutineFolderScanner.isRoutineFile(name) {
              findings.append(.problem(problem(display, "broken symbolic link; not followed")))
            }
            continue
          }
          guard linked == root || linked.hasPrefix(root + "/") else {
            findings.append(
              .problem(
                problem(
                  display,
                  "symbolic link points outside the routine folder (to \(linked)); not followed. "
                    + "Copy the file into the folder instead")))
            continue
          }
          guard stat(linked, &info) == 0 else { continue }
          target = linked
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
          if ancestors.contains(target) {
            findings.append(
              .problem(problem(display, "symbolic link loop: it leads back to a folder above it; not followed")))
          } else if visited.contains(target) {
            continue
          } else if depth + 1 > RoutineFolderScanner.maximumDepth {
            findings.append(
              .problem(problem(display, "folders nest too deep (over \(RoutineFolderScanner.maximumDepth)); not read")))
          } else {
            visit(displayFolder: display, resolved: target, depth: depth + 1)
          }
        case S_IFREG where RoutineFolderScanner.isRoutineFile(name):
          fileCount += 1
          guard fileCount <= RoutineFolderScanner.maximumFiles else { continue }
          findings.append(.file(path: display))
        default:
          if RoutineFolderScanner.isRoutineFile(name) {
            findings.append(.problem(problem(display, "not a regular file; not read")))
          }
        }
      }
    }
  }

  /// The raw names in a folder (without . and ..), as bytes: a name need not be UTF-8.
  static func entries(of folder: String) -> [[UInt8]]? {
    guard let directory = opendir(folder) else { return nil }
    defer { closedir(directory) }
    var names: [[UInt8]] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
        Array(buffer.prefix { $0 != 0 })
      }
      if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
    }
    return names
  }

  static func problem(_ path: String, _ message: String) -> Diagnostic {
    Diagnostic(.error, file: path, line: 1, column: 1, message)
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Reads a routine file without following it anywhere unexpected and without ever
/// reading more than the loader accepts.
public enum RoutineFileReader {
  public enum Failure: Error, Sendable {
    case problem(Diagnostic)
  }

  public static func read(_ path: String) -> Result<[UInt8], Failure> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(
        .problem(RoutineFolderScanner.problem(path, "cannot open this file: \(String(cString: strerror(errno)))")))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      return .failure(.problem(RoutineFolderScanner.problem(path, "not a regular file; not read")))
    }
    let limit = RoutineFileScreen.maximumBytes
    guard info.st_size <= limit else {
      return .failure(
        .problem(
          RoutineFolderScanner.problem(
            path,
            "the file is \(info.st_size / 1024) KiB; routine files may be at most \(limit / 1024) KiB. Split it into several routines"
          )))
    }
    // Sized by fstat, not by the limit: zeroing 256 KiB for every 2 KiB routine was a
    // fifth of `unknot list`'s time with a thousand files. A file that grows while it
    // is read still stops at one byte past the limit, which the screen refuses.
    var bytes: [UInt8] = []
    var capacity = min(Int(info.st_size), limit) + 1
    while true {
      let start = bytes.count
      bytes.reserveCapacity(capacity)
      let count = readSome(descriptor, into: &bytes, upTo: capacity - start)
      guard count > 0 else { break }
      if bytes.count == capacity {
        guard capacity <= limit else { break }
        capacity = min(capacity * 2, limit + 1)
      }
    }
    return .success(bytes)
  }
}

extension RoutineFileReader {
  /// Appends what one read(2) gives, at most `most` bytes, without zeroing a buffer
  /// first; retries when a signal interrupts it. Returns the count, 0 at the end.
  static func readSome(_ descriptor: Int32, into bytes: inout [UInt8], upTo most: Int) -> Int {
    guard most > 0 else { return 0 }
    let chunk = [UInt8](unsafeUninitializedCapacity: most) { buffer, initialized in
      var count = -1
      repeat {
        count = Foundation.read(descriptor, buffer.baseAddress!, most)
      } while count < 0 && errno == EINTR
      initialized = max(0, count)
    }
    let count = chunk.count
    bytes.append(contentsOf: chunk)
    return count
  }
}

extension RoutineFolderScanner {
  /// Whether the path is a folder (following links), for commands that take either.
  public static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }
}
