import ArgumentParser
import Foundation
import UnknotCore

/// The `unknot` command: guided self-massage and stretching for the upper back and neck.
@main
struct Unknot: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unknot",
    abstract: "Guided self-massage and stretching for upper back and neck pain.",
    discussion: """
      unknot walks you through routines with the tools you own: where to place them,
      how hard to press, how long to hold, with a countdown and sounds. It is
      self-care guidance, not diagnosis or treatment; if pain is severe, new or
      worrying, please see a clinician.
      """,
    version: UnknotVersion.current,
    subcommands: [
      Home.self, Start.self, Desk.self, Safety.self, List.self, Show.self, Check.self, Muscles.self, History.self,
      Stats.self, Hurts.self, Remind.self, Status.self, ProgrammeCommand.self,
      Export.self, Import.self, GenerateJournal.self,
      Report.self,
      New.self, Edit.self,
    ],
    defaultSubcommand: Home.self
  )

  /// ArgumentParser's `main`, but its messages go through `TerminalOutput`: a refusal
  /// such as "Unknown option '…'" quotes what was typed, which may hold an escape
  /// sequence, so it is escaped like any other text. Help, the version and completion
  /// scripts are unknot's own text and go out as they are.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { TerminalOutput.own(message + "\n") }
      } else if !message.isEmpty {
        TerminalOutput.error(message)
      }
      Foundation.exit(code.rawValue)
    }
  }
}
