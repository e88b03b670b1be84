import Foundation

/// The report as one HTML page: inline styles and charts, nothing fetched, no script,
/// laid out to print on one or two A4 pages. Every text from the journal (titles, stop
/// rules, the programme's name) goes through `HTMLText.escaped`.
extension ClinicianReport {
  public func html() -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="unknot \(HTMLText.escaped(version))">
      <title>Pain record from unknot, \(periodText)</title>
      <style>\(Self.style)</style>
      </head>
      <body>

      """
    page += header()
    page += areaSection()
    page += routineSection()
    page += muscleSection()
    page += helpedMostSection()
    page += safetyStopSection()
    if let adherence { page += programmeSection(adherence) }
    if includesSafety { page += safetyCheckSection(safetyCheck) }
    page += footer()
    return page + "</body>\n</html>\n"
  }

  // MARK: - Sections

  /// "2025-03-01 to 2026-04-05".
  var periodText: String {
    DateText.day(periodStart, in: timeZone) + " to " + DateText.day(periodEnd, in: timeZone)
  }

  func header() -> String {
    let rated = ratedSessions.count
    var out = "<header>\n<h1>Pain record from unknot</h1>\n"
    out += "<p class=\"meta\">Period: <b>\(periodText)</b>"
    out += since == nil ? " (the whole journal)" : ""
    out += " &middot; written \(DateText.minute(writtenAt, in: timeZone))"
    out += " &middot; unknot \(HTMLText.escaped(version))</p>\n"
    out += "<p>These are one person&#39;s own records from unknot, a self-care guide to self-massage, stretching "
    out += "and strengthening for upper back and neck pain: the pain they rated before and after each session, "
    out += "on a scale where \(HTMLText.escaped(PainScale.anchors)) unknot does not diagnose or treat; "
    out += "these figures describe how the ratings changed, not what caused the change.</p>\n"
    out += "<p class=\"summary\"><b>\(sessions.count)</b> \(sessions.count == 1 ? "session" : "sessions"), "
    out += "<b>\(rated)</b> with a rating before and after. How they ended: "
    out += HTMLText.escaped(statistics.outcomesText) + ".</p>\n</header>\n"
    return out
  }

  func areaSection() -> String {
    var out = "<section class=\"areas\">\n<h2>Pain before and after, by area</h2>\n"
    let weekly = periodEnd.timeIntervalSince(periodStart) <= Double(ClinicianReportChart.weeklyUpToDays) * 86_400
    guard !sessions.isEmpty else {
      return out + "<p class=\"empty\">No sessions in this period.</p>\n</section>\n"
    }
    out += "<p class=\"note\">Each point is the average rating of a \(weekly ? "week" : "month")&#39;s sessions "
    out += "that worked the area. \(ClinicianReportChart.legend)</p>\n<div class=\"grid\">\n"
    for group in MuscleGroup.allCases {
      let own = sessions.filter { $0.groups.contains(group) }
      guard !own.isEmpty else { continue }
      let rated = own.filter { $0.before != nil && $0.after != nil }
      out += "<figure>\n<figcaption>\(HTMLText.escaped(group.name))</figcaption>\n"
      out += "<p class=\"figure-note\">\(own.count) \(own.count == 1 ? "session" : "sessions"), \(rated.count) rated"
      if !rated.isEmpty {
        let before = Double(rated.reduce(0) { $0 + $1.before! }) / Double(rated.count)
        let after = Double(rated.reduce(0) { $0 + $1.after! }) / Double(rated.count)
        out += "; on average \(StatsReport.decimal(before)) &rarr; \(StatsReport.decimal(after))"
      }
      out += "</p>\n"
      let points = ClinicianReportChart.points(rated, from: periodStart, to: periodEnd, timeZone: timeZone)
      out += ClinicianReportChart.chart(
        points, from: periodStart, to: periodEnd, timeZone: timeZone,
        label: "Pain before and after, \(group.name), \(periodText)")
      out += "\n</figure>\n"
    }
    return out + "</div>\n</section>\n"
  }

  func routineSection() -> String {
    var out = "<section class=\"routines\">\n<h2>Pain before and after, by routine</h2>\n"
    guard !statistics.routines.isEmpty else {
      return out + "<p class=\"empty\">No sessions in this period.</p>\n</section>\n"
    }
    out += "<table>\n<thead><tr><th>Routine</th><th>Sessions</th><th>Rated</th><th>Before</th><th>After</th>"
    out += "<th>Change</th><th>Important</th><th>Over time</th></tr></thead>\n<tbody>\n"
    for entry in statistics.routines {
      guard let id = entry.routineID else { continue }
      let own = ratedSessions.filter { $0.routineID == id }
      let points = ClinicianReportChart.points(own, from: periodStart, to: periodEnd, timeZone: timeZone)
      out += "<tr><td>\(HTMLText.escaped(entry.subjectName))</td><td>\(entry.sessions)</td>"
      out += "<td>\(entry.ratedSessions)</td><td>\(StatsReport.decimal(entry.meanBefore))</td>"
      out += "<td>\(StatsReport.decimal(entry.meanAfter))</td>"
      out += "<td>\(Self.minus(StatsReport.signedDecimal(entry.meanChange)))</td>"
      out += "<td>\(entry.shareImportantReduction.map(StatsReport.percent) ?? "")</td><td class=\"chart\">"
      out +=
        points.isEmpty
        ? ""
        : ClinicianReportChart.sparkline(
          points, from: periodStart, to: periodEnd, label: "Pain before and after, \(entry.subjectName)")
      out += "</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    out += "<p class=\"note\">Before, after, change: averages over the rated sessions (a rating before and after). "
    out += "Important: the share of rated sessions with at least 2 points and at least 30% less pain after; "
    out += "a smaller change is within the usual day-to-day variation of one rating.</p>\n"
    return out + "</section>\n"
  }

  func muscleSection() -> String {
    var out = "<section class=\"muscles\">\n<h2>Ratings per muscle and side</h2>\n"
    let rated = Set(statistics.muscleRatings.map(\.muscle))
    let muscles = Muscle.allCases.filter { muscle in
      rated.contains(muscle) || statistics.muscles.contains { $0.subject == .muscle(muscle) && $0.ratedSessions > 0 }
    }
    guard !muscles.isEmpty else {
      return out + "<p class=\"empty\">No muscle has ratings before and after in this period.</p>\n</section>\n"
    }
    out += "<table>\n<thead><tr><th>Muscle</th><th>Sessions rated</th><th>Left side</th><th>Right side</th>"
    out += "<th>No side</th></tr></thead>\n<tbody>\n"
    for muscle in muscles {
      out += "<tr><td>\(HTMLText.escaped(muscle.name))</td><td>"
      if let entry = statistics.muscles.first(where: { $0.subject == .muscle(muscle) }), entry.ratedSessions > 0 {
        out += "\(StatsReport.decimal(entry.meanBefore)) &rarr; \(StatsReport.decimal(entry.meanAfter))"
        out += " <span class=\"count\">(\(entry.ratedSessions))</span>"
      }
      out += "</td>"
      for side in [Side.left, Side.right, nil] {
        out += "<td>"
        if let entry = statistics.muscleRatings.first(where: { $0.muscle == muscle && $0.side == side }) {
          out += "\(StatsReport.decimal(entry.meanBefore)) &rarr; \(StatsReport.decimal(entry.meanAfter))"
          out += " <span class=\"count\">(\(entry.ratedBlocks))</span>"
        }
        out += "</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    out += "<p class=\"note\">Average rating before &rarr; after, with how many ratings in brackets. "
    out += "Sessions rated: the session&#39;s ratings, over sessions that did not rate the muscle after its own "
    out += "work. Sides: the rating right after the muscle&#39;s own work, against the last rating before it.</p>\n"
    return out + "</section>\n"
  }

  /// At most this many routines are listed as having helped most: the table above
  /// has the rest.
  static let helpedMostShown = 5

  func helpedMostSection() -> String {
    var out = "<section class=\"helped\">\n<h2>What has helped most</h2>\n"
    let ranked = statistics.helpedMost
    let minimum = HelpedMost.minimumRatedSessions
    if ranked.isEmpty {
      out += "<p class=\"empty\">Nothing to rank yet: no routine has \(minimum) rated sessions with less pain "
      out += "after them on average and an important reduction.</p>\n"
    } else {
      out += "<p class=\"note\">Routines with at least \(minimum) rated sessions, less pain after them on average "
      out += "and at least one important reduction; the largest average reduction first"
      out += ranked.count > Self.helpedMostShown ? " (the first \(Self.helpedMostShown) of \(ranked.count))" : ""
      out += ".</p>\n<ol>\n"
      for entry in ranked.prefix(Self.helpedMostShown) {
        out += "<li><b>\(HTMLText.escaped(entry.subjectName))</b>: \(StatsReport.decimal(entry.meanBefore)) &rarr; "
        out += "\(StatsReport.decimal(entry.meanAfter)) on average "
        out += "(\(Self.minus(StatsReport.signedDecimal(entry.meanChange))))"
        if let share = entry.shareImportantReduction {
          out += ", an important reduction in \(StatsReport.percent(share))"
        }
        out += " of \(entry.ratedSessions) rated sessions.</li>\n"
      }
      out += "</ol>\n"
    }
    out += "<p class=\"caveat\">\(HTMLText.escaped(HelpedMost.note))</p>\n"
    return out + "</section>\n"
  }

  /// The latest stops listed one by one; earlier ones are counted by reason, so a long
  /// record still prints on two pages.
  static let safetyStopsListed = 8

  func safetyStopSection() -> String {
    var out = "<section class=\"stops\">\n<h2>Stops for safety</h2>\n"
    let stops = safetyStops
    guard !stops.isEmpty else {
      return out + "<p class=\"empty\">No session was stopped for safety in this period.</p>\n</section>\n"
    }
    let earlier = stops.dropLast(Self.safetyStopsListed)
    out += "<table class=\"words\">\n<thead><tr><th>Date</th><th>Routine</th><th>What was noticed</th></tr></thead>\n"
    out += "<tbody>\n"
    for stop in stops.suffix(Self.safetyStopsListed) {
      out += "<tr><td>\(DateText.minute(stop.startedAt, in: timeZone))</td>"
      out += "<td>\(HTMLText.escaped(stop.routineTitle))</td><td>\(Self.reasonText(stop.stopReason))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    if let first = earlier.first, let last = earlier.last {
      var counts: [(reason: StopReason?, times: Int)] = []
      for stop in earlier {
        if let index = counts.firstIndex(where: { $0.reason == stop.stopReason }) {
          counts[index].times += 1
        } else {
          counts.append((stop.stopReason, 1))
        }
      }
      let listed = counts.sorted { $0.times > $1.times }.map { Self.reasonText($0.reason) + " (\($0.times))" }
      out += "<p>Earlier, \(earlier.count) more \(earlier.count == 1 ? "stop" : "stops") from "
      out += "\(DateText.day(first.startedAt, in: timeZone)) to \(DateText.day(last.startedAt, in: timeZone)): "
      out += listed.joined(separator: "; ") + ".</p>\n"
    }
    return out + "</section>\n"
  }

  /// What the person noticed, marked when it is the routine's own rule or an urgent sign.
  static func reasonText(_ reason: StopReason?) -> String {
    guard let reason else { return "a reason this version of unknot does not know" }
    var out = HTMLText.escaped(reason.text)
    if case .routineRule = reason { out += " <span class=\"count\">(the routine&#39;s own stop rule)</span>" }
    if reason.advice.isUrgent { out += " <b class=\"urgent\">(a sign to get urgent help)</b>" }
    return out
  }

  func programmeSection(_ adherence: ProgrammeAdherence) -> String {
    var out = "<section class=\"programme\">\n<h2>Programme</h2>\n"
    let state =
      switch adherence.state {
      case .active: "followed now"
      case .paused: "paused"
      case .finished: "finished"
      }
    out += "<p><b>\(HTMLText.escaped(adherence.title))</b>: started "
    out += "\(DateText.day(adherence.startedAt, in: timeZone)), week \(adherence.week) of \(adherence.weeks), "
    out += "\(state)."
    if let share = adherence.share {
      out += " Done in the weeks so far: \(StatsReport.percent(share)) of the planned sessions."
    }
    out += "</p>\n<table class=\"weeks\">\n<thead><tr><th>Week</th>"
    for week in adherence.perWeek { out += "<th>\(week.number)</th>" }
    out += "</tr></thead>\n<tbody><tr><td>Done of planned</td>"
    for week in adherence.perWeek { out += "<td>\(week.done) of \(week.planned)</td>" }
    out += "</tr></tbody>\n</table>\n"
    out += "<p class=\"note\">Days with a finished session of each part of the plan, each part counted up to "
    out += "what it plans for the week; the current week so far. Paused time is not counted.</p>\n"
    return out + "</section>\n"
  }

  func safetyCheckSection(_ check: SafetyCheck?) -> String {
    var out = "<section class=\"safety\">\n<h2>Latest safety check</h2>\n"
    guard let check else {
      return out + "<p class=\"empty\">The journal has no safety check yet.</p>\n</section>\n"
    }
    let outcome =
      switch check.outcome {
      case .clear: "no warning signs"
      case .clinicianAgreed: "a sign that needs a doctor first, and a clinician had agreed to self-massage"
      case .seeDoctor: "a sign that needs a doctor first: no session until a clinician agrees"
      case .urgent: "a sign that needs urgent care"
      }
    out += "<p>Answered \(DateText.minute(check.date, in: timeZone)): \(outcome).</p>\n"
    // Two columns of questions, each with its answer: the whole check in little room.
    out += "<ul class=\"answers\">\n"
    for question in SafetyQuestions.all {
      let answer = check.answers[question.id].map { $0 ? "<b>yes</b>" : "no" } ?? "not asked"
      out += "<li>\(HTMLText.escaped(question.text)) <span class=\"answer\">\(answer)</span></li>\n"
    }
    let known = Set(SafetyQuestions.all.map(\.id))
    for (id, yes) in check.answers.sorted(by: { $0.key < $1.key }) where !known.contains(id) {
      out += "<li>An earlier question (\(HTMLText.escaped(id))) <span class=\"answer\">"
      out += "\(yes ? "<b>yes</b>" : "no")</span></li>\n"
    }
    out += "</ul>\n"
    return out + "</section>\n"
  }

  func footer() -> String {
    var out = "<footer>\n"
    out += "<p class=\"caveat\">\(HTMLText.escaped(PainChange.caveat))</p>\n"
    if !includesSafety {
      out += "<p class=\"note\">The safety check&#39;s answers are not part of this page; they are added only when "
      out += "the person chooses to share them (<code>unknot report --include-safety</code>).</p>\n"
    }
    out += "<p class=\"note\">unknot gives self-care guidance, not diagnosis or treatment. "
    out += "Written by unknot \(HTMLText.escaped(version)).</p>\n"
    return out + "</footer>\n"
  }

  /// A typographic minus for a change: "−1.5" reads better than "-1.5" in print.
  static func minus(_ text: String) -> String {
    text.hasPrefix("-") ? "&minus;" + text.dropFirst() : text
  }

  // MARK: - Style

  /// Screen and print styles: A4, one or two pages, no section split across pages.
  static let style = """

    @page { size: A4; margin: 10mm 12mm 10mm; }
    * { box-sizing: border-box; }
    html { background: #fff; }
    body { font: 9pt/1.32 "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1d2733;
      max-width: 186mm; margin: 0 auto; padding: 5mm 0; }
    @media print { body { padding: 0; max-width: none; } }
    h1 { font-size: 15pt; margin: 0 0 1mm; }
    h2 { font-size: 10.5pt; margin: 3mm 0 1mm; padding-bottom: 0.6mm; border-bottom: 0.5pt solid #b8c2cc;
      break-after: avoid; page-break-after: avoid; }
    p { margin: 0.8mm 0; }
    /* Sections stay whole; the two long tables may go on over a page between rows,
       under their repeated header, rather than leave most of a page empty. */
    section, figure, tr, header { break-inside: avoid; page-break-inside: avoid; }
    section.routines, section.muscles { break-inside: auto; page-break-inside: auto; }
    .meta, .note, .count, .figure-note { color: #4a5866; }
    .note, .caveat, .figure-note { font-size: 8pt; }
    .caveat { font-style: italic; }
    .empty { color: #4a5866; font-style: italic; }
    .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5mm 4mm; }
    figure { margin: 0; }
    figcaption { font-weight: bold; font-size: 8.5pt; }
    .figure-note { margin: 0; }
    svg { display: block; width: 100%; height: auto; }
    svg .grid { stroke: #dde3e9; stroke-width: 0.8; }
    svg .axis { font-size: 11px; fill: #4a5866; }
    svg .legend-text { font-size: 9px; fill: #1d2733; }
    svg.spark { width: 28mm; }
    svg.legend { display: inline-block; width: 36mm; vertical-align: middle; }
    table { border-collapse: collapse; width: 100%; font-size: 7.8pt; line-height: 1.25; }
    th, td { padding: 0.15mm 1.4mm; text-align: right; border-bottom: 0.4pt solid #e3e8ed; vertical-align: middle; }
    th:first-child, td:first-child, table.words th, table.words td { text-align: left; }
    thead th { color: #4a5866; font-weight: bold; border-bottom: 0.6pt solid #b8c2cc; }
    td.chart { width: 30mm; padding-top: 0; padding-bottom: 0; }
    ul.answers { columns: 2; column-gap: 6mm; margin: 0.8mm 0; padding: 0; list-style: none; font-size: 7.5pt; }
    ul.answers li { break-inside: avoid; padding: 0.3mm 0; border-bottom: 0.4pt solid #e3e8ed; }
    ul.answers .answer { float: right; padding-left: 2mm; }
    ol { margin: 0.8mm 0; padding-left: 6mm; }
    .urgent { color: #8b1f1f; }
    footer { margin-top: 3mm; }
    code { font-size: 8pt; }

    """
}
