import Testing
import TimeSeries
@testable import Recording

/// `seek(to:)` and `startTime()`, within a file and across rotated files.
@Suite struct SeekTests {
    static let series = (0..<20).map { RecordingFixtures.labels("m", ["i": String($0)]) }

    func record(_ path: String, maxBytes: Int64, count: Int) throws {
        let writer = try RecordWriter(path: path, maxBytes: maxBytes, keep: 100)
        try RecordingFixtures.write(writer, series: Self.series, batches: (0..<count).map { k in
            let t = 10_000 + Int64(k) * 1000
            return (t, Self.series.indices.map { ($0, t, Double(k * 3 + $0).bitPattern) })
        })
        writer.close()
    }

    @Test(arguments: [Int64(1 << 30), 2048])
    func seekLandsOnTheFirstBlockAtOrAfter(maxBytes: Int64) throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        try record(path, maxBytes: maxBytes, count: 60)
        let reader = try RecordReader(path: path)
        #expect(try reader.startTime() == 10_000)
        for target: Int64 in [0, 10_000, 10_001, 35_000, 35_500, 69_000, 70_000] {
            try reader.seek(to: target)
            let b = try reader.next()
            let expected: Int64? = target > 69_000 ? nil : max(10_000, (target + 999) / 1000 * 1000)
            #expect(b?.time == expected, "seek \(target)")
            if let b {
                // Values decode as they would from the start: XOR state was rebuilt.
                let k = Int((b.time - 10_000) / 1000)
                #expect(b.samples.map(\.value) == Self.series.indices.map { Double(k * 3 + $0) })
                #expect(b.samples.map { reader.labels(ofSeries: $0.series) } == Self.series)
            }
        }
    }

    /// Files that end before the target are not read: damage in them goes unnoticed.
    @Test func seekSkipsEarlierFiles() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        try record(path, maxBytes: 1024, count: 60)
        let files = RecordReader.rotatedSet(path)
        #expect(files.count > 3)
        // Damage the middle of the oldest file (its first block stays intact).
        var bytes = try RecordingFixtures.bytes(files[0])
        bytes[bytes.count / 2] ^= 0xFF
        bytes.append(contentsOf: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        try RecordingFixtures.writeBytes(bytes, to: files[0])
        let reader = try RecordReader(path: path)
        try reader.seek(to: 65_000)
        var times: [Int64] = []
        while let b = try reader.next() { times.append(b.time) }
        #expect(times == (65...69).map { Int64($0) * 1000 })
        // Reading from the start runs into it.
        let again = try RecordReader(path: path)
        #expect(throws: RecordingError.self) { while try again.next() != nil {} }
    }
}
