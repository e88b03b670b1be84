import ArgumentParser
import Foundation
import UnknotCore
import UnknotTUI

/// `unknot safety`: the safety check, on demand.
struct Safety: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Answer the safety check now (it is also asked before your first session and every 30 days).",
    discussion: """
      Examples:
        unknot safety
        unknot safety --plain
      """
  )

  @Flag(help: "Ask with plain lines instead of the full screen.")
  var plain = false

  @OptionGroup var sessionOptions: SessionOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let journal = try sessionOptions.openJournal(environment: environment)
    let setup = FrontEnd.Setup(
      library: RoutineLibrary(entries: []), journal: journal, options: sessionOptions.appOptions,
      environment: environment)
    if plain || !Interactive.isAvailable(environment: environment) {
      let status = try PlainFrontEnd.run(.safetyCheck, setup: setup)
      if status != 0 { throw ExitCode(status) }
      return
    }
    let status = try Interactive.run(.safetyCheck, setup: setup)
    if status != 0 { throw ExitCode(status) }
  }
}
