import ArgumentParser
import Foundation
import UnknotCore

/// `unknot status`: one short line for a tmux status bar or a prompt.
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print one line for a status bar: 'break in 12 min' or 'break due', and today's programme.",
    discussion: """
      Works out, from your terminals' access times (as `w` does; keys are never read)
      and the last routine you finished, how long until a posture break is due. With a
      programme followed, adds today's part of it: "break in 12 min; Today: strength,
      2 of 3 this week". Keeps no state between runs, and is cheap enough to run every
      few seconds.

      In tmux:
        set -g status-right '#(unknot status)'
        set -g status-interval 30
      """
  )

  @Option(help: ArgumentHelp("Continuous activity before a break, such as 30m.", valueName: "duration"))
  var every: String?

  @OptionGroup var journalOptions: JournalOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let settings = try breakSettings(environment: environment, every: every)
    let now = Date()
    let path = try? journalOptions.path(environment: environment)
    let breakLine = BreakStatus.line(source: TerminalActivity(), now: now, settings: settings) {
      // Asked only while a stretch is under way; a journal that cannot be read counts
      // as no routine finished, so a status bar never shows an error.
      guard let path else { return nil }
      return (try? SQLiteJournal.lastFinishedSession(path: path)) ?? nil
    }
    // With a programme followed, today's part of it, after the break.
    let today = path.flatMap { try? ActiveProgramme.todayLine(journalPath: $0, environment: environment, now: now) }
    TerminalOutput.show(UnsafeCharacters.visible([breakLine, today].compactMap { $0 }.joined(separator: "; ")))
  }
}
