import CNcursesw
import Glibc
import Terminal

/// Frame output: the changed cells of each frame, grouped into runs, written with `wadd_wchnstr`,
/// then one `doupdate`.
extension CursesScreen {
    /// A cell's look as the renderer states it.
    struct LookKey: Hashable {
        var fg: Color
        var bg: Color
        var attributes: Attributes
    }

    /// The same look as ncurses needs it.
    struct Look {
        var colors: PairTable.Colors
        var attributes: attr_t
    }

    /// Writes `frame` to the terminal: only cells that changed since the last frame, unless the size
    /// changed or a full redraw was asked for (resize, Ctrl-L, `redraw()`). Cells outside the screen
    /// are dropped.
    public func draw(_ frame: Buffer) {
        guard running else { return }
        let rows = max(0, Int(getmaxy(window)))
        let cols = max(0, Int(getmaxx(window)))
        let full = needsClear || previous?.area != frame.area || screenWidth != cols
            || screenPairs.count != rows * cols
        let runs: [DrawRun]
        if full {
            _ = werase(window)
            if needsClear { _ = clearok(vigil_curscr(), true) }
            pairs.releaseAll()
            screenPairs = [Int32](repeating: 0, count: rows * cols)
            screenWidth = cols
            runs = DrawRun.full(frame.area)
        } else if let before = previous {
            runs = DrawRun.group(frame.diff(before))
        } else {
            runs = []
        }
        for run in runs { write(run, of: frame, rows: rows, cols: cols) }
        _ = wnoutrefresh(window)
        if !leftInitialState {
            // ncurses 6.4 writes to the terminal after every cursor move until the screen has been
            // suspended and resumed once (its state stays "initial" after newterm): a frame became a
            // write per changed stretch, some 150 small writes a second. `endwin` here and the
            // `doupdate` below resume it, and from then on a frame goes out in one write.
            _ = endwin()
            leftInitialState = true
        }
        _ = doupdate()
        previous = frame
        needsClear = false
    }

    /// Writes the cells of one run (clipped to the screen) in one `wadd_wchnstr` call.
    private func write(_ run: DrawRun, of frame: Buffer, rows: Int, cols: Int) {
        let y = run.y
        guard y >= 0, y < rows else { return }
        var x = max(run.x, 0)
        let end = min(run.end, cols)
        // Never start on the second half of a wide character.
        while x < end, frame[x, y].isContinuation { x += 1 }
        guard x < end else { return }
        let start = x
        scratch.removeAll(keepingCapacity: true)
        while x < end {
            let cell = frame[x, y]
            if cell.isContinuation { x += 1; continue }
            let look = self.look(of: cell)
            let columns = min(Int(cell.width), end - x)
            var glyph = CursesScreen.wideString(cell.symbol)
            let measured = glyph.first.map { Int(vigil_wcwidth($0)) } ?? -1
            // The frame decides the columns; when ncurses (the C library's wcwidth) would measure
            // the glyph differently, or the screen edge cuts a wide one, a narrow stand-in (padded
            // with a space to the frame's width) keeps every later cell where the frame has it.
            var narrow = measured == 1
            if columns < Int(cell.width) || measured == 0 {
                glyph = [0x20, 0]
                narrow = true
            } else if measured < 0 || measured > columns {
                glyph = [0x3F, 0]
                narrow = true
            }
            let padAfter = columns == 2 && narrow
            let pair = retainPair(look.colors, at: y * screenWidth + x, columns: columns)
            var cc = cchar_t()
            glyph.withUnsafeBufferPointer { p in
                if vigil_setcchar(&cc, p.baseAddress, look.attributes, pair) == vigil_err() {
                    var fallback: [wchar_t] = [0x3F, 0]
                    _ = vigil_setcchar(&cc, &fallback, look.attributes, pair)
                }
            }
            scratch.append(cc)
            x += padAfter ? 1 : columns
            if padAfter {
                var space: [wchar_t] = [0x20, 0]
                var pad = cchar_t()
                _ = vigil_setcchar(&pad, &space, look.attributes, pair)
                scratch.append(pad)
                x += 1
            }
        }
        guard !scratch.isEmpty else { return }
        _ = wmove(window, Int32(y), Int32(start))
        scratch.withUnsafeBufferPointer { p in
            _ = wadd_wchnstr(window, p.baseAddress, Int32(p.count))
        }
    }

    /// Counts `colors` for the cell at `index` (and the column after it for a wide cell), releasing
    /// what those columns showed before. Returns the pair to draw with.
    private func retainPair(_ colors: PairTable.Colors, at index: Int, columns: Int) -> Int32 {
        guard pairs.capacity > 0 else { return 0 }
        for i in index..<min(index + max(1, columns), screenPairs.count) {
            pairs.release(screenPairs[i])
            screenPairs[i] = 0
        }
        guard let (pair, define) = pairs.acquire(colors) else { return 0 }
        if define { _ = init_extended_pair(pair, colors.fg, colors.bg) }
        if index < screenPairs.count { screenPairs[index] = pair } else { pairs.release(pair) }
        return pair
    }

    /// The ncurses look of a cell (cached: folding RGB colours is not free).
    func look(of cell: Cell) -> Look {
        let key = LookKey(fg: cell.fg, bg: cell.bg, attributes: cell.attributes)
        if let hit = lookCache[key] { return hit }
        let fg = mapper.number(for: cell.fg, foreground: true)
        let bg = mapper.number(for: cell.bg, foreground: false)
        var attrs = CursesScreen.attributes(cell.attributes)
        if fg.bold { attrs |= vigil_a_bold() }
        let look = Look(colors: PairTable.Colors(fg: fg.number, bg: bg.number), attributes: attrs)
        if lookCache.count >= 4096 { lookCache.removeAll(keepingCapacity: true) }
        lookCache[key] = look
        return look
    }

    static func attributes(_ a: Attributes) -> attr_t {
        var out = vigil_a_normal()
        if a.contains(.bold) { out |= vigil_a_bold() }
        if a.contains(.dim) { out |= vigil_a_dim() }
        if a.contains(.italic) { out |= vigil_a_italic() }
        if a.contains(.underline) { out |= vigil_a_underline() }
        if a.contains(.reverse) { out |= vigil_a_reverse() }
        if a.contains(.blink) { out |= vigil_a_blink() }
        return out
    }

    /// A cell's grapheme as the NUL-terminated wide string `setcchar` takes: the base character and
    /// up to four combining marks. A longer cluster (an emoji sequence) keeps its first scalar only.
    static func wideString(_ symbol: String) -> [wchar_t] {
        var out: [wchar_t] = []
        out.reserveCapacity(6)
        for scalar in symbol.unicodeScalars {
            if out.count == 5 { out.removeSubrange(1...); break }
            out.append(wchar_t(bitPattern: scalar.value))
        }
        if out.isEmpty { out.append(0x20) }
        out.append(0)
        return out
    }
}
