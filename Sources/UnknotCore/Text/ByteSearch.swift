#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Searches over a string's UTF-8 bytes. The loader asks these questions of every
/// routine file and every text in it; going through Foundation or the generic
/// `Sequence.contains` made them a tenth of `unknot list`'s time with 1,000 files.
extension String {
  /// Whether the text holds this byte (an ASCII character such as "&" or "\n").
  func containsByte(_ byte: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { buffer -> Bool in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
      return memchr(base, Int32(byte), buffer.count) != nil
    }
    return found ?? utf8.contains(byte)
  }

  /// Whether the text holds `needle` byte for byte (no Unicode folding: callers
  /// lowercase first and search for lowercase ASCII words).
  func containsBytes(of needle: String) -> Bool {
    var text = self
    text.makeContiguousUTF8()
    let word = Array(needle.utf8)
    guard let first = word.first else { return true }
    let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard let base = bytes.baseAddress, word.count <= bytes.count else { return false }
      for index in 0...(bytes.count - word.count) where bytes[index] == first {
        if memcmp(base + index, word, word.count) == 0 { return true }
      }
      return false
    }
    return found ?? false
  }
}
