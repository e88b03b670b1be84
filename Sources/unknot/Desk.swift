import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// `unknot desk`: the desk setup check, straight away: no group or routine to pick.
struct Desk: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check your desk setup: eight yes/no questions, with what to change for each no.",
    discussion: """
      Asks about your screen's height, distance and place, your shoulders, elbows,
      wrists, back and feet, after OSHA's Computer Workstations eTool. A "no" shows
      what to change; the summary lists them all. The answers are kept in your
      journal, and `unknot stats` shows what changed since the check before.
      It asks no pain ratings and no safety questions: it works no muscle.

      Examples:
        unknot desk
        unknot desk --plain      # plain lines, for screen readers or a pipe
      """
  )

  @Flag(help: "Ask with plain lines instead of the full screen; answers are read as lines from standard input.")
  var plain = false

  @OptionGroup var sessionOptions: SessionOptions
  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let id = DeskCheckChange.routineID
    try RoutineSession.run(
      routineID: id, plain: plain, withoutTerminal: .askInLines,
      notLoaded: "the desk check '\(id)' did not load; run `unknot check` to see why", sessionOptions: sessionOptions,
      routineOptions: routineOptions)
  }
}
