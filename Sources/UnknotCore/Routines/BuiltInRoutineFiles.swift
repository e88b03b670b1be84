/// One routine file as it was bundled into the binary at build time.
public struct BuiltInRoutineFile: Sendable, Equatable {
  public let name: String
  public let bytes: [UInt8]
}

/// The routine files from the package's Routines/ folder, compiled in by the
/// EmbedRoutines plugin so the binary needs nothing beside it.
public enum BuiltInRoutineFiles {
  public static func all() -> [BuiltInRoutineFile] {
    EmbeddedRoutineFiles.files.map { entry in
      BuiltInRoutineFile(name: entry.name, bytes: decodeHex(entry.hex))
    }
  }

  static func decodeHex(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(hex.utf8.count / 2)
    var high: UInt8?
    for char in hex.utf8 {
      let nibble: UInt8
      switch char {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = char - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = char - UInt8(ascii: "a") + 10
      default: continue
      }
      if let first = high {
        bytes.append(first << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    return bytes
  }
}
