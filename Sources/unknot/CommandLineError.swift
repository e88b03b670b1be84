/// An error a person can act on; ArgumentParser prints it as "Error: …" and exits 1.
struct CommandLineError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
