import ArgumentParser

/// `unknot-benchmark`: measures unknot's speed targets and prints the figures.
/// Build first with `swift build -c release`; it runs the release `unknot` beside it.
@main
struct UnknotBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unknot-benchmark",
    abstract: "Measure unknot's speed targets (build with `swift build -c release` first).",
    subcommands: [
      AllFigures.self, IdleCost.self, TimerAccuracy.self, ListStartup.self, JournalCost.self, EngineCost.self,
      RemindCost.self, StatusCost.self,
    ],
    defaultSubcommand: AllFigures.self
  )
}
