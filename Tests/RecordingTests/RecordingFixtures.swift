import Foundation
import Recording
import TimeSeries

/// A recorded sample with its label set resolved (series ids are per file).
struct ReadSample: Hashable {
    let labels: Labels
    let t: Int64
    let bits: UInt64
}

/// Reading helpers shared by the recording tests.
enum RecordingFixtures {
    /// Every block of the recording at `path`, its samples resolved, and the reader.
    static func readAll(_ path: String) throws -> (blocks: [RecordBlock], samples: [[ReadSample]], reader: RecordReader) {
        let reader = try RecordReader(path: path)
        var blocks: [RecordBlock] = []
        var samples: [[ReadSample]] = []
        while let b = try reader.next() {
            blocks.append(b)
            samples.append(b.samples.map { ReadSample(labels: reader.labels(ofSeries: $0.series), t: $0.t, bits: $0.bits) })
        }
        return (blocks, samples, reader)
    }

    static func labels(_ name: String, _ pairs: [String: String] = [:]) -> Labels {
        Labels(pairs.merging([metricNameLabel: name]) { a, _ in a })
    }

    /// Writes batches through a writer with a fixed label table (ref = index into `series`).
    static func write(_ writer: RecordWriter, series: [Labels], batches: [(time: Int64, samples: [(Int, Int64, UInt64)])]) throws {
        let session = writer.newSession()
        for b in batches {
            try writer.writeSamples(time: b.time, session: session, refs: b.samples.map { UInt64($0.0) },
                                    ts: b.samples.map(\.1), bits: b.samples.map(\.2)) { series[Int($0)] }
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
