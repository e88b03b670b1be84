import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `kill -9` cannot be caught: whatever moment it strikes, the journal stays intact,
/// holds every rating already entered, and the next start marks the session interrupted.
final class KillTests: EndToEndTestCase {
  func testKillDashNineMidSessionKeepsEveryRatingAndMarksTheSessionInterrupted() throws {
    // The journal is read from outside, through SQLite itself (JournalReader).
    let (tmux, command) = try killTheLongSessionAtItsHold()

    // Intact, and the rating entered before the kill is there.
    XCTAssertEqual(try sandbox.query("PRAGMA integrity_check;"), "ok")
    XCTAssertEqual(try sandbox.query("SELECT moment, value FROM ratings_named WHERE session_id = 1;"), "before|6")
    XCTAssertEqual(try sandbox.query("SELECT ended_at IS NULL FROM sessions WHERE id = 1;"), "1")

    // kill -9 leaves the terminal as curses had it (nothing can run on SIGKILL): put
    // it back by hand, with Ctrl-J since Enter no longer reads as a newline.
    try tmux.type("stty sane")
    try tmux.send("C-j")
    // The next session start marks it interrupted, never leaving it open.
    try tmux.typeLine("clear; \(command); echo \"EXIT-AGAIN=$?\"")
    try tmux.waitForText("Before you start: E2E long hold")
    try tmux.send("Escape")
    try tmux.waitForText("where does it feel tight?")
    try tmux.send("q")
    try tmux.waitFor("the shell to come back") { $0.contains("EXIT-AGAIN=") }
    XCTAssertEqual(try sandbox.query("SELECT outcome FROM sessions WHERE id = 1;"), "interrupted")
    XCTAssertEqual(try sandbox.query("SELECT moment, value FROM ratings_named WHERE session_id = 1;"), "before|6")
    XCTAssertEqual(try sandbox.query("PRAGMA integrity_check;"), "ok")
  }
}
