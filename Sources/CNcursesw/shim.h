// Turns on ncurses' wide-character API, which SwiftPM's pkg-config handling drops,
// and gives Swift 6 safe accessors for C globals and macros that do not import.
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
#include <ncursesw/curses.h>

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
