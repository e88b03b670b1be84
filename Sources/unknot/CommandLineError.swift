/// An error a person can act on; ArgumentParser prints it as "Error: …" and exits 1.
struct CommandLineError: Error, CustomStringConvertible {
  var description: String

  /// Made visible line by line here, the one place every such error is made: a path or
  /// a value in it never drives the terminal, whoever built the message.
  init(_ description: String) {
    self.description = TerminalOutput.visibleLines(description)
  }
}
