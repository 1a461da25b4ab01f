import Foundation
import Testing
@testable import Exposition

/// The Eisel–Lemire reader and its table against Swift's own correctly rounded `Double(String)`.
@Suite struct FastFloatTests {
    static func parse(_ s: String) -> Double? { FloatTests.parse(s) }

    static func expectAgrees(_ s: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Double(s)
        let got = parse(s)
        if let e = expected, e.isFinite {
            #expect(got?.bitPattern == e.bitPattern, "\(s): got \(String(describing: got)), want \(e)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(got == nil, "\(s) overflows: got \(String(describing: got))", sourceLocation: sourceLocation)
        }
    }

    /// Entries that fit in 128 bits are exact: the leading bits of 5^q.
    @Test func tableHoldsExactPowers() {
        var hi: UInt64 = 0, lo: UInt64 = 1  // 5^q as a 128-bit integer
        for q in 0...55 {
            let bits = hi == 0 ? 64 - lo.leadingZeroBitCount : 128 - hi.leadingZeroBitCount
            let shift = 128 - bits
            var nHi = hi, nLo = lo
            if shift >= 64 {
                nHi = nLo << UInt64(shift - 64)
                nLo = 0
            } else if shift > 0 {
                nHi = hi << UInt64(shift) | lo >> UInt64(64 - shift)
                nLo = lo << UInt64(shift)
            }
            let index = 2 * (q - PowersOfFive.smallestExponent)
            #expect(PowersOfFive.table[index] == nHi && PowersOfFive.table[index + 1] == nLo, "5^\(q)")
            let (carry, low) = lo.multipliedFullWidth(by: 5)
            lo = low
            hi = hi &* 5 &+ carry
        }
        #expect(PowersOfFive.table.count == 2 * (PowersOfFive.largestExponent - PowersOfFive.smallestExponent + 1))
        for k in stride(from: 0, to: PowersOfFive.table.count, by: 2) { #expect(PowersOfFive.table[k] >> 63 == 1) }
    }

    /// Entries for 5^-1 ... 5^-27 are floor(2^b / 5^q) + 1 with b = bit length + 127.
    @Test func tableHoldsSmallReciprocals() {
        var p: UInt64 = 1
        for q in 1...27 {
            p *= 5
            let b = (64 - p.leadingZeroBitCount) + 127
            // Long division of 2^b (three words, most significant first) by p.
            var words: [UInt64] = [0, 0, 0]
            words[2 - b / 64] = 1 << UInt64(b % 64)
            var remainder: UInt64 = 0
            var quotient: [UInt64] = []
            for w in words {
                let (qw, r) = p.dividingFullWidth((high: remainder, low: w))
                quotient.append(qw)
                remainder = r
            }
            #expect(quotient[0] == 0)
            let (lo, carry) = quotient[2].addingReportingOverflow(1)
            let hi = quotient[1] + (carry ? 1 : 0)
            let index = 2 * (-q - PowersOfFive.smallestExponent)
            #expect(PowersOfFive.table[index] == hi && PowersOfFive.table[index + 1] == lo, "5^-\(q)")
        }
    }

    @Test(arguments: [
        // 2^53 neighbourhood: exact ties round to even.
        "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995", "9007199254740996",
        "18014398509481985", "18014398509481986", "18014398509481987", "9007199254740993.0000000000000001",
        "9007199254740992.9999999999999999", "900719925474099300000e-5",
        // 19, 20 and many digits.
        "1234567890123456789", "12345678901234567890", "98765432109876543210987654321", "9999999999999999999",
        "99999999999999999999", "18446744073709551615", "18446744073709551616", "0.1000000000000000055511151231257827",
        "0.1000000000000000055511151231257828", "0.10000000000000000555111512312578270211815834045410156250",
        "3.14159265358979323846264338327950288419716939937510582097494459",
        // 17-digit values as Go and Swift print them.
        "0.30000000000000004", "2.2204460493e-16", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "1.797693134862315807e308", "2.2250738585072014e-308", "2.2250738585072011e-308",
        "2.2250738585072012e-308", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1e-323", "5e-324", "3e-324", "1e-324", "1e-325", "7.4e-323", "1.23456789012345678e-310",
        // Exponent edges.
        "1e308", "1e309", "1e-308", "1e-307", "1e-342", "1e-343", "9999999999999999999e-343", "1e-400",
        "1e22", "1e23", "1e-22", "1e-23", "123e300", "0.000001e314", "1000000000000000000000000e284",
        "8.98846567431158e307", "4503599627370496.5", "4503599627370497.5", "2.5e-1", "7.2057594037927933e16",
        "0.013300656000000001", "1448997445238699", "123456.78901234567", "99.999999999999999",
    ])
    func edgeCases(input: String) {
        Self.expectAgrees(input)
        Self.expectAgrees("-" + input)
    }

    @Test func overflowIsRejectedUnderflowIsZero() {
        #expect(Self.parse("1e400") == nil)
        #expect(Self.parse("-1e400") == nil)
        #expect(Self.parse("1.8e308") == nil)
        #expect(Self.parse("1e-400")?.bitPattern == 0)
        #expect(Self.parse("-1e-400")?.bitPattern == (-0.0).bitPattern)
        #expect(Self.parse("0e999999999")?.bitPattern == 0)
    }

    @Test func hexFloatsAreUnchanged() {
        #expect(FloatTests.parse("0x1p-1074", hex: true) == Double.leastNonzeroMagnitude)
        #expect(FloatTests.parse("0x1.fffffffffffffp1023", hex: true) == Double.greatestFiniteMagnitude)
        #expect(FloatTests.parse("0x1p1024", hex: true) == nil)
        #expect(FloatTests.parse("0x1p-2") == nil)
    }

    /// Every double printed with 17 significant digits, and printed shortest, reads back exactly.
    @Test func roundTripsRandomDoubles() {
        var rng = SplitMix(seed: 1)
        for _ in 0..<60_000 {
            let d = Double(bitPattern: rng.next() & 0x7FFF_FFFF_FFFF_FFFF)
            guard d.isFinite else { continue }
            Self.expectAgrees(d.description)
            Self.expectAgrees(Self.seventeenDigits(d))
        }
    }

    /// The algorithm itself decides nearly every normal value, and what it decides is right.
    @Test func eiselLemireDecidesAndAgrees() {
        var rng = SplitMix(seed: 4)
        var decided = 0
        let total = 50_000
        for _ in 0..<total {
            let w = rng.next() % 10_000_000_000_000_000_000
            let q = Int(rng.next() % 560) - 280  // results stay normal
            guard w != 0 else { continue }
            let s = String(w) + "e" + String(q)
            guard let v = EiselLemire.double(w, q, negative: false) else { continue }
            decided += 1
            #expect(v.bitPattern == Double(s)?.bitPattern, "\(s)")
        }
        #expect(decided > total * 99 / 100)
    }

    /// The sample-value shortcut gives Swift's value or declines, and stops at the blank.
    @Test func plainDecimalShortcut() {
        var rng = SplitMix(seed: 6)
        var taken = 0
        for n in 0..<40_000 {
            let digits = 1 + Int(rng.next() % 22)
            var s = ""
            for _ in 0..<digits { s += String(rng.next() % 10) }
            if n % 3 != 0 { s.insert(".", at: s.index(s.startIndex, offsetBy: Int(rng.next() % UInt64(digits + 1)))) }
            let bytes = Array((s + (n % 2 == 0 ? " 1\n" : "\n")).utf8)
            let got = bytes.withUnsafeBufferPointer { p in GoFloatParser.plainDecimal(p.baseAddress!, 0) }
            guard let (v, stop) = got else { continue }
            taken += 1
            #expect(stop == s.utf8.count, "\(s)")
            #expect(v.bitPattern == Double(s)?.bitPattern, "\(s)")
        }
        #expect(taken > 20_000)
        for declined in ["-1 ", "1e3 ", "1{", "Inf ", ". ", "1x ", "12345678901234567890 ", "0x1 "] {
            let bytes = Array((declined + "\n").utf8)
            #expect(bytes.withUnsafeBufferPointer { p in GoFloatParser.plainDecimal(p.baseAddress!, 0) } == nil, "\(declined)")
        }
    }

    /// Random digit strings of every length with exponents across the whole range.
    @Test func agreesOnRandomDigitStrings() {
        var rng = SplitMix(seed: 2)
        for _ in 0..<60_000 {
            let digits = 1 + Int(rng.next() % 25)
            var s = ""
            for _ in 0..<digits { s += String(rng.next() % 10) }
            let point = Int(rng.next() % UInt64(digits + 1))
            s.insert(".", at: s.index(s.startIndex, offsetBy: point))
            if s == "." { s = "0." }
            s += "e" + String(Int(rng.next() % 700) - 350)
            Self.expectAgrees(s)
        }
    }

    /// Decimal strings next to halfway points between adjacent doubles: the shortest decimals of
    /// the exact midpoint (held exactly by Float80) and of its Float80 neighbours.
    @Test func agreesNearHalfwayPoints() {
        #if arch(x86_64) || arch(i386)
        var rng = SplitMix(seed: 3)
        for _ in 0..<20_000 {
            let d = Double(bitPattern: rng.next() % 0x7FE0_0000_0000_0000)
            let mid = (Float80(d) + Float80(d.nextUp)) / 2
            Self.expectAgrees(mid.description)
            Self.expectAgrees(mid.nextUp.description)
            Self.expectAgrees(mid.nextDown.description)
        }
        #endif
    }

    static func seventeenDigits(_ d: Double) -> String { String(format: "%.16e", d) }
}
