import Testing
@testable import Terminal

@Suite struct ColorTests {
    @Test(arguments: [
        ("#ff0000", Color.rgb(255, 0, 0)), ("#2E3440", .rgb(0x2E, 0x34, 0x40)), ("red", .red),
        ("bright_blue", .brightBlue), ("bright-blue", .brightBlue), ("grey", .brightBlack), ("default", .default),
        ("0", .indexed(0)), ("255", .indexed(255)),
    ])
    func parsing(text: String, color: Color) {
        #expect(Color(parsing: text) == color)
    }

    @Test(arguments: ["#ff00", "#gg0000", "256", "-1", "+5", "purple", "", "#ff00000"])
    func badColoursDoNotParse(text: String) {
        #expect(Color(parsing: text) == nil)
    }

    @Test(arguments: [
        // Exact cube and grey-ramp points, and points nearest to them.
        (UInt8(0), UInt8(0), UInt8(0), UInt8(16)), (255, 255, 255, 231), (255, 0, 0, 196), (0, 255, 0, 46),
        (0, 0, 255, 21), (95, 135, 175, 67), (128, 128, 128, 244), (8, 8, 8, 232), (238, 238, 238, 255),
        (0x2E, 0x34, 0x40, 237), (0x88, 0xC0, 0xD0, 110), (250, 10, 10, 196),
    ])
    func foldingTruecolorTo256(r: UInt8, g: UInt8, b: UInt8, index: UInt8) {
        #expect(Color.rgb(r, g, b).folded(to: .ansi256) == .indexed(index))
    }

    @Test(arguments: [
        (UInt8(255), UInt8(0), UInt8(0), UInt8(9)), (200, 0, 0, 1), (0, 0, 0, 0), (255, 255, 255, 15),
        (0, 205, 205, 6), (128, 128, 128, 8), (0xBF, 0x61, 0x6A, 1), (0xEB, 0xCB, 0x8B, 11), (0xA3, 0xBE, 0x8C, 10), (0xEB, 0xDB, 0xB2, 11), (0xD8, 0xDE, 0xE9, 7),
        (0x88, 0xC0, 0xD0, 14), (0xFF, 0x55, 0x55, 9), (0x26, 0x8B, 0xD2, 4), (0xB4, 0x8E, 0xAD, 13), (0, 0, 238, 4),
    ])
    func foldingTruecolorTo16(r: UInt8, g: UInt8, b: UInt8, ansi: UInt8) {
        #expect(Color.rgb(r, g, b).folded(to: .ansi16) == .ansi(ansi))
    }

    @Test func foldingIndexedAndMonochrome() {
        #expect(Color.indexed(196).folded(to: .ansi16) == .ansi(9))
        #expect(Color.indexed(3).folded(to: .ansi16) == .ansi(3))
        #expect(Color.indexed(196).folded(to: .ansi256) == .indexed(196))
        #expect(Color.ansi(4).folded(to: .ansi256) == .ansi(4))
        for c in [Color.rgb(1, 2, 3), .indexed(100), .red, .default] {
            #expect(c.folded(to: .monochrome) == .default)
            #expect(c.folded(to: .truecolor) == c)
        }
        #expect(Style(fg: .rgb(255, 0, 0), bg: .red, add: .bold).folded(to: .monochrome) == Style(fg: .default, bg: .default, add: .bold))
    }

    @Test func paletteIndexRGB() {
        #expect(Color.rgbOfIndex(16) == (0, 0, 0))
        #expect(Color.rgbOfIndex(231) == (255, 255, 255))
        #expect(Color.rgbOfIndex(67) == (95, 135, 175))
        #expect(Color.rgbOfIndex(232) == (8, 8, 8))
        #expect(Color.rgbOfIndex(255) == (238, 238, 238))
    }

    @Test func themeTextRoundTrips() {
        for c in [Color.rgb(0x0a, 0xbc, 0xff), .red, .brightWhite, .indexed(42), .default] {
            #expect(Color(parsing: c.themeText) == c)
        }
    }
}
