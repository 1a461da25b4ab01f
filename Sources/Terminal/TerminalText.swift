/// Makes untrusted text safe and measurable for a terminal grid.
///
/// `sanitize` removes whole escape sequences (CSI, OSC such as OSC 52 clipboard writes, DCS, SOS, PM,
/// APC, in their 7-bit and C1 forms), C0/C1 control characters, bidi overrides and isolates, joiners
/// and other invisible format characters, and variation selectors. Widths follow our own wcwidth-like
/// tables: wide (CJK, fullwidth, emoji presentation) = 2, combining marks = 0, else 1.
///
/// Zero-width joiners are dropped, so an emoji ZWJ sequence shows as its component emoji side by side.
/// That is how wcwidth and ncurses count it; a terminal that fused the sequence into one glyph would
/// otherwise disagree with the cursor position. At most `maxMarks` combining marks stay on one base.
public enum TerminalText {
    /// Combining marks kept on one base character (the rest are dropped: bounded "zalgo" text).
    public static let maxMarks = 4

    /// What one Unicode scalar becomes in a cell.
    public enum ScalarClass: Sendable, Equatable {
        /// Never written: controls, format characters, variation selectors.
        case drop
        /// Written as a space: tab and line/paragraph separators.
        case space
        /// Zero width: drawn on the preceding character's cell.
        case zero
        case narrow
        case wide
    }

    @inlinable
    public static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? .narrow : (v == 0x09 || v == 0x0A || v == 0x0D ? .space : .drop) }
        return classifyNonASCII(v)
    }

    @usableFromInline
    static func classifyNonASCII(_ v: UInt32) -> ScalarClass {
        if v < 0xA0 { return .drop }
        if v < 0x300 { return v == 0xAD ? .drop : .narrow }
        if v == 0x2028 || v == 0x2029 { return .space }
        if v == 0xFE0E || v == 0xFE0F { return .drop }
        if v >= 0xE0100 && v <= 0xE01EF { return .drop }
        if v >= 0x1100 && inTable(v, UnicodeWidthTable.wide) { return .wide }
        if inTable(v, UnicodeWidthTable.zero) { return .zero }
        if inTable(v, UnicodeWidthTable.format) { return .drop }
        return .narrow
    }

    static func inTable(_ v: UInt32, _ table: [ClosedRange<UInt32>]) -> Bool {
        var lo = 0, hi = table.count - 1
        if hi < 0 || v < table[0].lowerBound || v > table[hi].upperBound { return false }
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let r = table[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Columns one scalar takes (0, 1 or 2); dropped scalars take 0.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        switch classify(scalar) {
        case .drop, .zero: return 0
        case .space, .narrow: return 1
        case .wide: return 2
        }
    }

    /// Columns a string takes once written to cells.
    public static func width(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F { w += 1 } else { w += width(of: scalar) }
        }
        return w
    }

    /// Calls `body` with each cell-sized glyph of `s` (a base character and its marks) and its width
    /// (1 or 2); stops when `body` returns false. Controls and format characters are skipped, tab and
    /// newline become spaces, marks without a base are dropped.
    public static func forEachGlyph(_ s: String, _ body: (String, Int) -> Bool) {
        var pending = ""
        var pendingWidth = 0
        var marks = 0
        for scalar in s.unicodeScalars {
            let cls = classify(scalar)
            switch cls {
            case .drop: continue
            case .zero:
                if pendingWidth > 0 && marks < maxMarks {
                    pending.unicodeScalars.append(scalar)
                    marks += 1
                }
                continue
            case .space, .narrow, .wide:
                if pendingWidth > 0 && !body(pending, pendingWidth) { return }
                marks = 0
                if cls == .space {
                    pending = " "
                    pendingWidth = 1
                } else {
                    pending = String(scalar)
                    pendingWidth = cls == .wide ? 2 : 1
                }
            }
        }
        if pendingWidth > 0 { _ = body(pending, pendingWidth) }
    }

    /// Cuts `s` to at most `maxWidth` columns, ending in `ellipsis` when anything was cut.
    public static func truncate(_ s: String, toWidth maxWidth: Int, ellipsis: String = "…") -> String {
        if maxWidth <= 0 { return "" }
        if width(s) <= maxWidth { return s }
        let ellipsisWidth = width(ellipsis)
        if ellipsisWidth > maxWidth {
            return truncate(s, toWidth: maxWidth, ellipsis: "")
        }
        var out = ""
        var used = 0
        let budget = maxWidth - ellipsisWidth
        forEachGlyph(s) { glyph, w in
            if used + w > budget { return false }
            out += glyph
            used += w
            return true
        }
        return out + ellipsis
    }

    /// `s` padded with spaces (or cut with `…`) to exactly `width` columns, aligned as asked.
    public static func fit(_ s: String, width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, toWidth: width)
        let w = self.width(cut)
        let room = max(0, width - w)
        switch alignment {
        case .left: return cut + String(repeating: " ", count: room)
        case .right: return String(repeating: " ", count: room) + cut
        case .center:
            let l = room / 2
            return String(repeating: " ", count: l) + cut + String(repeating: " ", count: room - l)
        }
    }
}
