import Terminal

/// How the loaded terminfo entry addresses colours, from `has_colors`, `COLORS` and the `RGB` flag.
public enum PaletteMode: Hashable, Sendable {
    case monochrome
    /// 8 colours (bright foregrounds are drawn as bold).
    case colors8
    case colors16
    case colors256
    /// Direct colour: a colour number is `r << 16 | g << 8 | b` (numbers below 8 are the ANSI colours).
    case direct

    public init(hasColors: Bool, colors: Int, rgbFlag: Bool) {
        if !hasColors || colors < 8 { self = .monochrome }
        else if colors >= 1 << 24 || (rgbFlag && colors >= 1 << 16) { self = .direct }
        else if colors >= 256 { self = .colors256 }
        else if colors >= 16 { self = .colors16 }
        else { self = .colors8 }
    }

    /// The richest colour level this mode can show.
    public var maxLevel: ColorLevel {
        switch self {
        case .monochrome: return .monochrome
        case .colors8, .colors16: return .ansi16
        case .colors256: return .ansi256
        case .direct: return .truecolor
        }
    }
}
