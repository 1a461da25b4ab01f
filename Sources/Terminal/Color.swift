/// A terminal colour as a theme or widget asks for it, before it is folded to what the terminal can show.
///
/// `.default` is the terminal's own foreground or background (SGR 39/49), so a theme can keep the user's
/// background. `.ansi` is one of the 16 standard colours, `.indexed` an xterm 256-colour index, `.rgb`
/// truecolor. `folded(to:)` brings any colour down to a capability level.
public enum Color: Hashable, Sendable {
    case `default`
    /// One of the 16 standard colours, 0...15 (8...15 are the bright ones).
    case ansi(UInt8)
    /// An xterm 256-colour palette index.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.ansi(0)
    public static let red = Color.ansi(1)
    public static let green = Color.ansi(2)
    public static let yellow = Color.ansi(3)
    public static let blue = Color.ansi(4)
    public static let magenta = Color.ansi(5)
    public static let cyan = Color.ansi(6)
    public static let white = Color.ansi(7)
    public static let brightBlack = Color.ansi(8)
    public static let brightRed = Color.ansi(9)
    public static let brightGreen = Color.ansi(10)
    public static let brightYellow = Color.ansi(11)
    public static let brightBlue = Color.ansi(12)
    public static let brightMagenta = Color.ansi(13)
    public static let brightCyan = Color.ansi(14)
    public static let brightWhite = Color.ansi(15)

    /// The names accepted for the 16 standard colours, by index (theme files, config).
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow",
        "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ]

    /// Parses `#RRGGBB`, a colour name (`red`, `bright_blue`, `gray`/`grey`), a 256-palette index
    /// (`0`...`255`) or `default`. Returns nil for anything else.
    public init?(parsing text: String) {
        let s = text.lowercased()
        if s == "default" || s == "reset" { self = .default; return }
        if s.hasPrefix("#") {
            let hex = Array(s.utf8.dropFirst())
            guard hex.count == 6 else { return nil }
            var v: [UInt8] = []
            for i in stride(from: 0, to: 6, by: 2) {
                guard let hi = Color.hexValue(hex[i]), let lo = Color.hexValue(hex[i + 1]) else { return nil }
                v.append(hi << 4 | lo)
            }
            self = .rgb(v[0], v[1], v[2])
            return
        }
        if let n = Int(s), (0...255).contains(n), s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            self = .indexed(UInt8(n))
            return
        }
        let name = String(s.map { $0 == "-" ? "_" : $0 })
        if let i = Color.ansiNames.firstIndex(of: name) { self = .ansi(UInt8(i)); return }
        switch name {
        case "gray", "grey": self = .ansi(8)
        case "light_gray", "light_grey", "silver": self = .ansi(7)
        default: return nil
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// `#rrggbb`, the ANSI name, the palette index or `default`: the form theme files use.
    public var themeText: String {
        switch self {
        case .default: return "default"
        case .ansi(let i): return Color.ansiNames[Int(i & 15)]
        case .indexed(let i): return String(i)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { byte in
                let s = String(byte, radix: 16)
                return s.count == 1 ? "0" + s : s
            }.joined()
        }
    }
}
