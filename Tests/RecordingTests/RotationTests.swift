import Foundation
import Testing
import TimeSeries
@testable import Recording

/// Size-bounded files: rotation keeps `keep` old files, each readable on its own, and the set
/// reads back in time order.
@Suite struct RotationTests {
    static let series = (0..<50).map { RecordingFixtures.labels("metric_\($0 % 5)", ["instance": "host-\($0)"]) }

    func batches(_ count: Int) -> [(time: Int64, samples: [(Int, Int64, UInt64)])] {
        (0..<count).map { k in
            let t = 1_000_000 + Int64(k) * 1000
            return (t, Self.series.indices.map { ($0, t, Double(k * $0).bitPattern) })
        }
    }

    @Test func rotatesAndKeepsNewestFiles() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path, maxBytes: 4096, keep: 3)
        let all = batches(200)
        try RecordingFixtures.write(writer, series: Self.series, batches: all)
        writer.close()
        #expect(writer.stats.rotations > 3)
        let files = RecordReader.rotatedSet(path)
        #expect(files == [path + ".3", path + ".2", path + ".1", path])
        #expect(!FileManager.default.fileExists(atPath: path + ".4"))
        for f in files.dropLast() {
            // A rotated file passed the bound by at most one block.
            #expect(try FileIOSize.of(f) < 4096 + 4096)
        }
        // Every file reads on its own: it declares the series it uses.
        for f in files {
            let (blocks, samples, _) = try RecordingFixtures.readAll(f)
            #expect(!blocks.isEmpty)
            #expect(samples.allSatisfy { $0.count == Self.series.count })
        }
        // The set reads back as the newest batches, in order, ending with the last one written.
        let (blocks, samples, reader) = try RecordingFixtures.readAll(path)
        #expect(reader.dropped.isEmpty)
        let times = blocks.map(\.time)
        #expect(times == times.sorted())
        #expect(times.last == all.last?.time)
        let tail = Array(all.suffix(blocks.count))
        #expect(times == tail.map(\.time))
        #expect(samples.flatMap { $0 } == tail.flatMap { b in b.samples.map { ReadSample(labels: Self.series[$0.0], t: $0.1, bits: $0.2) } })
    }

    @Test func keepZeroHasOneFile() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path, maxBytes: 2048, keep: 0)
        try RecordingFixtures.write(writer, series: Self.series, batches: batches(50))
        writer.close()
        #expect(RecordReader.rotatedSet(path) == [path])
        #expect(try FileIOSize.of(path) < 2048 + 4096)
    }

    /// A new writer never appends to an old run: it rotates the existing file first.
    @Test func openingRotatesAnExistingRecording() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let first = try RecordWriter(path: path)
        try RecordingFixtures.write(first, series: Self.series, batches: Array(batches(3).prefix(2)))
        first.close()
        let second = try RecordWriter(path: path)
        try RecordingFixtures.write(second, series: Self.series, batches: Array(batches(3).suffix(1)))
        second.close()
        #expect(RecordReader.rotatedSet(path) == [path + ".1", path])
        let (blocks, _, _) = try RecordingFixtures.readAll(path)
        #expect(blocks.map(\.file) == [0, 0, 1])
        #expect(blocks.map(\.time) == batches(3).map(\.time))
    }
}

/// File sizes for the tests.
enum FileIOSize {
    static func of(_ path: String) throws -> Int64 {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        return (attrs[.size] as? NSNumber)?.int64Value ?? -1
    }
}

/// Rule group declarations are repeated at the start of every file.
@Suite struct GroupDeclarationTests {
    @Test func groupsAreDeclaredInEveryFile() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path, maxBytes: 1024, keep: 10)
        let groups = [RecordedGroup(name: "a", file: "r.yml", interval: 1000), RecordedGroup(name: "b", file: "r.yml", interval: 5000)]
        try writer.declareGroups(time: 0, groups)
        try RecordingFixtures.write(writer, series: RotationTests.series, batches: RotationTests().batches(40))
        writer.close()
        let files = RecordReader.rotatedSet(path)
        #expect(files.count > 2)
        for f in files {
            let reader = try RecordReader(path: f)
            _ = try reader.next()
            #expect(reader.groups == groups, "\(f)")
        }
    }
}
