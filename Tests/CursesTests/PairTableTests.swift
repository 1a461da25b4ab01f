import Testing
@testable import Curses

struct PairTableTests {
    typealias C = PairTable.Colors
    static let zero = C(fg: -1, bg: -1)

    /// "n" for pair n already defined, "n new" when it must be (re)defined, "none" when full.
    func take(_ t: inout PairTable, _ fg: Int32, _ bg: Int32 = -1) -> String {
        guard let r = t.acquire(C(fg: fg, bg: bg)) else { return "none" }
        return r.define ? "\(r.pair) new" : "\(r.pair)"
    }

    @Test func allocatesOnDemandAndShares() {
        var t = PairTable(capacity: 10, zero: PairTableTests.zero)
        #expect(take(&t, -1) == "0")
        #expect(take(&t, 1) == "1 new")
        #expect(take(&t, 1) == "1")
        #expect(t.count(1) == 2)
        #expect(take(&t, 2, 0) == "2 new")
        #expect(t.colors(of: 2) == C(fg: 2, bg: 0))
        #expect(t.defined == 2)
    }

    @Test func reusesOnlyPairsNoCellShows() {
        var t = PairTable(capacity: 2, zero: PairTableTests.zero)
        #expect(take(&t, 1) == "1 new")
        #expect(take(&t, 2) == "2 new")
        // Full, both on screen: nothing to give.
        #expect(take(&t, 3) == "none")
        t.release(2)
        #expect(take(&t, 3) == "2 new")  // pair 2 redefined
        #expect(t.colors(of: 2) == C(fg: 3, bg: -1))
        // The old colours are gone from the table: asking again needs a free pair.
        #expect(take(&t, 2) == "none")
    }

    @Test func idlePairsKeepTheirDefinitionUntilNeeded() {
        var t = PairTable(capacity: 3, zero: PairTableTests.zero)
        #expect(take(&t, 1) == "1 new")
        t.release(1)
        // Count zero, but still defined: reacquiring needs no init_pair.
        #expect(take(&t, 1) == "1")
    }

    @Test func evictsTheOneReleasedLongestAgo() {
        var t = PairTable(capacity: 3, zero: PairTableTests.zero)
        for fg in Int32(1)...3 { _ = take(&t, fg) }
        t.release(3)
        t.release(1)
        t.release(2)
        #expect(take(&t, 10) == "3 new")
        #expect(take(&t, 11) == "1 new")
        // Pair 2 came back into use before it was needed: it is skipped.
        #expect(take(&t, 2) == "2")
        #expect(take(&t, 12) == "none")
    }

    @Test func releaseAllAfterAClear() {
        var t = PairTable(capacity: 2, zero: PairTableTests.zero)
        _ = take(&t, 1)
        _ = take(&t, 2)
        t.releaseAll()
        #expect(t.count(1) == 0 && t.count(2) == 0)
        #expect(take(&t, 5) == "1 new")
        #expect(take(&t, 2) == "2")
    }

    @Test func releaseIsBounded() {
        var t = PairTable(capacity: 2, zero: PairTableTests.zero)
        t.release(0)
        t.release(7)
        t.release(-3)
        _ = take(&t, 1)
        t.release(1)
        t.release(1)  // already zero: ignored
        #expect(t.count(1) == 0)
        // Churning one pair many times keeps the idle queue bounded and the table correct.
        for _ in 0..<100_000 {
            _ = take(&t, 1)
            t.release(1)
        }
        #expect(take(&t, 9) == "2 new")
        #expect(take(&t, 8) == "1 new")
    }

    @Test func zeroCapacityGivesOnlyPairZero() {
        var t = PairTable(capacity: 0, zero: C(fg: 7, bg: 0))
        #expect(take(&t, 7, 0) == "0")
        #expect(take(&t, 1, 0) == "none")
    }
}
