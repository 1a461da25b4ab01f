import Testing
@testable import Terminal

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ThemeTests {
    /// The repository's themes/ folder, found from this file's path.
    static let themesDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/themes"
    }()

    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let shipped = ["default", "light", "high-contrast", "monochrome", "nord", "gruvbox", "solarized-dark", "dracula"]

    @Test(arguments: shipped)
    func shippedThemesLoadCompletely(name: String) throws {
        let path = "\(Self.themesDirectory)/\(name).theme"
        let text = try #require(Self.read(path), "missing \(path)")
        let theme = try Theme.load(text: text, file: path)
        #expect(theme.name == name)
        // Every key is set by the file itself.
        var keys = Set<String>()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && line.contains("=") {
            keys.insert(String(line.split(separator: "=")[0]).trimmingSpaces)
        }
        #expect(keys == Set(ThemeKey.allCases.map(\.rawValue) + ["name"]))
    }

    @Test func defaultFileMatchesTheBuiltIn() throws {
        let text = try #require(Self.read("\(Self.themesDirectory)/default.theme"))
        #expect(try Theme.load(text: text, file: "default.theme") == Theme.builtinDefault)
    }

    @Test func popularPalettesAreAccurate() throws {
        func load(_ n: String) throws -> Theme {
            try Theme.load(text: try #require(Self.read("\(Self.themesDirectory)/\(n).theme")), file: n)
        }
        #expect(try load("nord").color(.background) == .rgb(0x2E, 0x34, 0x40))
        #expect(try load("nord").color(.critical) == .rgb(0xBF, 0x61, 0x6A))
        #expect(try load("dracula").color(.background) == .rgb(0x28, 0x2A, 0x36))
        #expect(try load("dracula").color(.series2) == .rgb(0xFF, 0x79, 0xC6))
        #expect(try load("solarized-dark").color(.background) == .rgb(0x00, 0x2B, 0x36))
        #expect(try load("solarized-dark").color(.series1) == .rgb(0x26, 0x8B, 0xD2))
        #expect(try load("gruvbox").color(.background) == .rgb(0x28, 0x28, 0x28))
        #expect(try load("gruvbox").color(.foreground) == .rgb(0xEB, 0xDB, 0xB2))
        #expect(try load("default").color(.background) == .default)
    }

    @Test func missingKeysFallBackToTheDefault() throws {
        let theme = try Theme.load(text: "# partial\nborder = \"#112233\"\n", file: "partial.theme")
        #expect(theme.name == "partial")
        #expect(theme.color(.border) == .rgb(0x11, 0x22, 0x33))
        #expect(theme.color(.critical) == Theme.builtinDefault.color(.critical))
    }

    @Test func valueForms() throws {
        let text = """
        name = "mine"   # trailing comment
        foreground = #AABBCC
        background = default
        series_1 = 39
        series_2 = "bright_red"\t# tab then comment
        \u{20}\u{20}  # indented comment

        """
        let theme = try Theme.load(text: text, file: "t")
        #expect(theme.name == "mine")
        #expect(theme.color(.foreground) == .rgb(0xAA, 0xBB, 0xCC))
        #expect(theme.color(.series1) == .indexed(39))
        #expect(theme.color(.series2) == .brightRed)
    }

    @Test(arguments: [
        ("bordr = \"red\"", "t.theme:1: unknown key `bordr`; did you mean `border`?"),
        ("x\nfoo = red", "t.theme:1: expected `key = \"colour\"`"),
        ("\n\nborder = \"#12345\"", "t.theme:3: bad colour `#12345` for `border`: expected \"#RRGGBB\", a colour name, 0-255 or default"),
        ("border = \"red", "t.theme:1: unterminated string"),
        ("border = red blue", "t.theme:1: unexpected `blue` after the value"),
        ("border = \"red\"#x", "t.theme:1: a comment needs a space before `#`"),
        ("border =", "t.theme:1: missing value after `=`"),
        (" = red", "t.theme:1: missing key before `=`"),
        ("border = red\nborder = blue", "t.theme:2: duplicate key `border` (first set on line 1)"),
        ("wat\u{1B}[31m = red", "t.theme:1: unknown key `wat`"),
        ("border = 300", "t.theme:1: bad colour `300` for `border`: expected \"#RRGGBB\", a colour name, 0-255 or default"),
    ])
    func errorsCarryFileAndLine(text: String, message: String) {
        #expect(throws: ThemeError.self) { try Theme.load(text: text, file: "t.theme") }
        do {
            _ = try Theme.load(text: text, file: "t.theme")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func paletteFoldsToTheLevel() throws {
        let text = try #require(Self.read("\(Self.themesDirectory)/nord.theme"))
        let nord = try Theme.load(text: text, file: "nord.theme")
        #expect(nord.palette(for: .truecolor).critical == .rgb(0xBF, 0x61, 0x6A))
        #expect(nord.palette(for: .ansi256).critical == Color.rgb(0xBF, 0x61, 0x6A).folded(to: .ansi256))
        #expect(nord.palette(for: .ansi16).critical == .red)
        let mono = nord.palette(for: .monochrome)
        #expect(mono.critical == .default)
        #expect(mono.selection == Style(add: .reverse))
        #expect(mono.status == Style(add: .reverse))
        #expect(mono.titleFocused.add.contains(.underline))
        #expect(nord.palette(for: .truecolor).seriesColor(9) == nord.palette(for: .truecolor).seriesColor(1))
    }

    @Test func monochromeThemeUsesAttributesAtEveryLevel() throws {
        let text = try #require(Self.read("\(Self.themesDirectory)/monochrome.theme"))
        let theme = try Theme.load(text: text, file: "monochrome.theme")
        for level in ColorLevel.allCases {
            let p = theme.palette(for: level)
            #expect(p.selection == Style(add: .reverse))
            #expect(p.series.allSatisfy { $0 == .default })
        }
    }

    @Test func fileTextRoundTrips() throws {
        let text = try #require(Self.read("\(Self.themesDirectory)/dracula.theme"))
        let theme = try Theme.load(text: text, file: "dracula.theme")
        #expect(try Theme.load(text: theme.fileText(), file: "dracula.theme") == theme)
    }
}
