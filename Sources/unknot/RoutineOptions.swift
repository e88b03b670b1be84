import ArgumentParser
import Foundation
import UnknotCore

/// The options every routine-reading command shares.
struct RoutineOptions: ParsableArguments {
  @Option(
    name: .customLong("routines"),
    help: ArgumentHelp(
      "Also read routines from this folder (repeatable); its routines override earlier ones with the same id.",
      valueName: "dir"))
  var folders: [String] = []

  func searchPath() -> RoutineSearchPath {
    .standard(environment: ProcessInfo.processInfo.environment, extraFolders: folders)
  }

  func library() -> RoutineLibrary {
    RoutineLibrary.load(searchPath())
  }
}

/// Looks a typed name up in a vocabulary, or fails with a suggestion.
func resolve<Term: Vocabulary>(_ typed: String?, as type: Term.Type) throws -> Term? {
  guard let typed else { return nil }
  switch Term.lookup(typed) {
  case .found(let term): return term
  case .unknown(let suggestion): throw CommandLineError(Term.unknownMessage(typed, suggestion: suggestion))
  }
}
