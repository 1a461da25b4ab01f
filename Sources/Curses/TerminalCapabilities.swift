import Terminal

/// What the terminal can show: how many colours and which chart symbols, decided from the
/// environment (`TERM`, `COLORTERM`, `NO_COLOR`, `TMUX`, `STY`, the locale), terminfo's colour count and
/// the user's `--color` / `--symbols` overrides.
///
/// `detect` is pure: the caller hands in the environment and what terminfo said, so every rule is
/// tested without a terminal. `CursesScreen` runs it with the real values.
public struct TerminalCapabilities: Hashable, Sendable {
    /// A terminal multiplexer between us and the real terminal.
    public enum Multiplexer: String, Hashable, Sendable {
        case none, tmux, screen
    }

    public var colorLevel: ColorLevel
    public var symbols: SymbolSet
    /// The locale's character set is UTF-8 (wide characters and box drawing can be written).
    public var isUTF8: Bool
    public var multiplexer: Multiplexer
    /// Why each choice was made, one short line each (for a diagnostics view).
    public var reasons: [String]

    public init(colorLevel: ColorLevel, symbols: SymbolSet, isUTF8: Bool,
                multiplexer: Multiplexer = .none, reasons: [String] = []) {
        self.colorLevel = colorLevel
        self.symbols = symbols
        self.isUTF8 = isUTF8
        self.multiplexer = multiplexer
        self.reasons = reasons
    }

    /// Decides the capabilities.
    /// - Parameters:
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    ///   - terminfoColors: terminfo's `colors` for `TERM` (ncurses' `COLORS` after `start_color`), or
    ///     nil when unknown; 0 or less means the terminal has no colour.
    ///   - terminfoDirect: terminfo marks the terminal as direct-colour (the `RGB` capability).
    ///   - codeset: `nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`; nil to judge from the
    ///     `LC_ALL` / `LC_CTYPE` / `LANG` variables alone.
    ///   - color, symbols: the user's overrides.
    public static func detect(environment: [String: String], terminfoColors: Int? = nil,
                              terminfoDirect: Bool = false, codeset: String? = nil,
                              color: ColorOption = .auto, symbols: SymbolOption = .auto) -> TerminalCapabilities {
        var reasons: [String] = []
        let term = (environment["TERM"] ?? "").lowercased()
        let mux = multiplexer(environment: environment, term: term)
        let utf8 = isUTF8Locale(environment: environment, codeset: codeset)

        let level: ColorLevel
        switch color {
        case .level(let fixed):
            level = fixed
            reasons.append("colour: \(fixed) (--color)")
        case .auto:
            level = detectColor(environment: environment, term: term, multiplexer: mux,
                                terminfoColors: terminfoColors, terminfoDirect: terminfoDirect,
                                reasons: &reasons)
        }

        let set: SymbolSet
        switch symbols {
        case .set(let fixed):
            set = fixed
            reasons.append("symbols: \(fixed.rawValue) (--symbols)")
        case .auto:
            if isPlainTerminal(term) {
                set = .ascii
                reasons.append("symbols: ascii (TERM=\(term.isEmpty ? "unset" : term))")
            } else if !utf8 {
                set = .ascii
                reasons.append("symbols: ascii (the locale is not UTF-8)")
            } else {
                set = .braille
                reasons.append("symbols: braille (UTF-8 locale)")
            }
        }
        return TerminalCapabilities(colorLevel: level, symbols: set, isUTF8: utf8, multiplexer: mux,
                                    reasons: reasons)
    }

    /// Terminals whose fonts cannot be trusted with braille or block elements: the Linux console,
    /// the DEC VT family, `dumb` and an unset `TERM`.
    static func isPlainTerminal(_ term: String) -> Bool {
        term.isEmpty || term == "dumb" || term == "linux" || term.hasPrefix("linux-") || term.hasPrefix("vt")
            || term == "cons25"
    }

    static func multiplexer(environment: [String: String], term: String) -> Multiplexer {
        if let t = environment["TMUX"], !t.isEmpty { return .tmux }
        if term.hasPrefix("tmux") { return .tmux }
        if let s = environment["STY"], !s.isEmpty { return .screen }
        if term.hasPrefix("screen") { return .screen }
        return .none
    }

    /// The colour level `TERM`'s name promises on its own, or nil when the name says nothing.
    static func levelFromTermName(_ term: String) -> ColorLevel? {
        if term.isEmpty || term == "dumb" { return .monochrome }
        if term.hasSuffix("-direct") || term.contains("-direct-") || term.hasSuffix("-truecolor") { return .truecolor }
        if term.contains("256color") || term.contains("256colour") { return .ansi256 }
        if term == "linux" || term.hasPrefix("linux-") { return .ansi16 }
        if term.hasPrefix("vt") { return .monochrome }
        if term.hasPrefix("xterm") || term.hasPrefix("screen") || term.hasPrefix("tmux") || term.hasPrefix("rxvt")
            || term.contains("color") || term == "ansi" || term.hasPrefix("konsole") || term.hasPrefix("gnome")
            || term.hasPrefix("putty") || term.hasPrefix("alacritty") || term.hasPrefix("kitty")
            || term.hasPrefix("foot") || term.hasPrefix("wezterm") || term.hasPrefix("st-") || term == "st" {
            return .ansi16
        }
        return nil
    }

    private static func detectColor(environment: [String: String], term: String, multiplexer: Multiplexer,
                                    terminfoColors: Int?, terminfoDirect: Bool,
                                    reasons: inout [String]) -> ColorLevel {
        if let v = environment["NO_COLOR"], !v.isEmpty {
            reasons.append("colour: monochrome (NO_COLOR is set)")
            return .monochrome
        }
        if term.isEmpty || term == "dumb" {
            reasons.append("colour: monochrome (TERM=\(term.isEmpty ? "unset" : term))")
            return .monochrome
        }
        let named = levelFromTermName(term)
        var level: ColorLevel
        if let n = terminfoColors {
            let info: ColorLevel
            if terminfoDirect || n >= 1 << 24 { info = .truecolor }
            else if n >= 256 { info = .ansi256 }
            else if n >= 8 { info = .ansi16 }
            else { info = .monochrome }
            if info == .monochrome {
                reasons.append("colour: monochrome (terminfo for \(term) has no colours)")
                return .monochrome
            }
            level = max(info, named ?? info)
            reasons.append("colour: \(level) (terminfo for \(term): \(n) colours)")
        } else {
            level = named ?? .ansi16
            reasons.append("colour: \(level) (TERM=\(term))")
        }
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        if (colorterm == "truecolor" || colorterm == "24bit") && level < .truecolor && level > .monochrome
            && term != "linux" && !term.hasPrefix("linux-") {
            level = .truecolor
            reasons.append("colour: truecolor (COLORTERM=\(colorterm))")
        }
        if multiplexer == .screen && level > .ansi256 {
            level = .ansi256
            reasons.append("colour: 256 (GNU screen does not pass truecolor)")
        }
        return level
    }
}
