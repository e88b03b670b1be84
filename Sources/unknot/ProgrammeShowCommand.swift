import ArgumentParser
import Foundation
import UnknotCore

/// `unknot programme show ID`: a programme's plan, weeks, levels and sources.
struct ProgrammeShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a programme: its plan, weeks, levels and sources.")

  @Argument(help: "The programme's id (see `unknot programme list`).")
  var id: String

  @OptionGroup var options: ProgrammeOptions

  func run() throws {
    switch options.programmes().programme(id: id) {
    case .success(let entry):
      for line in ProgrammeDetailText.lines(entry.programme!) { TerminalOutput.show(line) }
    case .failure(let failure):
      throw CommandLineError(UnsafeCharacters.visible(failure.message))
    }
  }
}
