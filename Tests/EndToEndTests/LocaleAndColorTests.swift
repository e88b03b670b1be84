import XCTest

/// The home screen without colour and without a UTF-8 locale.
final class LocaleAndColorTests: EndToEndTestCase {
  /// NO_COLOR: no colour codes at all, and the selected group's rows on the body map
  /// still carry the "◀" marker, so the highlight does not depend on colour.
  func testNoColorKeepsTheBodyMapMarkers() throws {
    let tmux = try startTmux([sandbox.binary.path] + sandbox.sessionOptions, environment: ["NO_COLOR": "1"])
    let neck = try tmux.waitForText("where does it feel tight?", "▸ Neck and skull base", "◀")
    let neckRows = markerRows(neck)
    XCTAssertFalse(neckRows.isEmpty, tmux.framed(neck))

    try tmux.send("Down", "Down")
    let blades = try tmux.waitForText("▸ Between the shoulder blades", "◀")
    let bladeRows = markerRows(blades)
    XCTAssertFalse(bladeRows.isEmpty, tmux.framed(blades))
    XCTAssertNotEqual(bladeRows, neckRows, "the markers did not follow the selected group:\n\(tmux.framed(blades))")

    let styled = try tmux.run(["capture-pane", "-p", "-e"]).output
    let colours = colourParameters(in: styled)
    XCTAssertTrue(colours.isEmpty, "colour codes with NO_COLOR=1: \(colours.sorted())")
  }

  /// LANG=C and LC_ALL=C: every cell is ASCII; the body map, rules and markers use
  /// their ASCII forms.
  func testAsciiLocaleDrawsOnlyAscii() throws {
    let screen = try showHomeInTheCLocale()
    let foreign = Set(screen.unicodeScalars.filter { !$0.isASCII }.map(String.init))
    XCTAssertTrue(foreign.isEmpty, "non-ASCII on screen with LANG=C: \(foreign.sorted())\n\(screen)")
    for glyph in ["█", "─", "░", "▸", "◀"] {
      XCTAssertFalse(screen.contains(glyph), "\(glyph) with LANG=C")
    }
    XCTAssertTrue(screen.contains("> Neck and skull base"), screen)
    XCTAssertTrue(screen.contains(" " + String(repeating: "-", count: 78)), screen)
    XCTAssertTrue(screen.contains("###"), "the highlighted muscles are not drawn as #:\n\(screen)")
  }

  /// The key hints stay readable in ASCII: "↑↓ move" must not become "?? move" (an
  /// ASCII fallback missing for an arrow turns it into a question mark).
  func testAsciiLocaleKeepsArrowKeyHintsReadable() throws {
    let screen = try showHomeInTheCLocale()
    let footer = screen.split(separator: "\n").suffix(2).joined(separator: "\n")
    XCTAssertTrue(footer.contains("move"), screen)
    XCTAssertFalse(footer.contains("??"), "an arrow key hint became question marks:\n\(footer)")
  }

  private func showHomeInTheCLocale() throws -> String {
    let tmux = try startTmux(
      [sandbox.binary.path] + sandbox.sessionOptions, environment: ["LANG": "C", "LC_ALL": "C"])
    return try tmux.waitForText("where does it feel tight?", "Muscle groups", "Routines")
  }

  /// Rows of the screen with a body-map marker.
  private func markerRows(_ screen: String) -> [Int] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { $0.element.contains("◀") }.map(\.offset)
  }

  /// The SGR parameters that set a foreground or background colour (not the defaults).
  private func colourParameters(in styled: String) -> Set<String> {
    var found = Set<String>()
    for match in styled.matches(of: #/\x1B\[([0-9;:]*)m/#) {
      let parameters = match.1.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
      for value in parameters
      where (30...38).contains(value) || (40...48).contains(value) || (90...97).contains(value)
        || (100...107).contains(value)
      {
        found.insert(String(match.1))
      }
    }
    return found
  }
}
