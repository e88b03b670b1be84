import UnknotCore

/// The upper body seen from behind, with a small front view for the chest, where the
/// muscles a routine works on are highlighted.
public enum BodyMap {
  /// The figure, plus one column for the row markers drawn without colour.
  public static let size = CanvasSize(rows: 16, columns: 30)

  /// The art. Letters are muscle cells (see `muscleLetters`); everything else is outline,
  /// kept to ASCII so it looks the same in every locale. The front view is on the right.
  static let template: [String] = [
    "        .---.                ",
    "       /     \\               ",
    "       \\ sss /               ",
    "        |vcv|           .-.  ",
    "   __.-'uvcvu'-.__      '-'  ",
    "  /uuuuuuu|uuuuuuu\\    _| |_ ",
    " / |iimmme|emmmii| \\  /np|pn\\",
    "|  |iirrre|errrii|  | |pp|pp|",
    "|  |iirrre|errrii|  | |xx|xx|",
    "|__|dillle|elllid|__| |xx|xx|",
    "   |dd lle|ell dd|     \\x|x/ ",
    "   |dd  le|el  dd|      '-'  ",
    "    \\dd ee|ee dd/            ",
    "     \\  ee|ee  /             ",
    "      '-------'              ",
  ]

  static let muscleLetters: [Character: Muscle] = [
    "s": .suboccipitals,
    "v": .levatorScapulae,
    "c": .cervicalSpine,
    "u": .upperTrapezius,
    "m": .middleTrapezius,
    "r": .rhomboids,
    "l": .lowerTrapezius,
    "i": .infraspinatus,
    "e": .erectorSpinae,
    "d": .latissimusDorsi,
    "p": .pectoralisMajor,
    "n": .pectoralisMinor,
    "x": .intercostals,
  ]

  /// Drawn apart from the template because its letters would read as muscle cells.
  struct Label {
    var text: String
    var row: Int
    var column: Int
  }

  static let labels = [
    Label(text: "back", row: 15, column: 8),
    Label(text: "front", row: 12, column: 23),
  ]

  /// Where the "this row" marker goes: just right of the figure.
  static let markerColumn = 29

  /// The muscles to highlight when a person picks a group.
  public static func muscles(for group: MuscleGroup) -> Set<Muscle> {
    Set(group.muscles)
  }

  /// Highlighted cells are solid and, with colour, in the accent colour; without colour
  /// they are in reverse video and their rows carry a marker, so plain text shows them too.
  public static func draw(highlighting muscles: Set<Muscle>, on canvas: Canvas, row: Int, column: Int) {
    // Nothing of it would show; returning early also keeps the offsets below from overflowing.
    guard row > -size.rows, row < canvas.size.rows, column > -size.columns, column < canvas.size.columns
    else { return }
    let unicode = canvas.capabilities.unicode
    let color = canvas.capabilities.color
    let plain = unicode ? "░" : "."
    let highlight: (glyph: String, style: TextStyle)
    if color {
      highlight = (unicode ? "█" : "#", [.accent, .bold])
    } else if unicode {
      // A reversed "█" would paint the cell in the background colour, a hole; a reversed
      // blank shows as the solid block that was meant.
      highlight = (" ", .reverse)
    } else {
      highlight = ("#", .reverse)
    }

    for (line, pattern) in template.enumerated() {
      var run = Run(column: column)
      var marked = false
      for (offset, mark) in pattern.enumerated() {
        if mark == " " {
          run.flush(on: canvas, row: row + line)
          run.column = column + offset + 1
          continue
        }
        var glyph = String(mark)
        var style: TextStyle = []
        if let muscle = muscleLetters[mark] {
          if muscles.contains(muscle) {
            (glyph, style) = highlight
            marked = true
          } else {
            glyph = plain
          }
        }
        if style != run.style {
          run.flush(on: canvas, row: row + line)
          run = Run(column: column + offset, style: style)
        }
        run.text += glyph
      }
      run.flush(on: canvas, row: row + line)
      if marked && !color {
        canvas.put(unicode ? "◀" : "<", row: row + line, column: column + markerColumn, style: .bold)
      }
    }
    for label in labels {
      canvas.put(label.text, row: row + label.row, column: column + label.column, style: .dim)
    }
  }

  /// Neighbouring cells of one style, drawn with one `put`.
  private struct Run {
    var column: Int
    var style: TextStyle = []
    var text = ""

    mutating func flush(on canvas: Canvas, row: Int) {
      guard !text.isEmpty else { return }
      canvas.put(text, row: row, column: column, style: style)
      column += text.count
      text = ""
    }
  }
}
