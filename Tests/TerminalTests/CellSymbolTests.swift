import Testing
@testable import Terminal

/// Cells keep their grapheme inline: what goes in comes back, within 15 bytes of UTF-8.
@Suite struct CellSymbolTests {
    @Test(arguments: [" ", "x", "é", "e\u{301}", "中", "⣿", "╭", "🙂", "a\u{301}\u{302}\u{303}\u{304}"])
    func roundTrips(_ text: String) {
        #expect(CellSymbol(text).string == text)
        #expect(Cell(text).symbol == text)
    }

    @Test func emptyAndSpace() {
        #expect(CellSymbol("").isEmpty && CellSymbol("").string == "")
        #expect(CellSymbol(" ").isSpace && !CellSymbol("x").isSpace)
        #expect(Cell.blank.glyph == .space)
    }

    /// A family emoji is 18 bytes: its first scalar is kept, which is what the terminal backend draws.
    @Test func longClusterKeepsItsFirstScalar() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.utf8.count > 15)
        #expect(CellSymbol(family).string == "👨")
    }

    @Test func cellsArePlainData() {
        #expect(_isPOD(Cell.self))
        #expect(Cell("a", fg: .red) == Cell("a", fg: .red))
        #expect(Cell("a", fg: .red) != Cell("b", fg: .red))
        var c = Cell("a")
        c.symbol = "中"
        #expect(c.glyph == CellSymbol("中") && c.symbol == "中")
    }
}
