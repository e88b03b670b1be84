import CNcursesw

/// The linked ncurses library's version, e.g. "ncurses 6.4.20221231".
public func cursesVersion() -> String {
  String(cString: cnc_curses_version())
}
