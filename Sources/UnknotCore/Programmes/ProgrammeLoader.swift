/// One programme file, loaded: the programme when it has no errors, and every diagnostic.
public struct LoadedProgramme: Sendable {
  public var programme: Programme?
  public var diagnostics: [Diagnostic]
  /// Where the id is written, to point duplicate-id errors at it.
  public var idPosition: SourcePosition?
  /// Identifies the exact bytes (the same FNV-1a as routines), kept with an enrolment.
  public var contentHash: String
}

/// Loads one programme file's bytes through the same screen, YAML reading and
/// diagnostics as routine files.
public enum ProgrammeLoader {
  /// `routines`: the library the programme's routine ids are checked against, by id;
  /// nil skips that check.
  public static func load(
    bytes: [UInt8], path: String, fileStem: String? = nil, routines: [String: Routine]?
  ) -> LoadedProgramme {
    var diagnostics = DiagnosticList(file: path)
    let hash = RoutineLoader.contentHash(bytes)
    guard
      let root = RoutineLoader.document(
        bytes, into: &diagnostics,
        emptyMessage: "the file is empty; a programme needs at least format, id, title, summary, weeks and schedule",
        aliasAdvice: "write the schedule out instead of repeating it with aliases")
    else {
      return LoadedProgramme(programme: nil, diagnostics: diagnostics.sorted, idPosition: nil, contentHash: hash)
    }
    var decoder = ProgrammeDecoder(file: path, fileStem: fileStem, routines: routines)
    let programme = decoder.decode(root)
    for item in decoder.diagnostics.items {
      diagnostics.append(item)
    }
    return LoadedProgramme(
      programme: diagnostics.hasErrors ? nil : programme, diagnostics: diagnostics.sorted,
      idPosition: root["id"].map(YAMLReader.position(of:)), contentHash: hash)
  }

  /// Whether a file given to `unknot check` reads as a programme rather than a
  /// routine: it has a top-level `schedule:`, which no routine has.
  public static func looksLikeProgramme(_ bytes: [UInt8]) -> Bool {
    let marker = Array("schedule:".utf8)
    var atLineStart = true
    var index = 0
    while index < bytes.count {
      if atLineStart, bytes[index...].starts(with: marker) { return true }
      atLineStart = bytes[index] == UInt8(ascii: "\n")
      index += 1
    }
    return false
  }
}
