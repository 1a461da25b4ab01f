import Testing
@testable import Terminal

@Suite struct BufferTests {
    @Test func setStringClipsAtTheArea() {
        var b = Buffer(width: 8, height: 2, fill: Cell(marker))
        let end = b.setString("abcdefgh", x: 2, y: 0, clip: Rect(x: 2, y: 0, width: 4, height: 1))
        #expect(b.plainText() == "··abcd··\n········")
        #expect(end == 6)
        b.setString("xyz", x: -1, y: 1)
        #expect(b.plainText() == "··abcd··\nyz······")
        b.setString("never", x: 0, y: 5)
        #expect(b.plainText() == "··abcd··\nyz······")
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var b = Buffer(width: 6, height: 1, fill: Cell(marker))
        b.setString("ab世界", x: 1, y: 0)
        #expect(b.plainText() == "·ab世")
        #expect(b.cells.map(\.width) == [1, 1, 1, 2, 0, 1])
        // At the left clip edge too.
        var c = Buffer(width: 6, height: 1, fill: Cell(marker))
        c.setString("世界x", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(c.plainText() == "· 界x·")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = Buffer(width: 4, height: 1)
        b.setString("世界", x: 0, y: 0)
        b.setString("X", x: 1, y: 0)
        #expect(b.plainText() == " X界")
        b.setString("Y", x: 2, y: 0)
        #expect(b.plainText() == " XY")
        #expect(b.cells.map(\.width) == [1, 1, 1, 1])
    }

    @Test func combiningMarksStayOnTheirBase() {
        var b = Buffer(width: 4, height: 1)
        b.setString("e\u{301}x", x: 0, y: 0)
        #expect(b[0, 0].symbol == "e\u{301}")
        #expect(b[1, 0].symbol == "x")
    }

    @Test func controlCharactersAreNeverWritten() {
        var b = Buffer(width: 10, height: 1)
        b.setString("a\u{1B}[2Jb\u{7}\u{9B}c\td", x: 0, y: 0)
        for c in b.cells {
            #expect(c.symbol.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })
        }
        #expect(b.plainText() == "a[2Jbc d")
    }

    @Test func diffListsOnlyChangedCells() {
        var before = Buffer(width: 5, height: 2)
        before.setString("hello", x: 0, y: 0)
        var after = before
        after.setString("J", x: 0, y: 0)
        after.setString("!", x: 4, y: 1, style: Style(fg: .red))
        let d = after.diff(before)
        #expect(d.map { "\($0.x),\($0.y),\($0.cell.symbol)" } == ["0,0,J", "4,1,!"])
        #expect(after.diff(after).isEmpty)
        // A style change alone is a change.
        var styled = after
        styled.setStyle(Rect(x: 1, y: 0, width: 1, height: 1), Style(add: .bold))
        #expect(styled.diff(after).map(\.x) == [1])
    }

    @Test func diffSkipsTheSecondHalfOfWideCharacters() {
        let before = Buffer(width: 4, height: 1)
        var after = before
        after.setString("世a", x: 0, y: 0)
        #expect(after.diff(before).map { "\($0.x):\($0.cell.symbol)" } == ["0:世", "2:a"])
        // Replacing the wide character by two narrow ones lists both.
        var narrow = after
        narrow.setString("xy", x: 0, y: 0)
        #expect(narrow.diff(after).map { "\($0.x):\($0.cell.symbol)" } == ["0:x", "1:y"])
    }

    @Test func diffAgainstADifferentAreaListsEverything() {
        let a = Buffer(width: 3, height: 2)
        let b = Buffer(width: 2, height: 2)
        #expect(a.diff(b).count == 6)
    }

    @Test func plainTextTrimsTrailingSpaces() {
        var b = Buffer(width: 6, height: 2)
        b.setString("ab", x: 1, y: 0)
        #expect(b.plainText() == " ab\n")
    }

    @Test func ansiTextEmitsStyleOnlyWhenItChanges() {
        var b = Buffer(width: 8, height: 2)
        b.setString("ab", x: 0, y: 0, style: Style(fg: .red, add: .bold))
        b.setString("c", x: 2, y: 0, style: Style(fg: .red, add: .bold))
        b.setString("d", x: 3, y: 0)
        b.setString("x", x: 0, y: 1, style: Style(fg: .indexed(208), bg: .rgb(1, 2, 3), add: [.underline, .reverse]))
        b.setString("y", x: 1, y: 1, style: Style(fg: .brightBlue, bg: .ansi(9)))
        let expected = "\u{1B}[0;1;31mabc\u{1B}[0md\n" +
            "\u{1B}[0;4;7;38;5;208;48;2;1;2;3mx\u{1B}[0;94;101my\u{1B}[0m"
        #expect(b.ansiText() == expected)
    }

    @Test func styleSetAndFillStayInside() {
        var b = Buffer(width: 4, height: 3, fill: Cell(marker))
        b.fill(Rect(x: 1, y: 1, width: 9, height: 9), symbol: "#", style: Style(fg: .green))
        #expect(b.plainText() == "····\n·###\n·###")
        #expect(b[1, 1].fg == .green)
        #expect(b[0, 0].fg == .default)
    }

    @Test func layoutSplitsAddUp() {
        let parts = Layout.split(length: 10, weights: [1, 1, 1])
        #expect(parts.map(\.length) == [4, 3, 3])
        #expect(parts.map(\.offset) == [0, 4, 7])
        let mixed = Layout.split(length: 20, constraints: [.length(5), .fill(1), .fill(3)], gap: 1)
        #expect(mixed.map(\.length) == [5, 3, 10])
        #expect(Layout.split(length: 2, constraints: [.length(5), .fill(1)]).map(\.length) == [2, 0])
        #expect(Rect(x: 0, y: 0, width: 9, height: 3).columns(weights: [2, 1]).map(\.width) == [6, 3])
    }
}
