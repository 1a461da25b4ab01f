#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import TimeSeries

/// The store observer behind `--record`: every batch a `SeriesStore` commits (polled and
/// scraped samples, never rule output) goes to a `RecordWriter` as one block, stamped with the
/// wall-clock time of the commit.
///
/// A write error (a full disk) stops the tap — ingest goes on unrecorded — and is kept in
/// `failure` for the UI. The failure sits behind a `Mutex`; the writer guards itself.
public final class RecordingTap: IngestObserver {
    public let writer: RecordWriter
    private let session: UInt32
    private let failed = Mutex<RecordingError?>(nil)

    public init(writer: RecordWriter) {
        self.writer = writer
        session = writer.newSession()
    }

    /// The write error that stopped recording, if any.
    public var failure: RecordingError? { failed.withLock { $0 } }

    public func store(_ store: SeriesStore, didCommit batch: IngestBatch) {
        guard failure == nil else { return }
        do {
            try writer.writeSamples(time: Self.wallClockMs(), session: session, refs: batch.refs.map(\.rawValue),
                                    ts: batch.ts, bits: batch.bits) { store.labels(of: SeriesRef(rawValue: $0)) }
        } catch {
            failed.withLock { $0 = $0 ?? error }
        }
    }

    public func store(_ store: SeriesStore, didSetMetadata meta: MetricMetadata, for metric: String) {
        guard failure == nil else { return }
        do {
            try writer.writeMetadata(time: Self.wallClockMs(), metric: metric, meta: meta)
        } catch {
            failed.withLock { $0 = $0 ?? error }
        }
    }

    /// Notes a rule group evaluation and the alerts whose state it changed.
    public func evaluated(_ group: RecordedGroup, at evalTime: Int64, transitions: [RecordedAlert]) {
        guard failure == nil else { return }
        do {
            try writer.writeEvaluation(time: Self.wallClockMs(), group: group, at: evalTime, transitions: transitions)
        } catch {
            failed.withLock { $0 = $0 ?? error }
        }
    }

    /// Milliseconds since the Unix epoch.
    public static func wallClockMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
