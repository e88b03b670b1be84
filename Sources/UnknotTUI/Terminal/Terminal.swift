import CNcursesw
import UnknotCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one owner of the terminal: sets it up, restores it, owns signals and input,
/// and is the only code that calls curses (with CursesCanvas, which it hands out).
/// Use it from the main thread only; every curses call happens on one loop there.
public final class Terminal {
  /// Why the full-screen interface cannot start.
  public enum OpenError: Error, CustomStringConvertible {
    case notATerminal
    case dumbTerminal
    case cannotStart(String)

    public var description: String {
      switch self {
      case .notATerminal:
        "unknot's guided screen needs a terminal, but input or output is redirected. "
          + "Use `unknot start ID --plain` for plain lines."
      case .dumbTerminal:
        "TERM is unset or 'dumb', so unknot cannot draw its screen. Set TERM (for example "
          + "TERM=xterm-256color), or use `unknot start ID --plain`."
      case .cannotStart(let detail):
        "cannot start the terminal interface (\(detail)). Try `unknot start ID --plain`."
      }
    }
  }

  public let canvas: CursesCanvas
  private let window: UnsafeMutablePointer<WINDOW>
  private var isOpen = true

  /// Sets the terminal up: locale, signal handlers, curses, colours.
  /// `environment` decides colour (NO_COLOR) and the terminal type (TERM).
  public static func open(environment: [String: String]) throws(OpenError) -> Terminal {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { throw .dumbTerminal }
    setlocale(LC_ALL, "")
    let unicode = String(cString: cnc_codeset()).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    SignalHandlers.installEndingHandlers()
    CrashRestore.arm()
    guard newterm(nil, cnc_stdout(), cnc_stdin()) != nil, let window = cnc_stdscr() else {
      CrashRestore.disarm()
      throw .cannotStart("curses could not set up TERM=\(term)")
    }
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    // The cursor is hidden: curses need not move it back after each update, which
    // saves bytes every second of a countdown.
    leaveok(window, true)
    let wantsColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
    var color = false
    if wantsColor, has_colors() {
      start_color()
      use_default_colors()
      init_pair(CursesCanvas.Pair.accent, Int16(COLOR_CYAN), -1)
      init_pair(CursesCanvas.Pair.warning, Int16(COLOR_YELLOW), -1)
      init_pair(CursesCanvas.Pair.calm, Int16(COLOR_GREEN), -1)
      color = true
    }
    return Terminal(window: window, capabilities: CanvasCapabilities(unicode: unicode, color: color))
  }

  private init(window: UnsafeMutablePointer<WINDOW>, capabilities: CanvasCapabilities) {
    self.window = window
    canvas = CursesCanvas(window: window, capabilities: capabilities)
  }

  /// Gives the terminal back: cursor shown, echo and line mode on. Safe to call
  /// more than once; curses' endwin runs exactly once (twice garbles the screen).
  public func restore() {
    guard isOpen else { return }
    isOpen = false
    curs_set(1)
    endwin()
    CrashRestore.disarm()
  }

  deinit {
    restore()
  }

  /// Sends what was drawn since the last refresh: only the cells that changed.
  public func refresh() {
    canvas.present()
    wrefresh(window)
  }

  /// The terminal bell, for cues heard without looking.
  public func bell() {
    beep()
  }

  /// Waits for a key, a resize or a signal, or until `timeoutMilliseconds` pass
  /// (nil: wait as long as it takes). No polling: curses blocks in the kernel.
  public func readInput(timeoutMilliseconds: Int?) -> InputEvent {
    if let signalNumber = SignalFlag.take() { return .signal(signalNumber) }
    let timeout = timeoutMilliseconds.map { Int32(clamping: max(0, $0)) } ?? -1
    wtimeout(window, timeout)
    var character: wint_t = 0
    let result = wget_wch(window, &character)
    if let signalNumber = SignalFlag.take() { return .signal(signalNumber) }
    switch result {
    case OK:
      return .key(Self.key(character: character))
    case KEY_CODE_YES:
      if Int32(character) == cnc_key_resize() {
        canvas.refreshSize()
        return .resize
      }
      return .key(Self.key(code: Int32(character)))
    default:
      return .timeout
    }
  }

  static func key(character: wint_t) -> Key {
    switch character {
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 9: return .tab
    default:
      guard let scalar = Unicode.Scalar(UInt32(character)), character >= 32 else { return .other }
      return .character(Character(scalar))
    }
  }

  static func key(code: Int32) -> Key {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_ENTER: .enter
    case KEY_BACKSPACE, KEY_DC: .backspace
    case KEY_PPAGE: .pageUp
    case KEY_NPAGE: .pageDown
    case KEY_HOME: .home
    case KEY_END: .end
    default: .other
    }
  }
}
