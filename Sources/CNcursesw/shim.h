// Wrappers for ncursesw macros and C globals, which Swift 6 cannot use directly
// (function-like macros are not imported; mutable globals are shared state).
#ifndef VIGIL_CNCURSESW_SHIM_H
#define VIGIL_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *vigil_stdscr(void) { return stdscr; }
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
static inline int vigil_err(void) { return ERR; }
#endif
