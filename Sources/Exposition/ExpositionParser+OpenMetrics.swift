/// OpenMetrics 1.0 text, following openmetricslex/openmetricsparse: single spaces as separators,
/// only HELP/TYPE/UNIT/EOF comments, float-second timestamps, exemplars, mandatory `# EOF`.
/// The family and group rules of the standard are enforced in `ExpositionParser+OpenMetricsRules`.
extension ExpositionParser {
    mutating func nextOpenMetrics() throws(ExpositionError) -> ExpositionEntry? {
        if family.sawEOF { return nil }
        let b = base
        let i = pos
        guard i < end else { throw fail(at: i, "data does not end with # EOF") }
        let c = b[i]
        if c == UInt8(ascii: "#") {
            guard b[i + 1] == 32, i + 1 < end else {
                throw fail(at: i + 1, "expected a space after '#' (OpenMetrics has no free comments)")
            }
            let k = i + 2
            if matches(k, "HELP ") { return try omMetadata(.help, at: k + 5) }
            if matches(k, "TYPE ") { return try omMetadata(.type, at: k + 5) }
            if matches(k, "UNIT ") { return try omMetadata(.unit, at: k + 5) }
            if matches(k, "EOF") {
                var j = k + 3
                if j < end && b[j] == 10 {
                    passNewline(at: j)
                    j += 1
                }
                if j != end { throw fail(at: j, "unexpected data after # EOF") }
                try endFamily(at: i)
                family.sawEOF = true
                pos = end
                return .eof
            }
            throw fail(at: k, "expected HELP, TYPE, UNIT or EOF after '# '")
        }
        if c == UInt8(ascii: "{") || ByteClass.isMetricNameStart(c) {
            try omSeries()
            return .series
        }
        if c == 10 { throw fail(at: i, "blank lines are not allowed in OpenMetrics") }
        throw fail(at: i, "expected a metric name, '{' or '#', got \(ByteClass.describe(c))")
    }

    private mutating func omMetadata(_ kind: ExpositionEntry, at j: Int) throws(ExpositionError) -> ExpositionEntry {
        let b = base
        let keyword = kind == .help ? "HELP" : kind == .type ? "TYPE" : "UNIT"
        let k: Int
        metaTokenStart = j
        if j < end && b[j] == UInt8(ascii: "\"") {
            k = try scanQuoted(j, allowNewline: true)
            metaNameStart = j + 1
            metaNameEnd = k - 1
            if let bad = UTF8Validator.firstInvalid(b, metaNameStart, metaNameEnd) {
                throw fail(at: bad, "invalid UTF-8 in metric name")
            }
        } else if j < end && ByteClass.isMetricNameStart(b[j]) {
            k = scanMetricName(j)
            metaNameStart = j
            metaNameEnd = k
        } else {
            throw fail(at: j, "expected metric name after \(keyword), got \(ByteClass.describe(byte(at: j)))")
        }
        guard k < end, b[k] == 32 else {
            throw fail(at: k, "expected a space and text after the metric name in \(keyword), got \(ByteClass.describe(byte(at: k)))")
        }
        var r = k + 1
        while r < end && b[r] != 10 { r += 1 }
        guard r < end else { throw fail(at: r, "data does not end with # EOF") }
        textStart = k + 1
        textEnd = r
        switch kind {
        case .type:
            guard let t = Self.omType(b, textStart, textEnd) else {
                throw fail(at: textStart, "invalid metric type \"\(snippet(textStart, textEnd))\"")
            }
            metaType = t
            lastType = t
            lastTypeNameStart = metaNameStart
            lastTypeNameEnd = metaNameEnd
        case .help:
            if let bad = UTF8Validator.firstInvalid(b, textStart, textEnd) {
                throw fail(at: bad, "help text is not valid UTF-8")
            }
        default:
            if textEnd > textStart && !unitIsNameSuffix() {
                throw fail(at: textStart, "unit \"\(snippet(textStart, textEnd))\" is not a suffix of the metric name")
            }
        }
        try metadataRules(kind, at: pos)
        passNewline(at: r)
        pos = r + 1
        return kind
    }

    /// Whether the metric name ends with `_` + unit (the unit's raw bytes).
    private func unitIsNameSuffix() -> Bool {
        var name: [UInt8] = []
        var it = EscapedBytes(base, metaNameStart, metaNameEnd)
        while let c = it.next() { name.append(c) }
        let n = textEnd - textStart
        guard name.count >= n + 1, name[name.count - n - 1] == UInt8(ascii: "_") else { return false }
        for k in 0..<n where name[name.count - n + k] != base[textStart + k] { return false }
        return true
    }

    private static func omType(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> MetricType? {
        let r = s..<e
        if EscapedBytes.equal(b, r, "counter") { return .counter }
        if EscapedBytes.equal(b, r, "gauge") { return .gauge }
        if EscapedBytes.equal(b, r, "histogram") { return .histogram }
        if EscapedBytes.equal(b, r, "gaugehistogram") { return .gaugehistogram }
        if EscapedBytes.equal(b, r, "summary") { return .summary }
        if EscapedBytes.equal(b, r, "info") { return .info }
        if EscapedBytes.equal(b, r, "stateset") { return .stateset }
        if EscapedBytes.equal(b, r, "unknown") { return .unknown }
        return nil
    }

    @inline(__always) private func exemplarStarts(_ i: Int) -> Bool {
        end - i > 3 && base[i] == 32 && base[i + 1] == UInt8(ascii: "#") && base[i + 2] == 32
            && base[i + 3] == UInt8(ascii: "{")
    }

    private mutating func omSeries() throws(ExpositionError) {
        let b = base
        var i = pos
        seriesStart = i
        nameStart = -1
        labelBounds.removeAll(keepingCapacity: true)
        if b[i] != UInt8(ascii: "{") {
            let j = scanMetricName(i)
            nameStart = i
            nameEnd = j
            i = j
            if b[i] == UInt8(ascii: "{") && i < end { i = try omLabels(i + 1, exemplar: false) }
        } else {
            i = try omLabels(i + 1, exemplar: false)
        }
        seriesEnd = i
        if nameStart < 0 { throw fail(at: seriesStart, "metric name not set in label set") }
        if !labelBounds.isEmpty { try checkDuplicateLabels() }

        guard i < end, b[i] == 32 else {
            throw fail(at: i, "expected a space and a value after the metric, got \(ByteClass.describe(byte(at: i)))")
        }
        i += 1
        let valueStart = i
        while i < end && b[i] != 32 && b[i] != 10 { i += 1 }
        if i == valueStart { throw fail(at: i, "expected value after metric, got \(ByteClass.describe(byte(at: i)))") }
        guard let v = GoFloatParser.parse(b, valueStart, i) else {
            throw fail(at: valueStart, "invalid value \"\(snippet(valueStart, i))\"")
        }
        currentValue = v.isNaN ? GoFloatParser.normalNaN : v
        currentTimestamp = nil
        var seconds: Double? = nil
        var hasExemplar = false
        guard i < end else { throw fail(at: i, "data does not end with # EOF") }
        if b[i] == 32 {
            if exemplarStarts(i) {
                i = try omExemplar(i + 4)
                hasExemplar = true
            } else {
                i += 1
                let t0 = i
                if i >= end || b[i] == UInt8(ascii: "c") || b[i] == 32 || b[i] == 10 {
                    throw fail(at: i, "expected timestamp or exemplar after value, got \(ByteClass.describe(byte(at: i)))")
                }
                while i < end && b[i] != 32 && b[i] != 10 { i += 1 }
                guard let t = GoFloatParser.parse(b, t0, i), t.isFinite else {
                    throw fail(at: t0, "invalid timestamp \"\(snippet(t0, i))\"")
                }
                seconds = t
                currentTimestamp = Self.goMilliseconds(t)
                guard i < end else { throw fail(at: i, "data does not end with # EOF") }
                if exemplarStarts(i) {
                    i = try omExemplar(i + 4)
                    hasExemplar = true
                } else if b[i] != 10 {
                    throw fail(at: i, "expected end of line after timestamp, got \(ByteClass.describe(byte(at: i)))")
                }
            }
        }
        try sampleRules(timestamp: seconds, hasExemplar: hasExemplar)
        passNewline(at: i)
        pos = i + 1
    }

    /// The label set after `{`; returns the offset after `}`. OpenMetrics wants `,` between pairs and
    /// none after the last (Prometheus tolerates a trailing comma; the standard's ABNF does not).
    /// In an exemplar the pairs are checked and measured but not kept.
    private mutating func omLabels(_ from: Int, exemplar: Bool) throws(ExpositionError) -> Int {
        let b = base
        var i = from
        var afterComma = false
        var exemplarLength = 0
        let opening = from - 1
        while true {
            guard i < end else { throw fail(at: i, "unterminated label set") }
            let c = b[i]
            if c == UInt8(ascii: "}") {
                if afterComma { throw fail(at: i - 1, "trailing comma in label set") }
                if exemplarLength > 128 {
                    throw fail(at: opening, "exemplar labels are \(exemplarLength) characters long, more than 128")
                }
                return i + 1
            }
            let ns: Int
            let ne: Int
            var quoted = false
            if ByteClass.isLabelNameStart(c) {
                ns = i
                ne = scanLabelName(i)
                i = ne
            } else if c == UInt8(ascii: "\"") {
                let k = try scanQuoted(i, allowNewline: !exemplar)
                ns = i + 1
                ne = k - 1
                i = k
                quoted = true
            } else {
                throw fail(at: i, "expected label name or '}', got \(ByteClass.describe(byte(at: i)))")
            }
            let d = b[i]
            if quoted && (d == UInt8(ascii: ",") || d == UInt8(ascii: "}")) && i < end {
                if exemplar { throw fail(at: i, "expected '=' after exemplar label name, got \(ByteClass.describe(d))") }
                if nameStart >= 0 { throw fail(at: ns - 1, "metric name already set") }
                try checkQuotedName(ns, ne, what: "metric name")
                nameStart = ns
                nameEnd = ne
                i += 1
                if d == UInt8(ascii: "}") { return i }
                afterComma = true
                continue
            }
            guard i < end, d == UInt8(ascii: "=") else {
                throw fail(at: i, "expected '=' after label name, got \(ByteClass.describe(byte(at: i)))")
            }
            if quoted { try checkQuotedName(ns, ne, what: "label name") }
            i += 1
            guard i < end, b[i] == UInt8(ascii: "\"") else {
                throw fail(at: i, "expected quoted label value, got \(ByteClass.describe(byte(at: i)))")
            }
            let k = try scanQuoted(i, allowNewline: false)
            try checkLabelValue(i + 1, k - 1)
            if exemplar {
                exemplarLength += EscapedBytes.scalarCount(b, ns..<ne) + EscapedBytes.scalarCount(b, (i + 1)..<(k - 1))
            } else {
                labelBounds.append(ns)
                labelBounds.append(ne)
                labelBounds.append(i + 1)
                labelBounds.append(k - 1)
            }
            i = k
            guard i < end else { throw fail(at: i, "unterminated label set") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                afterComma = true
                continue
            }
            afterComma = false
            if b[i] != UInt8(ascii: "}") {
                throw fail(at: i, "expected ',' or '}' after label value, got \(ByteClass.describe(byte(at: i)))")
            }
        }
    }

    /// ` # {labels} value [timestamp]` after the `{`; returns the offset of the line's newline.
    /// The exemplar is validated and skipped.
    private mutating func omExemplar(_ from: Int) throws(ExpositionError) -> Int {
        let b = base
        var i = try omLabels(from, exemplar: true)
        guard i < end, b[i] == 32 else {
            throw fail(at: i, "expected a space and a value after exemplar labels, got \(ByteClass.describe(byte(at: i)))")
        }
        i += 1
        let v0 = i
        while i < end && b[i] != 32 && b[i] != 10 { i += 1 }
        guard i > v0, GoFloatParser.parse(b, v0, i) != nil else {
            throw fail(at: v0, "invalid exemplar value \"\(snippet(v0, i))\"")
        }
        if i < end && b[i] == 32 {
            i += 1
            let t0 = i
            while i < end && b[i] != 32 && b[i] != 10 { i += 1 }
            guard i > t0, let t = GoFloatParser.parse(b, t0, i), t.isFinite else {
                throw fail(at: t0, "invalid exemplar timestamp \"\(snippet(t0, i))\"")
            }
        }
        guard i < end else { throw fail(at: i, "data does not end with # EOF") }
        if b[i] != 10 {
            throw fail(at: i, "expected end of line after exemplar, got \(ByteClass.describe(byte(at: i)))")
        }
        return i
    }
}
