#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TimeSeries

/// The store observer behind `--record`: every batch a `SeriesStore` commits (polled and
/// scraped samples, never rule output) goes to a `RecordWriter` as one block, stamped with the
/// wall-clock time of the commit.
///
/// A write error (a full disk) stops recording — ingest goes on unrecorded — and is kept in the
/// writer's `failure`. The tap holds no mutable state; the writer guards its own.
public final class RecordingTap: IngestObserver {
    public let writer: RecordWriter
    private let session: UInt32

    public init(writer: RecordWriter) {
        self.writer = writer
        session = writer.newSession()
    }

    /// The write error that stopped recording, if any.
    public var failure: RecordingError? { writer.failure }

    public func store(_ store: SeriesStore, didCommit batch: IngestBatch) {
        do {
            try writer.writeSamples(time: Self.wallClockMs(), session: session, refs: batch.refs.map(\.rawValue),
                                    ts: batch.ts, bits: batch.bits) { store.labels(of: SeriesRef(rawValue: $0)) }
        } catch {
            // Kept by the writer as its `failure`.
        }
    }

    public func store(_ store: SeriesStore, didSetMetadata meta: MetricMetadata, for metric: String) {
        do {
            try writer.writeMetadata(time: Self.wallClockMs(), metric: metric, meta: meta)
        } catch {
            // Kept by the writer as its `failure`.
        }
    }

    /// Declares the rule groups of the run (see `RecordWriter.declareGroups`).
    public func declare(_ groups: [RecordedGroup]) {
        do {
            try writer.declareGroups(time: Self.wallClockMs(), groups)
        } catch {
            // Kept by the writer as its `failure`.
        }
    }

    /// Notes a rule group evaluation and the alerts whose state it changed.
    public func evaluated(_ group: RecordedGroup, at evalTime: Int64, transitions: [RecordedAlert]) {
        do {
            try writer.writeEvaluation(time: Self.wallClockMs(), group: group, at: evalTime, transitions: transitions)
        } catch {
            // Kept by the writer as its `failure`.
        }
    }

    /// Milliseconds since the Unix epoch.
    public static func wallClockMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
