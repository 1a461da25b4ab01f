/// Scanning pieces shared by both grammars: quoted strings, names, label checks and error positions.
extension ExpositionParser {
    /// An error at byte offset `p`, with its line and column (columns count Unicode scalars).
    func fail(at p: Int, _ message: String) -> ExpositionError {
        let target = min(max(p, 0), end)
        var l = line
        var start = lineStart
        if target < lineStart {
            l = 1
            start = 0
            var k = 0
            while k < target {
                if base[k] == 10 {
                    l += 1
                    start = k + 1
                }
                k += 1
            }
        }
        var column = 1
        var k = start
        while k < target {
            if base[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return ExpositionError(line: l, column: column, message: message)
    }

    /// The byte at `p`, or nil at the end of input (for messages).
    func byte(at p: Int) -> UInt8? { p < end ? base[p] : nil }

    /// Up to 40 bytes of `[start, stop)` for messages.
    func snippet(_ start: Int, _ stop: Int) -> String {
        let n = min(stop - start, 40)
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: max(n, 0)), as: UTF8.self)
        return stop - start > 40 ? text + "…" : text
    }

    /// Records that the newline at `p` was consumed.
    @inline(__always) mutating func passNewline(at p: Int) {
        line += 1
        lineStart = p + 1
    }

    /// Scans a quoted string whose opening quote is at `q`; returns the offset after the closing quote.
    /// `\` must be followed by a character other than a newline.
    mutating func scanQuoted(_ q: Int, allowNewline: Bool) throws(ExpositionError) -> Int {
        let b = base
        var i = q + 1
        while true {
            while end - i >= 8 {
                let w = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
                if Self.hasSpecial(w) { break }
                i += 8
            }
            guard i < end else { throw fail(at: q, "unterminated quoted string") }
            let c = b[i]
            if c == UInt8(ascii: "\"") { return i + 1 }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < end, b[i + 1] != 10 else {
                    throw fail(at: i, "invalid escape: '\\' at the end of a line")
                }
                i += 2
                continue
            }
            if c == 10 {
                guard allowNewline else { throw fail(at: i, "unterminated quoted string: end of line inside quotes") }
                passNewline(at: i)
            }
            i += 1
        }
    }

    /// The offset of the first newline at or after `i` (the text format's input ends with one).
    @inline(__always) func lineEnd(from i: Int) -> Int {
        var r = i
        while end - r >= 8 {
            let w = UnsafeRawPointer(base + r).loadUnaligned(as: UInt64.self)
            let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
            let found = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            if found != 0 { return r + found.trailingZeroBitCount / 8 }
            r += 8
        }
        while base[r] != 10 { r += 1 }
        return r
    }

    /// Whether any byte of the word is `"`, `\` or a newline (SWAR zero-byte test).
    @inline(__always) static func hasSpecial(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 0x22)
        let s = w ^ (ones &* 0x5C)
        let n = w ^ (ones &* 0x0A)
        let zq = (q &- ones) & ~q
        let zs = (s &- ones) & ~s
        let zn = (n &- ones) & ~n
        return (zq | zs | zn) & highs != 0
    }

    /// Scans a `[a-zA-Z_:][a-zA-Z0-9_:]*` metric name starting at `i`; returns its end.
    @inline(__always) func scanMetricName(_ i: Int) -> Int {
        var j = i + 1
        while ByteClass.isMetricNameContinue(base[j]) { j += 1 }
        return j
    }

    /// Scans a `[a-zA-Z_][a-zA-Z0-9_]*` label name starting at `i`; returns its end.
    @inline(__always) func scanLabelName(_ i: Int) -> Int {
        var j = i + 1
        while ByteClass.isLabelNameContinue(base[j]) { j += 1 }
        return j
    }

    /// Rejects a quoted metric or label name that is empty or not UTF-8 (Prometheus refuses such
    /// series at ingestion: "invalid metric name or label names").
    func checkQuotedName(_ start: Int, _ stop: Int, what: String) throws(ExpositionError) {
        if start == stop { throw fail(at: start - 1, "empty \(what)") }
        if let bad = UTF8Validator.firstInvalid(base, start, stop) {
            throw fail(at: bad, "invalid UTF-8 in \(what)")
        }
    }

    /// Rejects invalid UTF-8 in a label value.
    func checkLabelValue(_ start: Int, _ stop: Int) throws(ExpositionError) {
        if let bad = UTF8Validator.firstInvalid(base, start, stop) {
            throw fail(at: bad, "invalid UTF-8 in label value")
        }
    }

    /// Rejects a label set naming a label twice, or naming `__name__` next to the metric name.
    mutating func checkDuplicateLabels() throws(ExpositionError) {
        let b = labelBounds
        var k = 0
        while k < b.count {
            if b[k + 1] - b[k] >= 8, EscapedBytes.equal(base, b[k]..<b[k + 1], "__name__") {
                throw fail(at: b[k], "label __name__ repeats the metric name")
            }
            k += 4
        }
        if let j = duplicateCheck.firstDuplicate(base, b) {
            let name = EscapedBytes.string(base, b[4 * j], b[4 * j + 1])
            throw fail(at: b[4 * j], "duplicate label name \"\(name)\"")
        }
    }

    /// Go's `int64(seconds * 1000)` as compiled for amd64: truncation toward zero, and the
    /// "integer indefinite" value `math.MinInt64` when the product does not fit.
    static func goMilliseconds(_ seconds: Double) -> Int64 {
        let ms = seconds * 1000
        if ms.isNaN || ms >= 9_223_372_036_854_775_808.0 || ms < -9_223_372_036_854_775_808.0 { return .min }
        return Int64(ms)
    }

    /// Whether `[i, i+word)` holds exactly `word`.
    func matches(_ i: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - i >= n else { return false }
        let w = word.utf8Start
        for k in 0..<n where base[i + k] != w[k] { return false }
        return true
    }
}
