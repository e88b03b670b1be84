import Foundation
import UnknotCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way the commands write to standard output and standard error. Whatever the
/// text's source (the journal, an import, a file's name, a routine file), each line
/// passes `UnsafeCharacters.visible` here, so an escape sequence or a text-direction
/// control that got past the import and routine rules is shown as `\u{1B}`, never
/// obeyed: a second line of defence. A test reads the sources to check that no command
/// writes any other way (TerminalOutputTests).
enum TerminalOutput {
  /// Text for a person on standard output, line by line made visible, then `terminator`.
  static func show(_ text: String, terminator: String = "\n") {
    write(visibleLines(text) + terminator, to: FileHandle.standardOutput)
  }

  /// JSON on standard output: unsafe characters written as `\uXXXX` escapes, which any
  /// JSON reader reads back as the same text.
  static func json(_ text: String, terminator: String = "\n") {
    write(UnsafeCharacters.jsonEscaped(text) + terminator, to: FileHandle.standardOutput)
  }

  /// Data meant for a file or a program (CSV, an export): its bytes exactly when
  /// standard output is a file or a pipe; on a terminal, made visible line by line with
  /// the CRLF line ends kept.
  static func data(_ data: Data) {
    guard isatty(STDOUT_FILENO) == 1 else {
      FileHandle.standardOutput.write(data)
      return
    }
    write(visibleLines(String(decoding: data, as: UTF8.self)), to: FileHandle.standardOutput)
  }

  /// A message on standard error: a diagnostic, a note, a summary that is not output.
  static func error(_ text: String) {
    write(visibleLines(text) + "\n", to: FileHandle.standardError)
  }

  /// The progress line on standard error: the carriage return and the erase-line
  /// sequence (`ESC [ K`) are unknot's own, and only `ProgressLine` sends them; the
  /// words are made visible like any text.
  static func progress(_ words: String?) {
    let erase = "\r\u{1B}[K"
    write(erase + (words.map(UnsafeCharacters.visible) ?? ""), to: FileHandle.standardError)
  }

  /// Each line made visible; line feeds kept, and a carriage return only just before a
  /// line feed (CSV's line end). Scalar by scalar: "\r\n" is one Character in Swift.
  static func visibleLines(_ text: String) -> String {
    // Printable ASCII and line feeds, as most output is: nothing to make visible.
    let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
    }
    if plain == true { return text }
    var out = String.UnicodeScalarView()
    var line = String.UnicodeScalarView()
    var carriageReturn = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        out.append(contentsOf: UnsafeCharacters.visible(String(line)).unicodeScalars)
        if carriageReturn { out.append("\r") }
        out.append("\n")
        line.removeAll(keepingCapacity: true)
        carriageReturn = false
        continue
      }
      if carriageReturn { line.append("\r") }
      carriageReturn = scalar == "\r"
      if !carriageReturn { line.append(scalar) }
    }
    if carriageReturn { line.append("\r") }
    out.append(contentsOf: UnsafeCharacters.visible(String(line)).unicodeScalars)
    return String(out)
  }

  /// Text unknot made from its own definitions alone, never from a file or the
  /// journal: help, `--version`, completion scripts. Written as it is, because a
  /// completion script's tabs and quotes must reach the shell unchanged.
  static func own(_ text: String) {
    write(text, to: FileHandle.standardOutput)
  }

  private static func write(_ text: String, to handle: FileHandle) {
    handle.write(Data(text.utf8))
  }
}

/// Writes to standard error, for diagnostics and notes that are not the command's output.
func printError(_ text: String) {
  TerminalOutput.error(text)
}
