/// Module Curses.
