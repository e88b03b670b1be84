import ArgumentParser
import Foundation
import UnknotCore

/// `unknot new`: a starter routine in the person's routine folder, then their editor.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter routine into your routine folder and open it in your editor.",
    discussion: """
      The starter is a valid routine for the muscle and tool, with a comment on
      every key: where to put the tool, a hold at the pressure usual for that part
      of the back, slow strokes, a stretch, a rating, positions and sources.
      Without an id it is named after them (my-rhomboids-massage-ball), never over
      a file that exists.

      On a terminal it then opens $VISUAL, else $EDITOR. When the editor closes, the
      file is checked; a version with errors never replaces a working one (see
      `unknot edit`). Not on a terminal, it only writes the file.

      Examples:
        unknot new --muscle rhomboids --tool massage-ball
        unknot new --muscle traps --tool cane my-shoulders
      """
  )

  @Option(help: ArgumentHelp("The muscle to work on (see `unknot muscles`); default rhomboids.", valueName: "muscle"))
  var muscle: String?

  @Option(help: ArgumentHelp("The tool to use; default the first that suits the muscle.", valueName: "tool"))
  var tool: String?

  @Argument(help: ArgumentHelp("The new routine's id; default my-MUSCLE-TOOL.", valueName: "id"))
  var id: String?

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let folder = RoutineSearchPath.defaultUserFolder(environment: environment) else {
      throw CommandLineError("HOME is not set, so there is no routine folder to write to; set HOME or XDG_CONFIG_HOME")
    }
    let chosen: (muscle: Muscle, tool: Tool)
    switch StarterRoutine.choose(muscle: try resolve(muscle, as: Muscle.self), tool: try resolve(tool, as: Tool.self))
    {
    case .success(let choice): chosen = choice
    case .failure(let refusal): throw CommandLineError(refusal.description)
    }
    let library = routineOptions.library()
    let id = try newID(folder: folder, library: library, chosen: chosen)
    let path = folder + "/" + id + ".yaml"
    let text = StarterRoutine.text(muscle: chosen.muscle, tool: chosen.tool, id: id)
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      try PrivateFile.save(Data(text.utf8), to: path, replacing: false)
    } catch let error as PrivateFile.WriteError {
      throw CommandLineError(UnsafeCharacters.visible(error.description))
    } catch {
      throw CommandLineError("\(UnsafeCharacters.visible(folder)): cannot make the routine folder")
    }
    let shown = UnsafeCharacters.visible(path)
    TerminalOutput.show("Wrote a starter routine, '\(id)', to \(shown).")
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      TerminalOutput.show(
        "Change it in your editor, or with `unknot edit \(id)` on a terminal; `unknot start \(id)` runs it.")
      return
    }
    switch EditorCommand.from(environment: environment) {
    case .failure(let problem):
      TerminalOutput.show("To change it in an editor: \(problem.description).")
      TerminalOutput.show("Then run `unknot edit \(id)`. The file is \(shown).")
    case .success(let editor):
      let withNew = RoutineLibrary.load(routineOptions.searchPath())
      if try RoutineEditing(path: path, library: withNew, editor: editor).run() != .keptPrevious {
        TerminalOutput.show("`unknot start \(id)` runs it.")
      }
    }
  }

  /// The id typed, when it is valid and free, or the first free one made from the
  /// muscle and the tool. A typed id in use is refused, never overwritten.
  private func newID(folder: String, library: RoutineLibrary, chosen: (muscle: Muscle, tool: Tool)) throws -> String {
    func fileExists(_ id: String) -> Bool {
      [".yaml", ".yml"].contains { FileManager.default.fileExists(atPath: folder + "/" + id + $0) }
    }
    func entry(_ id: String) -> RoutineLibrary.Entry? {
      library.entries.first { $0.routine?.id == id || RoutineLibrary.stem($0.origin.diagnosticPath) == id }
    }
    guard let typed = id else {
      return StarterRoutine.freeID(muscle: chosen.muscle, tool: chosen.tool) { fileExists($0) || entry($0) != nil }
    }
    let shown = UnsafeCharacters.visible(typed)
    guard StarterRoutine.isValidID(typed) else {
      throw CommandLineError(
        "'\(shown)' is not a valid id; use lower-case letters, digits and hyphens, such as my-upper-back")
    }
    if let existing = entry(typed) {
      let place =
        existing.origin.isBuiltIn
        ? "a built-in routine" : "the routine in \(UnsafeCharacters.visible(existing.origin.label))"
      throw CommandLineError(
        "'\(typed)' is already \(place). Run `unknot edit \(typed)` to change it, or choose another id")
    }
    if fileExists(typed) {
      throw CommandLineError(
        "\(UnsafeCharacters.visible(folder))/\(typed).yaml already exists, and unknot does not overwrite files."
          + " Run `unknot edit \(typed)` to change it, or choose another id")
    }
    return typed
  }
}
