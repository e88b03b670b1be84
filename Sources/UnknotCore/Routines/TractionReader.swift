extension StepDecoder {
  /// Reads a traction step. unknot never chooses a traction dose: the step only lists
  /// which of the clinician's settings the person enters, and `duration` must be one.
  mutating func readTraction(_ entries: [String: YAMLReader.Entry], at position: SourcePosition) -> StepAction? {
    guard let entry = entries["clinician-settings"] else {
      reader.diagnostics.error(
        "a traction step needs 'clinician-settings' (at least [duration]): unknot only times "
          + "traction with the settings the person's clinician gave", at: position)
      return nil
    }
    let settings = reader.texts(entry.value, field: "clinician-settings").map(NameMatching.normalize)
    guard settings.contains("duration") else {
      reader.diagnostics.error(
        "'clinician-settings' must include 'duration', so the person enters the time their clinician gave",
        at: YAMLReader.position(of: entry.value))
      return nil
    }
    used.hasTraction = true
    return .traction(clinicianSettings: settings)
  }
}
