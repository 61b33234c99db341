#ifndef DOSSIER_NCURSESW_SHIM_H
#define DOSSIER_NCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Attributes and colour pairs are macros Swift cannot import. */
static inline attr_t dossier_attr_bold(void) { return A_BOLD; }
static inline attr_t dossier_attr_reverse(void) { return A_REVERSE; }
static inline attr_t dossier_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t dossier_attr_dim(void) { return A_DIM; }
static inline attr_t dossier_attr_normal(void) { return A_NORMAL; }
static inline attr_t dossier_color_pair(short n) { return COLOR_PAIR(n); }
static inline int dossier_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int dossier_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int dossier_key_resize(void) { return KEY_RESIZE; }
static inline int dossier_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t dossier_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t dossier_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t dossier_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
static inline mmask_t dossier_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }

#include <langinfo.h>
#include <string.h>
#include <strings.h>

/* Globals that Swift 6 treats as shared mutable state. */
static inline WINDOW *dossier_stdscr(void) { return stdscr; }
static inline int dossier_colors(void) { return COLORS; }
static inline SCREEN *dossier_newterm(void) { return newterm(NULL, stdout, stdin); }
/* Keys from another descriptor (the controlling terminal when stdin is a pipe). */
static inline SCREEN *dossier_newterm_fd(int fd) {
    FILE *in = fd == 0 ? stdin : fdopen(fd, "r");
    return in ? newterm(NULL, stdout, in) : NULL;
}
static inline void dossier_free_setupterm(void) { if (cur_term) del_curterm(cur_term); cur_term = NULL; }
static inline int dossier_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

/* Draws one styled run of wide characters at (y, x). */
static inline int dossier_draw(int y, int x, const wchar_t *text, int n, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    return mvaddnwstr(y, x, text, n);
}
#endif
