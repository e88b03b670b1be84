import ArgumentParser
import Foundation
import UnknotCore

/// `unknot hurts neck=6 shoulders=4`: where it hurts today, for those who do not use the
/// full screen (plain mode has no home screen to mark it on).
struct Hurts: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Note where it hurts today: muscle groups, each with a rating from 0 to 10.",
    discussion: """
      Each area is GROUP=RATING, with a group id as `unknot muscles` lists them and a
      rating where 0 = no pain, 10 = worst pain imaginable. Saved in your journal with
      today's date; the home screen shows today's areas on the body map and offers their
      routines starting with what has helped you there. `unknot stats --area GROUP`
      shows an area's ratings over time.

      Examples:
        unknot hurts neck=6 shoulders=4
        unknot hurts between-blades=3
      """
  )

  @Argument(help: ArgumentHelp("Areas as GROUP=RATING, like neck=6.", valueName: "group=rating"))
  var areas: [String]

  @OptionGroup var journalOptions: JournalOptions

  func run() throws {
    let now = Date()
    let marks = try areas.map { try Self.mark($0, at: now) }
    let path = try journalOptions.path(environment: ProcessInfo.processInfo.environment)
    do {
      try SQLiteJournal(path: path).record(marks)
    } catch {
      throw JournalFailureText.forJournalCommand(error)
    }
    let list = marks.map { "\($0.group.name.lowercased()) \($0.rating)/10" }.joined(separator: ", ")
    TerminalOutput.show("Saved where it hurts today: \(list).")
  }

  static func mark(_ typed: String, at date: Date) throws -> PainMark {
    let parts = typed.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw CommandLineError(
        "'\(UnsafeCharacters.visible(typed))' is not GROUP=RATING: write an area like neck=6")
    }
    let group = try resolve(parts[0], as: MuscleGroup.self)
    guard let rating = Int(parts[1]), PainScale.range.contains(rating), let group else {
      throw CommandLineError(
        "'\(UnsafeCharacters.visible(parts[1]))' is not a rating: give a whole number from 0 (no pain) to 10 "
          + "(worst pain imaginable)")
    }
    return PainMark(markedAt: date, group: group, rating: rating)
  }
}
