import ChildProcesses
import Foundation
import UnknotCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Edits a routine file the way visudo edits sudoers: the person edits a copy; when
/// the editor closes, the copy is checked as `unknot check` would; only a copy without
/// errors replaces the file, in one rename. A broken routine never replaces a working
/// one: on errors the person chooses to edit again or keep the previous version.
struct RoutineEditing {
  /// The routine file in place, in the routine folder.
  let path: String
  let library: RoutineLibrary
  let editor: EditorCommand

  enum Outcome: Equatable {
    case replaced
    case unchanged
    case keptPrevious
  }

  func run() throws -> Outcome {
    let shown = UnsafeCharacters.visible(path)
    guard let previous = FileManager.default.contents(atPath: path).map(Array.init) else {
      throw CommandLineError("\(shown): cannot read the routine file")
    }
    let folder = (path as NSString).deletingLastPathComponent
    // Beside the file, so the last step is a rename on one file system; the leading dot
    // keeps the routine folder's scan from reading the copy as a routine.
    var template = Array((folder + "/.unknot-edit-XXXXXX").utf8CString)
    guard mkdtemp(&template) != nil else {
      throw CommandLineError("\(UnsafeCharacters.visible(folder)): cannot make a folder for the copy to edit")
    }
    let scratch = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let copy = scratch + "/" + (path as NSString).lastPathComponent
    do {
      try PrivateFile.save(Data(previous), to: copy, replacing: false)
    } catch {
      throw CommandLineError(error.description)
    }

    while true {
      if let failure = runEditor(on: copy) {
        printError("\(failure) Nothing was changed: \(shown) keeps its previous version.")
        return .keptPrevious
      }
      guard let edited = FileManager.default.contents(atPath: copy).map(Array.init) else {
        printError("The edited copy is gone. Nothing was changed: \(shown) keeps its previous version.")
        return .keptPrevious
      }
      if edited == previous {
        TerminalOutput.show("No changes: \(shown) is as it was.")
        return .unchanged
      }
      let diagnostics = RoutineEditCheck.diagnostics(of: edited, at: path, in: library)
      for diagnostic in diagnostics {
        printError(diagnostic.description)
      }
      let errors = diagnostics.filter { $0.severity == .error }.count
      if errors == 0 {
        try moveIntoPlace(copy)
        let warnings = diagnostics.count
        TerminalOutput.show(
          "Saved \(shown)" + (warnings == 0 ? "." : " with \(count(warnings, "warning")) (see above)."))
        return .replaced
      }
      guard isatty(STDIN_FILENO) == 1 else {
        printError(
          "The edit has \(count(errors, "error")) and there is no terminal to ask on:"
            + " kept the previous version of \(shown); the edit is discarded.")
        return .keptPrevious
      }
      switch askAfterErrors(errors) {
      case .editAgain: continue
      case .keepPrevious:
        TerminalOutput.show("Kept the previous version of \(shown); the edit is discarded.")
        return .keptPrevious
      }
    }
  }

  private enum Choice { case editAgain, keepPrevious }

  /// Asks until the answer is e or k; the end of input keeps the previous version.
  private func askAfterErrors(_ errors: Int) -> Choice {
    while true {
      TerminalOutput.show(
        "The routine has \(count(errors, "error")), so it was not saved."
          + " (e) edit again, or (k) keep the previous version? ", terminator: "")
      guard let line = readLine() else {
        TerminalOutput.show("")
        return .keepPrevious
      }
      switch line.trimmingCharacters(in: .whitespaces).lowercased() {
      case "e", "edit": return .editAgain
      case "k", "keep": return .keepPrevious
      default: TerminalOutput.show("Please type e or k.")
      }
    }
  }

  /// Runs the editor on the copy with this terminal; nil when it ended well, else why not.
  private func runEditor(on copy: String) -> String? {
    let name = UnsafeCharacters.visible(editor.words.joined(separator: " "))
    // Ctrl-C and Ctrl-\ belong to the editor while it runs; they must not end unknot
    // and leave the copy behind. The editor starts with every signal at its default.
    let interrupt = signal(SIGINT, SIG_IGN)
    let quit = signal(SIGQUIT, SIG_IGN)
    defer {
      signal(SIGINT, interrupt)
      signal(SIGQUIT, quit)
    }
    let child: ChildProcess
    do {
      child = try ChildProcess(
        editor.words + [copy], input: .inherited, output: .inherited, errors: .inherited, searchPath: true)
    } catch {
      return "Could not start the editor '\(name)' (from \(editor.variable)): \(error.description)."
        + " Set \(editor.variable) to an editor that is installed."
    }
    let ending = child.wait()
    guard ending.exitStatus == 0 else {
      return "The editor '\(name)' ended with status \(ending.shellStatus)."
    }
    return nil
  }

  /// The checked copy replaces the file in one rename, readable only by its owner
  /// like every file unknot writes for the person.
  private func moveIntoPlace(_ copy: String) throws {
    chmod(copy, 0o600)
    guard rename(copy, path) == 0 else {
      let reason = String(cString: strerror(errno))
      throw CommandLineError(
        "\(UnsafeCharacters.visible(path)): could not save the checked routine (\(reason)); the previous version is kept"
      )
    }
  }

  private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
