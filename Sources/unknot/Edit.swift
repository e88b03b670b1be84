import ArgumentParser
import Foundation
import UnknotCore

/// `unknot edit ID`: opens a routine in the person's editor, checked before it is saved.
struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open a routine in your editor; it is checked before it replaces the old one.",
    discussion: """
      Opens $VISUAL, else $EDITOR, on a copy of the routine's file. When the editor
      closes, the copy is checked as `unknot check` checks it. Without errors it
      replaces the file (warnings are shown). With errors you choose: (e) edit again,
      or (k) keep the previous version, so a broken routine never replaces a working
      one. Without a terminal to ask on, the previous version is kept.

      A built-in routine is first copied into your routine folder, where your copy
      replaces the built-in one by its id; delete the copy to go back.

      Examples:
        unknot edit my-rhomboids-massage-ball
        VISUAL="code --wait" unknot edit between-blades-ball
      """
  )

  @Argument(help: ArgumentHelp("The routine's id (see `unknot list`).", valueName: "id"))
  var id: String

  @OptionGroup var routineOptions: RoutineOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let library = routineOptions.library()
    let found = try routineFile(library: library, environment: environment)
    let shown = UnsafeCharacters.visible(found.path)
    let editor: EditorCommand
    switch EditorCommand.from(environment: environment) {
    case .success(let command): editor = command
    case .failure(let problem):
      let place =
        found.builtIn == nil
        ? "The routine's file is \(shown)." : "It is built in: `unknot edit` copies it to \(shown) first."
      throw CommandLineError("\(problem.description). \(place)")
    }
    if let builtIn = found.builtIn {
      let folder = (found.path as NSString).deletingLastPathComponent
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try PrivateFile.save(Data(builtIn), to: found.path, replacing: false)
      } catch let error as PrivateFile.WriteError {
        throw CommandLineError(UnsafeCharacters.visible(error.description))
      } catch {
        throw CommandLineError("\(UnsafeCharacters.visible(folder)): cannot make the routine folder")
      }
      TerminalOutput.show(
        "'\(found.id)' is built in: copied it to \(shown). Your copy now replaces the built-in one;"
          + " delete the file to go back to it.")
    }
    let withCopy = found.builtIn == nil ? library : RoutineLibrary.load(routineOptions.searchPath())
    // A kept previous version is not what was asked for: a script sees it in the status.
    if try RoutineEditing(path: found.path, library: withCopy, editor: editor).run() == .keptPrevious {
      throw ExitCode(1)
    }
  }

  /// The file to edit: the routine's own, a file that did not load (to fix it), or
  /// for a built-in routine the path of the copy to make, with the bytes to copy.
  private func routineFile(
    library: RoutineLibrary, environment: [String: String]
  ) throws -> (id: String, path: String, builtIn: [UInt8]?) {
    let typed = NameMatching.normalize(id)
    // A file of the person's that does not load is the one most in need of an editor,
    // even where a built-in routine of that id is in effect meanwhile.
    let brokenFile = library.broken.lazy.compactMap { entry -> String? in
      guard case .file(let path) = entry.origin, RoutineLibrary.stem(path) == typed else { return nil }
      return path
    }.first
    switch library.routine(id: id) {
    case .success(let entry) where entry.origin.isBuiltIn && brokenFile != nil:
      return (typed, brokenFile!, nil)
    case .success(let entry):
      let routineID = entry.routine?.id ?? typed
      switch entry.origin {
      case .file(let path):
        return (routineID, path, nil)
      case .builtIn(let name):
        guard let folder = RoutineSearchPath.defaultUserFolder(environment: environment) else {
          throw CommandLineError("HOME is not set, so there is no routine folder to copy '\(routineID)' into")
        }
        let bytes = BuiltInRoutineFiles.all().first { $0.name == name }?.bytes ?? []
        return (routineID, folder + "/" + routineID + ".yaml", bytes)
      }
    case .failure(let failure):
      if let brokenFile { return (typed, brokenFile, nil) }
      throw CommandLineError(UnsafeCharacters.visible(failure.message))
    }
  }
}
