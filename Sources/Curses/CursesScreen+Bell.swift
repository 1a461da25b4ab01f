import CNcursesw

extension CursesScreen {
    /// Rings the terminal bell (or flashes the screen where the terminal has no audible bell),
    /// as ncurses's `beep` does.
    public func bell() {
        _ = beep()
    }
}
