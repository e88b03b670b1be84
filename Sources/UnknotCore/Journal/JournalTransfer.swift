import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `unknot export` and `unknot import` do, apart from parsing their arguments:
/// here so that tests can run the round trip the commands run.
public enum JournalTransfer {
  public enum Format: String, Sendable, CaseIterable {
    case csv, json
  }

  /// The whole journal at `path` as CSV or JSON; nil when there is no journal there
  /// (it is not created).
  /// `progress` hears (sessions written, sessions in all) as the export is put together.
  public static func export(
    journalAt path: String, format: Format, progress: ((Int, Int) -> Void)? = nil
  ) throws(JournalError) -> Data? {
    guard let journal = try SQLiteJournal.openIfPresent(path: path) else { return nil }
    switch format {
    case .json: return try journal.exportJSON(progress: progress)
    case .csv: return Data(try journal.exportCSV(progress: progress).utf8)
    }
  }

  /// Adds the sessions and safety checks of a JSON export to the journal at `path`
  /// (created, 0600, when there is none yet). Entries already there are left alone.
  public static func importFile(
    _ file: String, intoJournalAt path: String, progress: ((Int, Int) -> Void)? = nil
  ) throws(JournalError) -> JournalImportResult {
    // Asked of the file system first: Foundation's read errors do not say why in words.
    func unreadable(_ reason: String) -> JournalError {
      JournalError(.cannotOpen, path: file, message: "cannot read this file: \(reason). Nothing was imported.")
    }
    var info = stat()
    guard stat(file, &info) == 0, access(file, R_OK) == 0 else {
      throw unreadable(String(cString: strerror(errno)).lowercased())
    }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw unreadable("it is a folder") }
    // Refused before it is read: a stranger's file may be larger than the memory.
    if info.st_size > ImportFileScreen.largestFile, let problem = ImportFileScreen.tooLarge(Int(info.st_size)) {
      throw JournalError(.notAnExport, path: file, message: "\(problem). Nothing was imported.")
    }
    guard let data = FileManager.default.contents(atPath: file) else { throw unreadable("reading it failed") }
    let journal = try SQLiteJournal(path: path)
    return try journal.importJSON(data, source: file, progress: progress)
  }

  /// What an import did, in a sentence or two.
  public static func summary(_ result: JournalImportResult) -> String {
    func count(_ number: Int, _ noun: String) -> String {
      "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
    var text =
      "\(count(result.sessionsAdded, "session")) added, \(result.sessionsAlreadyPresent) already in your journal."
    if result.safetyChecksAdded + result.safetyChecksAlreadyPresent > 0 {
      text +=
        " \(count(result.safetyChecksAdded, "safety check")) added, "
        + "\(result.safetyChecksAlreadyPresent) already there."
    }
    if result.programmesAdded > 0 {
      text += " \(count(result.programmesAdded, "programme")) added."
    }
    return text
  }
}
