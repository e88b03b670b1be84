extension StepDecoder {
  /// The keys of a checklist step: it works no muscle, uses no tool and has no side,
  /// sets or position, so those keys are refused with the reason.
  static let checklistKeys = ["kind", "title", "cues", "items"]
  static let checklistItemKeys = ["id", "question", "advice", "fixed"]

  /// Reads a checklist's `items`: 1–20 of `{id, question, advice}` (and an optional
  /// `fixed`), each id kebab-case and used once in the step.
  mutating func readChecklist(_ entries: [String: YAMLReader.Entry], at position: SourcePosition) -> StepAction? {
    guard let entry = entries["items"] else {
      reader.diagnostics.error(
        "a checklist step needs 'items': a list of {id, question, advice}, the advice shown for a \"no\"",
        at: position)
      return nil
    }
    let nodes = reader.list(entry.value, field: "items")
    guard !nodes.isEmpty else {
      reader.diagnostics.error(
        "'items' is empty; add at least one {id, question, advice}", at: YAMLReader.position(of: entry.value))
      return nil
    }
    guard nodes.count <= ChecklistItem.mostItems else {
      reader.diagnostics.error(
        "a checklist has \(nodes.count) items; at most \(ChecklistItem.mostItems) are asked. "
          + "Split it into two checklists or keep the ones that matter most",
        at: YAMLReader.position(of: entry.value))
      return nil
    }
    var items: [ChecklistItem] = []
    var seen: [String: SourcePosition] = [:]
    var failed = false
    for node in nodes {
      guard let item = readChecklistItem(node, seen: &seen) else {
        failed = true
        continue
      }
      items.append(item)
    }
    return failed ? nil : .checklist(items: items)
  }

  private mutating func readChecklistItem(_ node: YAMLNode, seen: inout [String: SourcePosition]) -> ChecklistItem? {
    let position = YAMLReader.position(of: node)
    guard
      let fields = reader.entries(of: node, what: "a checklist item", allowed: Self.checklistItemKeys)
    else { return nil }
    var missing: [String] = []
    for key in ["id", "question", "advice"] where fields[key] == nil { missing.append("'\(key)'") }
    guard missing.isEmpty else {
      let what = missing.joined(separator: " and ")
      let why = missing.contains("'advice'") ? ": the advice is what the person reads after answering no" : ""
      reader.diagnostics.error("this checklist item has no \(what); add it\(why)", at: position)
      return nil
    }
    guard let idEntry = fields["id"], let questionEntry = fields["question"], let adviceEntry = fields["advice"]
    else { return nil }
    let id = readItemID(idEntry.value, seen: &seen)
    let question = reader.text(questionEntry.value, field: "question", maxLines: 2)
    let advice = reader.text(adviceEntry.value, field: "advice")
    let fixed = fields["fixed"].flatMap { reader.text($0.value, field: "fixed", maxLines: 1) }
    if fields["fixed"] != nil, fixed == nil { return nil }
    guard let id, let question, let advice else { return nil }
    return ChecklistItem(id: id, question: question, advice: advice, fixed: fixed)
  }

  /// An item's id: lower-case letters, digits and single hyphens, once per checklist.
  private mutating func readItemID(_ node: YAMLNode, seen: inout [String: SourcePosition]) -> String? {
    guard let id = reader.text(node, field: "id", maxLines: 1) else { return nil }
    let position = YAMLReader.position(of: node)
    let parts = id.split(separator: "-", omittingEmptySubsequences: false)
    let kebab =
      id.count <= 64
      && parts.allSatisfy { part in
        !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
      }
    guard kebab else {
      reader.diagnostics.error(
        "'\(id)' is not a valid item id; use lower-case words joined by hyphens, like 'screen-height'",
        at: position)
      return nil
    }
    if let first = seen[id] {
      reader.diagnostics.error(
        "the item id '\(id)' is used twice in this checklist (first at line \(first.line)); "
          + "give each item its own id", at: position)
      return nil
    }
    seen[id] = position
    return id
  }
}
