import Testing
import TimeSeries
@testable import Recording

/// What goes in comes out: samples bit-exact (staleness markers, NaN payloads, infinities),
/// timestamps, label sets, metadata and rule evaluations.
@Suite struct RecordRoundTripTests {
    static let series: [Labels] = [
        RecordingFixtures.labels("up", ["job": "node", "instance": "127.0.0.1:9100"]),
        RecordingFixtures.labels("http_requests_total", ["job": "api", "code": "200", "path": "/v1/ünïcödé \"q\"\n"]),
        RecordingFixtures.labels("temperature", ["job": "api", "room": String(repeating: "x", count: 5000)]),
        Labels([Label("__name__", "no_other_labels")]),
    ]

    @Test func samplesComeBackBitExact() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let values: [UInt64] = [
            Double(1.0).bitPattern, StaleNaN.bits, Double.nan.bitPattern, 0x7FF8_0000_DEAD_BEEF, 0xFFF0_0000_0000_0001,
            Double.infinity.bitPattern, (-Double.infinity).bitPattern, (-0.0).bitPattern, 0, Double(1e-310).bitPattern,
        ]
        var batches: [(time: Int64, samples: [(Int, Int64, UInt64)])] = []
        var expected: [[ReadSample]] = []
        for (k, v) in values.enumerated() {
            let time = 1_700_000_000_000 + Int64(k) * 15_000
            let samples = Self.series.indices.map { i in (i, time - Int64(i), i == 1 ? Double(k * 7).bitPattern : v) }
            batches.append((time, samples))
            expected.append(samples.map { ReadSample(labels: Self.series[$0.0], t: $0.1, bits: $0.2) })
        }
        // Explicit timestamps far from the block time, and going backwards within a batch.
        let odd: [(Int, Int64, UInt64)] = [(0, -5, Double(2.0).bitPattern), (3, Int64.max, Double(3.0).bitPattern), (2, Int64.min, StaleNaN.bits)]
        batches.append((1_800_000_000_000, odd))
        expected.append(odd.map { ReadSample(labels: Self.series[$0.0], t: $0.1, bits: $0.2) })
        let writer = try RecordWriter(path: path)
        try RecordingFixtures.write(writer, series: Self.series, batches: batches)
        writer.close()
        let (blocks, samples, reader) = try RecordingFixtures.readAll(path)
        #expect(samples == expected)
        #expect(blocks.map(\.time) == batches.map(\.time))
        #expect(reader.dropped.isEmpty)
        #expect(writer.stats.samples == expected.reduce(0) { $0 + $1.count })
    }

    @Test func metadataAndEvaluations() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path)
        let meta = MetricMetadata(type: .counter, help: "Requests served.", unit: "requests")
        try writer.writeMetadata(time: 10, metric: "http_requests_total", meta: meta)
        try writer.writeMetadata(time: 11, metric: "http_requests_total", meta: meta)  // unchanged: not written again
        try writer.writeMetadata(time: 12, metric: "temp", meta: MetricMetadata(type: .gaugeHistogram))
        let group = RecordedGroup(name: "demo", file: "/etc/rules.yml", interval: 15_000)
        let alert = RecordedAlert(labels: Labels(["alertname": "High", "severity": "page"]), state: .pending)
        try writer.writeEvaluation(time: 20, group: group, at: 15, transitions: [alert])
        try writer.writeEvaluation(time: 30, group: group, at: 30, transitions: [])
        try writer.writeEvaluation(time: 45, group: group, at: 45, transitions: [RecordedAlert(labels: alert.labels, state: .firing)])
        writer.close()
        let (blocks, _, _) = try RecordingFixtures.readAll(path)
        #expect(blocks.flatMap(\.metadata) == [
            RecordBlock.Metadata(metric: "http_requests_total", meta: meta),
            RecordBlock.Metadata(metric: "temp", meta: MetricMetadata(type: .gaugeHistogram)),
        ])
        let evals = blocks.flatMap(\.evaluations)
        #expect(evals.map(\.time) == [15, 30, 45])
        #expect(evals.allSatisfy { $0.group == group })
        #expect(evals[0].transitions == [alert])
        #expect(evals[1].transitions.isEmpty)
        #expect(evals[2].transitions == [RecordedAlert(labels: alert.labels, state: .firing)])
    }

    /// Block times never go backwards, even when the wall clock does.
    @Test func blockTimesAreMonotonic() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path)
        try RecordingFixtures.write(writer, series: Self.series, batches: [
            (1000, [(0, 1000, Double(1.0).bitPattern)]), (900, [(0, 1001, Double(2.0).bitPattern)]), (1200, [(0, 1200, Double(3.0).bitPattern)]),
        ])
        writer.close()
        #expect(try RecordingFixtures.readAll(path).blocks.map(\.time) == [1000, 1000, 1200])
    }

    /// A batch bigger than the block target is split; every sample still comes back.
    @Test func largeBatchSplitsIntoBlocks() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let many = (0..<40_000).map { RecordingFixtures.labels("m", ["i": String($0), "pad": String(repeating: "p", count: 40)]) }
        let writer = try RecordWriter(path: path, maxBytes: 1 << 30)
        var rng = SplitMix(seed: 7)
        let samples = many.indices.map { ($0, Int64(5000), rng.next()) }
        try RecordingFixtures.write(writer, series: many, batches: [(5000, samples)])
        writer.close()
        let (blocks, read, _) = try RecordingFixtures.readAll(path)
        #expect(blocks.count > 1)
        #expect(read.flatMap { $0 } == samples.map { ReadSample(labels: many[$0.0], t: $0.1, bits: $0.2) })
    }

    @Test func samplesOfUnknownSeriesAreLeftOut() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path)
        let session = writer.newSession()
        try writer.writeSamples(time: 1, session: session, refs: [0, 99, 1], ts: [1, 1, 1],
                                bits: [Double(1.0).bitPattern, Double(2.0).bitPattern, Double(3.0).bitPattern]) { $0 < 2 ? Self.series[Int($0)] : nil }
        writer.close()
        let read = try RecordingFixtures.readAll(path).samples.flatMap { $0 }
        #expect(read.map(\.labels) == [Self.series[0], Self.series[1]])
        #expect(read.map(\.bits) == [Double(1.0).bitPattern, Double(3.0).bitPattern])
    }

    /// Two sessions (a config reload builds a new store) may reuse refs for other series.
    @Test func sessionsKeepRefsApart() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path)
        try RecordingFixtures.write(writer, series: [Self.series[0]], batches: [(1, [(0, 1, Double(1.0).bitPattern)])])
        try RecordingFixtures.write(writer, series: [Self.series[1]], batches: [(2, [(0, 2, Double(2.0).bitPattern)])])
        writer.close()
        let read = try RecordingFixtures.readAll(path).samples.flatMap { $0 }
        #expect(read.map(\.labels) == [Self.series[0], Self.series[1]])
    }

    @Test func emptyRecordingHasNoBlocks() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        RecordWriterCloser.open(path)
        let (blocks, _, reader) = try RecordingFixtures.readAll(path)
        #expect(blocks.isEmpty)
        #expect(reader.dropped.isEmpty)
        #expect(try reader.startTime() == nil)
    }

    @Test func missingRecordingIsAnError() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        #expect(throws: RecordingError.self) { _ = try RecordReader(path: dir.path("none")) }
    }
}

/// Opens and closes a writer, leaving a file with just the header.
enum RecordWriterCloser {
    static func open(_ path: String) {
        (try? RecordWriter(path: path))?.close()
    }
}
