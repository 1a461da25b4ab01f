import Foundation
import Testing
import TimeSeries
@testable import Recording

/// Crashes and hostile files: a torn tail is dropped and reported; any other damage is an
/// error naming the file and byte offset; nothing traps.
@Suite struct CorruptionTests {
    static let series = (0..<8).map { RecordingFixtures.labels("m", ["i": String($0)]) }

    /// A recording of `count` batches; returns the path and each block's frame offset.
    func recording(_ dir: TempDirectory, count: Int = 5) throws -> (String, [Int64]) {
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path)
        try RecordingFixtures.write(writer, series: Self.series, batches: (0..<count).map { k in
            (Int64(k) * 1000, Self.series.indices.map { ($0, Int64(k) * 1000, Double(k + $0).bitPattern) })
        })
        writer.close()
        let (blocks, _, _) = try RecordingFixtures.readAll(path)
        return (path, blocks.map(\.offset))
    }

    @Test func tornTailIsDroppedAndReported() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, offsets) = try recording(dir)
        let bytes = try RecordingFixtures.bytes(path)
        for cut in [1, 5, 9, 20] {
            let torn = Array(bytes.dropLast(cut))
            try RecordingFixtures.writeBytes(torn, to: path)
            let (blocks, _, reader) = try RecordingFixtures.readAll(path)
            #expect(blocks.count == 4, "cut \(cut)")
            #expect(reader.dropped.count == 1)
            #expect(reader.dropped.first?.offset == offsets[4])
            #expect(reader.droppedBytes == Int64(torn.count) - offsets[4])
        }
        // A partial frame header after the last good block.
        try RecordingFixtures.writeBytes(bytes + [7, 0, 0], to: path)
        let (blocks, _, reader) = try RecordingFixtures.readAll(path)
        #expect(blocks.count == 5)
        #expect(reader.droppedBytes == 3)
        #expect(reader.dropped.first?.reason.contains("header") == true)
    }

    @Test func checksumMismatchInLastBlockIsATornTail() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, offsets) = try recording(dir)
        var bytes = try RecordingFixtures.bytes(path)
        bytes[bytes.count - 2] ^= 0x40
        try RecordingFixtures.writeBytes(bytes, to: path)
        let (blocks, _, reader) = try RecordingFixtures.readAll(path)
        #expect(blocks.count == 4)
        #expect(reader.dropped.first?.offset == offsets[4])
        #expect(reader.dropped.first?.reason.contains("checksum") == true)
    }

    @Test func zeroFilledTailIsATornTail() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, _) = try recording(dir)
        let bytes = try RecordingFixtures.bytes(path)
        try RecordingFixtures.writeBytes(bytes + [UInt8](repeating: 0, count: 10_000), to: path)
        let (blocks, _, reader) = try RecordingFixtures.readAll(path)
        #expect(blocks.count == 5)
        #expect(reader.droppedBytes == 10_000)
    }

    @Test func checksumMismatchInTheMiddleIsAnErrorWithOffset() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, offsets) = try recording(dir)
        var bytes = try RecordingFixtures.bytes(path)
        bytes[Int(offsets[2]) + 12] ^= 0x01
        try RecordingFixtures.writeBytes(bytes, to: path)
        let reader = try RecordReader(path: path)
        _ = try reader.next()
        _ = try reader.next()
        let e = #expect(throws: RecordingError.self) { _ = try reader.next() }
        #expect(e?.offset == offsets[2])
        #expect(e?.message.contains("checksum") == true)
        #expect(e?.description.hasPrefix("\(path): offset \(offsets[2]): ") == true)
    }

    @Test func badMagicAndVersion() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, _) = try recording(dir)
        var bytes = try RecordingFixtures.bytes(path)
        bytes[0] = UInt8(ascii: "X")
        try RecordingFixtures.writeBytes(bytes, to: path)
        let magic = #expect(throws: RecordingError.self) { _ = try RecordingFixtures.readAll(path) }
        #expect(magic?.message.contains("magic") == true)
        bytes[0] = UInt8(ascii: "V")
        bytes[8] = 9
        try RecordingFixtures.writeBytes(bytes, to: path)
        let version = #expect(throws: RecordingError.self) { _ = try RecordingFixtures.readAll(path) }
        #expect(version?.message.contains("version 9") == true)
        #expect(version?.offset == 8)
        // Some other file altogether.
        try RecordingFixtures.writeBytes(Array("# HELP up Whether up.\nup 1\n".utf8), to: path)
        #expect(throws: RecordingError.self) { _ = try RecordingFixtures.readAll(path) }
    }

    /// A frame with a valid checksum around a payload that does not decode.
    func framed(_ payload: [UInt8]) -> [UInt8] {
        var w = ByteWriter()
        w.append(RecordFormat.magic)
        w.u16(RecordFormat.version)
        w.u16(0)
        w.u32(UInt32(payload.count))
        w.u32(CRC32C.checksum(payload))
        w.append(payload)
        return w.bytes
    }

    @Test(arguments: [
        ([UInt8](repeating: 0xFF, count: 10) + [0x01], "varint overflows"),         // time: 11-byte varint
        ([UInt8](repeating: 0x80, count: 9) + [0x02], "varint overflows"),          // 10th byte > 1
        ([0x02, 0x02, 0x01] + [UInt8](repeating: 0x80, count: 12), "varint"),       // sample id runs off the end
        ([0x02, 0x09], "unknown record type 9"),
        ([0x02, 0x02, 0x01, 0x00, 0x00], "undeclared series"),                     // sample before any series
        ([0x02, 0x01, 0x05, 0x00], "out of sequence"),                              // series id 5 first
        ([0x02, 0x01, 0x00, 0x01, 0x03], "undeclared symbol"),
        ([0x02, 0x01, 0x00, 0x01, 0x00, 0x7F], "block ends"),                       // string runs past the end
        ([0x02, 0x01, 0x00, 0x01, 0x00, 0x02, 0xC3, 0x28, 0x00, 0x00], "UTF-8"),
        ([0x02, 0x01, 0x00, 0xFF, 0xFF, 0x03], "label count"),
        ([0x02, 0x02, 0xFF, 0xFF, 0xFF, 0x7F], "sample count"),                     // claims millions of samples
        ([0x02, 0x05, 0x00, 0x00, 0x00], "undeclared group"),
        ([0x02, 0x03, 0x00, 0x01, 0x61, 0x63, 0x00, 0x00], "unknown metric type"),
        ([0x02, 0x01, 0x00, 0x00, 0x02, 0x01, 0x00, 0x50, 0x00], "unknown value tag"),
    ] as [([UInt8], String)])
    func hostilePayloads(payload: [UInt8], expected: String) throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        try RecordingFixtures.writeBytes(framed(payload), to: path)
        let e = #expect(throws: RecordingError.self) { _ = try RecordingFixtures.readAll(path) }
        #expect(e?.message.contains(expected) == true, "\(e?.description ?? "no error")")
        if let offset = e?.offset { #expect(offset >= 20 && offset <= 20 + Int64(payload.count)) }
    }

    @Test func hugeBlockLengthInTheMiddleIsAnError() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, offsets) = try recording(dir)
        var bytes = try RecordingFixtures.bytes(path)
        bytes[Int(offsets[1]) + 3] = 0xFF
        try RecordingFixtures.writeBytes(bytes, to: path)
        let e = #expect(throws: RecordingError.self) { _ = try RecordingFixtures.readAll(path) }
        #expect(e?.offset == offsets[1])
    }

    /// Random damage: every outcome is blocks, a reported tail or a `RecordingError`.
    @Test func randomDamageNeverTraps() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let (path, _) = try recording(dir, count: 12)
        let original = try RecordingFixtures.bytes(path)
        var rng = SplitMix(seed: 2024)
        var errors = 0
        for round in 0..<400 {
            var bytes = original
            let flips = 1 + Int(rng.next() % 4)
            for _ in 0..<flips {
                let i = Int(rng.next() % UInt64(bytes.count))
                bytes[i] = round % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : bytes[i] ^ (1 << UInt8(rng.next() % 8))
            }
            if round % 5 == 0 { bytes.removeLast(Int(rng.next() % UInt64(bytes.count / 2))) }
            try RecordingFixtures.writeBytes(bytes, to: path)
            do {
                _ = try RecordingFixtures.readAll(path)
            } catch is RecordingError {
                errors += 1
            }
        }
        #expect(errors > 0)
    }

    /// Payloads with valid checksums and random contents: the decoder's own checks must hold.
    @Test func randomPayloadsNeverTrap() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        var rng = SplitMix(seed: 99)
        for _ in 0..<400 {
            let n = 1 + Int(rng.next() % 64)
            var payload = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            payload[0] = 0x02
            if n > 1 { payload[1] = [0x01, 0x02, 0x03, 0x04, 0x05][Int(rng.next() % 5)] }
            try RecordingFixtures.writeBytes(framed(payload), to: path)
            do { _ = try RecordingFixtures.readAll(path) } catch is RecordingError {}
        }
    }
}
