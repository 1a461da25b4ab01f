import Testing
@testable import Exposition

/// Go-compatible float reading and `FormatOpenMetricsFloat`.
@Suite struct FloatTests {
    static func parse(_ s: String, hex: Bool = false) -> Double? {
        let bytes = Array(s.utf8) + [0]
        return bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return nil }
            return GoFloatParser.parse(base, 0, bytes.count - 1, allowHex: hex)
        }
    }

    @Test(arguments: [
        ("0", 0.0), ("1", 1), ("-1", -1), ("+1", 1), ("0.1", 0.1), (".5", 0.5), ("5.", 5), ("1e3", 1000),
        ("1E-3", 0.001), ("1e+3", 1000), ("0000000000000000000000000000000000000000001.2e-1", 0.12),
        ("9007199254740993", 9_007_199_254_740_992), ("9223372036854775808", 9_223_372_036_854_775_808),
        ("0.013300656000000001", 0.013300656000000001), ("2.2250738585072011e-308", Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)),
        ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", Double.leastNonzeroMagnitude), ("1e-400", 0),
        ("123456789012345678901234567890", 1.2345678901234568e29), ("1e23", 1e23), ("8.589973e9", 8.589973e9),
        ("Inf", .infinity), ("+inf", .infinity), ("-Inf", -.infinity), ("infinity", .infinity), ("-INFINITY", -.infinity),
    ])
    func parsesLikeGo(input: String, expected: Double) {
        let v = Self.parse(input)
        #expect(v?.bitPattern == expected.bitPattern, "\(input) → \(String(describing: v))")
    }

    @Test(arguments: ["", "+", "-", ".", "e3", "1e", "1e+", "1.2.3", "1_0", "0x1p3", "0x1", "+nan", "-NaN", "infin", "inf1", "1 ", " 1", "1f", "1.8e308", "0b1", "--1"])
    func rejectsLikePrometheus(input: String) {
        #expect(Self.parse(input) == nil, "\(input)")
    }

    @Test func nanIsNormal() {
        #expect(Self.parse("NaN")?.bitPattern == 0x7FF8_0000_0000_0001)
        #expect(Self.parse("nan")?.isNaN == true)
    }

    @Test func hexWhenAllowed() {
        #expect(Self.parse("0x1p3", hex: true) == 8)
        #expect(Self.parse("0x1.8p1", hex: true) == 3)
        #expect(Self.parse("-0X10P-4", hex: true) == -1)
        #expect(Self.parse("0x1", hex: true) == nil)
    }

    /// Cross-check against Swift's own correctly rounded reader on many random decimal strings.
    @Test func agreesWithSwiftOnRandomDecimals() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let digits = Int.random(in: 1...22, using: &rng)
            var s = ""
            for k in 0..<digits {
                if k == Int.random(in: 0..<digits, using: &rng) { s += "." }
                s += String(Int.random(in: 0...9, using: &rng))
            }
            if Bool.random(using: &rng) { s += "e" + String(Int.random(in: -330...310, using: &rng)) }
            let expected = Double(s)
            let got = Self.parse(s)
            if let e = expected, e.isFinite {
                #expect(got?.bitPattern == e.bitPattern, "\(s)")
            }
        }
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.0, "0.0"), (-1.0, "-1.0"), (0.5, "0.5"), (100.0, "100.0"), (123456.0, "123456.0"),
        (1234567.0, "1.234567e+06"), (1e6, "1e+06"), (0.0001, "0.0001"), (0.00001, "1e-05"), (1e-10, "1e-10"),
        (-3.0, "-3.0"), (1e21, "1e+21"), (0.30000000000000004, "0.30000000000000004"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (2.5e-5, "2.5e-05"), (0.25, "0.25"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"), (1e15, "1e+15"), (99999.0, "99999.0"),
    ])
    func formatsOpenMetricsFloat(value: Double, expected: String) {
        #expect(OpenMetricsFloat.format(value) == expected)
    }
}
