/// How `CursesScreen` should set the terminal up.
public struct ScreenOptions: Sendable {
    /// `--color`: detect, or a fixed level.
    public var color: ColorOption
    /// `--symbols`: detect, or a fixed set.
    public var symbols: SymbolOption
    /// Report mouse presses and wheel steps as `Key.mouse` (the terminal's own selection then needs
    /// Shift held).
    public var mouse: Bool
    /// What SIGHUP means.
    public var hangup: HangupAction
    /// How long a lone Esc waits for the rest of an escape sequence. The `ESCDELAY` environment
    /// variable, when set, wins (ncurses reads it).
    public var escapeDelayMilliseconds: Int
    /// With `COLORTERM=truecolor` and a `TERM` ending in `-256color`, load the `-direct` terminfo entry of
    /// the same terminal (from Debian's `ncurses-term`) when it exists, so RGB colours reach the screen.
    public var preferDirectColor: Bool
    /// The environment to judge by; nil for the process's own.
    public var environment: [String: String]?

    public init(color: ColorOption = .auto, symbols: SymbolOption = .auto, mouse: Bool = false,
                hangup: HangupAction = .terminate, escapeDelayMilliseconds: Int = 25,
                preferDirectColor: Bool = true, environment: [String: String]? = nil) {
        self.color = color
        self.symbols = symbols
        self.mouse = mouse
        self.hangup = hangup
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.preferDirectColor = preferDirectColor
        self.environment = environment
    }
}
