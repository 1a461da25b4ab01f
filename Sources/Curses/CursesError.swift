/// Why the screen could not start.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped or redirected).
    case notATerminal
    /// Another `CursesScreen` is running in this process (ncurses has one screen).
    case alreadyActive
    /// ncurses could not set up the terminal type (`TERM` unknown to terminfo, or unset).
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs a terminal: standard input and output must not be redirected"
        case .alreadyActive:
            return "a terminal screen is already running in this process"
        case .unknownTerminal(let term):
            return term.isEmpty
                ? "TERM is not set: set it to your terminal's type (for example TERM=xterm-256color)"
                : "terminal type '\(term)' is not known to terminfo: try TERM=xterm-256color, or install Debian's ncurses-term"
        }
    }
}
