import ArgumentParser
import ChildProcesses
import Foundation
import UnknotCore

#if canImport(Glibc)
  import Glibc
#endif

/// `unknot remind`: stays in the foreground and says when a posture break is due.
struct Remind: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Remind you to take a posture break after 30 minutes at the keyboard.",
    discussion: """
      Runs in the foreground until Ctrl-C. Every few seconds it looks at your terminals'
      access times (as `w` does: keys are never read, only the time of the last one);
      5 minutes without input, or a finished routine, counts as a break. When a break is
      due it rings the bell and prints one line here, shows it in tmux when run inside
      tmux, and sends a desktop notification when notify-send is installed.

      Settings: $XDG_CONFIG_HOME/unknot/config.yaml (break-every, break-routine,
      quiet-hours); see README.

      Examples:
        unknot remind
        unknot remind --every 45m
      """
  )

  @Option(help: ArgumentHelp("Continuous activity before a break, such as 30m.", valueName: "duration"))
  var every: String?

  @OptionGroup var journalOptions: JournalOptions

  /// Seconds between polls: each is a few `stat` calls.
  static let pollSeconds = 7.5
  /// While a break is due, the journal is asked at most this often whether a routine finished.
  static let journalSeconds = 60.0

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let settings = try breakSettings(environment: environment, every: every)
    let journalPath = try? journalOptions.path(environment: environment)
    let source = TerminalActivity()
    let message =
      "Time for a break: 2 minutes of `unknot start \(UnsafeCharacters.visible(settings.routine))`"
    say(
      "Break every \(settings.every / 60) min at the keyboard; Ctrl-C ends. (Keys are never read.)")

    // Ctrl-C and TERM are waited for with the poll's timeout, so nothing runs between polls.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &signals, nil)

    var state = BreakActivity()
    var lastFinished: Date?
    var journalAsked = -Double.infinity
    while true {
      let now = Date()
      var observation = BreakActivity.Observation(
        now: now.timeIntervalSince1970, lastInput: source.lastInput(),
        lastSessionFinished: lastFinished?.timeIntervalSince1970, minuteOfDay: BreakStatus.localMinuteOfDay(now))
      var (next, verdict) = BreakActivity.step(state, observation, settings: settings)
      if case .due = verdict, let journalPath, observation.now - journalAsked >= Self.journalSeconds {
        // Before ringing, and now and then while due: did a routine finish meanwhile?
        journalAsked = observation.now
        if let finished = try? SQLiteJournal.lastFinishedSession(path: journalPath) {
          lastFinished = finished
        }
        observation.lastSessionFinished = lastFinished?.timeIntervalSince1970
        (next, verdict) = BreakActivity.step(state, observation, settings: settings)
      }
      state = next
      if case .due(remindNow: true) = verdict {
        remind(message, environment: environment)
      }
      var timeout = timespec(
        tv_sec: Int(Self.pollSeconds), tv_nsec: Int((Self.pollSeconds.truncatingRemainder(dividingBy: 1)) * 1e9))
      if sigtimedwait(&signals, nil, &timeout) > 0 {
        say("")
        return
      }
    }
  }

  private func remind(_ message: String, environment: [String: String]) {
    say("\u{07}" + message)
    var children: [ChildProcess] = []
    if environment["TMUX"] != nil, let tmux = try? ChildProcess(["tmux", "display-message", message], searchPath: true)
    {
      children.append(tmux)
    }
    if onPath("notify-send", environment: environment),
      let notify = try? ChildProcess(["notify-send", "--", "unknot", message], searchPath: true)
    {
      children.append(notify)
    }
    for child in children { _ = child.waitOrKill(after: 2) }
  }

  /// Unbuffered (TerminalOutput writes at once), so each line shows even when piped.
  private func say(_ line: String) {
    TerminalOutput.show(line)
  }

  private func onPath(_ program: String, environment: [String: String]) -> Bool {
    (environment["PATH"] ?? "").split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
  }
}
