// Wrappers for ncursesw macros and C globals, which Swift 6 cannot use directly
// (function-like macros are not imported; mutable globals are shared state).
#ifndef VIGIL_CNCURSESW_SHIM_H
#define VIGIL_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *vigil_stdscr(void) { return stdscr; }
static inline WINDOW *vigil_curscr(void) { return curscr; }
static inline FILE *vigil_stdout(void) { return stdout; }
static inline FILE *vigil_stdin(void) { return stdin; }
static inline int vigil_lines(void) { return LINES; }
static inline int vigil_cols(void) { return COLS; }
static inline int vigil_colors(void) { return COLORS; }
static inline int vigil_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t vigil_a_bold(void) { return A_BOLD; }
static inline attr_t vigil_a_dim(void) { return A_DIM; }
static inline attr_t vigil_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vigil_a_reverse(void) { return A_REVERSE; }
static inline attr_t vigil_a_italic(void) { return A_ITALIC; }
static inline attr_t vigil_a_blink(void) { return A_BLINK; }
static inline attr_t vigil_a_normal(void) { return A_NORMAL; }
static inline int vigil_key_resize(void) { return KEY_RESIZE; }
static inline int vigil_key_mouse(void) { return KEY_MOUSE; }
static inline int vigil_key_code_yes(void) { return KEY_CODE_YES; }
static inline int vigil_err(void) { return ERR; }
static inline int vigil_ok(void) { return OK; }

// Mouse masks (NCURSES_MOUSE_MASK is a function-like macro).
static inline mmask_t vigil_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t vigil_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t vigil_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t vigil_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t vigil_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t vigil_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t vigil_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t vigil_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Reads one mouse event; fills the out-parameters and returns OK, or ERR.
static inline int vigil_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT ev;
    int rc = getmouse(&ev);
    if (rc != OK) return rc;
    *x = ev.x;
    *y = ev.y;
    *bstate = ev.bstate;
    return OK;
}

/// Fills a cchar_t from a NUL-terminated wide string with attributes and an (extended) colour pair.
static inline int vigil_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
    short shortPair = pair > 32767 ? 0 : (short)pair;
    return setcchar(cc, wch, attrs, shortPair, &pair);
}

extern int wcwidth(wchar_t);
/// Columns `c` takes in the current locale (-1 when unprintable, 0 for combining marks).
static inline int vigil_wcwidth(wchar_t c) { return wcwidth(c); }

/// The locale's character set name (after setlocale), e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *vigil_codeset(void) { return nl_langinfo(CODESET); }

/// True when tigetstr's result is a real string (it returns (char *)-1 for "not a string capability").
static inline const char *vigil_tigetstr(const char *name) {
    char *s = tigetstr(name);
    if (s == (char *)-1) return 0;
    return s;
}
#endif
