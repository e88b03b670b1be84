/// A key a person pressed, independent of curses.
public enum Key: Sendable, Equatable, Hashable {
  case character(Character)
  case enter
  case escape
  case backspace
  case tab
  case up, down, left, right
  case pageUp, pageDown, home, end
  /// A key with no meaning here.
  case other
}

/// What woke the app loop.
public enum InputEvent: Sendable, Equatable {
  case key(Key)
  /// The terminal changed size.
  case resize
  /// The time asked for passed with no key.
  case timeout
  /// SIGINT, SIGTERM or SIGHUP arrived.
  case signal(Int32)
}
