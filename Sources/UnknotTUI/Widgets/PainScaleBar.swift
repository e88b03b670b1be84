import UnknotCore

/// The 0–10 pain scale: the numbers, a marker under the chosen one, and the band names.
public enum PainScaleBar {
  public static let height = 3

  /// The width at which every number and band name fits with room around it.
  public static let preferredWidth = 44

  /// Below this not all eleven numbers fit, so nothing is drawn rather than a misleading scale.
  static let minimumWidth = 22

  /// No terminal is this wide; the cap keeps the layout arithmetic bounded.
  static let maximumWidth = 1 << 16

  /// Where the scale's parts go for a width: each rating gets an equal slot.
  struct Layout {
    var slot: Int
    var padding: Int

    init(width: Int) {
      slot = width / PainScale.range.count
      padding = (width - slot * PainScale.range.count) / 2
    }

    /// Offset of a rating's label from the left of the scale.
    func numberOffset(_ rating: Int) -> Int {
      padding + rating * slot + (slot - String(rating).count) / 2
    }

    /// The columns under a band's ratings, as an offset and a width.
    func span(of band: PainBand) -> (offset: Int, width: Int) {
      (padding + band.ratings.lowerBound * slot, band.ratings.count * slot)
    }
  }

  /// Narrower than `preferredWidth` compresses the scale (below 25 columns the last band
  /// name is cut); the scale never draws outside `width`.
  public static func draw(selected: Int?, width: Int, on canvas: Canvas, row: Int, column: Int) {
    let width = min(width, maximumWidth)
    guard width >= minimumWidth, row > -height, row < canvas.size.rows, column > -width,
      column < canvas.size.columns
    else { return }
    let layout = Layout(width: width)
    let selected = selected.flatMap { PainScale.range.contains($0) ? $0 : nil }
    let color = canvas.capabilities.color
    let chosen: TextStyle = color ? [.reverse, .bold, .accent] : [.reverse, .bold]

    for rating in PainScale.range {
      let label = String(rating)
      let offset = layout.numberOffset(rating)
      if rating == selected {
        // One blank either side inside the slot makes the reverse-video patch easy to see.
        let lead = offset > layout.padding + rating * layout.slot ? 1 : 0
        let trail = offset + label.count < layout.padding + (rating + 1) * layout.slot ? 1 : 0
        let patch = String(repeating: " ", count: lead) + label + String(repeating: " ", count: trail)
        canvas.put(patch, row: row, column: column + offset - lead, style: chosen)
        let arrow = canvas.capabilities.unicode ? "▲" : "^"
        let arrowStyle: TextStyle = color ? [.bold, .accent] : .bold
        canvas.put(arrow, row: row + 1, column: column + offset + (label.count - 1) / 2, style: arrowStyle)
      } else {
        canvas.put(label, row: row, column: column + offset)
      }
    }

    let selectedBand = selected.map(PainBand.init)
    // Centred under its ratings, but pushed right of the previous name when the scale is
    // compressed, and cut only where the scale ends.
    var nextFree = 0
    for band in PainBand.allCases {
      let span = layout.span(of: band)
      let full = band.rawValue
      let centred = span.offset + (span.width - full.count) / 2
      let start = max(nextFree, min(centred, width - full.count))
      let name = String(full.prefix(max(0, width - start)))
      guard !name.isEmpty else { break }
      canvas.put(name, row: row + 2, column: column + start, style: band == selectedBand ? .bold : [])
      nextFree = start + name.count + 1
    }
  }
}
