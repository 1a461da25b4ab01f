import TimeSeries

/// The host collector's Prometheus text output, written as bytes: the same text
/// `ExpositionWriter` writes (HELP, TYPE and sample lines, Go's shortest `%g` values) without
/// building a `String` per line or running Foundation's replace on every HELP text.
struct HostCollectorWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 32 * 1024) { bytes.reserveCapacity(capacity) }

    /// Starts a family with its HELP (escaped) and TYPE lines.
    mutating func family(_ name: String, _ type: String, _ help: String) {
        raw("# HELP ")
        raw(name)
        raw(" ")
        helpText(help)
        raw("\n# TYPE ")
        raw(name)
        raw(" ")
        raw(type)
        raw("\n")
    }

    /// A sample line without labels.
    mutating func sample(_ name: String, _ value: Double) {
        raw(name)
        raw(" ")
        self.value(value)
        raw("\n")
    }

    /// A sample line whose label values are already escaped (`escapedLabelValue`); pairs with
    /// empty values are left out.
    mutating func sample(_ name: String, _ labels: [(name: String, escaped: [UInt8])], _ value: Double) {
        raw(name)
        var first = true
        for (k, v) in labels where !v.isEmpty {
            raw(first ? "{" : ",")
            first = false
            raw(k)
            raw("=\"")
            bytes.append(contentsOf: v)
            raw("\"")
        }
        if !first { raw("}") }
        raw(" ")
        self.value(value)
        raw("\n")
    }

    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ b: ArraySlice<UInt8>) { bytes.append(contentsOf: b) }

    /// HELP text escaping: backslash and newline.
    mutating func helpText(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            default: bytes.append(b)
            }
        }
    }

    /// A label value as the text format escapes it (backslash, quote, newline), as `Labels.escape`.
    static func escapedLabelValue(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: out.append(b)
            }
        }
        return out
    }

    /// `GoFloat.format(v)`: whole numbers below 2^53 (nearly every /proc figure) are written here,
    /// the rest by `GoFloat`.
    mutating func value(_ v: Double) {
        guard v.isFinite, v == v.rounded(), v.magnitude < 9_007_199_254_740_992, !(v == 0 && v.sign == .minus) else {
            raw(GoFloat.format(v))
            return
        }
        var n = Int64(v)
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            n = -n
        }
        if n == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // The decimal digits of n, most significant first.
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            var m = n
            while m > 0 {
                d[count] = UInt8(m % 10) + UInt8(ascii: "0")
                m /= 10
                count += 1
            }
            d[0..<count].reverse()
        }
        withUnsafeBytes(of: &digits) { d in
            // Go's shortest %g: an exponent from 1e+06 on, with trailing zeros dropped.
            let exp = count - 1
            if exp < 6 {
                bytes.append(contentsOf: d[0..<count])
                return
            }
            var last = count
            while last > 1 && d[last - 1] == UInt8(ascii: "0") { last -= 1 }
            bytes.append(d[0])
            if last > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: d[1..<last])
            }
            bytes.append(contentsOf: "e+".utf8)
            if exp < 10 { bytes.append(UInt8(ascii: "0")) }
            bytes.append(contentsOf: String(exp).utf8)
        }
    }
}
