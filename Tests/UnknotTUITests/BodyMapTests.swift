import UnknotCore
import XCTest

@testable import UnknotTUI

final class BodyMapTests: XCTestCase {
  private struct Cell: Hashable {
    var row: Int
    var column: Int
  }

  /// Where the template puts a set of muscles, by the letters that mark them.
  private func templateCells(of muscles: Set<Muscle>) -> Set<Cell> {
    var cells = Set<Cell>()
    for (row, line) in BodyMap.template.enumerated() {
      for (column, mark) in line.enumerated() {
        if let muscle = BodyMap.muscleLetters[mark], muscles.contains(muscle) {
          cells.insert(Cell(row: row, column: column))
        }
      }
    }
    return cells
  }

  private func cells(of canvas: MemoryCanvas, withStyle style: TextStyle) -> Set<Cell> {
    var cells = Set<Cell>()
    for row in 0..<canvas.size.rows {
      for column in 0..<canvas.size.columns where canvas.style(row: row, column: column).contains(style) {
        cells.insert(Cell(row: row, column: column))
      }
    }
    return cells
  }

  private func draw(_ muscles: Set<Muscle>, capabilities: CanvasCapabilities) -> MemoryCanvas {
    let canvas = MemoryCanvas(size: BodyMap.size, capabilities: capabilities)
    BodyMap.draw(highlighting: muscles, on: canvas, row: 0, column: 0)
    return canvas
  }

  func testTheTemplateIsRectangularAndItsOutlineIsPlainASCII() {
    XCTAssertEqual(BodyMap.template.count, BodyMap.size.rows - 1)
    for line in BodyMap.template {
      XCTAssertEqual(line.count, BodyMap.markerColumn, line)
      for mark in line where BodyMap.muscleLetters[mark] == nil {
        XCTAssertTrue(" /\\|_-.()'".contains(mark), "outline character \(mark) in \(line)")
      }
    }
    XCTAssertEqual(BodyMap.size.columns, BodyMap.markerColumn + 1)
  }

  func testEveryMuscleHasItsOwnCells() {
    for muscle in Muscle.allCases {
      let canvas = draw([muscle], capabilities: .full)
      let lit = cells(of: canvas, withStyle: .accent)
      XCTAssertFalse(lit.isEmpty, "\(muscle) has no cells")
      XCTAssertEqual(lit, templateCells(of: [muscle]), "\(muscle)")
    }
    XCTAssertEqual(Set(BodyMap.muscleLetters.values), Set(Muscle.allCases))
    XCTAssertEqual(BodyMap.muscleLetters.count, Muscle.allCases.count, "one letter per muscle")
  }

  func testMusclesSitWhereABodyHasThem() {
    func rows(_ muscle: Muscle) -> ClosedRange<Int> {
      let found = templateCells(of: [muscle]).map(\.row)
      return found.min()!...found.max()!
    }
    func columns(_ muscle: Muscle) -> ClosedRange<Int> {
      let found = templateCells(of: [muscle]).map(\.column)
      return found.min()!...found.max()!
    }
    // Top to bottom on the back.
    XCTAssertLessThan(rows(.suboccipitals).upperBound, rows(.upperTrapezius).lowerBound)
    XCTAssertLessThan(rows(.upperTrapezius).upperBound, rows(.rhomboids).lowerBound)
    XCTAssertLessThan(rows(.middleTrapezius).upperBound, rows(.lowerTrapezius).lowerBound)
    XCTAssertLessThan(rows(.infraspinatus).lowerBound, rows(.latissimusDorsi).lowerBound)
    XCTAssertGreaterThanOrEqual(rows(.erectorSpinae).count, 6, "the erectors run along the spine")
    // The front view is to the right of the back view.
    let backRight = [Muscle.upperTrapezius, .latissimusDorsi, .infraspinatus].map { columns($0).upperBound }.max()!
    for muscle in [Muscle.pectoralisMajor, .pectoralisMinor, .intercostals] {
      XCTAssertGreaterThan(columns(muscle).lowerBound, backRight, "\(muscle)")
    }
    XCTAssertLessThan(rows(.pectoralisMinor).lowerBound, rows(.intercostals).lowerBound)
    // Both sides of the spine, mirrored.
    for muscle in Muscle.allCases where ![.pectoralisMajor, .pectoralisMinor, .intercostals].contains(muscle) {
      let cells = templateCells(of: [muscle])
      XCTAssertEqual(cells, Set(cells.map { Cell(row: $0.row, column: 20 - $0.column) }), "\(muscle) is not symmetric")
    }
  }

  func testAGroupHighlightsExactlyItsMusclesWithColour() {
    for group in MuscleGroup.allCases {
      let muscles = BodyMap.muscles(for: group)
      XCTAssertEqual(muscles, Set(group.muscles))
      let canvas = draw(muscles, capabilities: .full)
      XCTAssertEqual(cells(of: canvas, withStyle: .accent), templateCells(of: muscles), "\(group)")
      XCTAssertEqual(
        canvas.text(withStyle: .accent).joined().count, canvas.text.filter { $0 == "█" }.count, "\(group)")
      // Colour carries the highlight: no markers, no reverse video.
      XCTAssertFalse(canvas.text.contains("◀"))
      XCTAssertTrue(cells(of: canvas, withStyle: .reverse).isEmpty)
    }
  }

  func testWithoutColourHighlightsAreReversedAndRowsAreMarked() {
    for capabilities in [CanvasCapabilities.plain, CanvasCapabilities(unicode: true, color: false)] {
      let marker: Character = capabilities.unicode ? "◀" : "<"
      for group in MuscleGroup.allCases {
        let muscles = BodyMap.muscles(for: group)
        let canvas = draw(muscles, capabilities: capabilities)
        let expected = templateCells(of: muscles)
        XCTAssertEqual(cells(of: canvas, withStyle: .reverse), expected, "\(group)")
        XCTAssertTrue(cells(of: canvas, withStyle: .accent).isEmpty)
        let markedRows = Set(canvas.lines.indices.filter { canvas.lines[$0].last == marker })
        XCTAssertEqual(markedRows, Set(expected.map(\.row)), "\(group):\n\(canvas.text)")
        XCTAssertEqual(canvas.text.filter { $0 == marker }.count, markedRows.count)
      }
    }
  }

  func testASCIIMapIsPlainText() {
    let canvas = draw(BodyMap.muscles(for: .betweenBlades), capabilities: .plain)
    XCTAssertTrue(canvas.text.allSatisfy(\.isASCII), canvas.text)
    XCTAssertFalse(canvas.text.contains("?"), canvas.text)
    XCTAssertTrue(canvas.text.contains("#"))
    XCTAssertTrue(canvas.text.contains("."))
    XCTAssertTrue(canvas.text.contains("back"))
    XCTAssertTrue(canvas.text.contains("front"))
  }

  func testNothingHighlightedDrawsNoHighlight() {
    for capabilities in [CanvasCapabilities.full, .plain] {
      let canvas = draw([], capabilities: capabilities)
      XCTAssertFalse(canvas.text.contains("█") || canvas.text.contains("#") || canvas.text.contains("<"))
      XCTAssertTrue(cells(of: canvas, withStyle: .accent).union(cells(of: canvas, withStyle: .reverse)).isEmpty)
    }
  }

  func testDrawsAtAnOffset() {
    let canvas = MemoryCanvas(size: CanvasSize(rows: 20, columns: 40), capabilities: .full)
    BodyMap.draw(highlighting: [.suboccipitals], on: canvas, row: 2, column: 5)
    let shifted = Set(templateCells(of: [.suboccipitals]).map { Cell(row: $0.row + 2, column: $0.column + 5) })
    XCTAssertEqual(cells(of: canvas, withStyle: .accent), shifted)
    XCTAssertEqual(canvas.lines[0], "")
    XCTAssertTrue(canvas.lines.allSatisfy { $0.prefix(5).allSatisfy { $0 == " " } })
  }

  /// Golden-style: the expected pictures are here, so a reviewer sees the figure in the
  /// failure message and in a diff when the art changes.
  func testTheFigureAsDrawn() {
    let unicode = draw(BodyMap.muscles(for: .betweenBlades), capabilities: .full)
    let expectedUnicode = """
              .---.
             /     \\
             \\ ░░░ /
              |░░░|           .-.
         __.-'░░░░░'-.__      '-'
        /░░░░░░░|░░░░░░░\\    _| |_
       / |░░███░|░███░░| \\  /░░|░░\\
      |  |░░███░|░███░░|  | |░░|░░|
      |  |░░███░|░███░░|  | |░░|░░|
      |__|░░███░|░███░░|__| |░░|░░|
         |░░ ██░|░██ ░░|     \\░|░/
         |░░  █░|░█  ░░|      '-'
          \\░░ ░░|░░ ░░/      front
           \\  ░░|░░  /
            '-------'
              back
      """
    XCTAssertEqual(unicode.text, expectedUnicode, "drawn:\n\(unicode.text)")

    let ascii = draw(BodyMap.muscles(for: .betweenBlades), capabilities: .plain)
    let expectedASCII = """
              .---.
             /     \\
             \\ ... /
              |...|           .-.
         __.-'.....'-.__      '-'
        /.......|.......\\    _| |_
       / |..###.|.###..| \\  /..|..\\<
      |  |..###.|.###..|  | |..|..|<
      |  |..###.|.###..|  | |..|..|<
      |__|..###.|.###..|__| |..|..|<
         |.. ##.|.## ..|     \\.|./ <
         |..  #.|.#  ..|      '-'  <
          \\.. ..|.. ../      front
           \\  ..|..  /
            '-------'
              back
      """
    XCTAssertEqual(ascii.text, expectedASCII, "drawn:\n\(ascii.text)")
  }
}
