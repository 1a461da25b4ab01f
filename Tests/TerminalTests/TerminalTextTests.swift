import Testing
@testable import Terminal

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("a\u{1B}[2J\u{1B}[Hb", "ab"),
        // OSC 52 clipboard write, BEL- and ST-terminated.
        ("x\u{1B}]52;c;SGVsbG8=\u{07}y", "xy"),
        ("x\u{1B}]52;c;SGVsbG8=\u{1B}\\y", "xy"),
        // OSC 8 hyperlink and window title.
        ("\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{1B}]0;pwned\u{07}ok", "ok"),
        // DCS, APC, PM, SOS strings.
        ("a\u{1B}P+q544e\u{1B}\\b", "ab"),
        ("a\u{1B}_apc\u{1B}\\b\u{1B}^pm\u{1B}\\c\u{1B}Xsos\u{1B}\\d", "abcd"),
        // Two-byte escapes and ones with intermediates (charset switching).
        ("a\u{1B}cb\u{1B}(0c\u{1B}#8d", "abcd"),
        // C1 controls as UTF-8 code points: CSI, OSC, DCS, ST, NEL.
        ("a\u{9B}31mb", "ab"),
        ("a\u{9D}52;c;AAAA\u{9C}b", "ab"),
        ("a\u{90}q\u{9C}b\u{85}c", "abc"),
        // Unterminated OSC swallows the rest.
        ("safe\u{1B}]52;c;AAAA", "safe"),
        // Bidi overrides and isolates, joiners, BOM, tags.
        ("a\u{202E}gnp.exe\u{202C}b", "agnp.exeb"),
        ("\u{2066}x\u{2067}y\u{2068}z\u{2069}", "xyz"),
        ("a\u{200B}b\u{200C}c\u{200D}d\u{FEFF}e", "abcde"),
        ("flag\u{E0067}\u{E0062}", "flag"),
        // Other C0 controls; tabs and newlines become spaces.
        ("a\u{0}b\u{7}c\u{8}d\u{7F}e", "abcde"),
        ("a\tb\nc\r\nd", "a b c  d"),
        // A lone ESC at the end, ESC before a non-ASCII character.
        ("end\u{1B}", "end"),
        ("a\u{1B}éb", "aéb"),
        // ZWJ emoji sequence splits into its emoji; variation selectors go.
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F468}\u{1F469}\u{1F467}"),
        ("\u{2764}\u{FE0F}", "\u{2764}"),
        // Marks without a base go; more than four on one base are cut.
        ("\u{301}a", "a"),
        ("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", "e\u{301}\u{302}\u{303}\u{304}"),
    ])
    func sanitizeRemovesHostileContent(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }

    @Test func sanitizedTextHasNoControlsOrBidi() {
        var hostile = ""
        for v in UInt32(0)...0x1FF { if let s = Unicode.Scalar(v) { hostile.unicodeScalars.append(s) } }
        for v in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C] as [UInt32] {
            hostile.unicodeScalars.append(Unicode.Scalar(v)!)
        }
        let clean = TerminalText.sanitize(hostile + "tail")
        for s in clean.unicodeScalars {
            #expect(s.value >= 0x20 && s.value != 0x7F && !(0x80...0x9F).contains(s.value))
            #expect(!(0x202A...0x202E).contains(s.value) && !(0x2066...0x2069).contains(s.value))
        }
    }

    @Test func keepNewlines() {
        #expect(TerminalText.sanitize("a\r\nb\nc\rd\u{1B}[1m", keepNewlines: true) == "a\nb\nc\nd")
    }

    @Test(arguments: [
        ("abc", 3), ("", 0), ("世界", 4), ("ｱ", 1), ("Ａ", 2), ("한국어", 6), ("e\u{301}", 1),
        ("\u{1F600}", 2), ("\u{1F680}x", 3), ("\u{2764}", 1), ("a\u{200D}b", 2), ("\u{1F1FA}\u{1F1F8}", 2),
        ("\u{0915}\u{094D}\u{0937}", 2), ("\u{1100}\u{1161}", 2), ("\u{3000}", 2), ("\u{1FAE8}", 2),
        ("\u{20000}", 2), ("\u{E000}", 1), ("\u{7}\u{9B}", 0),
    ])
    func widths(text: String, width: Int) {
        #expect(TerminalText.width(text) == width)
    }

    @Test func scalarClasses() {
        #expect(TerminalText.classify("a") == .narrow)
        #expect(TerminalText.classify("\u{4E00}") == .wide)
        #expect(TerminalText.classify("\u{0300}") == .zero)
        #expect(TerminalText.classify("\u{20DD}") == .zero)
        #expect(TerminalText.classify("\u{202E}") == .drop)
        #expect(TerminalText.classify("\u{85}") == .drop)
        #expect(TerminalText.classify("\u{2028}") == .space)
    }

    @Test(arguments: [
        ("hello world", 5, "hell…"), ("hello", 5, "hello"), ("hello", 0, ""), ("hello", 1, "…"),
        ("世界世界", 5, "世界…"), ("世界世界", 4, "世…"), ("ab", 1, "…"),
    ])
    func truncation(text: String, width: Int, expected: String) {
        let cut = TerminalText.truncate(text, toWidth: width)
        #expect(cut == expected)
        #expect(TerminalText.width(cut) <= width)
    }

    @Test func fitPadsAndAligns() {
        #expect(TerminalText.fit("ab", width: 5, alignment: .right) == "   ab")
        #expect(TerminalText.fit("ab", width: 5, alignment: .center) == " ab  ")
        #expect(TerminalText.fit("abcdef", width: 4) == "abc…")
    }

    @Test func widthTablesAreSortedAndDisjoint() {
        for table in [UnicodeWidthTable.wide, UnicodeWidthTable.zero, UnicodeWidthTable.format] {
            for i in 1..<table.count { #expect(table[i - 1].upperBound < table[i].lowerBound) }
        }
    }
}
