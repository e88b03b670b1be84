import Foundation
import PackagePlugin

/// Compiles the files in the package's top-level Routines/ folder, and the programmes
/// in Routines/programmes/, into the target.
///
/// Routines/ stays the single source of truth. Each routine file is an input, so
/// editing one in place re-embeds it; so is the folder, whose date changes when a file
/// is added, and the embedder lists the folder itself, so a new file is embedded too.
/// SwiftPM keeps this plugin's answer until the package changes: after a routine file
/// is deleted or renamed away the build stops with "missing inputs" naming it, until
/// `touch Package.swift` makes SwiftPM ask again (docs/routine-format.md).
@main
struct EmbedRoutines: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Routines")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRoutineFiles.swift")
    // The same rule as the embedder's, so the inputs are exactly the files it reads.
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let routineFiles = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { folder.appending(path: $0) }
    // The programmes in Routines/programmes/, read by the same rule.
    let programmeFolder = folder.appending(path: "programmes")
    let programmeNames = (try? FileManager.default.contentsOfDirectory(atPath: programmeFolder.path)) ?? []
    let programmeFiles = programmeNames.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { programmeFolder.appending(path: $0) }
    // The folder is an input whenever it exists, so a programme added to it is embedded.
    let hasProgrammeFolder = FileManager.default.fileExists(atPath: programmeFolder.path)
    let programmeInputs = hasProgrammeFolder ? [programmeFolder] + programmeFiles : []
    return [
      .buildCommand(
        displayName: "Embedding the bundled routines from Routines/",
        executable: try context.tool(named: "RoutineEmbedder").url,
        arguments: [folder.path, output.path],
        inputFiles: [folder] + routineFiles + programmeInputs,
        outputFiles: [output]
      )
    ]
  }
}
