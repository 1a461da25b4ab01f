/// How many colours the terminal can show; decided outside the renderer (terminfo, `COLORTERM`,
/// `NO_COLOR`) and handed to the theme, which folds every colour to it.
public enum ColorLevel: Int, Hashable, Sendable, CaseIterable, Comparable {
    case monochrome = 0
    case ansi16 = 1
    case ansi256 = 2
    case truecolor = 3

    public static func < (a: ColorLevel, b: ColorLevel) -> Bool { a.rawValue < b.rawValue }
}
