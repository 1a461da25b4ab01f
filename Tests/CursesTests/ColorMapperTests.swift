import Testing
import Terminal
@testable import Curses

struct ColorMapperTests {
    @Test func paletteModes() {
        #expect(PaletteMode(hasColors: false, colors: 256, rgbFlag: false) == .monochrome)
        #expect(PaletteMode(hasColors: true, colors: 8, rgbFlag: false) == .colors8)
        #expect(PaletteMode(hasColors: true, colors: 16, rgbFlag: false) == .colors16)
        #expect(PaletteMode(hasColors: true, colors: 88, rgbFlag: false) == .colors16)
        #expect(PaletteMode(hasColors: true, colors: 256, rgbFlag: false) == .colors256)
        #expect(PaletteMode(hasColors: true, colors: 0x1000000, rgbFlag: true) == .direct)
        #expect(PaletteMode(hasColors: true, colors: 0x1000000, rgbFlag: false) == .direct)
    }

    @Test func levelIsCappedByMode() {
        #expect(ColorMapper(mode: .colors256, level: .truecolor, defaultColors: true).level == .ansi256)
        #expect(ColorMapper(mode: .direct, level: .ansi16, defaultColors: true).level == .ansi16)
        #expect(ColorMapper(mode: .monochrome, level: .truecolor, defaultColors: true).level == .monochrome)
    }

    @Test func defaults() {
        let m = ColorMapper(mode: .colors256, level: .ansi256, defaultColors: true)
        #expect(m.number(for: .default, foreground: true) == (-1, false))
        let noDefault = ColorMapper(mode: .colors256, level: .ansi256, defaultColors: false)
        #expect(noDefault.number(for: .default, foreground: true) == (7, false))
        #expect(noDefault.number(for: .default, foreground: false) == (0, false))
    }

    @Test func eightColoursUseBoldForBright() {
        let m = ColorMapper(mode: .colors8, level: .ansi16, defaultColors: true)
        #expect(m.number(for: .brightRed, foreground: true) == (1, true))
        #expect(m.number(for: .brightRed, foreground: false) == (1, false))
        #expect(m.number(for: .green, foreground: true) == (2, false))
        #expect(m.number(for: .rgb(255, 0, 0), foreground: true) == (1, true))
    }

    @Test func palette256() {
        let m = ColorMapper(mode: .colors256, level: .ansi256, defaultColors: true)
        #expect(m.number(for: .indexed(200), foreground: true) == (200, false))
        #expect(m.number(for: .ansi(12), foreground: true) == (12, false))
        #expect(m.number(for: .rgb(255, 0, 0), foreground: true) == (196, false))
        #expect(m.number(for: .rgb(128, 128, 128), foreground: true).number >= 232)
    }

    @Test func sixteenFoldsIndexed() {
        let m = ColorMapper(mode: .colors16, level: .ansi16, defaultColors: true)
        #expect(m.number(for: .indexed(196), foreground: true) == (9, false))
        #expect(m.number(for: .indexed(4), foreground: true) == (4, false))
    }

    @Test func directColour() {
        let m = ColorMapper(mode: .direct, level: .truecolor, defaultColors: true)
        #expect(m.number(for: .rgb(0x12, 0x34, 0x56), foreground: true) == (0x123456, false))
        #expect(m.number(for: .rgb(0, 0, 3), foreground: true) == (8, false))  // 0...7 are ANSI slots
        #expect(m.number(for: .red, foreground: true) == (1, false))
        #expect(m.number(for: .brightRed, foreground: true) == (0xFF0000, false))
        #expect(m.number(for: .indexed(16), foreground: true) == (8, false))  // black in the cube
        #expect(m.number(for: .indexed(196), foreground: true) == (0xFF0000, false))
        #expect(m.number(for: .indexed(3), foreground: true) == (3, false))
    }

    @Test func monochromeIgnoresColour() {
        let m = ColorMapper(mode: .colors256, level: .monochrome, defaultColors: true)
        #expect(m.number(for: .rgb(1, 2, 3), foreground: true) == (-1, false))
    }
}
