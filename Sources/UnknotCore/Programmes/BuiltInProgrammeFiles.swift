/// The programme files from the package's Routines/programmes/ folder, compiled in by
/// the EmbedRoutines plugin beside the routines.
public enum BuiltInProgrammeFiles {
  public static func all() -> [BuiltInRoutineFile] {
    EmbeddedProgrammeFiles.files.map { entry in
      BuiltInRoutineFile(name: entry.name, bytes: BuiltInRoutineFiles.decodeHex(entry.hex))
    }
  }
}
