/// The Prometheus text format 0.0.4, following promlex/promparse: blanks between tokens, free
/// comments, optional commas between labels, quoted UTF-8 names, integer millisecond timestamps.
extension ExpositionParser {
    mutating func nextText(expecting known: UnsafeRawBufferPointer) throws(ExpositionError) -> ExpositionEntry? {
        let b = base
        while true {
            var i = pos
            // A body used in place has nothing readable past its final newline.
            if i >= end {
                pos = end
                return nil
            }
            while b[i] == 32 || b[i] == 9 { i += 1 }
            if i >= end {
                pos = end
                return nil
            }
            let c = b[i]
            if c == 10 {
                passNewline(at: i)
                pos = i + 1
                continue
            }
            if c == 0 {
                // promlex returns EOF for a NUL where a line's first token starts; Prometheus stops there.
                pos = end
                return nil
            }
            pos = i
            if c == UInt8(ascii: "#") { return try textComment() }
            if c == UInt8(ascii: "{") || ByteClass.isMetricNameStart(c) {
                if known.count > 0, takeKnownSeries(at: i, known) {
                    try textSampleTail(seriesEnd)
                } else {
                    try textSampleTail(try textSeriesKey(i))
                }
                return .series
            }
            throw fail(at: i, "expected a metric name, '{' or '#', got \(ByteClass.describe(c))")
        }
    }

    /// `#` lines: HELP and TYPE after `#` and blanks, anything else is a comment.
    private mutating func textComment() throws(ExpositionError) -> ExpositionEntry {
        let b = base
        var i = pos + 1
        while b[i] == 32 || b[i] == 9 { i += 1 }
        if i > pos + 1 {
            let isHelp = matches(i, "HELP")
            if isHelp || matches(i, "TYPE"), b[i + 4] == 32 || b[i + 4] == 9 {
                var j = i + 4
                while b[j] == 32 || b[j] == 9 { j += 1 }
                return try textMetadata(isHelp ? .help : .type, at: j)
            }
        }
        let r = lineEnd(from: i)
        textStart = i
        textEnd = r
        passNewline(at: r)
        pos = r + 1
        return .comment
    }

    private mutating func textMetadata(_ kind: ExpositionEntry, at j: Int) throws(ExpositionError) -> ExpositionEntry {
        let b = base
        let keyword = kind == .help ? "HELP" : "TYPE"
        var k: Int
        metaTokenStart = j
        if b[j] == UInt8(ascii: "\"") {
            k = try scanQuoted(j, allowNewline: true)
            metaNameStart = j + 1
            metaNameEnd = k - 1
            if let bad = UTF8Validator.firstInvalid(b, metaNameStart, metaNameEnd) {
                throw fail(at: bad, "invalid UTF-8 in metric name")
            }
        } else if ByteClass.isMetricNameStart(b[j]) {
            k = scanMetricName(j)
            metaNameStart = j
            metaNameEnd = k
        } else {
            throw fail(at: j, "expected metric name after \(keyword), got \(ByteClass.describe(byte(at: j)))")
        }
        let r = lineEnd(from: k)
        var q = k
        while q < r && (b[q] == 32 || b[q] == 9) { q += 1 }
        let allBlank = q == r
        // promlex's text token is the rest of the line; Prometheus drops its first byte (the separator).
        textStart = allBlank ? r : k + 1
        textEnd = r
        if kind == .type {
            guard let t = Self.textType(b, textStart, textEnd) else {
                throw fail(at: textStart, "invalid metric type \"\(snippet(textStart, textEnd))\"")
            }
            metaType = t
            lastType = t
            lastTypeNameStart = metaNameStart
            lastTypeNameEnd = metaNameEnd
        } else if let bad = UTF8Validator.firstInvalid(b, textStart, textEnd) {
            throw fail(at: bad, "help text is not valid UTF-8")
        }
        passNewline(at: r)
        pos = r + 1
        return kind
    }

    private static func textType(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> MetricType? {
        let r = s..<e
        if EscapedBytes.equal(b, r, "counter") { return .counter }
        if EscapedBytes.equal(b, r, "gauge") { return .gauge }
        if EscapedBytes.equal(b, r, "histogram") { return .histogram }
        if EscapedBytes.equal(b, r, "summary") { return .summary }
        if EscapedBytes.equal(b, r, "untyped") { return .unknown }
        return nil
    }

    /// Takes the series at `i` without scanning it when its bytes are `known` (a series range
    /// accepted before) and the series would end exactly where `known` does.
    @inline(__always)
    private mutating func takeKnownSeries(at i: Int, _ known: UnsafeRawBufferPointer) -> Bool {
        let n = known.count
        guard end - i > n, let k = known.baseAddress else { return false }
        let p = UnsafeRawPointer(base + i)
        var sawNewline = false
        if n >= 16 {
            // Sixteen bytes at a time, the last block overlapping ones already compared.
            let newline = SIMD16<UInt8>(repeating: 10)
            var lines = SIMDMask<SIMD16<Int8>>(repeating: false)
            var j = 0
            while true {
                let at = j + 16 <= n ? j : n - 16
                let w = p.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
                let x = k.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
                if any(w .!= x) { return false }
                lines = lines .| (w .== newline)
                j &+= 16
                if j >= n { break }
            }
            let halves = unsafeBitCast(lines, to: SIMD2<UInt64>.self)  // a mask lane is all ones or zero
            sawNewline = halves[0] | halves[1] != 0
        } else if n >= 8 {
            let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            let w = p.loadUnaligned(as: UInt64.self)
            let v = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            if w != k.loadUnaligned(as: UInt64.self) || v != k.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) {
                return false
            }
            sawNewline = Self.zeroBytes(w ^ newlines) | Self.zeroBytes(v ^ newlines) != 0
        } else {
            for j in 0..<n {
                let c = p.load(fromByteOffset: j, as: UInt8.self)
                if c != k.load(fromByteOffset: j, as: UInt8.self) { return false }
                if c == 10 { sawNewline = true }
            }
        }
        let b = base
        let stop = i + n
        if b[stop - 1] != UInt8(ascii: "}") {
            // A bare metric name: the name must not go on, and no label set may follow it.
            if ByteClass.isMetricNameContinue(b[stop]) { return false }
            var k = stop
            while b[k] == 32 || b[k] == 9 { k += 1 }
            if b[k] == UInt8(ascii: "{") { return false }
        }
        if sawNewline {  // raw newlines inside quoted label values
            for q in i..<stop where b[q] == 10 { passNewline(at: q) }
        }
        seriesStart = i
        seriesEnd = stop
        expectedMatched = true
        labelsPending = true
        return true
    }

    /// Nonzero exactly when some byte of `w` is zero; the lowest set bit is in the first zero byte.
    @inline(__always) static func zeroBytes(_ w: UInt64) -> UInt64 {
        (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
    }

    /// Scans the name and labels of a series that `next(expecting:)` took without scanning, so
    /// the slow-path accessors can answer. The bytes were accepted before, so this cannot fail.
    mutating func scanPendingLabels() {
        guard labelsPending else { return }
        labelsPending = false
        let saved = (line, lineStart)
        do throws(ExpositionError) {
            _ = try textSeriesKey(seriesStart)
        } catch {
            nameStart = seriesStart
            nameEnd = seriesStart
            labelBounds.removeAll(keepingCapacity: true)
        }
        (line, lineStart) = saved
    }

    /// `name{labels}` with blanks allowed between all tokens; returns the offset after it.
    private mutating func textSeriesKey(_ start: Int) throws(ExpositionError) -> Int {
        let b = base
        var i = start
        seriesStart = i
        nameStart = -1
        labelsPending = false
        labelBounds.removeAll(keepingCapacity: true)
        if b[i] != UInt8(ascii: "{") {
            let j = scanMetricName(i)
            nameStart = i
            nameEnd = j
            i = j
            seriesEnd = j
            var k = j
            while b[k] == 32 || b[k] == 9 { k += 1 }
            if b[k] == UInt8(ascii: "{") {
                i = try textLabels(k + 1)
                seriesEnd = i
            }
        } else {
            i = try textLabels(i + 1)
            seriesEnd = i
        }
        if nameStart < 0 { throw fail(at: seriesStart, "metric name not set in label set") }
        if !labelBounds.isEmpty { try checkDuplicateLabels() }
        return i
    }

    /// ` value [timestamp]` and the newline after a series ending at `from`.
    private mutating func textSampleTail(_ from: Int) throws(ExpositionError) {
        let b = base
        var i = from
        while b[i] == 32 || b[i] == 9 { i += 1 }
        if let (v, stop) = GoFloatParser.plainDecimal(b, i) {
            currentValue = v
            i = stop
        } else {
            let valueStart = i
            while true {
                let c = b[i]
                if c == 32 || c == 9 || c == 10 || c == UInt8(ascii: "{") { break }
                i += 1
            }
            if i == valueStart {
                throw fail(at: i, "expected value after metric, got \(ByteClass.describe(byte(at: i)))")
            }
            guard let v = GoFloatParser.parse(b, valueStart, i) else {
                throw fail(at: valueStart, "invalid value \"\(snippet(valueStart, i))\"")
            }
            currentValue = v.isNaN ? GoFloatParser.normalNaN : v
        }
        while b[i] == 32 || b[i] == 9 { i += 1 }
        if b[i] == 10 {
            currentTimestamp = nil
        } else if b[i] &- 48 < 10 {
            let t0 = i
            var t: Int64 = 0
            var overflow = false
            while b[i] &- 48 < 10 {
                let (m, o1) = t.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b[i] &- 48))
                overflow = overflow || o1 || o2
                t = s
                i += 1
            }
            if overflow { throw fail(at: t0, "timestamp \"\(snippet(t0, i))\" out of range") }
            currentTimestamp = t
            while b[i] == 32 || b[i] == 9 { i += 1 }
            if b[i] != 10 {
                throw fail(at: i, "expected end of line after timestamp, got \(ByteClass.describe(byte(at: i)))")
            }
        } else {
            throw fail(at: i, "expected timestamp or end of line after value, got \(ByteClass.describe(byte(at: i)))")
        }
        passNewline(at: i)
        pos = i + 1
    }

    /// The label set after `{`; returns the offset after `}`. promparse allows blanks anywhere,
    /// a missing comma between pairs and a trailing comma.
    private mutating func textLabels(_ from: Int) throws(ExpositionError) -> Int {
        let b = base
        var i = from
        while true {
            while b[i] == 32 || b[i] == 9 { i += 1 }
            let c = b[i]
            if c == UInt8(ascii: "}") { return i + 1 }
            let ns: Int
            let ne: Int
            var quoted = false
            if ByteClass.isLabelNameStart(c) {
                ns = i
                ne = scanLabelName(i)
                i = ne
            } else if c == UInt8(ascii: "\"") {
                let k = try scanQuoted(i, allowNewline: true)
                ns = i + 1
                ne = k - 1
                i = k
                quoted = true
            } else {
                throw fail(at: i, "expected label name or '}', got \(ByteClass.describe(byte(at: i)))")
            }
            while b[i] == 32 || b[i] == 9 { i += 1 }
            let d = b[i]
            if quoted && (d == UInt8(ascii: ",") || d == UInt8(ascii: "}")) {
                if nameStart >= 0 { throw fail(at: ns - 1, "metric name already set") }
                try checkQuotedName(ns, ne, what: "metric name")
                nameStart = ns
                nameEnd = ne
                i += 1
                if d == UInt8(ascii: "}") { return i }
                continue
            }
            if d != UInt8(ascii: "=") {
                throw fail(at: i, "expected '=' after label name, got \(ByteClass.describe(byte(at: i)))")
            }
            if quoted { try checkQuotedName(ns, ne, what: "label name") }
            i += 1
            while b[i] == 32 || b[i] == 9 { i += 1 }
            if b[i] != UInt8(ascii: "\"") {
                throw fail(at: i, "expected quoted label value, got \(ByteClass.describe(byte(at: i)))")
            }
            let k = try scanQuoted(i, allowNewline: true)
            try checkLabelValue(i + 1, k - 1)
            labelBounds.append(ns)
            labelBounds.append(ne)
            labelBounds.append(i + 1)
            labelBounds.append(k - 1)
            i = k
            while b[i] == 32 || b[i] == 9 { i += 1 }
            if b[i] == UInt8(ascii: ",") { i += 1 }
        }
    }
}
