// Writes a Swift source file that carries the bundled routine files, and the programme
// files in the folder's programmes/ subfolder, so a release binary copied anywhere
// still has them. Usage: RoutineEmbedder ROUTINES-FOLDER OUTPUT
//
// It lists the folder itself rather than taking a file list from the plugin: SwiftPM
// caches what a plugin returns, so only a listing made here sees a newly added file.
// Contents are hex-encoded: whatever bytes a routine file holds, the generated source
// stays valid Swift, and the loader still sees (and validates) the exact bytes.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: RoutineEmbedder ROUTINES-FOLDER OUTPUT\n".utf8))
  exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
let output = URL(fileURLWithPath: arguments[2])

/// Stops the build with a message in the compiler's style, naming the folder.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("\(folder.path): error: \(message)\n".utf8))
  exit(1)
}

// A binary without its routines would start, list nothing and look broken to the
// person using it; a build that cannot read them stops here instead.
let listing: [String]
do {
  listing = try FileManager.default.contentsOfDirectory(atPath: folder.path)
} catch {
  fail("cannot read the bundled routines folder (\(error.localizedDescription))")
}
let names = listing.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
guard !names.isEmpty else {
  fail("no routine files (*.yaml or *.yml) in the bundled routines folder; the binary would have none")
}

let hexDigits = Array("0123456789abcdef".utf8)

/// One `(name:, hex:)` line per file of `names` in `folder`.
func entries(_ names: [String], in folder: URL) -> [String] {
  var entries: [String] = []
  for name in names {
    let path = folder.appendingPathComponent(name).path
    guard let bytes = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("\(path): error: cannot read this file\n".utf8))
      exit(1)
    }
    var hex: [UInt8] = []
    hex.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0f)])
    }
    let safeName = String(
      name.unicodeScalars.map { scalar in
        scalar.properties.isAlphabetic || "0123456789._-".unicodeScalars.contains(scalar)
          ? Character(scalar) : "_"
      })
    entries.append("    (name: \"\(safeName)\", hex: \"\(String(decoding: hex, as: UTF8.self))\"),")
  }
  return entries
}

let routineEntries = entries(names, in: folder)
// Programmes are optional: a folder without them embeds none.
let programmeFolder = folder.appendingPathComponent("programmes", isDirectory: true)
let programmeNames = ((try? FileManager.default.contentsOfDirectory(atPath: programmeFolder.path)) ?? [])
  .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
let programmeEntries = entries(programmeNames, in: programmeFolder)

let source = """
  // Generated at build time from Routines/ and Routines/programmes/ by RoutineEmbedder. Do not edit.
  enum EmbeddedRoutineFiles {
    static let files: [(name: String, hex: String)] = [
  \(routineEntries.joined(separator: "\n"))
    ]
  }

  enum EmbeddedProgrammeFiles {
    static let files: [(name: String, hex: String)] = [
  \(programmeEntries.joined(separator: "\n"))
    ]
  }

  """
do {
  try Data(source.utf8).write(to: output, options: .atomic)
} catch {
  FileHandle.standardError.write(Data("\(output.path): error: \(error.localizedDescription)\n".utf8))
  exit(1)
}
