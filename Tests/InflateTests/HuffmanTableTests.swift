import Testing
@testable import Inflate

/// The table builder: code validation and the two-level layout.
struct HuffmanTableTests {
    func build(_ lengths: [UInt8], bits: Int = 4) -> (HuffmanTable.Problem?, [UInt32]) {
        var table: [UInt32] = []
        let p = HuffmanTable.build(lengths[...], mainBits: bits, into: &table, info: HuffmanTable.codeLengthInfo)
        return (p, table)
    }

    @Test func validation() {
        #expect(build([1, 1]).0 == nil)
        #expect(build([1, 1, 1]).0 == .overSubscribed)
        #expect(build([2, 2, 2]).0 == .incomplete)
        #expect(build([0, 1, 0]).0 == nil, "a single one-bit code is allowed")
        #expect(build([0, 2, 0]).0 == .incomplete)
        #expect(build([0, 0]).0 == nil, "an empty code gives an all-invalid table")
        #expect(build([0, 0]).1.allSatisfy { $0 & HuffmanTable.invalid != 0 })
    }

    @Test func subTables() {
        // Lengths 1, 2, ..., 7, 7 with a 4-bit main table: codes of 5–7 bits share one prefix.
        let (p, table) = build([1, 2, 3, 4, 5, 6, 7, 7], bits: 4)
        #expect(p == nil)
        #expect(table.count == 16 + 8)
        #expect(table[0b1111] & HuffmanTable.link != 0)
        #expect(table.allSatisfy { $0 & HuffmanTable.invalid == 0 })
        // Symbol 7's code is 1111111 (reversed, still all ones): sub-table index 0b111.
        let sub = Int(table[0b1111] >> 16)
        #expect(table[sub + 0b111] >> 16 == 7)
        #expect(table[sub + 0b111] & 15 == 3)
    }

    @Test func fixedTables() {
        #expect(HuffmanTable.fixedLiteralLength.count == 1024)
        #expect(HuffmanTable.fixedDistance.count == 256)
    }
}
