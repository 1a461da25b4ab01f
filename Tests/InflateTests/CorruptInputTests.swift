import Testing
@testable import Inflate

/// Hostile DEFLATE data: every malformed construct gives a clear `.corrupt` (or `.truncated`)
/// error, never a crash or a hang.
struct CorruptInputTests {
    func kind(_ body: () throws(InflateError) -> [UInt8]) -> InflateError.Kind? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.kind
        }
    }

    func rawError(_ data: [UInt8]) -> InflateError? {
        do {
            _ = try Inflate.rawInflate(data, maxOutput: 1 << 20)
            return nil
        } catch {
            return error
        }
    }

    @Test func reservedBlockType() {
        let e = rawError([0x07])
        #expect(e?.kind == .corrupt)
        #expect(e?.message == "invalid block type 3")
        #expect(e?.description.contains("at compressed byte") == true)
    }

    @Test func storedLengthComplementMismatch() {
        #expect(rawError([0x01, 0x05, 0x00, 0x00, 0x00])?.message == "stored block length does not match its complement")
    }

    @Test func emptyInputIsTruncated() {
        #expect(rawError([]) == .truncated)
        #expect(kind { () throws(InflateError) in try Inflate.gunzip([], maxOutput: 10) } == .truncated)
        #expect(kind { () throws(InflateError) in try Inflate.zlibInflate([], maxOutput: 10) } == .truncated)
    }

    @Test func distanceBeforeOutputStart() {
        let data = Encoders.fixed([.literal(65), .match(length: 3, distance: 2)])
        #expect(rawError(data)?.message == "distance 2 reaches before the start of the output")
        let first = Encoders.fixed([.match(length: 3, distance: 1)])
        #expect(rawError(first)?.kind == .corrupt)
    }

    @Test func distanceBeforeOutputStartInFastPath() {
        // Long enough that the bad match is decoded by the fast loop, not near the input's end.
        var items: [Encoders.Item] = (0..<100).map { .literal(UInt8($0)) }
        items.append(.match(length: 10, distance: 101))
        items += (0..<100).map { .literal(UInt8($0)) }
        #expect(rawError(Encoders.fixed(items))?.message == "distance 101 reaches before the start of the output")
    }

    @Test func reservedFixedSymbols() {
        for symbol in [286, 287] {
            var w = BitWriter()
            w.bits(1, 1)
            w.bits(1, 2)
            w.fixedSymbol(65)
            w.fixedSymbol(symbol)
            w.bits(0, 64)
            #expect(rawError(w.finish())?.message == "invalid literal/length code", "symbol \(symbol)")
        }
        for symbol in [30, 31] {
            var w = BitWriter()
            w.bits(1, 1)
            w.bits(1, 2)
            w.fixedSymbol(65)
            w.fixedSymbol(257)
            w.fixedDistance(symbol)
            w.bits(0, 64)
            #expect(rawError(w.finish())?.message == "invalid distance code", "distance symbol \(symbol)")
        }
    }

    @Test func tooManyCodes() {
        var w = BitWriter()
        w.bits(5, 3)  // final, dynamic
        w.bits(30, 5)  // HLIT 287
        w.bits(0, 5)
        w.bits(0, 4)
        w.bits(0, 32)
        #expect(rawError(w.finish())?.message == "too many literal/length or distance codes")
        var d = BitWriter()
        d.bits(5, 3)
        d.bits(0, 5)
        d.bits(30, 5)  // HDIST 31
        d.bits(0, 36)
        #expect(rawError(d.finish())?.message == "too many literal/length or distance codes")
    }

    func dynamicWithCodeLengthCode(_ lengths: [Int], then body: (inout BitWriter) -> Void) -> [UInt8] {
        var w = BitWriter()
        w.bits(5, 3)
        w.bits(0, 5)  // 257 literal/length codes
        w.bits(0, 5)  // 1 distance code
        w.bits(15, 4)  // 19 code-length codes
        for s in DynamicHeader.order { w.bits(lengths[s], 3) }
        body(&w)
        w.bits(0, 64)
        return w.finish()
    }

    @Test func badCodeLengthCodes() {
        let over = dynamicWithCodeLengthCode([Int](repeating: 1, count: 19)) { _ in }
        #expect(rawError(over)?.message == "over-subscribed code-length code")
        var two = [Int](repeating: 0, count: 19)
        two[0] = 2
        let incomplete = dynamicWithCodeLengthCode(two) { _ in }
        #expect(rawError(incomplete)?.message == "incomplete code-length code")
        let empty = dynamicWithCodeLengthCode([Int](repeating: 0, count: 19)) { _ in }
        #expect(rawError(empty)?.kind == .corrupt)
    }

    /// A code-length code with 16 → "0", 0 → "10", 8 → "110", 18 → "111".
    static let smallCL: [Int] = {
        var l = [Int](repeating: 0, count: 19)
        l[16] = 1
        l[0] = 2
        l[8] = 3
        l[18] = 3
        return l
    }()

    @Test func repeatWithoutPreviousLength() {
        let data = dynamicWithCodeLengthCode(Self.smallCL) { w in w.code(0, 1); w.bits(0, 2) }
        #expect(rawError(data)?.message == "repeated code length with no previous length")
    }

    @Test func repeatOverflowingTheCounts() {
        let data = dynamicWithCodeLengthCode(Self.smallCL) { w in
            w.code(0b10, 2)  // a zero length first
            for _ in 0..<2 { w.code(0b111, 3); w.bits(127, 7) }  // 2 × 138 zeros > 258 total
        }
        #expect(rawError(data)?.message == "code lengths overflow the declared code counts")
    }

    func dynamic(
        literal: [Int], distance: [Int], pad: Bool = true, body: (inout BitWriter, [Int], [Int]) -> Void
    ) -> [UInt8] {
        var w = BitWriter()
        let (lc, dc) = Encoders.dynamicHeader(literal: literal, distance: distance, into: &w)
        body(&w, lc, dc)
        if pad { w.bits(0, 64) }
        return w.finish()
    }

    @Test func missingEndOfBlock() {
        var lit = [Int](repeating: 0, count: 257)
        lit[65] = 1
        lit[66] = 1
        #expect(rawError(dynamic(literal: lit, distance: [1]) { _, _, _ in })?.message
            == "dynamic block has no end-of-block code")
    }

    @Test func incompleteAndOversubscribedLiteralCodes() {
        var lit = [Int](repeating: 0, count: 257)
        lit[65] = 2
        lit[256] = 2
        #expect(rawError(dynamic(literal: lit, distance: [1]) { _, _, _ in })?.message == "incomplete literal/length code")
        lit[66] = 1
        lit[67] = 1
        #expect(rawError(dynamic(literal: lit, distance: [1]) { _, _, _ in })?.message == "over-subscribed literal/length code")
    }

    @Test func badDistanceCodes() {
        var lit = [Int](repeating: 0, count: 257)
        lit[65] = 1
        lit[256] = 1
        let over = dynamic(literal: lit, distance: [1, 1, 1]) { _, _, _ in }
        #expect(rawError(over)?.message == "over-subscribed distance code")
        let incomplete = dynamic(literal: lit, distance: [2, 2, 2]) { _, _, _ in }
        #expect(rawError(incomplete)?.message == "incomplete distance code")
    }

    @Test func singleCodesAndEmptyDistanceTreeAreAccepted() throws {
        // Only literal 'A' and end-of-block (one bit each), no distance codes at all.
        var lit = [Int](repeating: 0, count: 257)
        lit[65] = 1
        lit[256] = 1
        let data = dynamic(literal: lit, distance: [0], pad: false) { w, lc, _ in
            for _ in 0..<5 { w.code(lc[65], 1) }
            w.code(lc[256], 1)
        }
        #expect(try Inflate.rawInflate(data, maxOutput: 100) == Array("AAAAA".utf8))

        // One distance code of length 1 (as zlib emits), used for a run.
        var lit2 = [Int](repeating: 0, count: 258)
        lit2[65] = 1
        lit2[256] = 2
        lit2[257] = 2
        let withMatch = dynamic(literal: lit2, distance: [1], pad: false) { w, lc, dc in
            w.code(lc[65], 1)
            w.code(lc[257], 2)
            w.code(dc[0], 1)
            w.code(lc[256], 2)
        }
        #expect(try Inflate.rawInflate(withMatch, maxOutput: 100) == Array("AAAA".utf8))

        // Using the unassigned half of a single-code distance tree is an invalid code.
        let bad = dynamic(literal: lit2, distance: [1]) { w, lc, _ in
            w.code(lc[65], 1)
            w.code(lc[257], 2)
            w.bits(1, 1)
        }
        #expect(rawError(bad)?.message == "invalid distance code")
        // A match with no distance codes at all.
        let none = dynamic(literal: lit2, distance: [0]) { w, lc, _ in
            w.code(lc[65], 1)
            w.code(lc[257], 2)
            w.bits(0, 1)
        }
        #expect(rawError(none)?.message == "invalid distance code")
    }

    @Test func endlessEmptyStoredBlocksEnd() {
        // 200,000 empty non-final stored blocks and no final block: finite work, then .truncated.
        var data: [UInt8] = []
        data.reserveCapacity(1_000_000)
        for _ in 0..<200_000 { data += [0x00, 0x00, 0x00, 0xFF, 0xFF] }
        #expect(rawError(data) == .truncated)
        data += [0x01, 0x00, 0x00, 0xFF, 0xFF]
        #expect(rawError(data) == nil)
    }

    @Test func trailingDataAfterRawStream() {
        let data = Encoders.stored(Array("abc".utf8)) + [0x42]
        #expect(rawError(data)?.message == "unexpected data after the end of the compressed stream")
    }
}
