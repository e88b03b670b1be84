import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme today`, the default: today's plan, week and levels, as text or JSON.
struct ProgrammeTodayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "today",
    abstract: "Today's plan: what is due and done, the week, progress and levels.")

  @Option(help: "Output format: text or json.")
  var format: ProgrammeFormat = .text

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    let programmes = options.programmes()
    guard let journal = try options.existingJournal(), let active = try readActive(journal, programmes) else {
      TerminalOutput.show(format == .json ? "null" : notFollowing)
      return
    }
    guard let today = active.today else {
      throw CommandLineError(missingProgramme(active.enrolment, in: programmes))
    }
    if format == .json {
      TerminalOutput.json(ProgrammeTodayJSON(today, enrolment: active.enrolment).json())
      return
    }
    for line in ProgrammeTodayText.lines(today, enrolment: active.enrolment, zone: .local) {
      TerminalOutput.show(line)
    }
  }
}
