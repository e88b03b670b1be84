import Foundation
import PackagePlugin

/// Compiles the files in the package's top-level Routines/ folder into the target.
///
/// Routines/ stays the single source of truth: RoutineEmbedder lists the folder each
/// time it runs, and the folder is its input, so adding, removing or renaming a file
/// (which is how most editors save) re-runs it. SwiftPM caches what this plugin
/// returns until the package changes, so a per-file input list would go stale: a
/// removed file would then fail the build as a "missing input". A clean build always
/// embeds the folder as it is; see docs/routine-format.md for in-place edits.
@main
struct EmbedRoutines: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Routines")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRoutineFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding the bundled routines from Routines/",
        executable: try context.tool(named: "RoutineEmbedder").url,
        arguments: [folder.path, output.path],
        inputFiles: [folder],
        outputFiles: [output]
      )
    ]
  }
}
