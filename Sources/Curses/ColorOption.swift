import Terminal

/// The `--color` choice: detect from the environment, or a fixed level the user asked for.
public enum ColorOption: Hashable, Sendable {
    case auto
    case level(ColorLevel)

    /// The spellings `--color` accepts, for help text and error messages.
    public static let accepted = "auto, never (or none, mono), 16, 256, truecolor (or 24bit)"

    /// Parses a `--color` value (case-insensitive); nil when it is none of `accepted`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "never", "none", "no", "off", "mono", "monochrome": self = .level(.monochrome)
        case "8", "16", "ansi", "ansi16", "basic": self = .level(.ansi16)
        case "256", "ansi256": self = .level(.ansi256)
        case "truecolor", "24bit", "24-bit", "rgb", "direct": self = .level(.truecolor)
        default: return nil
        }
    }
}

/// The `--symbols` choice: detect from the terminal and locale, or a fixed symbol set.
public enum SymbolOption: Hashable, Sendable {
    case auto
    case set(SymbolSet)

    public static let accepted = "auto, braille, block, ascii"

    /// Parses a `--symbols` value (case-insensitive); nil when it is none of `accepted`.
    public init?(argument: String) {
        let s = argument.lowercased()
        if s == "auto" { self = .auto; return }
        guard let set = SymbolSet(rawValue: s) else { return nil }
        self = .set(set)
    }
}
