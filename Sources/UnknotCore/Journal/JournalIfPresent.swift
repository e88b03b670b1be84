import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opening the journal only to read it: history, statistics and export must never
/// create a journal, so a missing file is an answer (nil: no sessions yet) and not an
/// error, while any other problem with the file is reported as usual.
extension SQLiteJournal {
  public static func openIfPresent(path: String) throws(JournalError) -> SQLiteJournal? {
    var info = stat()
    if stat(path, &info) != 0, errno == ENOENT {
      return nil
    }
    return try SQLiteJournal(path: path, readOnly: true)
  }
}
