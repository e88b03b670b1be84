import ArgumentParser
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
}
