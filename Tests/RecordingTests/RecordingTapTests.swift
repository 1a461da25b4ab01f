import Testing
import TimeSeries
@testable import Recording

/// The store's ingest tap: batch commits are recorded (accepted samples only), single appends
/// — the rule engine's path — are not, metadata is, and an observer-less store is unchanged.
@Suite struct RecordingTapTests {
    @Test func recordsCommittedBatchesOnly() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path)
        let tap = RecordingTap(writer: writer)
        let store = SeriesStore(options: .init(), observer: tap)
        let up = store.getOrCreate(RecordingFixtures.labels("up", ["job": "a"]))
        let load = store.getOrCreate(RecordingFixtures.labels("load", ["job": "a"]))
        let rule = store.getOrCreate(RecordingFixtures.labels("job:load:avg"))
        store.appendBatch { a in
            a.append(up, 1000, 1)
            a.append(load, 1000, 0.5)
        }
        store.append(rule, 1000, 0.5)  // a recording rule's output
        store.markStale(rule, 2000)
        store.setMetadata("load", MetricMetadata(type: .gauge, help: "Load."))
        let summary = store.appendBatch { a in
            a.append(up, 2000, 1)
            a.append(load, 500, 9)         // out of order: rejected, not recorded
            a.append(up, 2000, 1)          // duplicate: not recorded again
            a.markStale(load, 2000)
        }
        #expect(summary.appended == 2 && summary.outOfOrder == 1 && summary.duplicate == 1)
        writer.close()
        #expect(tap.failure == nil)
        let (blocks, samples, _) = try RecordingFixtures.readAll(path)
        #expect(blocks.count == 3)
        #expect(samples[0] == [
            ReadSample(labels: RecordingFixtures.labels("up", ["job": "a"]), t: 1000, bits: Double(1.0).bitPattern),
            ReadSample(labels: RecordingFixtures.labels("load", ["job": "a"]), t: 1000, bits: Double(0.5).bitPattern),
        ])
        #expect(blocks[1].metadata == [RecordBlock.Metadata(metric: "load", meta: MetricMetadata(type: .gauge, help: "Load."))])
        #expect(samples[2] == [
            ReadSample(labels: RecordingFixtures.labels("up", ["job": "a"]), t: 2000, bits: Double(1.0).bitPattern),
            ReadSample(labels: RecordingFixtures.labels("load", ["job": "a"]), t: 2000, bits: StaleNaN.bits),
        ])
        #expect(!samples.joined().contains { $0.labels.metricName == "job:load:avg" })
    }

    /// Replaying a recording into a fresh store rebuilds the same samples.
    @Test func replayIntoAStoreMatches() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("rec")
        let writer = try RecordWriter(path: path, maxBytes: 4096, keep: 50)
        let live = SeriesStore(options: .init(), observer: RecordingTap(writer: writer))
        let refs = (0..<30).map { live.getOrCreate(RecordingFixtures.labels("m", ["i": String($0)])) }
        var rng = SplitMix(seed: 5)
        for k in 0..<100 {
            live.appendBatch { a in
                for (i, r) in refs.enumerated() where (k + i) % 7 != 0 {
                    a.append(r, Int64(k) * 15_000, i % 3 == 0 ? Double(rng.next() % 1000) : Double(bitPattern: rng.next() >> 2))
                }
                if k % 10 == 9 { a.markStale(refs[k % 30], Int64(k) * 15_000 + 1) }
            }
        }
        writer.close()
        let replayed = SeriesStore()
        let reader = try RecordReader(path: path)
        var cache: [Int: [Int: SeriesRef]] = [:]
        while let b = try reader.next() {
            replayed.appendBatch { a in
                for s in b.samples {
                    let ref = cache[b.file, default: [:]][s.series] ?? replayed.getOrCreate(reader.labels(ofSeries: s.series))
                    cache[b.file, default: [:]][s.series] = ref
                    a.append(ref, s.t, s.value)
                }
            }
        }
        let matcher = [try LabelMatcher(.equal, metricNameLabel, "m")]
        let a = live.select(matcher, mint: .min, maxt: .max)
        let b = replayed.select(matcher, mint: .min, maxt: .max)
        #expect(a.map(\.labels) == b.map(\.labels))
        #expect(a.map { $0.samples.map { [UInt64($0.t), $0.v.bitPattern] } } == b.map { $0.samples.map { [UInt64($0.t), $0.v.bitPattern] } })
    }
}
