import Testing
import Terminal
@testable import Curses

struct TerminalCapabilitiesTests {
    struct Row: Sendable, CustomStringConvertible {
        var env: [String: String]
        var colors: Int?
        var direct = false
        var codeset: String? = "UTF-8"
        var level: ColorLevel
        var symbols: SymbolSet
        var description: String { env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + " colors=\(colors.map(String.init) ?? "?")" }
    }

    static let table: [Row] = [
        // TERM names alone.
        Row(env: ["TERM": "xterm-256color"], colors: nil, level: .ansi256, symbols: .braille),
        Row(env: ["TERM": "xterm"], colors: nil, level: .ansi16, symbols: .braille),
        Row(env: ["TERM": "xterm-direct"], colors: nil, level: .truecolor, symbols: .braille),
        Row(env: ["TERM": "linux"], colors: nil, level: .ansi16, symbols: .ascii),
        Row(env: ["TERM": "vt100"], colors: nil, level: .monochrome, symbols: .ascii),
        Row(env: ["TERM": "vt220"], colors: 0, level: .monochrome, symbols: .ascii),
        Row(env: ["TERM": "dumb"], colors: nil, level: .monochrome, symbols: .ascii),
        Row(env: [:], colors: nil, level: .monochrome, symbols: .ascii),
        Row(env: ["TERM": "screen"], colors: 8, level: .ansi16, symbols: .braille),
        Row(env: ["TERM": "screen-256color", "STY": "1234.pts-0"], colors: 256, level: .ansi256, symbols: .braille),
        Row(env: ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"], colors: 256, level: .ansi256, symbols: .braille),
        // terminfo's count.
        Row(env: ["TERM": "xterm"], colors: 8, level: .ansi16, symbols: .braille),
        Row(env: ["TERM": "xterm"], colors: 256, level: .ansi256, symbols: .braille),
        Row(env: ["TERM": "xterm-direct"], colors: 1 << 24, direct: true, level: .truecolor, symbols: .braille),
        Row(env: ["TERM": "someterm"], colors: 88, level: .ansi16, symbols: .braille),
        Row(env: ["TERM": "xterm-mono"], colors: 0, level: .monochrome, symbols: .braille),
        // COLORTERM.
        Row(env: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], colors: 256, level: .truecolor, symbols: .braille),
        Row(env: ["TERM": "xterm-256color", "COLORTERM": "24bit"], colors: 256, level: .truecolor, symbols: .braille),
        Row(env: ["TERM": "xterm-256color", "COLORTERM": "yes"], colors: 256, level: .ansi256, symbols: .braille),
        Row(env: ["TERM": "linux", "COLORTERM": "truecolor"], colors: 8, level: .ansi16, symbols: .ascii),
        Row(env: ["TERM": "vt100", "COLORTERM": "truecolor"], colors: 0, level: .monochrome, symbols: .ascii),
        // Multiplexers: GNU screen caps truecolor at 256; tmux passes it.
        Row(env: ["TERM": "screen-256color", "STY": "1.x", "COLORTERM": "truecolor"], colors: 256, level: .ansi256, symbols: .braille),
        Row(env: ["TERM": "screen-256color", "TMUX": "/tmp/t,1,0", "COLORTERM": "truecolor"], colors: 256, level: .truecolor, symbols: .braille),
        // NO_COLOR: any non-empty value.
        Row(env: ["TERM": "xterm-256color", "NO_COLOR": "1"], colors: 256, level: .monochrome, symbols: .braille),
        Row(env: ["TERM": "xterm-256color", "NO_COLOR": "", "COLORTERM": "truecolor"], colors: 256, level: .truecolor, symbols: .braille),
        // Locale.
        Row(env: ["TERM": "xterm-256color", "LANG": "C"], colors: 256, codeset: "ANSI_X3.4-1968", level: .ansi256, symbols: .ascii),
        Row(env: ["TERM": "xterm-256color", "LANG": "en_US.UTF-8"], colors: 256, codeset: nil, level: .ansi256, symbols: .braille),
        Row(env: ["TERM": "xterm-256color", "LANG": "de_DE.ISO-8859-1"], colors: 256, codeset: nil, level: .ansi256, symbols: .ascii),
        Row(env: ["TERM": "xterm-256color"], colors: 256, codeset: nil, level: .ansi256, symbols: .ascii),
    ]

    @Test(arguments: table)
    func detects(_ row: Row) {
        let caps = TerminalCapabilities.detect(environment: row.env, terminfoColors: row.colors,
                                               terminfoDirect: row.direct, codeset: row.codeset)
        #expect(caps.colorLevel == row.level, "\(caps.reasons)")
        #expect(caps.symbols == row.symbols, "\(caps.reasons)")
        #expect(!caps.reasons.isEmpty)
    }

    @Test func overridesWin() {
        let env = ["TERM": "vt100", "NO_COLOR": "1", "LANG": "C"]
        let caps = TerminalCapabilities.detect(environment: env, terminfoColors: 0, codeset: "ANSI_X3.4-1968",
                                               color: .level(.truecolor), symbols: .set(.block))
        #expect(caps.colorLevel == .truecolor)
        #expect(caps.symbols == .block)
        #expect(caps.reasons.contains { $0.contains("--color") })
    }

    @Test func multiplexer() {
        #expect(TerminalCapabilities.detect(environment: ["TERM": "screen", "TMUX": "x"]).multiplexer == .tmux)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "xterm", "STY": "1.a"]).multiplexer == .screen)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "screen.xterm-256color"]).multiplexer == .screen)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "xterm"]).multiplexer == TerminalCapabilities.Multiplexer.none)
    }

    @Test(arguments: [
        ([String: String](), "UTF-8", true),
        ([:], "utf8", true),
        ([:], "ANSI_X3.4-1968", false),
        (["LANG": "en_US.UTF-8"], "ANSI_X3.4-1968", false),  // the locale is not installed: the codeset wins
        (["LC_ALL": "C.UTF-8", "LANG": "C"], nil, true),
        (["LC_ALL": "", "LC_CTYPE": "en_GB.utf8", "LANG": "C"], nil, true),
        (["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"], nil, false),
        (["LANG": "ja_JP.eucJP"], nil, false),
    ] as [([String: String], String?, Bool)])
    func utf8Locale(_ env: [String: String], _ codeset: String?, _ expected: Bool) {
        #expect(TerminalCapabilities.isUTF8Locale(environment: env, codeset: codeset) == expected)
    }

    @Test func optionParsing() {
        #expect(ColorOption(argument: "auto") == .auto)
        #expect(ColorOption(argument: "NEVER") == .level(.monochrome))
        #expect(ColorOption(argument: "16") == .level(.ansi16))
        #expect(ColorOption(argument: "256") == .level(.ansi256))
        #expect(ColorOption(argument: "24bit") == .level(.truecolor))
        #expect(ColorOption(argument: "truecolor") == .level(.truecolor))
        #expect(ColorOption(argument: "lots") == nil)
        #expect(SymbolOption(argument: "Braille") == .set(.braille))
        #expect(SymbolOption(argument: "ascii") == .set(.ascii))
        #expect(SymbolOption(argument: "auto") == .auto)
        #expect(SymbolOption(argument: "emoji") == nil)
    }
}
