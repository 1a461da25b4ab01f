import Testing
import Glibc
@testable import Curses

struct CursesScreenHelpersTests {
    @Test func paddingIsStripped() {
        #expect(CursesScreen.stripPadding(Array("\u{1B}[m\u{0F}$<2>".utf8)) == Array("\u{1B}[m\u{0F}".utf8))
        #expect(CursesScreen.stripPadding(Array("a$<5*/>b$c$<".utf8)) == Array("ab$c$<".utf8))
    }

    @Test func wideStrings() {
        #expect(CursesScreen.wideString("a") == [0x61, 0])
        #expect(CursesScreen.wideString("") == [0x20, 0])
        #expect(CursesScreen.wideString("e\u{301}") == [0x65, 0x301, 0])
        // Too many scalars for a cchar_t: the first one alone.
        #expect(CursesScreen.wideString("👩‍👩‍👧‍👦") == [0x1F469, 0])
    }

    @Test func timeouts() {
        #expect(CursesScreen.milliseconds(.milliseconds(250)) == 250)
        #expect(CursesScreen.milliseconds(.seconds(2)) == 2000)
        #expect(CursesScreen.milliseconds(.zero) == 0)
        #expect(CursesScreen.milliseconds(.seconds(-1)) == 0)
        #expect(CursesScreen.milliseconds(.seconds(3600)) == 60_000)
    }

    @Test func directSibling() {
        let truecolor = TerminalCapabilities(colorLevel: .truecolor, symbols: .braille, isUTF8: true)
        #expect(CursesScreen.directSibling(of: "xterm-256color", capabilities: truecolor) == "xterm-direct")
        #expect(CursesScreen.directSibling(of: "xterm-direct", capabilities: truecolor) == nil)
        var screen = truecolor
        screen.multiplexer = .screen
        #expect(CursesScreen.directSibling(of: "screen-256color", capabilities: screen) == nil)
        var c256 = truecolor
        c256.colorLevel = .ansi256
        #expect(CursesScreen.directSibling(of: "xterm-256color", capabilities: c256) == nil)
    }

    @Test func notATerminal() {
        // The test runner's output is not the terminal the screen needs, or another screen is not
        // running: either way starting must fail cleanly or work; under `swift test` stdin is not a tty.
        if isatty(0) == 0 || isatty(1) == 0 {
            #expect(throws: CursesError.notATerminal) { try CursesScreen() }
        }
    }
}
