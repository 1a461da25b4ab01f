import Terminal

/// Maps the renderer's `Color`s to ncurses colour numbers for one terminal: folds each colour to the
/// level in force, then numbers it the way the terminfo entry expects (palette index, 8-colour with
/// bold for bright foregrounds, or a packed RGB value for direct colour). Pure.
public struct ColorMapper: Hashable, Sendable {
    public let mode: PaletteMode
    /// The level colours are folded to: the capability level, capped at what `mode` can show.
    public let level: ColorLevel
    /// `use_default_colors` worked, so -1 means the terminal's own colour.
    public let defaultColors: Bool

    public init(mode: PaletteMode, level: ColorLevel, defaultColors: Bool) {
        self.mode = mode
        self.level = min(level, mode.maxLevel)
        self.defaultColors = defaultColors
    }

    /// The ncurses colour number for `color` and whether the cell must be bold to show it (a bright
    /// foreground on an 8-colour terminal). In monochrome every colour is -1 (unused).
    public func number(for color: Color, foreground: Bool) -> (number: Int32, bold: Bool) {
        if level == .monochrome { return (-1, false) }
        switch color.folded(to: level) {
        case .default:
            return (defaultNumber(foreground: foreground), false)
        case .ansi(let i):
            let n = Int32(i & 15)
            switch mode {
            case .colors8: return (n & 7, foreground && n >= 8)
            case .direct where n >= 8:
                let (r, g, b) = Color.rgbOfIndex(UInt8(n))
                return (ColorMapper.packed(r, g, b), false)
            default: return (n, false)
            }
        case .indexed(let i):
            switch mode {
            case .direct where i >= 8:
                let (r, g, b) = Color.rgbOfIndex(i)
                return (ColorMapper.packed(r, g, b), false)
            case .colors8, .colors16:
                // Only reachable if the level and mode disagree; fold once more.
                return number(for: Color.indexed(i).folded(to: .ansi16), foreground: foreground)
            default: return (Int32(i), false)
            }
        case .rgb(let r, let g, let b):
            if mode == .direct { return (ColorMapper.packed(r, g, b), false) }
            return number(for: Color.rgb(r, g, b).folded(to: mode.maxLevel), foreground: foreground)
        }
    }

    /// The colour used for `.default`: -1 with default colours, else white on black.
    public func defaultNumber(foreground: Bool) -> Int32 {
        if defaultColors { return -1 }
        return foreground ? 7 : 0
    }

    /// A direct-colour number. Numbers 0...7 are the ANSI colours in direct-colour terminfo, so the
    /// near-black blues they would stand for become 8 (#000008, indistinguishable).
    static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        let v = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        return v < 8 ? 8 : v
    }
}
