import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line on standard error that says how far long work has gone ("Importing: 4 200
/// of 7 300 sessions"), for `import`, `export` and `report` on a large journal. It shows
/// only on a terminal and only once a second has passed, so quick work and output
/// to a pipe or a file never see it; it is redrawn at most ten times a second and
/// erased when the work ends.
///
/// Use: `let progress = ProgressLine(doing: "Importing", things: "sessions")`, pass
/// `progress.update` where the work reports `(done, total)`, then `progress.finish()`
/// (also on failure: `defer { progress.finish() }`).
final class ProgressLine: @unchecked Sendable {
  /// After this long the line appears.
  static let delay: TimeInterval = 1
  /// At most this often it is redrawn.
  static let interval: TimeInterval = 0.1

  private let doing: String
  private let things: String
  private let enabled: Bool
  private let started: Date
  private let clock: () -> Date
  private let draw: (String?) -> Void
  private var lastDrawn: Date?

  init(
    doing: String, things: String, onTerminal: Bool = isatty(STDERR_FILENO) == 1,
    clock: @escaping () -> Date = Date.init, draw: @escaping (String?) -> Void = TerminalOutput.progress
  ) {
    self.doing = doing
    self.things = things
    self.enabled = onTerminal
    self.clock = clock
    self.started = clock()
    self.draw = draw
  }

  /// `done` of `total` are done.
  func update(_ done: Int, _ total: Int) {
    guard enabled else { return }
    let now = clock()
    guard now.timeIntervalSince(started) >= Self.delay else { return }
    if let lastDrawn, now.timeIntervalSince(lastDrawn) < Self.interval, done < total { return }
    lastDrawn = now
    draw(Self.words(doing: doing, done: done, total: total, things: things))
  }

  /// Erases the line, if it was ever shown.
  func finish() {
    guard lastDrawn != nil else { return }
    lastDrawn = nil
    draw(nil)
  }

  /// "Importing: 4 200 of 7 300 sessions": thousands apart by a space, whatever the locale.
  static func words(doing: String, done: Int, total: Int, things: String) -> String {
    "\(doing): \(grouped(done)) of \(grouped(total)) \(things)"
  }

  static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += " " }
      out.append(digit)
    }
    return (number < 0 ? "-" : "") + out
  }
}
