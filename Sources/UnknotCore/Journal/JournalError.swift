/// A journal that cannot be used, with the path and what to do.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case cannotOpen = "cannot-open"
    case notADatabase = "not-a-database"
    case corrupt
    case permissionDenied = "permission-denied"
    case diskFull = "disk-full"
    case newerSchema = "newer-schema"
    case writeFailed = "write-failed"
  }

  public var kind: Kind
  public var path: String
  public var message: String

  public init(_ kind: Kind, path: String, message: String) {
    self.kind = kind
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
