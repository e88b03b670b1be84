import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// `unknot start ID`: straight into a routine (after the safety check when it is due).
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start a routine straight away (after the safety check when it is due).",
    discussion: """
      Examples:
        unknot start between-blades-ball
        unknot start cyclic-sighing --speak
        unknot start desk-posture-break --plain      # plain lines, for screen readers or a pipe
      """
  )

  @Argument(help: "The routine's id (see `unknot list`).")
  var id: String

  @Flag(help: "Guide with plain lines instead of the full screen; ratings are read as lines from standard input.")
  var plain = false

  @OptionGroup var sessionOptions: SessionOptions
  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    try RoutineSession.run(
      routineID: id, plain: plain, withoutTerminal: .refuse, notLoaded: "routine '\(id)' did not load",
      sessionOptions: sessionOptions, routineOptions: routineOptions)
  }
}
