// Turns on ncurses' wide-character API, which SwiftPM's pkg-config handling drops,
// and gives Swift 6 safe accessors for C globals and macros that do not import.
// The library itself is linked by UnknotTUI (Package.swift), which can name it per
// platform: libncursesw on Linux, libncurses on macOS.
#ifndef UNKNOT_CNCURSESW_SHIM_H
#define UNKNOT_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
// Debian and most Linux systems keep the wide-character headers under ncursesw/;
// macOS's system ncurses is wide-capable under its plain name (docs/porting.md).
#if defined(__APPLE__)
#include <curses.h>
#else
#include <ncursesw/curses.h>
#endif

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_color_pair(int pair) { return COLOR_PAIR(pair); }
static inline const char *cnc_curses_version(void) { return curses_version(); }
static inline int cnc_set_attributes(WINDOW *window, attr_t attributes, short pair) {
    return wattr_set(window, attributes, pair, NULL);
}
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline FILE *cnc_stdout(void) { return stdout; }
static inline FILE *cnc_stdin(void) { return stdin; }

#endif
