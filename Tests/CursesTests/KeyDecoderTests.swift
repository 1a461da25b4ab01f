import Testing
@testable import Curses

/// Raw codes are ncurses' (octal, as in curses.h); status 0 is OK, 0o400 is KEY_CODE_YES.
struct KeyDecoderTests {
    static let codeYes: Int32 = 0o400

    @Test(arguments: [
        (0o403, Key.up), (0o402, .down), (0o404, .left), (0o405, .right),
        (0o521, .shiftUp), (0o520, .shiftDown), (0o611, .shiftLeft), (0o622, .shiftRight),
        (0o406, .home), (0o550, .end), (0o523, .pageUp), (0o522, .pageDown),
        (0o534, .home), (0o537, .end), (0o535, .pageUp), (0o540, .pageDown),
        (0o513, .insert), (0o512, .delete), (0o407, .backspace), (0o527, .enter), (0o541, .backTab),
        (0o632, .resize), (0o411, .function(1)), (0o424, .function(12)), (0o507, .function(63)),
        (0o410, .unknown(0o410)), (0o545, .unknown(0o545)),
    ] as [(UInt32, Key)])
    func keyCodes(_ code: UInt32, _ key: Key) {
        #expect(KeyDecoder.decode(status: KeyDecoderTests.codeYes, value: code) == key)
    }

    @Test(arguments: [
        (9, Key.tab), (10, .enter), (13, .enter), (127, .backspace), (8, .backspace), (27, .escape),
        (1, .ctrl("a")), (3, .ctrl("c")), (12, .ctrl("l")), (26, .ctrl("z")), (0, .ctrl("@")),
        (28, .ctrl("\\")), (29, .ctrl("]")), (30, .ctrl("^")), (31, .ctrl("_")),
        (0x71, .character("q")), (0x20, .character(" ")), (0x51, .character("Q")),
        (0xE9, .character("é")), (0x2800, .character("\u{2800}")), (0x4E2D, .character("中")),
        (0x1F600, .character("😀")),
    ] as [(UInt32, Key)])
    func characters(_ value: UInt32, _ key: Key) {
        #expect(KeyDecoder.decode(status: 0, value: value) == key)
    }

    @Test func invalidInput() {
        #expect(KeyDecoder.decode(status: -1, value: 0x71) == nil)  // ERR: timeout
        #expect(KeyDecoder.decode(status: 0, value: 0xD800) == nil)  // a surrogate is no scalar
        #expect(KeyDecoder.decode(status: 0, value: 0x110000) == nil)
        #expect(KeyDecoder.decode(status: 0, value: 0x85) == nil)  // C1 control
        #expect(KeyDecoder.decode(status: KeyDecoderTests.codeYes, value: UInt32.max) == nil)
    }

    @Test func mouse() {
        let m = KeyDecoder.MouseMasks.ncurses
        // Mouse protocol version 2: 5 bits per button, PRESSED = 2, CLICKED = 4.
        #expect(m.wheelUp == 2 << 15)
        #expect(m.wheelDown == 2 << 20)
        #expect(KeyDecoder.decodeMouse(state: 2, x: 4, y: 7) == .mouse(MouseEvent(kind: .press(.left), x: 4, y: 7)))
        #expect(KeyDecoder.decodeMouse(state: 4, x: 0, y: 0) == .mouse(MouseEvent(kind: .press(.left), x: 0, y: 0)))
        #expect(KeyDecoder.decodeMouse(state: 2 << 5, x: 1, y: 1) == .mouse(MouseEvent(kind: .press(.middle), x: 1, y: 1)))
        #expect(KeyDecoder.decodeMouse(state: 2 << 10, x: 1, y: 1) == .mouse(MouseEvent(kind: .press(.right), x: 1, y: 1)))
        #expect(KeyDecoder.decodeMouse(state: 2 << 15, x: 9, y: 3) == .mouse(MouseEvent(kind: .wheelUp, x: 9, y: 3)))
        #expect(KeyDecoder.decodeMouse(state: 2 << 20, x: 9, y: 3) == .mouse(MouseEvent(kind: .wheelDown, x: 9, y: 3)))
        #expect(KeyDecoder.decodeMouse(state: 1, x: 1, y: 1) == nil)  // release
        #expect(KeyDecoder.decodeMouse(state: 2, x: -1, y: 1) == nil)
        #expect(m.all & (2 | 2 << 15 | 2 << 20) == (2 | 2 << 15 | 2 << 20))
    }
}
