import CChildProcess

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What differs between Linux and macOS for starting a child (docs/porting.md).
enum Platform {
  /// A pipe whose two ends are closed on exec (CChildProcess: pipe2 on Linux).
  static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
    var ends: [Int32] = [-1, -1]
    guard child_process_pipe(&ends) == 0 else { return nil }
    return (ends[0], ends[1])
  }

  /// posix_spawn's flags: default signal actions and an empty mask in the child, and
  /// on macOS every descriptor not named in the file actions closed (Linux closes them
  /// with a file action instead).
  static var spawnFlags: Int16 {
    #if os(Linux)
      Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    #else
      Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_CLOEXEC_DEFAULT)
    #endif
  }

  static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #else
      Darwin.write(descriptor, bytes, count)
    #endif
  }

  static func errorText(_ number: Int32) -> String {
    String(cString: strerror(number))
  }
}
