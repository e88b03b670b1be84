import UnknotCore

/// The safety check, one yes/no question at a time, and its outcome.
enum SafetyView {
  static func draw(_ state: AppState, _ screen: SafetyScreen, on canvas: Canvas) {
    let width = canvas.size.columns - 2
    let questions = SafetyQuestions.all
    switch screen.stage {
    case .introduction:
      Layout.header("Safety check", right: "\(questions.count) questions", on: canvas)
      var row = 3
      row += Layout.paragraph(SafetyQuestions.disclaimer, row: row, column: 1, width: width, maxLines: 4, on: canvas)
      row += 1
      row += Layout.paragraph(
        "It is asked before your first session and again every \(SafetyQuestions.validDays) days. "
          + "Answer y for yes and n for no.", row: row, column: 1, width: width, maxLines: 3, on: canvas)
      Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
    case .question(let index):
      let question = questions[index]
      let section = question.section == .urgent ? "Urgent signs" : "Signs to check with a doctor first"
      Layout.header("Safety check", right: "question \(index + 1) of \(questions.count)", on: canvas)
      canvas.put(section, row: 3, column: 1, style: .dim)
      Layout.paragraph(question.text, row: 5, column: 1, width: width, maxLines: 4, style: .bold, on: canvas)
      Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
    case .askClinician:
      Layout.header("Safety check", right: "one more question", on: canvas)
      var row = 3
      row += Layout.paragraph(
        SafetyQuestions.seeDoctorAdvice, row: row, column: 1, width: width, maxLines: 4, style: .warning, on: canvas)
      row += 1
      Layout.paragraph(
        "Has a clinician agreed that self-massage is right for you?", row: row, column: 1, width: width, maxLines: 2,
        style: .bold, on: canvas)
      Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
    case .outcome(let outcome):
      Layout.header("Safety check", right: "done", on: canvas)
      let text: String
      let style: TextStyle
      switch outcome {
      case .urgent:
        (text, style) = (SafetyQuestions.urgentAdvice, [.warning, .bold])
      case .seeDoctor:
        (text, style) = (
          SafetyQuestions.seeDoctorAdvice + " No session will start until then.", [.warning, .bold]
        )
      case .clinicianAgreed:
        (text, style) = (
          "Thank you. Go gently. " + StopReminder.full, []
        )
      case .clear:
        (text, style) = (
          "Thank you: none of the warning signs. Go gently. " + StopReminder.full, []
        )
      }
      Layout.paragraph(text, row: 3, column: 1, width: width, maxLines: 6, style: style, on: canvas)
      Layout.footer(KeyTable.hints(state), status: state.status, on: canvas)
    }
  }
}
