import UnknotCore
import XCTest

@testable import UnknotTUI

/// Every screen and state, every key its footer shows, pressed: each does something a
/// person would notice (the screen changes beyond the status line, an effect such as a
/// journal write, or the app ends), and the session's help claims no key that does
/// nothing in that state.
final class KeyWalkTests: XCTestCase {
  /// Every golden scenario, and the states they leave out: each step of a routine with
  /// one of every kind, traction counting down, the cautions without traction, the
  /// ratings between and after, the home list with the routines focused.
  static func states() -> [(name: String, driver: AppDriver)] {
    var states = Scenario.all.map { ($0.name, $0.make()) }
    var every = AppDriver(routines: Fixture.handMade)
    every.startSession("every-active-kind")
    for index in every.engine!.steps.indices {
      every.advance(toStep: index)
      states.append(("every-active-kind step \(index) (\(every.engine!.currentStep.kind))", every))
      if every.engine!.currentStep.kind == .traction {
        var counting = every
        counting.type("1")
        states.append(("traction, 1 typed", counting))
        counting.press(.enter)
        states.append(("traction counting down", counting))
      }
      if every.engine!.currentStep.kind == .hold {
        states.append(("hold paused", every.pressing(.character(" "))))
      }
    }
    var quick = AppDriver(routines: Fixture.handMade)
    quick.openDetail("quick-shoulder")
    states.append(("detail quick-shoulder", quick))
    quick.press(.enter)
    states.append(("cautions without traction", quick))
    quick.press(.enter)
    quick.rate(4)
    quick.wait(seconds: 41)
    states.append(("rating after", quick))
    quick.type("3")
    states.append(("rating after, 3 chosen", quick))
    return states
  }

  static let movements: Set<KeyAction> = [.up, .down, .pageUp, .pageDown, .toTop, .toBottom, .ratingUp, .ratingDown]

  func testEveryShownKeyInEveryStateDoesSomethingVisible() {
    var pressed = 0
    for (name, driver) in Self.states() {
      let place = KeyTable.place(driver.state)
      let shown = KeyTable.bindings(place, in: driver.state).filter { $0.shown != nil }
      XCTAssertFalse(shown.isEmpty, "\(name): no keys shown")
      for binding in shown {
        var acted: [KeyAction: Bool] = [:]
        for (key, action) in binding.keys {
          acted[action] = acted[action] == true || Self.acts(key, in: driver)
          pressed += 1
        }
        let movedSomehow = acted.contains { Self.movements.contains($0.key) && $0.value }
        for (action, didAct) in acted {
          // A list at its top cannot move up: a pair of directions counts together.
          let ok = didAct || (Self.movements.contains(action) && movedSomehow)
          XCTAssertTrue(ok, "\(name): \"\(binding.shown!) \(binding.label)\" (\(action)) is shown but does nothing")
        }
      }
    }
    XCTAssertGreaterThan(pressed, 500)
  }

  /// The session's help lists the keys that do something in the step under it, and no other.
  func testTheSessionHelpClaimsOnlyKeysThatDoSomethingNow() {
    for (name, driver) in Self.states() {
      guard case .session(let session) = driver.state.screen, session.overlay == nil, !session.engine.hasEnded
      else { continue }
      let opened = driver.pressing(.character("?"))
      guard case .session(let open) = opened.state.screen, open.overlay == .help else {
        XCTFail("\(name): ? did not open the help")
        continue
      }
      let text = opened.draw(.standard).lines.joined(separator: "\n")
      let place = KeyTable.sessionPlace(driver.state)
      for binding in KeyTable.all where binding.place == place && binding.shown != nil {
        let claimed = text.contains(binding.help(in: opened.state))
        if binding.applies(driver.state) {
          XCTAssertTrue(claimed, "\(name): the help leaves out \"\(binding.shown!)\"\n\(text)")
        } else {
          XCTAssertFalse(claimed, "\(name): the help claims \"\(binding.shown!)\", which does nothing here\n\(text)")
        }
      }
    }
  }

  /// Plain mode's commands are the table's words, each standing for a key the table binds.
  func testPlainWordsComeFromTheTable() {
    for binding in KeyTable.all {
      for (word, key) in binding.words {
        XCTAssertTrue(binding.keys.contains { $0.key == key }, "\(word) stands for a key its binding lacks")
        XCTAssertEqual(KeyTable.key(forWord: word, in: binding.place), key, word)
      }
    }
    XCTAssertNil(KeyTable.key(forWord: "zz"))
  }

  /// Whether pressing the key changes anything visible: the drawn screen apart from the
  /// status line (a refusal only explains), an effect, or the end of the app.
  static func acts(_ key: Key, in driver: AppDriver) -> Bool {
    var after = driver
    let effects = after.press(key)
    if after.state.isFinished || !effects.filter({ $0 != .bell }).isEmpty { return true }
    var before = driver.state
    before.status = nil
    after.state.status = nil
    // The text and its styles: a highlight that moves is a change a person sees.
    func drawn(_ state: AppState) -> [String] {
      let canvas = MemoryCanvas(size: .standard, capabilities: .full)
      ScreenRenderer.draw(state, now: after.now, on: canvas)
      let size = canvas.size
      let styles = (0..<size.rows).map { row in
        (0..<size.columns).map { String(canvas.style(row: row, column: $0).rawValue) }.joined(separator: ",")
      }
      return canvas.lines + styles
    }
    return drawn(before) != drawn(after.state)
  }
}
